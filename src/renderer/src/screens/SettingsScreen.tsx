import {
  Alert,
  Button,
  Code,
  Group,
  NumberInput,
  Paper,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HealthResponseSchema, type HealthResponse } from '@shared/api';
import type { SettingsPatch, SettingsView } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { LogViewer } from '../components/LogViewer';
import { setLanguage } from '../i18n';

function Section({ title, children }: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

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

/** Browser: what the server reports about itself (GET /health); its configuration lives on the server. */
function ServerHealth(): React.JSX.Element {
  const { t } = useTranslation();
  const [health, setHealth] = useState<HealthResponse | null>(null);
  useEffect(() => {
    void fetch('/health')
      .then((r) => r.json())
      .then((json: unknown) => setHealth(HealthResponseSchema.parse(json)))
      .catch(() => setHealth(null));
  }, []);
  return (
    <Section title={t('settings.connection')}>
      <Text size="sm">{t('settings.transportHttp')}</Text>
      <Text size="sm">
        {t('settings.server')}: <Code>{window.location.origin}</Code>
      </Text>
      {health && (
        <Code block data-testid="settings-health">
          {JSON.stringify(
            { status: health.status, version: health.version, database: health.database, llm: health.llm },
            null,
            2,
          )}
        </Code>
      )}
      <Alert color="blue">{t('settings.httpNote')}</Alert>
    </Section>
  );
}

/** Electron: the editable settings (LLM, key, database with "probar conexión", worker, API). */
function DesktopSettings({
  view,
  onChange,
}: {
  view: SettingsView;
  onChange(v: SettingsView): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const v = view.values;
  const [patch, setPatch] = useState<SettingsPatch>({});
  const [key, setKey] = useState('');
  const [dbResult, setDbResult] = useState<string | null>(null);
  const value = <K extends keyof SettingsPatch>(k: K, fallback: SettingsPatch[K]): SettingsPatch[K] =>
    k in patch ? patch[k] : fallback;

  async function run(action: () => Promise<SettingsView>): Promise<void> {
    try {
      onChange(await action());
      setPatch({});
      notifications.show({ color: 'teal', message: t('settings.saved') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }

  async function testDb(): Promise<void> {
    const url = value('mongo_url', v.mongo_url) ?? undefined;
    try {
      const result = await api.testDatabase(url || undefined);
      setDbResult(result.message);
    } catch (error) {
      setDbResult(errorText(error, t));
    }
  }

  return (
    <>
      {view.restart_required && <Alert color="yellow">{t('settings.restartRequired')}</Alert>}
      <Section title={t('settings.llm')}>
        <TextInput
          label={t('settings.llmBaseUrl')}
          value={value('llm_base_url', v.llm_base_url) ?? ''}
          onChange={(e) => setPatch({ ...patch, llm_base_url: e.currentTarget.value || null })}
        />
        <TextInput
          label={t('settings.llmModel')}
          value={value('llm_model', v.llm_model) ?? ''}
          onChange={(e) => setPatch({ ...patch, llm_model: e.currentTarget.value })}
        />
        <Group align="flex-end">
          <PasswordInput
            label={t('settings.llmKey')}
            description={
              view.llm_api_key.configured
                ? t('settings.llmKeyConfigured', { source: view.llm_api_key.source ?? '' })
                : t('settings.llmKeyMissing')
            }
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            w={360}
          />
          <Button variant="default" onClick={() => void run(() => api.setLlmApiKey(key || null))}>
            {t('settings.saveKey')}
          </Button>
        </Group>
        {view.llm_api_key.encrypted_at_rest === false && (
          <Alert color="yellow" data-testid="settings-key-not-encrypted">
            {t('settings.llmKeyNotEncrypted')}
          </Alert>
        )}
        <Text size="sm" fw={500}>
          {t('settings.prices')}
        </Text>
        <Code block>{JSON.stringify(v.prices, null, 2)}</Code>
      </Section>
      <Section title={t('settings.database')}>
        <Group align="flex-end">
          <TextInput
            label={t('settings.mongoUrl')}
            value={value('mongo_url', v.mongo_url) ?? ''}
            onChange={(e) => setPatch({ ...patch, mongo_url: e.currentTarget.value || null })}
            w={420}
          />
          <Button variant="default" onClick={() => void testDb()}>
            {t('settings.testConnection')}
          </Button>
        </Group>
        {dbResult && <Text size="sm">{dbResult}</Text>}
      </Section>
      <Section title={t('settings.worker')}>
        <Group>
          <NumberInput
            label={t('settings.concurrency')}
            min={1}
            max={16}
            value={value('worker_concurrency', v.worker_concurrency) ?? ''}
            onChange={(n) => setPatch({ ...patch, worker_concurrency: typeof n === 'number' ? n : null })}
          />
          <NumberInput
            label={t('settings.timeout')}
            min={1000}
            value={value('job_timeout_ms', v.job_timeout_ms) ?? ''}
            onChange={(n) => setPatch({ ...patch, job_timeout_ms: typeof n === 'number' ? n : null })}
          />
        </Group>
      </Section>
      <Section title={t('settings.api')}>
        <NumberInput
          label={t('settings.apiPort')}
          min={0}
          max={65535}
          value={value('api_port', v.api_port) ?? ''}
          onChange={(n) => setPatch({ ...patch, api_port: typeof n === 'number' ? n : null })}
          w={200}
        />
      </Section>
      <Group justify="flex-end">
        <Button
          onClick={() => void run(() => api.updateSettings(patch))}
          disabled={Object.keys(patch).length === 0}
        >
          {t('common.save')}
        </Button>
      </Group>
      <Section title={t('settings.logs.title')}>
        <LogViewer />
      </Section>
    </>
  );
}

/** Ajustes: appearance everywhere; server settings where the transport offers them. */
export function SettingsScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const api = useClient();
  const [view, setView] = useState<SettingsView | null>(null);
  useEffect(() => {
    if (api.capabilities.settings) void api.getSettings().then(setView, () => setView(null));
  }, [api]);
  return (
    <Stack data-testid="settings-screen">
      <Title order={1} size="h2">
        {t('settings.title')}
      </Title>
      <Appearance />
      {api.capabilities.settings ? (
        view && <DesktopSettings view={view} onChange={setView} />
      ) : (
        <ServerHealth />
      )}
    </Stack>
  );
}
