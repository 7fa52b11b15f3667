import { MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useClientStore } from './api/client-store';
import { AppLayout } from './layout/AppLayout';
import { ClientDetailScreen } from './screens/ClientDetailScreen';
import { ClientsScreen } from './screens/ClientsScreen';
import { JobsScreen } from './screens/JobsScreen';
import { PlanScreen } from './screens/PlanScreen';
import { QuestionnaireScreen } from './screens/QuestionnaireScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { StartupGate } from './screens/StartupGate';
import { TokenPrompt } from './screens/TokenPrompt';
import { GenerationProgressHost } from './components/GenerationProgressHost';
import { theme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'edn360.colorScheme' });

function Routed(): React.JSX.Element {
  return (
    <HashRouter>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/clients" replace />} />
          <Route path="/clients" element={<ClientsScreen />} />
          <Route path="/clients/:id" element={<ClientDetailScreen />} />
          <Route path="/clients/:id/questionnaire" element={<QuestionnaireScreen />} />
          <Route path="/jobs" element={<JobsScreen />} />
          <Route path="/plan/:jobId" element={<PlanScreen />} />
          <Route path="/settings" element={<SettingsScreen />} />
          <Route path="*" element={<Navigate to="/clients" replace />} />
        </Route>
      </Routes>
      <GenerationProgressHost />
    </HashRouter>
  );
}

export function App(): React.JSX.Element {
  const mode = useClientStore((s) => s.mode);
  const client = useClientStore((s) => s.client);
  let body: React.JSX.Element;
  if (mode === 'ipc') body = <StartupGate>{<Routed />}</StartupGate>;
  else body = client ? <Routed /> : <TokenPrompt />;
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <Notifications position="top-right" />
      {body}
    </MantineProvider>
  );
}
