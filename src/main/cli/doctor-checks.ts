import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { assertSafeBind, UnsafeBindError } from '../api/bind-policy';
import { DEFAULT_LLM_BASE_URL, probeEndpoint } from '../api/llm-probe';
import type { AppConfig } from '../config/load-config';
import { connectClient } from '../db/connect';
import { redactMongoUrl } from '../db/errors';
import { mongodDownloadDir, mongodUnavailableMessage, resolveMongod } from '../db/mongod-binary';
import { existsSync } from 'node:fs';
import { MONGOD_SOURCE_ES } from './labels-es';

export interface CheckResult {
  ok: boolean;
  /** Passed, but with something to look at (shown with ⚠, not ✔; does not fail the run). */
  warning?: boolean;
  /** What was checked and what was found. */
  line: string;
  /** What to do about it (failures and warnings). */
  fix?: string;
}

const pass = (line: string): CheckResult => ({ ok: true, line });
const warn = (line: string, fix: string): CheckResult => ({ ok: true, warning: true, line, fix });
const fail = (line: string, fix: string): CheckResult => ({ ok: false, line, fix });

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** URLs are shown to the person running doctor; credentials inside them are not. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = parsed.username ? '***' : '';
      parsed.password = '';
    }
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

export async function checkDataDir(dataDir: string): Promise<CheckResult> {
  const probe = join(dataDir, `.doctor-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(dataDir, { recursive: true });
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
    return pass(`Carpeta de datos ${dataDir}: existe y se puede escribir`);
  } catch (error) {
    return fail(
      `Carpeta de datos ${dataDir}: no se puede escribir (${errorText(error)})`,
      'Da permisos de escritura a esa carpeta o elige otra con EDN_DATA_DIR=/ruta/escribible.',
    );
  }
}

export async function checkMongo(
  config: AppConfig,
  repoResourcesDir: string,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs: number,
): Promise<CheckResult> {
  if (config.mongoUrl) {
    const shown = redactMongoUrl(config.mongoUrl);
    const started = performance.now();
    try {
      const client = await connectClient(config.mongoUrl, timeoutMs);
      await client.close();
      return pass(`MongoDB accesible en ${shown} (${Math.round(performance.now() - started)} ms)`);
    } catch {
      return fail(
        `MongoDB no accesible en ${shown}`,
        'Comprueba EDN_MONGO_URL (o mongo_url en Ajustes), la red y que el servidor MongoDB esté en marcha; o quita EDN_MONGO_URL para usar la base de datos integrada.',
      );
    }
  }
  const resolved = await resolveMongod({
    env,
    resourcesDir: config.resourcesDir,
    repoResourcesDir,
    downloadDir: mongodDownloadDir(config.dataDir),
  });
  if (resolved.path) {
    if (existsSync(resolved.path)) {
      return pass(
        `Base de datos integrada: mongod disponible en ${resolved.path} (${MONGOD_SOURCE_ES[resolved.source]})`,
      );
    }
    return fail(
      `Base de datos integrada: no existe el mongod ${resolved.path} (${MONGOD_SOURCE_ES[resolved.source]})`,
      mongodUnavailableMessage(`no existe el archivo ${resolved.path}`, config.dataDir),
    );
  }
  // Nothing local: the first start downloads it, which needs the network.
  const download = await probeEndpoint('https://fastdl.mongodb.org', timeoutMs);
  if (download.reachable) {
    return pass(
      `Base de datos integrada: no hay mongod local; se descargará una vez en el primer arranque a ${mongodDownloadDir(config.dataDir)}`,
    );
  }
  return fail(
    'Base de datos integrada: no hay mongod local y no se puede descargar (sin conexión)',
    mongodUnavailableMessage('sin mongod local ni acceso a fastdl.mongodb.org', config.dataDir),
  );
}

export function checkLlmKey(config: AppConfig): CheckResult {
  if (config.llm.apiKey) return pass('Clave del LLM: configurada');
  if (config.llm.baseUrl) {
    return pass(
      `Clave del LLM: no configurada; el endpoint propio ${redactUrl(config.llm.baseUrl)} puede no necesitarla (si la pide, define EDN_LLM_API_KEY)`,
    );
  }
  return fail(
    'Clave del LLM: no configurada (endpoint de OpenAI por defecto)',
    'Define EDN_LLM_API_KEY (u OPENAI_API_KEY) con tu clave, o EDN_LLM_BASE_URL con un endpoint compatible con OpenAI (p. ej. un servidor local).',
  );
}

/**
 * The endpoint answers GET /models with the configured key: only a 2xx/3xx is a ✔. A 5xx or a
 * refused key is a ✘; any other HTTP error (a missing /models, no key sent) a ⚠ — never a tick.
 */
export async function checkLlmEndpoint(config: AppConfig, timeoutMs: number): Promise<CheckResult> {
  const url = config.llm.baseUrl ?? DEFAULT_LLM_BASE_URL;
  const shown = redactUrl(url);
  const probe = await probeEndpoint(url, timeoutMs, config.llm.apiKey);
  const status = probe.httpStatus ?? 0;
  if (probe.reachable && status < 400) {
    return pass(`Endpoint del LLM ${shown}: responde (HTTP ${status}, ${probe.latencyMs} ms)`);
  }
  if (probe.reachable && status >= 500) {
    return fail(
      `Endpoint del LLM ${shown}: responde con un error del servidor (HTTP ${status})`,
      'El servidor del LLM falla: espera a que se recupere o revisa sus logs. Los jobs reintentan solos con espera creciente.',
    );
  }
  if (probe.reachable && (status === 401 || status === 403)) {
    if (config.llm.apiKey) {
      return fail(
        `Endpoint del LLM ${shown}: rechaza la clave configurada (HTTP ${status})`,
        'Comprueba EDN_LLM_API_KEY (u OPENAI_API_KEY, o la clave en Ajustes): no es válida para este endpoint o le faltan permisos.',
      );
    }
    return warn(
      `Endpoint del LLM ${shown}: responde, pero pide una clave (HTTP ${status})`,
      'Define EDN_LLM_API_KEY (u OPENAI_API_KEY) con la clave de este endpoint.',
    );
  }
  if (probe.reachable) {
    return warn(
      `Endpoint del LLM ${shown}: responde con un error (HTTP ${status} en /models)`,
      'Comprueba EDN_LLM_BASE_URL: debe ser la dirección base compatible con OpenAI (normalmente termina en /v1). Si el servidor no ofrece /models, ignora este aviso.',
    );
  }
  return fail(
    `Endpoint del LLM ${redactUrl(url)}: no responde (${probe.error})`,
    'Comprueba la conexión a internet o EDN_LLM_BASE_URL. Sin conexión los jobs esperan y continúan solos al volver la red.',
  );
}

export async function checkPort(config: AppConfig): Promise<CheckResult> {
  const { host, port } = config.api;
  try {
    assertSafeBind(config.api);
  } catch (error) {
    if (error instanceof UnsafeBindError) {
      return fail(
        `API HTTP en ${host}:${port}: dirección accesible desde la red sin token elegido`,
        error.message,
      );
    }
    throw error;
  }
  if (port === 0) return pass(`API HTTP en ${host}: puerto aleatorio (EDN_API_PORT=0)`);
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, () => resolve());
    });
    return pass(`API HTTP: el puerto ${port} está libre en ${host}`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      `API HTTP: no se puede abrir ${host}:${port} (${code === 'EADDRINUSE' ? 'puerto en uso' : errorText(error)})`,
      code === 'EADDRINUSE'
        ? '¿Hay otra instancia de EDN360 Coach (o `edn360 serve`) en marcha? Ciérrala o elige otro puerto con EDN_API_PORT.'
        : 'Revisa EDN_API_HOST (una dirección de este equipo) y EDN_API_PORT.',
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
