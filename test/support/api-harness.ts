import type { Db } from 'mongodb';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { QuestionnaireResponsesSchema, type QuestionnaireResponses } from '../../src/shared/questionnaire';
import type { AppConfig } from '../../src/main/config/load-config';
import type { DatabaseHandle } from '../../src/main/db/connect';
import { getCollections } from '../../src/main/db/collections';
import { createRepositories, type Repositories } from '../../src/main/db/repositories';
import { silentLogger } from '../../src/main/log/logger';
import { JobEventBus } from '../../src/main/queue/job-events';
import { DatabaseClock } from '../../src/main/queue/database-clock';
import { JobWatcher } from '../../src/main/queue/job-watcher';
import { JobQueue } from '../../src/main/queue/job-queue';
import type { ApiDependencies, ApiOptions, WorkerControl } from '../../src/main/api/deps';
import { createApiServer } from '../../src/main/api/server';
import { databaseCare, type DatabaseCare } from '../../src/main/application/database-care';
import { useTestDatabase, type TestDatabase } from './test-db';
import { DEFAULTS } from '../../src/shared/config';
import { DEFAULT_PRICES } from '../../src/shared/pricing';

export const TEST_TOKEN = 'token-de-prueba-0123456789abcdef';
export const TEST_PORT = 8360;
/** The Host header a local client sends; `app.inject` would otherwise send `localhost:80`. */
export const TEST_HOST = `127.0.0.1:${TEST_PORT}`;

/** A questionnaire as the original system's clients send it (loose formats included). */
export function validResponses(overrides: Record<string, unknown> = {}): QuestionnaireResponses {
  return QuestionnaireResponsesSchema.parse({
    nombre_completo: 'Lucía Pérez Gómez',
    email: 'lucia.perez@example.com',
    fecha_nacimiento: '1991-03-14',
    sexo: 'mujer',
    peso: '64,5',
    altura_cm: '167',
    objetivo_fisico: 'Perder grasa y ganar fuerza',
    profesion: 'Enfermera (turnos rotativos)',
    comidas_al_dia: '4',
    ...overrides,
  });
}

export function testApiConfig(
  overrides: Partial<AppConfig['api']> = {},
  llm: Partial<AppConfig['llm']> = {},
) {
  return {
    dataDir: mkdtempSync(join(tmpdir(), 'edn-api-')),
    api: {
      host: '127.0.0.1',
      port: TEST_PORT,
      token: TEST_TOKEN,
      tokenSource: 'settings' as const,
      ...overrides,
    },
    llm: {
      baseUrl: null,
      apiKey: null,
      model: DEFAULTS.llm_model,
      agentModels: {},
      prices: DEFAULT_PRICES,
      ...llm,
    },
  };
}

export function databaseHandle(testDb: TestDatabase): DatabaseHandle {
  return {
    client: testDb.client,
    db: testDb.db,
    mode: 'configured',
    url: testDb.uri,
    displayUrl: testDb.uri,
    mongodSource: null,
    close: async () => undefined,
  };
}

export interface RequestOptions {
  body?: unknown;
  /** Raw payload (malformed JSON, oversized text, a file); sent with `content-type: application/json` unless headers say otherwise. */
  raw?: string | Buffer;
  /** `false`: no Authorization header; a string: that token. Defaults to the right token. */
  token?: string | false;
  headers?: Record<string, string>;
}

export interface ApiHarness {
  readonly app: FastifyInstance;
  readonly repos: Repositories;
  readonly queue: JobQueue;
  readonly events: JobEventBus;
  readonly testDb: TestDatabase;
  request(
    method: InjectOptions['method'],
    url: string,
    options?: RequestOptions,
  ): Promise<LightMyRequestResponse>;
}

/**
 * The host parts the API reads besides the database: the job watcher (created, not started — tests
 * that follow jobs of other instances use `useApiServer`, whose watcher runs), the database clock
 * and this instance's name.
 */
