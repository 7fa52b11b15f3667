import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStoredLlmKey, type SecretCodec } from '../../../src/main/electron/settings/llm-key';
import { SettingsService } from '../../../src/main/electron/settings/settings-service';
import { startupWarnings } from '../../../src/main/electron/startup-warnings';
import { IpcFailure } from '../../../src/main/electron/ipc/errors';
import { SettingsViewSchema } from '../../../src/shared/ipc-contract';
import { SETTINGS, VIEW_SETTING_KEYS } from '../../../src/shared/settings-descriptor';

/*
 * safeStorage is faked at the boundary by a SecretCodec that "encrypts" by reversing and base64-ing,
 * with the Linux backend name chosen per test (basic_text = no keyring).
 */
function fakeCodec(backend: string | null = 'gnome_libsecret', available = true): SecretCodec {
  return {
    isAvailable: async () => available,
    backend: () => backend,
    encrypt: async (plain) => Buffer.from([...plain].reverse().join('')).toString('base64'),
    decrypt: async (b64) => [...Buffer.from(b64, 'base64').toString()].reverse().join(''),
  };
}

function service(options: { env?: Record<string, string>; codec?: SecretCodec } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'edn-settings-'));
  const keys: Array<string | null> = [];
  const workerRestarts: number[] = [];
  const tokens: string[] = [];
  const svc = new SettingsService({
    dataDir,
    env: options.env ?? {},
    codec: options.codec ?? fakeCodec(),
    onLlmKeyChanged: async (key) => {
      keys.push(key);
    },
    onWorkerSettingsChanged: async () => {
      workerRestarts.push(Date.now());
    },
    onApiTokenChanged: (token) => {
      tokens.push(token);
    },
  });
  const file = (): Record<string, unknown> =>
    JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  return { svc, dataDir, keys, file, workerRestarts, tokens };
}

const KEY = 'sk-test-0123456789abcdef';

describe('SettingsService', () => {
  it('shows effective values and which fields the environment fixes, never a secret', async () => {
    const { svc } = service({ env: { EDN_LLM_MODEL: 'gpt-env', EDN_API_PORT: '0' } });
    await svc.setLlmApiKey(KEY);
    const view = await svc.view();
    expect(view.values.llm_model).toBe('gpt-env');
    expect(view.values.api_port).toBe(0);
    expect(view.env_overrides.sort()).toEqual(['api_port', 'llm_model']);
    expect(view.llm_api_key).toEqual({
      configured: true,
      source: 'settings',
      encrypted_at_rest: true,
      storage_backend: 'gnome_libsecret',
    });
    const text = JSON.stringify(view);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain('api_token');
    expect(text).not.toContain('llm_api_key_encrypted');
  });

  it('shows every value the descriptor puts in the view, resolved as loadConfig does (env > file > default)', async () => {
    const { svc, dataDir } = service({
      env: {
        EDN_MONGO_URL: 'mongodb://clinica:27017/centro',
        EDN_LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
        EDN_API_HOST: '0.0.0.0',
        EDN_WORKER_CONCURRENCY: '4',
        EDN_JOB_TIMEOUT_MS: '60000',
        EDN_POLL_INTERVAL_MS: '500',
        EDN_LANGUAGE: 'en',
        EDN_COACH_NAME: ' Estudio Ana ',
      },
    });
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({
        api_token: 'x'.repeat(32),
        theme: 'dark',
        coach_contact: 'ana@example.com',
        language: 'es',
      }),
    );
    const view = await svc.view();
    // What the IPC door checks before answering.
    expect(SettingsViewSchema.safeParse(view).success).toBe(true);
    expect(Object.keys(view.values).sort()).toEqual([...VIEW_SETTING_KEYS].sort());
    expect(view.values).toMatchObject({
      mongo_url: 'mongodb://clinica:27017/centro',
      db_name: 'centro', // the URL's path, as loadConfig reads it
      llm_base_url: 'http://127.0.0.1:11434/v1',
      llm_model: SETTINGS.llm_model.default,
      api_host: '0.0.0.0',
      api_port: SETTINGS.api_port.default,
      worker_concurrency: 4,
      job_timeout_ms: 60_000,
      poll_interval_ms: 500,
      language: 'en', // the environment wins over the file
      plan_language: 'es',
      theme: 'dark',
      coach_name: 'Estudio Ana',
      coach_contact: 'ana@example.com',
      coach_logo: null,
      agent_models: {},
    });
    expect(view.values.prices['gpt-5-mini']).toBeDefined(); // the shipped table under the coach's prices
  });

  it('stores the key encrypted (never in clear) and hands it to the running app', async () => {
    const { svc, file, keys } = service();
    await svc.setLlmApiKey(KEY);
    const stored = file()['llm_api_key_encrypted'];
    expect(typeof stored).toBe('string');
    expect(JSON.stringify(file())).not.toContain(KEY);
    expect(keys).toEqual([KEY]);
    await svc.setLlmApiKey(null);
    expect(file()).not.toHaveProperty('llm_api_key_encrypted');
    expect(keys).toEqual([KEY, null]);
    expect((await svc.view()).llm_api_key.configured).toBe(false);
  });

  it('says the key is not encrypted at rest on the basic_text backend', async () => {
    const { svc } = service({ codec: fakeCodec('basic_text') });
    const view = await svc.setLlmApiKey(KEY);
    expect(view.llm_api_key).toMatchObject({
      source: 'settings',
      encrypted_at_rest: false,
      storage_backend: 'basic_text',
    });
  });

  it('refuses to store a key when the OS offers no encryption', async () => {
    const { svc, keys } = service({ codec: fakeCodec(null, false) });
    const error = await svc.setLlmApiKey(KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcFailure);
    expect(error).toMatchObject({ reason: 'encryption_unavailable' });
    expect(keys).toEqual([]);
  });

  it('reports an environment key as the one in use', async () => {
    const { svc } = service({ env: { EDN_LLM_API_KEY: 'sk-env-key-000000' } });
    expect((await svc.view()).llm_api_key).toMatchObject({
      configured: true,
      source: 'env',
      encrypted_at_rest: null,
    });
  });

  it('updates fields, removes them with null, keeps the rest, and restarts what each change needs', async () => {
    const { svc, file, dataDir, workerRestarts } = service();
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ api_token: 'x'.repeat(32), theme: 'dark' }),
    );
    let view = await svc.update({ theme: 'light' });
    expect(view.restart_required).toBe(false);
    expect(workerRestarts).toHaveLength(0);
    // Worker-only settings: the worker restarts to apply them, the app does not need to.
    view = await svc.update({
      llm_model: 'gpt-5',
      worker_concurrency: 3,
      prices: { 'modelo-local': { input_per_1m: 1, cached_input_per_1m: 0.5, output_per_1m: 2 } },
      agent_models: { E8: 'modelo-local' },
    });
    expect(view.values.llm_model).toBe('gpt-5');
    expect(view.values.agent_models).toEqual({ E8: 'modelo-local' });
    expect(view.values.prices['modelo-local']).toEqual({
      input_per_1m: 1,
      cached_input_per_1m: 0.5,
      output_per_1m: 2,
    });
    expect(view.values.prices['gpt-5-mini']).toBeDefined(); // built-in prices stay
    expect(view.restart_required).toBe(false);
    expect(workerRestarts).toHaveLength(1);
    await svc.update({ llm_model: null, prices: null, agent_models: null });
    expect(file()).toEqual({ api_token: 'x'.repeat(32), theme: 'light', worker_concurrency: 3 });
    // The database and the API address are read when the app starts.
    view = await svc.update({ api_port: 9000 });
    expect(view.restart_required).toBe(true);
    expect(workerRestarts).toHaveLength(2);
  });
});

