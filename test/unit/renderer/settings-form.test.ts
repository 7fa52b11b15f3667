import { describe, expect, it } from 'vitest';
import type { SettingsValues } from '../../../src/shared/ipc-contract';
import { DEFAULT_PRICES } from '../../../src/shared/pricing';
import {
  formFromValues,
  GeneralSettingsFormSchema,
  patchFromForm,
} from '../../../src/renderer/src/settings/settings-form';

const values: SettingsValues = {
  mongo_url: null,
  db_name: 'edn360',
  llm_base_url: null,
  llm_model: 'gpt-5-mini',
  api_host: '127.0.0.1',
  api_port: 8360,
  worker_concurrency: 2,
  job_timeout_ms: 30 * 60_000,
  poll_interval_ms: 1000,
  language: 'es',
  plan_language: 'es',
  theme: 'auto',
  coach_name: null,
  coach_contact: null,
  coach_logo: null,
  agent_models: {},
  prices: DEFAULT_PRICES,
  backup_keep: 7,
  backup_dir: null,
};

function issues(form: unknown): Array<[string, string]> {
  const result = GeneralSettingsFormSchema.safeParse(form);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('Ajustes general form', () => {
  it('shows minutes and a database mode, and sends only what changed', () => {
    const initial = formFromValues(values);
    expect(initial).toMatchObject({ database_mode: 'embedded', mongo_url: '', job_timeout_min: 30 });
    expect(patchFromForm(initial, initial)).toEqual({});
    expect(
      patchFromForm(
        {
          ...initial,
          job_timeout_min: 45,
          plan_language: 'en',
          database_mode: 'server',
          mongo_url: 'mongodb://clinica:27017',
        },
        initial,
      ),
    ).toEqual({ job_timeout_ms: 45 * 60_000, plan_language: 'en', mongo_url: 'mongodb://clinica:27017' });
    // Back to the embedded database: the URL is removed from the settings file.
    const server = formFromValues({ ...values, mongo_url: 'mongodb://clinica:27017' });
    expect(server.database_mode).toBe('server');
    expect(patchFromForm({ ...server, database_mode: 'embedded' }, server)).toEqual({ mongo_url: null });
    expect(patchFromForm({ ...initial, llm_base_url: '' }, { ...initial, llm_base_url: 'http://x' })).toEqual(
      {
        llm_base_url: null,
      },
    );
  });

  it('edits the automatic backups: how many are kept and their folder (empty = the default)', () => {
    const initial = formFromValues(values);
    expect(initial).toMatchObject({ backup_keep: 7, backup_dir: '' });
    expect(patchFromForm({ ...initial, backup_keep: 0, backup_dir: ' /copias ' }, initial)).toEqual({
      backup_keep: 0,
      backup_dir: '/copias',
    });
    const custom = formFromValues({ ...values, backup_dir: '/copias' });
    expect(patchFromForm({ ...custom, backup_dir: '' }, custom)).toEqual({ backup_dir: null });
    expect(issues({ ...initial, backup_keep: 366 })).toEqual([['backup_keep', 'settings.formErrors.range']]);
    expect(issues({ ...initial, backup_keep: -1 })).toEqual([['backup_keep', 'settings.formErrors.range']]);
  });

  it('names each bad field with an i18n key', () => {
    const initial = formFromValues(values);
    expect(issues(initial)).toEqual([]);
    expect(
      issues({
        ...initial,
        llm_base_url: 'ftp://x',
        llm_model: ' ',
        database_mode: 'server',
        mongo_url: 'http://clinica',
        worker_concurrency: 0,
        api_port: undefined,
      }),
    ).toEqual([
      ['llm_base_url', 'settings.formErrors.url'],
      ['llm_model', 'settings.formErrors.modelRequired'],
      ['worker_concurrency', 'settings.formErrors.range'],
      ['api_port', 'settings.formErrors.number'],
      ['mongo_url', 'settings.formErrors.mongoUrl'],
    ]);
    expect(issues({ ...initial, job_timeout_min: 2.5 })).toEqual([
      ['job_timeout_min', 'settings.formErrors.whole'],
    ]);
  });
});
