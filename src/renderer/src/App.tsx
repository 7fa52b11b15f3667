import { Center, Loader, MantineProvider, localStorageColorSchemeManager } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import { useClientStore } from './api/client-store';
import { AppLayout } from './layout/AppLayout';
import { ClientDetailScreen } from './screens/ClientDetailScreen';
import { ClientsScreen } from './screens/ClientsScreen';
import { JobsScreen } from './screens/JobsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { StartupGate } from './screens/StartupGate';
import { TokenPrompt } from './screens/TokenPrompt';
import { GenerationProgressHost } from './components/GenerationProgressHost';
import { appTheme } from './theme';

const colorSchemeManager = localStorageColorSchemeManager({ key: 'edn360.colorScheme' });

// The two heaviest screens load on first use: Plan brings the charts, Cuestionario the shared validator.
const PlanScreen = lazy(() => import('./screens/PlanScreen').then((m) => ({ default: m.PlanScreen })));
const PlanEditorScreen = lazy(() =>
  import('./screens/PlanEditorScreen').then((m) => ({ default: m.PlanEditorScreen })),
);
const PlanVersionsScreen = lazy(() =>
  import('./screens/PlanVersionsScreen').then((m) => ({ default: m.PlanVersionsScreen })),
);
const QuestionnaireScreen = lazy(() =>
  import('./screens/QuestionnaireScreen').then((m) => ({ default: m.QuestionnaireScreen })),
);
const QuestionnaireViewScreen = lazy(() =>
  import('./screens/QuestionnaireViewScreen').then((m) => ({ default: m.QuestionnaireViewScreen })),
);

function ScreenLoading(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

function Lazy({ children }: { children: React.ReactNode }): React.JSX.Element {
  return <Suspense fallback={<ScreenLoading />}>{children}</Suspense>;
}

function Routed(): React.JSX.Element {
  return (
    <HashRouter>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/clients" replace />} />
          <Route path="/clients" element={<ClientsScreen />} />
          <Route path="/clients/:id" element={<ClientDetailScreen />} />
          <Route
            path="/clients/:id/questionnaire"
            element={
              <Lazy>
                <QuestionnaireScreen />
              </Lazy>
            }
          />
          <Route
            path="/clients/:id/questionnaires/:submissionId"
            element={
              <Lazy>
                <QuestionnaireViewScreen />
              </Lazy>
            }
          />
          <Route path="/jobs" element={<JobsScreen />} />
          <Route
            path="/plan/:jobId"
            element={
              <Lazy>
                <PlanScreen />
              </Lazy>
            }
          />
          <Route
            path="/plans/:kind/:planId/edit"
            element={
              <Lazy>
                <PlanEditorScreen />
              </Lazy>
            }
          />
          <Route
            path="/plans/:kind/:planId/versions"
            element={
              <Lazy>
                <PlanVersionsScreen />
              </Lazy>
            }
          />
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
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => appTheme(t('common.close')), [t, i18n.language]);
  let body: React.JSX.Element;
  if (mode === 'ipc') body = <StartupGate>{<Routed />}</StartupGate>;
  else body = client ? <Routed /> : <TokenPrompt />;
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      {/* Bottom right: a notice never covers the header actions a coach clicks next. */}
      <Notifications position="bottom-right" />
      {body}
    </MantineProvider>
  );
}
