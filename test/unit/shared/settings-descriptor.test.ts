import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { SettingsFileSchema } from '../../../src/shared/config';
import {
  EDITABLE_SETTINGS,
  SettingsPatchSchema,
  SettingsValuesSchema,
  type SettingsValues,
} from '../../../src/shared/ipc-contract';
import {
  envOverrides,
  readEnvSetting,
  redactSettings,
  renderSettingsTable,
  SETTINGS,
  SETTINGS_TABLE_END,
  SETTINGS_TABLE_START,
  settingsApplying,
  settingsViewShape,
  settingsViewValues,
  VIEW_SETTING_KEYS,
  type SettingDescriptor,
} from '../../../src/shared/settings-descriptor';
import { readEnvSettings, resolveSettings } from '../../../src/main/config/load-config';
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
      'backup_dir',
      'backup_keep',
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

  it('generates the values Ajustes shows: every editable, non-secret entry, with its settings file schema', () => {
    const expected = Object.entries(SETTINGS)
      .filter(([, entry]) => 'edit' in entry && !('secret' in entry))
      .map(([key]) => key);
    const shown = Object.keys(SettingsValuesSchema.shape);
    expect(shown.sort()).toEqual(expected.sort());
    expect([...VIEW_SETTING_KEYS].sort()).toEqual(expected.sort());
    for (const key of shown) {
      expect(SETTINGS).toHaveProperty(key);
      expect(SETTINGS[key as keyof typeof SETTINGS]).toHaveProperty('file');
    }
    for (const secret of ['api_token', 'llm_api_key', 'llm_api_key_encrypted'])
      expect(shown).not.toContain(secret);
    // Unset entries without a default are null; entries with a default are never null.
    expect(SettingsValuesSchema.shape.coach_name.safeParse(null).success).toBe(true);
    expect(SettingsValuesSchema.shape.api_port.safeParse(null).success).toBe(false);
    expect(SettingsValuesSchema.shape.api_port.safeParse(70000).success).toBe(false);
    expectTypeOf<SettingsValues['coach_name']>().toEqualTypeOf<string | null>();
    expectTypeOf<SettingsValues['api_port']>().toEqualTypeOf<number>();
    expectTypeOf<SettingsValues['theme']>().toEqualTypeOf<'light' | 'dark' | 'auto'>();
  });

  it('shows a new editable entry in Ajustes without touching the IPC contract', () => {
    const nuevo: SettingDescriptor<string> = {
      file: z.string().trim().min(1),
      edit: z.string().min(1),
      env: ['EDN_NUEVO'],
      default: undefined,
      defaultDoc: 'unset',
      applies: 'live',
      doc: { en: 'new', es: 'nuevo' },
    };
    const oculto: SettingDescriptor<string> = { ...nuevo, env: [], secret: true };
    const table = { ...(SETTINGS as unknown as Record<string, SettingDescriptor>), nuevo, oculto };
    const shape = settingsViewShape(table) as Record<string, z.ZodType>;
    expect(Object.keys(shape)).toEqual([...VIEW_SETTING_KEYS, 'nuevo']);
    const schema = z.object(shape);
    const defaults = resolveSettings({}, {});
    const values = schema.parse(settingsViewValues({ ...defaults, nuevo: ' valor', oculto: 's' }, table));
    expect(values).toMatchObject({ nuevo: 'valor', api_port: 8360 });
    expect(values).not.toHaveProperty('oculto');
    expect(schema.parse(settingsViewValues(defaults, table))).toMatchObject({ nuevo: null });
  });

  it('parses the API list variables: comma lists, origins exact (scheme://host[:port])', () => {
    expect(
      readEnvSettings({
        EDN_API_CORS_ORIGINS: 'http://localhost:5173, https://panel.clinica.es/ ,',
        EDN_API_ALLOWED_HOSTS: ' edn360.clinica.lan ,, 192.168.1.10 ',
      }),
    ).toEqual({
      api_cors_origins: ['http://localhost:5173', 'https://panel.clinica.es'],
      api_allowed_hosts: ['edn360.clinica.lan', '192.168.1.10'],
    });
    for (const bad of ['*', 'http://a.example/ruta', 'ftp://a.example', 'localhost:5173']) {
      expect(
        readEnvSetting('api_cors_origins', { EDN_API_CORS_ORIGINS: `http://ok.example,${bad}` }),
      ).toEqual({
        ok: false,
        name: 'EDN_API_CORS_ORIGINS',
        message: `Variable EDN_API_CORS_ORIGINS no válida: «${bad}» no es un origen exacto (esquema://host[:puerto], sin ruta ni comodines), p. ej. http://localhost:5173.`,
      });
    }
  });

  it('holds environment values to the settings file schema, never echoing a secret', () => {
    expect(readEnvSetting('llm_base_url', { EDN_LLM_BASE_URL: 'no es una url' })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Variable EDN_LLM_BASE_URL="no es una url" no válida: /),
    });
    expect(readEnvSetting('coach_name', { EDN_COACH_NAME: 'x'.repeat(121) })).toMatchObject({
      ok: false,
      message: expect.stringContaining('máximo 120 caracteres'),
    });
    expect(readEnvSetting('coach_name', { EDN_COACH_NAME: ' Estudio Ana ' })).toEqual({
      ok: true,
      name: 'EDN_COACH_NAME',
      value: 'Estudio Ana',
    });
    const short = readEnvSetting('api_token', { EDN_API_TOKEN: 'corto-secreto' });
    expect(short).toMatchObject({ ok: false });
    expect(JSON.stringify(short)).not.toContain('corto-secreto');
    expect(readEnvSetting('log_level', {})).toBeUndefined();
  });

  it('gives the logger EDN_LOG_LEVEL as the descriptor parses it (a misspelt one waits for loadConfig)', () => {
    try {
      vi.stubEnv('EDN_LOG_LEVEL', ' debug ');
      expect(createLogger({ dataDir: null, stdout: false }).level).toBe('debug');
      vi.stubEnv('EDN_LOG_LEVEL', 'verbose');
      expect(createLogger({ dataDir: null, stdout: false }).level).toBe(SETTINGS.log_level.default);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
