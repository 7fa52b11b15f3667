import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsFileSchema } from '../../../src/shared/config';
import { EDITABLE_SETTINGS, SettingsPatchSchema } from '../../../src/shared/ipc-contract';
import {
  envOverrides,
  redactSettings,
  renderSettingsTable,
  SETTINGS,
  SETTINGS_TABLE_END,
  SETTINGS_TABLE_START,
  settingsApplying,
} from '../../../src/shared/settings-descriptor';
import { readEnvSettings } from '../../../src/main/config/load-config';
import { createLogger } from '../../../src/main/log/logger';

const README = readFileSync(join(__dirname, '../../../README.md'), 'utf8');

describe('the settings descriptor', () => {
  it('README.md "Configuration" holds exactly the rendered table between the markers (npm run docs:settings)', () => {
    const start = README.indexOf(SETTINGS_TABLE_START);
    const end = README.indexOf(SETTINGS_TABLE_END);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const between = README.slice(start + SETTINGS_TABLE_START.length, end);
    expect(between).toBe(`\n\n${renderSettingsTable()}\n\n`);
  });

  it('documents every environment variable and every settings.json field it knows', () => {
    const table = renderSettingsTable();
    for (const [key, entry] of Object.entries(SETTINGS)) {
      for (const name of entry.env) expect(table).toContain(`\`${name}\``);
      if ('file' in entry) expect(table).toContain(`\`${key}\``);
      expect(entry.doc.es.length).toBeGreaterThan(0);
      expect(entry.doc.en.length).toBeGreaterThan(0);
    }
  });

  it('generates the settings file schema: the entries kept in the file, strict', () => {
    const fileKeys = Object.entries(SETTINGS)
      .filter(([, entry]) => 'file' in entry)
      .map(([key]) => key);
    expect(Object.keys(SettingsFileSchema.shape).sort()).toEqual(fileKeys.sort());
    expect(SettingsFileSchema.safeParse({ unknown_field: 1 }).success).toBe(false);
    expect(SettingsFileSchema.safeParse({ api_port: 70000 }).success).toBe(false);
  });

  it('generates the Ajustes patch: the editable entries, each optional and nullable; secrets are not editable', () => {
    expect(Object.keys(SettingsPatchSchema.shape).sort()).toEqual([...EDITABLE_SETTINGS].sort());
    expect(EDITABLE_SETTINGS).not.toContain('api_token');
    expect(EDITABLE_SETTINGS).not.toContain('llm_api_key_encrypted');
    expect(SettingsPatchSchema.parse({ api_port: null, theme: 'dark' })).toEqual({
      api_port: null,
      theme: 'dark',
    });
    expect(SettingsPatchSchema.safeParse({ mongo_url: 'http://x' }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ api_token: 'x'.repeat(20) }).success).toBe(false);
  });

  it('says where each change applies', () => {
    expect(settingsApplying('live').sort()).toEqual([
      'api_token',
      'coach_contact',
      'coach_logo',
      'coach_name',
      'language',
      'theme',
    ]);
    expect(settingsApplying('app_restart')).toEqual(
      expect.arrayContaining(['mongo_url', 'db_name', 'api_host']),
    );
    expect(settingsApplying('worker_restart')).toEqual(expect.arrayContaining(['prices', 'llm_model']));
  });

  it('marks the keys and tokens secret and masks them for logs', () => {
    const secrets = Object.entries(SETTINGS)
      .filter(([, entry]) => 'secret' in entry && entry.secret)
      .map(([key]) => key);
    expect(secrets.sort()).toEqual(['api_token', 'llm_api_key', 'llm_api_key_encrypted']);
    expect(
      redactSettings({
        api_token: 't'.repeat(20),
        OPENAI_API_KEY: 'sk-1',
        llm_model: 'gpt-5-mini',
        llm_api_key: null,
      }),
    ).toEqual({ api_token: '***', OPENAI_API_KEY: '***', llm_model: 'gpt-5-mini', llm_api_key: null });
  });

  it('reads the environment in one pass: first non-empty variable, parsed per entry', () => {
    expect(
      readEnvSettings({
        EDN_LLM_BASE_URL: '  ',
        OPENAI_BASE_URL: ' http://127.0.0.1:9/v1 ',
        EDN_API_PORT: '0',
        EDN_LANGUAGE: 'en',
        UNRELATED: 'x',
      }),
    ).toEqual({ llm_base_url: 'http://127.0.0.1:9/v1', api_port: 0, language: 'en' });
    expect(envOverrides(EDITABLE_SETTINGS, { EDN_MONGO_URL: 'mongodb://h', EDN_LLM_API_KEY: 'k' })).toEqual([
      'mongo_url',
    ]);
  });

  it('keeps every secret it marks out of the logs', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ dataDir: null, stdout: false, destination });
    logger.info(
      {
        settings: { llm_api_key_encrypted: 'c2VjcmV0', api_token: 'tok-0123456789abcdef' },
        env: { OPENAI_API_KEY: 'sk-x' },
      },
      'ajustes',
    );
    const text = lines.join('');
    expect(text).toContain('ajustes');
    for (const secret of ['c2VjcmV0', 'tok-0123456789abcdef', 'sk-x']) expect(text).not.toContain(secret);
  });
});
