import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkLlmKey } from '../../../src/main/cli/doctor-checks';
import { loadConfig } from '../../../src/main/config/load-config';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { runCli } from '../../support/spawn-cli';

const llm = new FakeLlmServer();
let busy: Server;
let busyPort = 0;
beforeAll(async () => {
  await llm.start();
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', () => resolve()));
  busyPort = (busy.address() as AddressInfo).port;
});
afterAll(async () => {
  await llm.stop();
  await new Promise<void>((resolve) => busy.close(() => resolve()));
});

const lines = (stdout: string, mark: '✔' | '✘' | '⚠') =>
  stdout.split('\n').filter((line) => line.startsWith(mark));

describe('edn360 doctor', () => {
  it('all checks pass: ✔ lines and exit 0', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-doctor-ok-'));
    const result = await runCli(['doctor'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: inject('mongoUri'),
      EDN_LLM_BASE_URL: llm.baseUrl,
      EDN_LLM_API_KEY: 'clave-secreta-doctor',
      EDN_API_PORT: '0',
    });
    expect(result.code, result.stdout).toBe(0);
    expect(lines(result.stdout, '✘')).toEqual([]);
    const ok = lines(result.stdout, '✔').join('\n');
    for (const what of [
      'Carpeta de datos',
      'Configuración',
      'MongoDB accesible',
      'Clave del LLM',
      'Endpoint del LLM',
      'API HTTP',
    ]) {
      expect(ok).toContain(what);
    }
    expect(result.stdout).not.toContain('clave-secreta-doctor');
    expect(result.stdout).toContain('Todo listo');
  });

  it('every failure is a ✘ line with what to fix, and exit 1', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-doctor-bad-'));
    const result = await runCli(['doctor'], {
      EDN_DATA_DIR: dataDir,
      EDN_MONGO_URL: 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300',
      EDN_LLM_BASE_URL: 'http://127.0.0.1:1/v1',
      EDN_LLM_API_KEY: '',
      EDN_API_PORT: String(busyPort),
    });
    expect(result.code).toBe(1);
    const failed = lines(result.stdout, '✘').join('\n');
    expect(failed).toContain('MongoDB no accesible en mongodb://127.0.0.1:1');
    expect(failed).toContain('Endpoint del LLM http://127.0.0.1:1/v1: no responde');
    expect(failed).toContain(`no se puede abrir 127.0.0.1:${busyPort} (puerto en uso)`);
    // Each ✘ is followed by its fix.
    expect(result.stdout).toContain('→ Comprueba EDN_MONGO_URL');
    expect(result.stdout).toContain('EDN_API_PORT');
    expect(result.stdout).toContain('3 problema(s)');
  });

  it('an unwritable data folder is reported, and what needs a configuration is skipped', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'edn-doctor-file-')), 'no-es-carpeta');
    await writeFile(file, 'x');
    const result = await runCli(['doctor'], { EDN_DATA_DIR: join(file, 'datos'), EDN_API_PORT: '0' });
    expect(result.code).toBe(1);
    const failed = lines(result.stdout, '✘');
    expect(failed[0]).toContain('no se puede escribir');
    expect(failed[1]).toContain('Configuración');
    expect(result.stdout).toContain('EDN_DATA_DIR');
    expect(result.stdout).toContain('no se comprueban');
  });

  it('a missing LLM key with the default endpoint is a failure; with an own endpoint it is fine', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'edn-doctor-key-'));
    const noKey = await loadConfig({ env: { EDN_DATA_DIR: dataDir } });
    expect(checkLlmKey(noKey)).toMatchObject({ ok: false, fix: expect.stringContaining('EDN_LLM_API_KEY') });
    const local = await loadConfig({
      env: { EDN_DATA_DIR: dataDir, EDN_LLM_BASE_URL: 'http://127.0.0.1:11434/v1' },
    });
    expect(checkLlmKey(local).ok).toBe(true);
  });

  it('an LLM endpoint answering an HTTP error never gets a ✔', async () => {
    // An endpoint that answers GET /models with the status in its path: /s401/v1 → 401, …
    const endpoint = createHttpServer((req, res) => {
      const status = Number(/\/s(\d{3})\//.exec(req.url ?? '')?.[1] ?? 500);
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":{"message":"x"}}');
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}`;
    try {
      const dataDir = await mkdtemp(join(tmpdir(), 'edn-doctor-http-'));
      const run = (status: number, key: string) =>
        runCli(['doctor'], {
          EDN_DATA_DIR: dataDir,
          EDN_MONGO_URL: inject('mongoUri'),
          EDN_LLM_BASE_URL: `${base}/s${status}/v1`,
          EDN_LLM_API_KEY: key,
          EDN_API_PORT: '0',
        });
      const endpointLine = (stdout: string) =>
        stdout.split('\n').find((line) => line.includes('Endpoint del LLM')) ?? '';

      const refused = await run(401, 'clave-mala');
      expect(refused.code).toBe(1);
      expect(endpointLine(refused.stdout)).toMatch(/^✘ .*rechaza la clave configurada \(HTTP 401\)/);
      expect(refused.stdout).toContain('→ Comprueba EDN_LLM_API_KEY');
      expect(refused.stdout).not.toContain('clave-mala');

      const broken = await run(503, 'k');
      expect(broken.code).toBe(1);
      expect(endpointLine(broken.stdout)).toMatch(/^✘ .*error del servidor \(HTTP 503\)/);

      const noModels = await run(404, 'k');
      expect(noModels.code, noModels.stdout).toBe(0);
      expect(endpointLine(noModels.stdout)).toMatch(/^⚠ .*HTTP 404/);
      expect(noModels.stdout).toContain('→ Comprueba EDN_LLM_BASE_URL');
      expect(noModels.stdout).toContain('revisa las líneas ⚠');

      const noKey = await run(401, '');
      expect(endpointLine(noKey.stdout)).toMatch(/^⚠ .*pide una clave \(HTTP 401\)/);

      for (const result of [refused, broken, noModels, noKey]) {
        for (const line of lines(result.stdout, '✔')) expect(line).not.toMatch(/HTTP [45]\d\d/);
      }
    } finally {
      await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    }
  });
});
