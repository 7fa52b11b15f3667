import {
  Alert,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditableSetting, SettingsPatch, SettingsView } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { LogViewer } from '../components/LogViewer';
import { AgentModelsEditor } from './AgentModelsEditor';
import { ApiAccessPanel } from './ApiAccessPanel';
import { PriceTableEditor } from './PriceTableEditor';
import { Section } from './Section';

const minutes = (ms: number | null | undefined): number | string =>
  typeof ms === 'number' ? Math.round(ms / 60_000) : '';

/** Electron: the editable settings (LLM, key, prices, per-agent models, database, worker, API, logs). */
export function DesktopSettings({
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
  // Embedded (mongodb-memory-server in the data folder) unless a server URL is configured.
  const [serverMode, setServerMode] = useState(v.mongo_url !== null);
  const value = <K extends keyof SettingsPatch>(k: K, fallback: SettingsPatch[K]): SettingsPatch[K] =>
    k in patch ? patch[k] : fallback;
  /** A field an environment variable fixes: editing it in the file would have no effect. */
  const isFixed = (field: EditableSetting): boolean => view.env_overrides.includes(field);
  const fixedByEnv = (field: EditableSetting): string | undefined =>
    isFixed(field) ? t('settings.envOverride') : undefined;

  async function run(action: () => Promise<SettingsView>): Promise<void> {
    try {
      onChange(await action());
      setPatch({});
      notifications.show({ color: 'teal', message: t('settings.saved') });
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error, t) });
    }
  }

  /** For the editors with their own save button: they show a failure inline, so rethrow it as text. */
  async function save(part: SettingsPatch): Promise<void> {
    try {
      onChange(await api.updateSettings(part));
      notifications.show({ color: 'teal', message: t('settings.savedWorkerRestart') });
    } catch (error) {
      throw new Error(errorText(error, t), { cause: error });
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
      {view.restart_required && (
        <Alert color="yellow" data-testid="settings-restart-required">
          {t('settings.restartRequired')}
        </Alert>
      )}
      <Section title={t('settings.llm')}>
        <TextInput
          label={t('settings.llmBaseUrl')}
          description={fixedByEnv('llm_base_url')}
          disabled={isFixed('llm_base_url')}
          value={value('llm_base_url', v.llm_base_url) ?? ''}
          onChange={(e) => setPatch({ ...patch, llm_base_url: e.currentTarget.value || null })}
          data-testid="settings-llm-base-url"
        />
        <TextInput
          label={t('settings.llmModel')}
          description={fixedByEnv('llm_model')}
          disabled={isFixed('llm_model')}
          value={value('llm_model', v.llm_model) ?? ''}
          onChange={(e) => setPatch({ ...patch, llm_model: e.currentTarget.value || null })}
          data-testid="settings-llm-model"
        />
        <Select
          label={t('settings.planLanguage')}
          description={fixedByEnv('plan_language') ?? t('settings.planLanguageHelp')}
          disabled={isFixed('plan_language')}
          value={value('plan_language', v.plan_language) ?? v.plan_language}
          onChange={(lang) => lang && setPatch({ ...patch, plan_language: lang === 'en' ? 'en' : 'es' })}
          data={[
            { value: 'es', label: 'Español' },
            { value: 'en', label: 'English' },
          ]}
          allowDeselect={false}
          w={240}
          data-testid="settings-plan-language"
        />
        <Group align="flex-end">
          <PasswordInput
            label={t('settings.llmKey')}
            description={
              view.llm_api_key.configured
                ? t('settings.llmKeyConfigured', {
                    source: t(`settings.keySources.${view.llm_api_key.source}`),
                  })
                : t('settings.llmKeyMissing')
            }
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            w={360}
            data-testid="settings-llm-key"
          />
          <Button
            variant="default"
            onClick={() =>
              void run(async () => {
                const next = await api.setLlmApiKey(key || null);
                setKey('');
                return next;
              })
            }
            data-testid="settings-llm-key-save"
          >
            {key ? t('settings.saveKey') : t('settings.removeKey')}
          </Button>
        </Group>
        {view.llm_api_key.encrypted_at_rest === false && (
          <Alert color="yellow" data-testid="settings-key-not-encrypted">
            {t('settings.llmKeyNotEncrypted')}
          </Alert>
        )}
      </Section>
      <Section title={t('settings.prices')}>
        <PriceTableEditor prices={v.prices} onSave={(prices) => save({ prices })} />
      </Section>
      <Section title={t('settings.agentModels')}>
        <AgentModelsEditor
          // A new view (after saving prices) re-reads the stored overrides.
          key={JSON.stringify(v.agent_models)}
          agentModels={v.agent_models}
          defaultModel={v.llm_model}
          prices={v.prices}
          onSave={(agent_models) =>
            save({ agent_models }).catch((error: unknown) => {
              notifications.show({ color: 'red', message: errorText(error, t) });
            })
          }
        />
      </Section>
      <Section title={t('settings.database')}>
        <SegmentedControl
          aria-label={t('settings.databaseMode')}
          disabled={isFixed('mongo_url')}
          value={serverMode ? 'server' : 'embedded'}
          onChange={(mode) => {
            setServerMode(mode === 'server');
            setDbResult(null);
            if (mode === 'embedded') setPatch({ ...patch, mongo_url: null });
            else {
              const { mongo_url: _embedded, ...rest } = patch;
              setPatch(rest);
            }
          }}
          data={[
            { value: 'embedded', label: t('settings.databaseEmbedded') },
            { value: 'server', label: t('settings.databaseServer') },
          ]}
          w={420}
          data-testid="settings-db-mode"
        />
        <Text size="xs" c="dimmed">
          {serverMode
            ? t('settings.databaseServerHelp')
            : t('settings.databaseEmbeddedHelp', { dir: view.data_dir })}
        </Text>
        <Group align="flex-end">
          {serverMode && (
            <TextInput
              label={t('settings.mongoUrl')}
              description={fixedByEnv('mongo_url')}
              disabled={isFixed('mongo_url')}
              placeholder="mongodb://servidor:27017"
              value={value('mongo_url', v.mongo_url) ?? ''}
              onChange={(e) => setPatch({ ...patch, mongo_url: e.currentTarget.value || null })}
              w={420}
              data-testid="settings-mongo-url"
            />
          )}
          <Button variant="default" onClick={() => void testDb()} data-testid="settings-test-db">
            {t('settings.testConnection')}
          </Button>
        </Group>
        {dbResult && (
          <Text size="sm" data-testid="settings-db-result">
            {dbResult}
          </Text>
        )}
      </Section>
      <Section title={t('settings.worker')}>
        <Group>
          <NumberInput
            label={t('settings.concurrency')}
            description={fixedByEnv('worker_concurrency')}
            disabled={isFixed('worker_concurrency')}
            min={1}
            max={16}
            value={value('worker_concurrency', v.worker_concurrency) ?? ''}
            onChange={(n) => setPatch({ ...patch, worker_concurrency: typeof n === 'number' ? n : null })}
            data-testid="settings-concurrency"
          />
          <NumberInput
            label={t('settings.timeoutMinutes')}
            description={fixedByEnv('job_timeout_ms')}
            disabled={isFixed('job_timeout_ms')}
            min={1}
            max={24 * 60}
            allowDecimal={false}
            // Stored in ms (EDN_JOB_TIMEOUT_MS); coaches think in minutes.
            value={minutes(value('job_timeout_ms', v.job_timeout_ms))}
            onChange={(n) =>
              setPatch({ ...patch, job_timeout_ms: typeof n === 'number' ? n * 60_000 : null })
            }
            data-testid="settings-timeout"
          />
        </Group>
      </Section>
      <Section title={t('settings.api')}>
        <NumberInput
          label={t('settings.apiPort')}
          description={fixedByEnv('api_port')}
          disabled={isFixed('api_port')}
          min={0}
          max={65535}
          value={value('api_port', v.api_port) ?? ''}
          onChange={(n) => setPatch({ ...patch, api_port: typeof n === 'number' ? n : null })}
          w={200}
        />
        <ApiAccessPanel />
      </Section>
      <Group justify="flex-end">
        <Button
          onClick={() => void run(() => api.updateSettings(patch))}
          disabled={Object.keys(patch).length === 0}
          data-testid="settings-save"
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
