import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  dbNameFromMongoUrl,
  defaultDataDir,
  loadConfig,
} from '../../../src/main/config/load-config';
import { SettingsFileError, writeSettingsFile } from '../../../src/main/config/settings-store';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'edn-config-'));
}

describe('loadConfig', () => {
  it('uses the README "Configuration" defaults when neither settings nor env say otherwise', async () => {
    const dataDir = await tempDir();
    const config = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
    expect(config).toMatchObject({
      dataDir,
      mongoUrl: null,
      dbName: 'edn360',
      llm: { baseUrl: null, apiKey: null, model: 'gpt-5-mini' },
      api: { host: '127.0.0.1', port: 8360, tokenSource: 'settings' },
      worker: { concurrency: 2, jobTimeoutMs: 1_800_000, pollIntervalMs: 1000 },
      language: 'es',
    });
  });

  it('supervision: five heartbeats (at least 10 s) by default, never under three heartbeats; the instance is named', async () => {
    const dataDir = await tempDir();
    const defaults = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
    expect(defaults.worker).toMatchObject({ heartbeatMs: 2_000, hangMs: 10_000 });
    expect(defaults.worker.instanceName).not.toContain(':');
    const tooShort = await loadConfig({
      env: {
        EDN_DATA_DIR: dataDir,
        EDN_HEARTBEAT_MS: '1000',
        EDN_WORKER_HANG_MS: '500',
        EDN_INSTANCE_NAME: 'sala:2',
      },
    });
    expect(tooShort.worker).toMatchObject({ hangMs: 3_000, instanceName: 'sala-2' });
  });

  it('generates the API token at first run, stores it, and reuses it afterwards', async () => {
    const dataDir = await tempDir();
    const first = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
    expect(first.api.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as {
      api_token: string;
    };
    expect(stored.api_token).toBe(first.api.token);
    const second = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
    expect(second.api.token).toBe(first.api.token);
  });

  it('lets environment variables win over the settings file', async () => {
    const dataDir = await tempDir();
    await writeSettingsFile(dataDir, {
      mongo_url: 'mongodb://from-settings:27017',
      api_port: 9000,
      worker_concurrency: 4,
      llm_model: 'settings-model',
      api_token: 'settings-token-0123456789',
    });
    const env = {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: 'mongodb://from-env:27017',
      EDN_API_PORT: '9100',
      EDN_LLM_MODEL: 'env-model',
      EDN_API_TOKEN: 'env-token-0123456789',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
      EDN_JOB_TIMEOUT_MS: '60000',
    };
    const config = await loadConfig({ env });
    expect(config.mongoUrl).toBe('mongodb://from-env:27017');
    expect(config.api.port).toBe(9100);
    expect(config.api.token).toBe('env-token-0123456789');
    expect(config.api.tokenSource).toBe('env');
    expect(config.worker.concurrency).toBe(4); // not in env: the settings file's value
    expect(config.worker.jobTimeoutMs).toBe(60_000);
    expect(config.llm).toMatchObject({
      baseUrl: 'http://127.0.0.1:9999/v1',
      apiKey: 'sk-test',
      model: 'env-model',
    });
  });

  it('merges the settings price table over the shipped defaults, and reads per-agent models', async () => {
    const dataDir = await tempDir();
    await writeSettingsFile(dataDir, {
      prices: { 'gpt-5-mini': { input_per_1m: 9, cached_input_per_1m: 1, output_per_1m: 20 } },
      agent_models: { E8: 'gpt-5' },
    });
    const config = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
    expect(config.llm.prices['gpt-5-mini']).toEqual({
      input_per_1m: 9,
      cached_input_per_1m: 1,
      output_per_1m: 20,
    });
    expect(config.llm.prices['gpt-5']).toBeDefined();
    expect(config.llm.agentModels).toEqual({ E8: 'gpt-5' });
  });

  it('names the variable and the expectation when an env value is malformed', async () => {
    const dataDir = await tempDir();
    await expect(loadConfig({ env: { EDN_DATA_DIR: dataDir, EDN_API_PORT: 'ocho' } })).rejects.toThrow(
      ConfigError,
    );
    await expect(loadConfig({ env: { EDN_DATA_DIR: dataDir, EDN_WORKER_CONCURRENCY: '0' } })).rejects.toThrow(
      /EDN_WORKER_CONCURRENCY.*≥ 1/,
    );
  });

  it('rejects a corrupt settings file with a message that names the file and the field', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'settings.json'), '{"api_port": "ocho"}');
    const error = await loadConfig({ env: { EDN_DATA_DIR: dataDir } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsFileError);
    expect((error as Error).message).toContain('settings.json');
    expect((error as Error).message).toContain('api_port');
    await writeFile(join(dataDir, 'settings.json'), 'not json');
    await expect(loadConfig({ env: { EDN_DATA_DIR: dataDir } })).rejects.toThrow(/no es JSON/);
  });
});

