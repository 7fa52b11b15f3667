import {
  Alert,
  Code,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { fetchServerHealth } from '../api/http-transport';
import { BackupPanel } from '../settings/BackupPanel';
import { MoveDatabasePanel } from '../settings/MoveDatabasePanel';
import { setLanguage } from '../i18n';
import { DesktopSettings } from '../settings/DesktopSettings';
import { ServerStatusPanel } from '../settings/ServerStatusPanel';
import { Section } from '../components/Section';

function Appearance(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Section title={t('settings.appearance')}>
      <Text size="sm" fw={500} id="theme-label">
        {t('settings.theme')}
      </Text>
      <SegmentedControl
        aria-labelledby="theme-label"
        value={colorScheme}
        onChange={(v) => setColorScheme(v as MantineColorScheme)}
        data={(['light', 'dark', 'auto'] as const).map((v) => ({
          value: v,
          label: t(`settings.themes.${v}`),
        }))}
      />
      <Text size="sm" fw={500} id="language-label">
        {t('settings.language')}
      </Text>
      <SegmentedControl
        aria-labelledby="language-label"
        value={i18n.language === 'en' ? 'en' : 'es'}
        onChange={(v) => setLanguage(v === 'en' ? 'en' : 'es')}
        data={[
          { value: 'es', label: 'Español' },
          { value: 'en', label: 'English' },
        ]}
      />
    </Section>
  );
}

/**
 * Browser: what the server reports about itself (GET /health, in words: ServerStatusPanel); its
 * configuration lives on the server.
 */
function ServerHealth(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Section title={t('settings.connection')}>
      <Text size="sm">{t('settings.transportHttp')}</Text>
      <Text size="sm">
        {t('settings.server')}: <Code>{window.location.origin}</Code>
      </Text>
      <ServerStatusPanel />
      <Alert color="blue">{t('settings.httpNote')}</Alert>
    </Section>
  );
}

/** Backups, restores and moving the data (issue #18): in both transports. */
function DatabaseCare({ usesServer }: { usesServer: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t('settings.backups.title')}>
        <BackupPanel />
      </Section>
      <Section title={usesServer ? t('settings.move.titleBack') : t('settings.move.title')}>
        <MoveDatabasePanel key={String(usesServer)} usesServer={usesServer} />
      </Section>
    </>
  );
}

/** Ajustes: appearance everywhere; server settings where the transport offers them. */
export function SettingsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [view, setView] = useState<SettingsView | null>(null);
  /** The browser's server: whether it uses a configured MongoDB (its health says). */
  const [serverMode, setServerMode] = useState<'embedded' | 'configured' | null>(null);
  useEffect(() => {
    if (api.capabilities.settings) void api.getSettings().then(setView, () => setView(null));
    else
      void fetchServerHealth().then(
        (health) => setServerMode(health.database.mode),
        () => setServerMode(null),
      );
  }, [api]);
  return (
    <Stack data-testid="settings-screen">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Appearance />
      {api.capabilities.settings ? (
        view && (
          <>
            <DesktopSettings view={view} onChange={setView} />
            <DatabaseCare usesServer={view.values.mongo_url !== null} />
          </>
        )
      ) : (
        <>
          <ServerHealth />
          <DatabaseCare usesServer={serverMode === 'configured'} />
        </>
      )}
    </Stack>
  );
}
