import type { DatabaseCare } from '../application/database-care';
import type { AppConfig } from '../config/load-config';
import type { DatabaseHandle } from '../db/connect';
import type { Repositories } from '../db/repositories';
import type { Logger } from '../log/logger';
import type { DatabaseClock } from '../queue/database-clock';
import type { JobEventBus } from '../queue/job-events';
import type { JobWatcher } from '../queue/job-watcher';
import type { JobQueue } from '../queue/job-queue';
import type { WorkerSupervisor } from '../worker/worker-supervisor';

/** What the API needs from the worker supervisor: its status, and a restart on request. */
export type WorkerControl = Pick<WorkerSupervisor, 'getStatus' | 'restart'>;

export interface ApiOptions {
  /** Origins allowed to call the API from a browser (EDN_API_CORS_ORIGINS); empty = CORS closed. */
  corsOrigins: readonly string[];
  /** Extra `Host` names accepted besides loopback and the bind address (EDN_API_ALLOWED_HOSTS). */
  allowedHosts: readonly string[];
  /** Requests per client and window on the public routes. */
  rateLimit: { max: number; windowMs: number };
  /** SSE comment interval, so proxies and browsers keep an idle stream open. */
  sseHeartbeatMs: number;
  /** Open event streams allowed per client address, and on the whole server (429 past either). */
  sseMaxPerClient: number;
  sseMaxTotal: number;
  /** Longest life of one event stream; it then ends with a comment and EventSource reconnects. */
  sseMaxLifetimeMs: number;
  /**
   * Accept questionnaires without the admin token on `POST /submit-nutrition-questionnaire` while
   * the API is bound to a non-loopback address (EDN_PUBLIC_SUBMIT=1). On loopback they always are.
   */
  publicSubmit: boolean;
  /** LLM reachability probe of /health. */
  llmProbe: { timeoutMs: number; ttlMs: number };
  /** The renderer's web build, served at `/` by `edn360 serve`; null elsewhere. */
  webRoot: string | null;
  /** Check every answer against the HTTP contract before it leaves (tests turn it on). */
  checkResponses: boolean;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  corsOrigins: [],
  allowedHosts: [],
  // Local polling clients share one address (127.0.0.1): generous, but a runaway loop is stopped.
  rateLimit: { max: 300, windowMs: 60_000 },
  sseHeartbeatMs: 15_000,
  sseMaxPerClient: 20,
  sseMaxTotal: 200,
  sseMaxLifetimeMs: 30 * 60_000,
  publicSubmit: false,
  llmProbe: { timeoutMs: 1_500, ttlMs: 10_000 },
  webRoot: null,
  checkResponses: false,
};

export interface ApiDependencies {
  /** Only what the API reads: the LLM settings it probes, never the rest of the pipeline's. */
  config: Pick<AppConfig, 'api' | 'dataDir'> & {
    llm: Pick<AppConfig['llm'], 'baseUrl' | 'apiKey' | 'model' | 'agentModels' | 'prices'>;
  };
  database: DatabaseHandle;
  repositories: Repositories;
  queue: JobQueue;
  events: JobEventBus;
  /** The host's one job watcher (src/main/queue/job-watcher.ts): streams ask it to follow their job. */
  jobWatcher: Pick<JobWatcher, 'watch' | 'mode'>;
  /** Database time and how it is known (for /health's details). */
  clock: Pick<DatabaseClock, 'status'>;
  /** How this instance is named in the jobs it runs. */
  instanceName: string;
  worker: WorkerControl | null;
  logger: Logger;
  version: string;
  /** Backups, restores and moves of this instance's database (application/database-care.ts), the host's one. */
  databaseCare: DatabaseCare;
  options?: Partial<ApiOptions>;
}