describe('loadConfig rejects values that would be silently wrong', () => {
  it.each([
    ['EDN_API_TOKEN', 'corto', /EDN_API_TOKEN.*16/],
    ['EDN_LOG_LEVEL', 'verbose', /EDN_LOG_LEVEL.*info/],
    ['EDN_PLAN_LANGUAGE', 'fr', /EDN_PLAN_LANGUAGE.*"es" o "en"/],
    ['EDN_LANGUAGE', 'de', /EDN_LANGUAGE.*"es" o "en"/],
    ['EDN_API_CORS_ORIGINS', 'http://a.example/ruta', /EDN_API_CORS_ORIGINS.*origen exacto/],
    // Held to the settings file's schema: the environment never sets what the file would refuse.
    ['EDN_LLM_BASE_URL', 'no es una url', /EDN_LLM_BASE_URL="no es una url"/],
    ['EDN_COACH_NAME', 'x'.repeat(121), /EDN_COACH_NAME.*máximo 120/],
  ])('%s=%s → ConfigError naming the variable', async (name, value, message) => {
    const dataDir = await tempDir();
    const error = await loadConfig({ env: { EDN_DATA_DIR: dataDir, [name]: value } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it('accepts valid languages and levels', async () => {
    const dataDir = await tempDir();
    const config = await loadConfig({
      env: { EDN_DATA_DIR: dataDir, EDN_PLAN_LANGUAGE: 'en', EDN_LANGUAGE: 'en', EDN_LOG_LEVEL: 'debug' },
    });
    expect(config.planLanguage).toBe('en');
    expect(config.language).toBe('en');
  });
});

describe('defaultDataDir', () => {
  it('is EDN_DATA_DIR (trimmed, through the settings descriptor), else ~/.edn360', () => {
    expect(defaultDataDir({ EDN_DATA_DIR: '  /tmp/edn-datos  ' })).toBe(resolve('/tmp/edn-datos'));
    expect(defaultDataDir({ EDN_DATA_DIR: '  ' })).toBe(join(homedir(), '.edn360'));
    expect(defaultDataDir({})).toBe(join(homedir(), '.edn360'));
  });
});

describe('the database name', () => {
  it('is read from the MongoDB URL path (seed lists and +srv too), decoded; none when the path is empty', () => {
    expect(dbNameFromMongoUrl('mongodb://host:27017/test')).toBe('test');
    expect(dbNameFromMongoUrl('mongodb://u:p@h1:1,h2:2/clinica?replicaSet=rs0')).toBe('clinica');
    expect(dbNameFromMongoUrl('mongodb+srv://u:p@cluster.example.net/mi%2Dbase?retryWrites=true')).toBe(
      'mi-base',
    );
    expect(dbNameFromMongoUrl('mongodb://host:27017')).toBeNull();
    expect(dbNameFromMongoUrl('mongodb://host:27017/')).toBeNull();
    expect(dbNameFromMongoUrl('mongodb://host:27017/?replicaSet=rs0')).toBeNull();
  });

  it('EDN_DB_NAME > the URL path > db_name in settings > edn360, and says which one it used', async () => {
    const dataDir = await tempDir();
    const load = (env: Record<string, string>) => loadConfig({ env: { EDN_DATA_DIR: dataDir, ...env } });
    expect(await load({ EDN_MONGO_URL: 'mongodb://h:27017/test' })).toMatchObject({
      dbName: 'test',
      dbNameSource: 'url',
    });
    expect(await load({ EDN_MONGO_URL: 'mongodb://h:27017/test', EDN_DB_NAME: 'otra' })).toMatchObject({
      dbName: 'otra',
      dbNameSource: 'EDN_DB_NAME',
    });
    expect(await load({ EDN_MONGO_URL: 'mongodb://h:27017' })).toMatchObject({
      dbName: 'edn360',
      dbNameSource: 'default',
    });
    await writeSettingsFile(dataDir, { db_name: 'de_ajustes', api_token: 'settings-token-0123456789' });
    expect(await load({ EDN_MONGO_URL: 'mongodb://h:27017/' })).toMatchObject({
      dbName: 'de_ajustes',
      dbNameSource: 'settings',
    });
    expect(await load({ EDN_MONGO_URL: 'mongodb://h:27017/test' })).toMatchObject({ dbName: 'test' });
  });

  it('a name MongoDB would refuse is a ConfigError saying where it came from', async () => {
    const dataDir = await tempDir();
    await expect(
      loadConfig({ env: { EDN_DATA_DIR: dataDir, EDN_MONGO_URL: 'mongodb://h:27017/mi.base' } }),
    ).rejects.toThrow(/«mi\.base».*EDN_MONGO_URL/);
  });
});
