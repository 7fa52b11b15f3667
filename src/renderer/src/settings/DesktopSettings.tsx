import { zodResolver } from '@hookform/resolvers/zod';
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
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EditableSetting, SettingsPatch, SettingsView } from '@shared/ipc-contract';
import { useClient } from '../api/client-store';
import { errorText } from '../components/error-text';
import { LogViewer } from '../components/LogViewer';
import { AgentModelsEditor } from './AgentModelsEditor';
import { ApiAccessPanel } from './ApiAccessPanel';
import { CoachBrandPanel } from './CoachBrandPanel';
import { PriceTableEditor } from './PriceTableEditor';
import { Section } from '../components/Section';
import {
  API_PORT_LIMITS,
  BACKUP_KEEP_LIMITS,
  CONCURRENCY_LIMITS,
  formFromValues,
  GeneralSettingsFormSchema,
  TIMEOUT_MINUTES_LIMITS,
  patchFromForm,
  type GeneralSettingsForm,
} from './settings-form';

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
  const initial = useMemo(() => formFromValues(v), [v]);
  const form = useForm<GeneralSettingsForm>({
    resolver: zodResolver(GeneralSettingsFormSchema),
    defaultValues: initial,
  });
  const { errors, isDirty, isSubmitting } = form.formState;
  const [key, setKey] = useState('');
  const [dbResult, setDbResult] = useState<string | null>(null);
  const serverMode = form.watch('database_mode') === 'server';

  // A saved view is the new baseline (and a change made elsewhere, e.g. the key, keeps the edits).
  useEffect(() => form.reset(initial, { keepDirtyValues: true }), [form, initial]);

  /** A field an environment variable fixes: editing it in the file would have no effect. */
  const isFixed = (field: EditableSetting): boolean => view.env_overrides.includes(field);
  const fixedByEnv = (field: EditableSetting): string | undefined =>
    isFixed(field) ? t('settings.envOverride') : undefined;
  const message = (error: FieldError | undefined): string | undefined =>
    error?.message ? t(error.message, { defaultValue: error.message }) : undefined;

  async function saveGeneral(values: GeneralSettingsForm): Promise<void> {
    try {
      const next = await api.updateSettings(patchFromForm(values, initial));
      onChange(next);
      form.reset(formFromValues(next.values));
      notifications.show({ color: 'teal', message: t('settings.saved') });
    } catch (error) {
      form.setError('root', { message: errorText(error, t) });
    }
  }

  async function saveKey(): Promise<void> {
    try {
      onChange(await api.setLlmApiKey(key || null));
      setKey('');
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
    const url = serverMode ? form.getValues('mongo_url').trim() : '';
    try {
      const result = await api.testDatabase(url || undefined);
      setDbResult(result.message);
    } catch (error) {
      setDbResult(errorText(error, t));
    }
  }

  const wholeNumber = (
    name: 'worker_concurrency' | 'job_timeout_min' | 'api_port' | 'backup_keep',
    field: EditableSetting,
    label: string,
    limits: { min: number; max: number },
    testId: string,
  ): React.JSX.Element => (
    <Controller
      control={form.control}
      name={name}
      render={({ field: input }) => (
        <NumberInput
          label={label}
          description={fixedByEnv(field)}
          disabled={isFixed(field)}
          min={limits.min}
          max={limits.max}
          allowDecimal={false}
          value={input.value}
          onChange={(n) => input.onChange(typeof n === 'number' ? n : undefined)}
          onBlur={input.onBlur}
          error={message(errors[name])}
          data-testid={testId}
        />
      )}
    />
  );

  return (
    <>
      {view.restart_required && (
        <Alert color="yellow" data-testid="settings-restart-required">
          {t('settings.restartRequired')}
        </Alert>
      )}
      <Section title={t('settings.brand.title')}>
        <CoachBrandPanel view={view} onChange={onChange} />
      </Section>
      <Section title={t('settings.llm')}>
        <TextInput
          label={t('settings.llmBaseUrl')}
          description={fixedByEnv('llm_base_url')}
          disabled={isFixed('llm_base_url')}
          error={message(errors.llm_base_url)}
          data-testid="settings-llm-base-url"
          {...form.register('llm_base_url')}
        />
        <TextInput
          label={t('settings.llmModel')}
          description={fixedByEnv('llm_model')}
          disabled={isFixed('llm_model')}
          error={message(errors.llm_model)}
          data-testid="settings-llm-model"
          {...form.register('llm_model')}
        />
        <Controller
          control={form.control}
          name="plan_language"
          render={({ field: input }) => (
            <Select
              label={t('settings.planLanguage')}
              description={fixedByEnv('plan_language') ?? t('settings.planLanguageHelp')}
              disabled={isFixed('plan_language')}
              value={input.value}
              onChange={(lang) => lang && input.onChange(lang === 'en' ? 'en' : 'es')}
              data={[
                { value: 'es', label: 'Español' },
                { value: 'en', label: 'English' },
              ]}
              allowDeselect={false}
              w={240}
              data-testid="settings-plan-language"
            />
          )}
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
          <Button variant="default" onClick={() => void saveKey()} data-testid="settings-llm-key-save">
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
        <Controller
          control={form.control}
          name="database_mode"
          render={({ field: input }) => (
            <SegmentedControl
              aria-label={t('settings.databaseMode')}
              disabled={isFixed('mongo_url')}
              value={input.value}
              onChange={(mode) => {
                input.onChange(mode === 'server' ? 'server' : 'embedded');
                setDbResult(null);
              }}
              data={[
                { value: 'embedded', label: t('settings.databaseEmbedded') },
                { value: 'server', label: t('settings.databaseServer') },
              ]}
              w={420}
              data-testid="settings-db-mode"
            />
          )}
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
              error={message(errors.mongo_url)}
              w={420}
              data-testid="settings-mongo-url"
              {...form.register('mongo_url')}
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
        <Group align="flex-start">
          {wholeNumber(
            'worker_concurrency',
            'worker_concurrency',
            t('settings.concurrency'),
            CONCURRENCY_LIMITS,
            'settings-concurrency',
          )}
          {wholeNumber(
            'job_timeout_min',
            'job_timeout_ms',
            t('settings.timeoutMinutes'),
            TIMEOUT_MINUTES_LIMITS,
            'settings-timeout',
          )}
        </Group>
      </Section>
      <Section title={t('settings.automaticBackups')}>
        <Group align="flex-start">
          {wholeNumber(
            'backup_keep',
            'backup_keep',
            t('settings.backupKeep'),
            BACKUP_KEEP_LIMITS,
            'settings-backup-keep',
          )}
          <TextInput
            label={t('settings.backupDir')}
            description={
              fixedByEnv('backup_dir') ?? t('settings.backupDirHelp', { dir: `${view.data_dir}/backups` })
            }
            disabled={isFixed('backup_dir')}
            error={message(errors.backup_dir)}
            w={420}
            data-testid="settings-backup-dir"
            {...form.register('backup_dir')}
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('settings.backupKeepHelp')}
        </Text>
      </Section>
      <Section title={t('settings.api')}>
        {wholeNumber('api_port', 'api_port', t('settings.apiPort'), API_PORT_LIMITS, 'settings-api-port')}
        <ApiAccessPanel />
      </Section>
      {errors.root?.message && (
        <Alert color="red" role="alert" data-testid="settings-save-error">
          {errors.root.message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          onClick={() => void form.handleSubmit(saveGeneral)()}
          loading={isSubmitting}
          disabled={!isDirty}
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