describe('SettingsService: HTTP API token', () => {
  it('regenerates the token: stored, handed to the host, and refused while the environment fixes it', async () => {
    const { svc, file, tokens } = service();
    await svc.update({ theme: 'dark' });
    await svc.regenerateApiToken();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatch(/^[\w-]{43}$/); // 256 random bits, base64url
    expect(file()).toEqual({ theme: 'dark', api_token: tokens[0] });
    await svc.regenerateApiToken();
    expect(tokens[1]).not.toBe(tokens[0]);

    const fixed = service({ env: { EDN_API_TOKEN: 'token-del-entorno-0123456789' } });
    await expect(fixed.svc.regenerateApiToken()).rejects.toMatchObject({ reason: 'validation_error' });
    expect(fixed.tokens).toHaveLength(0);
  });
});

describe('readStoredLlmKey', () => {
  it('decrypts the stored key, and treats an undecryptable one as absent', async () => {
    const codec = fakeCodec();
    const stored = await codec.encrypt(KEY);
    expect(await readStoredLlmKey({ llm_api_key_encrypted: stored }, codec, () => undefined)).toBe(KEY);
    const errors: unknown[] = [];
    const broken: SecretCodec = {
      ...codec,
      decrypt: async () => Promise.reject(new Error('keyring changed')),
    };
    expect(
      await readStoredLlmKey({ llm_api_key_encrypted: stored }, broken, (e) => errors.push(e)),
    ).toBeNull();
    expect(errors).toHaveLength(1);
    expect(await readStoredLlmKey({}, codec, () => undefined)).toBeNull();
  });
});

describe('startupWarnings', () => {
  const none = { configured: false, source: null, encrypted_at_rest: null, storage_backend: null } as const;
  it('warns when no key is configured (the app stays usable)', () => {
    expect(startupWarnings(none, null).map((w) => w.reason)).toEqual(['llm_key_missing']);
  });
  it('warns when the stored key is not encrypted at rest', () => {
    const plain = {
      configured: true,
      source: 'settings',
      encrypted_at_rest: false,
      storage_backend: 'basic_text',
    } as const;
    expect(startupWarnings(plain, null).map((w) => w.reason)).toEqual(['key_not_encrypted']);
  });
  it('is quiet when an encrypted or environment key exists', () => {
    expect(
      startupWarnings(
        { configured: true, source: 'env', encrypted_at_rest: null, storage_backend: null },
        null,
      ),
    ).toEqual([]);
  });
});