export function apiHostParts(
  db: Db,
  events: JobEventBus,
): Pick<ApiDependencies, 'jobWatcher' | 'clock' | 'instanceName' | 'databaseCare'> {
  return {
    jobWatcher: new JobWatcher(getCollections(db).jobs, events, { pollMs: 1_000 }),
    clock: new DatabaseClock(db),
    instanceName: 'instancia-de-prueba',
    databaseCare: testDatabaseCare(db, mkdtempSync(join(tmpdir(), 'edn-api-care-'))),
  };
}

/** Backups, restores and moves of a test database, its settings file in `dataDir`. */
export function testDatabaseCare(
  db: Db,
  dataDir: string,
  url = 'mongodb://servidor-de-prueba',
): DatabaseCare {
  return databaseCare({
    database: { db, mode: 'configured', url },
    dbName: db.databaseName,
    dataDir,
    resourcesDir: null,
    repoResourcesDir: join(__dirname, '../../resources'),
    packaged: false,
    env: {},
    logger: silentLogger(),
    instanceName: 'instancia-de-prueba',
    version: '0.0.0-test',
  });
}

export interface ApiHarnessOptions {
  worker?: WorkerControl | null;
  apiOptions?: Partial<ApiOptions>;
  config?: ApiDependencies['config'];
}

/**
 * An API server on this file's test database, exercised with `app.inject` (no socket): the same
 * routes, hooks and error handling as the real server, without a worker process.
 */
export function useApiServer(options: ApiHarnessOptions = {}): ApiHarness {
  const testDb = useTestDatabase();
  const state: {
    app?: FastifyInstance;
    repos?: Repositories;
    queue?: JobQueue;
    events?: JobEventBus;
    stopWatcher?: () => Promise<void>;
  } = {};
  beforeAll(async () => {
    const repos = createRepositories(testDb.db);
    const events = new JobEventBus();
    const queue = new JobQueue(getCollections(testDb.db).jobs, events, null);
    // The host's real job watcher on the test database (its poll: the test server has no change streams).
    const jobWatcher = new JobWatcher(getCollections(testDb.db).jobs, events, { pollMs: 100 });
    await jobWatcher.start();
    state.stopWatcher = () => jobWatcher.stop();
    const config = options.config ?? testApiConfig();
    const logger = silentLogger();
    const app = await createApiServer({
      config,
      database: databaseHandle(testDb),
      repositories: repos,
      queue,
      events,
      jobWatcher,
      clock: new DatabaseClock(testDb.db),
      instanceName: 'instancia-de-prueba',
      worker: options.worker ?? null,
      logger,
      version: '0.0.0-test',
      databaseCare: testDatabaseCare(testDb.db, config.dataDir, testDb.uri),
      // Every answer is checked against the HTTP contract (@shared/http-routes) on its way out.
      options: { checkResponses: true, ...options.apiOptions },
    });
    await app.ready();
    Object.assign(state, { app, repos, queue, events });
  });
  afterAll(async () => {
    await state.app?.close();
    await state.stopWatcher?.();
  });
  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useApiServer().${name} read before beforeAll ran`);
    return value;
  };
  return {
    get app() {
      return need(state.app, 'app');
    },
    get repos() {
      return need(state.repos, 'repos');
    },
    get queue() {
      return need(state.queue, 'queue');
    },
    get events() {
      return need(state.events, 'events');
    },
    testDb,
    request(method, url, requestOptions = {}) {
      const headers: Record<string, string> = { host: TEST_HOST };
      const token = requestOptions.token ?? TEST_TOKEN;
      if (token !== false) headers['authorization'] = `Bearer ${token}`;
      if (requestOptions.raw !== undefined) headers['content-type'] = 'application/json';
      Object.assign(headers, requestOptions.headers);
      const payload =
        requestOptions.raw ??
        (requestOptions.body === undefined ? undefined : JSON.stringify(requestOptions.body));
      if (requestOptions.body !== undefined && !headers['content-type'])
        headers['content-type'] = 'application/json';
      return need(state.app, 'app').inject({
        method,
        url,
        headers,
        ...(payload !== undefined ? { payload } : {}),
      });
    },
  };
}
