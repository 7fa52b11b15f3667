import { ApiErrorResponseSchema, HealthResponseSchema, type HealthResponse } from '@shared/api';
import {
  BACKUP_DOCUMENTS_HEADER,
  BACKUP_PASSPHRASE_HEADER,
  HTTP_ROUTES,
  MoveResponseSchema,
  NDJSON_CONTENT_TYPE,
  ProgressLineSchema,
  RestorePreviewResponseSchema,
  RestoreResponseSchema,
  routePath,
  type HttpRouteName,
  type RouteRequest,
  type RouteResponse,
} from '@shared/http-routes';
import type { JobType, PublicJob } from '@shared/job';
import { isFullJobView, type PublicJobStatus } from '@shared/job-status-view';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { ReadingCorrectionInput } from '@shared/reading-api';
import type { PlanKind } from '@shared/plan-delivery';
import type { z } from 'zod';
import {
  ClientError,
  type ApprovePlanArgs,
  type BackupFileRef,
  type MoveDatabaseArgs,
  type ProgressCallback,
  type RestoreOptions,
  type ClientPdfArgs,
  type CoachClient,
  type CompareVersionsArgs,
  type PlanRef,
  type PreviewEditsArgs,
  type RegenerateArgs,
  type RestoreVersionArgs,
  type SaveEditsArgs,
} from './coach-client';

/**
 * `CoachClient` over the local HTTP API (`edn360 serve`): bearer token on every route (on the public
 * ones it unlocks the full job and health views), SSE for one job's live progress (read with fetch,
 * since EventSource cannot send the token), polling for the job list (the API has no global event
 * stream). Every call
 * names a route of the HTTP contract (@shared/http-routes): its inputs are typed by the route's
 * schemas and its answer is decoded with the route's response schema (Dates as Dates, as over IPC).
 */

const TOKEN_KEY = 'edn360.apiToken';
/** Changes fetched per poll; a full page is followed at once by the next. */
const WATCH_PAGE = 500;
const POLL_MS = 2000;

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * `GET /health` of the server this page came from, with its details: they need the admin token
 * (without it the server says only up or down). Rejects when there is no token or the answer has
 * no details.
 */
export async function fetchServerHealth(baseUrl = ''): Promise<HealthResponse> {
  const token = storedToken();
  if (!token) throw new ClientError('unauthorized', 'Sin token de administración');
  const response = await fetch(`${baseUrl}/health`, { headers: { authorization: `Bearer ${token}` } });
  return HealthResponseSchema.parse(await response.json());
}

/** The whole job, as this client always asks for it (with the token); the public view means the token was not accepted. */
function fullJob(job: PublicJob | PublicJobStatus): PublicJob {
  if (isFullJobView<PublicJob>(job)) return job;
  throw new ClientError('unauthorized', 'El servidor respondió sin los datos del trabajo: revisa el token.');
}

/** Wait before reconnecting a job's event stream (the server's `retry:` says the same). */
const SSE_RETRY_MS = 3000;

/** The `data:` of each complete SSE message in `buffer`, and what is left of it. */
function sseMessages(buffer: string): { data: string[]; rest: string } {
  const data: string[] = [];
  let rest = buffer.replace(/\r\n/g, '\n');
  let cut: number;
  while ((cut = rest.indexOf('\n\n')) >= 0) {
    const block = rest.slice(0, cut);
    rest = rest.slice(cut + 2);
    const line = /^data: ?(.*)$/m.exec(block)?.[1];
    if (line !== undefined) data.push(line);
  }
  return { data, rest };
}

function queryString(query: object | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === '') continue;
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The file name the server gives a download (content-disposition), as a save dialog would suggest it. */
function attachmentName(response: Response): string | undefined {
  return /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
}

/** Hands bytes to the browser's download under `fileName`. */
function downloadBytes(bytes: Uint8Array, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
  } finally {
    // After the click has handed the file to the browser's download.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** A refusal's JSON body as the client's error. */
async function refusal(response: Response): Promise<ClientError> {
  const parsed = ApiErrorResponseSchema.safeParse(await response.json().catch(() => null));
  if (parsed.success)
    return new ClientError(parsed.data.error, parsed.data.message, parsed.data.errors ?? []);
  return new ClientError('internal_error', `HTTP ${response.status}`);
}

/**
 * The answer of a long route asked for as NDJSON: `{"progress": …}` lines to `onProgress`, then
 * `{"result": …}` (the JSON answer) or `{"error": …}`. A server that answers plain JSON is read as such.
 */
async function progressAnswer<S extends z.ZodType>(
  response: Response,
  schema: S,
  onProgress: ProgressCallback | undefined,
): Promise<z.output<S>> {
  const asAnswer = (value: unknown): z.output<S> =>
    schema.parse(
      typeof value === 'object' && value !== null && !('success' in value)
        ? { success: true, ...value }
        : value,
    );
  if (!(response.headers.get('content-type') ?? '').includes(NDJSON_CONTENT_TYPE) || !response.body)
    return asAnswer(await response.json());
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const handle = (text: string): { done: true; value: z.output<S> } | null => {
    if (!text.trim()) return null;
    const line = ProgressLineSchema.parse(JSON.parse(text));
    if ('progress' in line) {
      onProgress?.(line.progress);
      return null;
    }
    if ('error' in line) throw new ClientError(line.error.error, line.error.message, line.error.errors ?? []);
    return { done: true, value: asAnswer(line.result) };
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n')) >= 0) {
      const answer = handle(buffer.slice(0, cut));
      buffer = buffer.slice(cut + 1);
      if (answer) {
        void reader.cancel().catch(() => undefined);
        return answer.value;
      }
    }
  }
  const last = handle(buffer);
  if (last) return last.value;
  throw new ClientError('network_error', 'La conexión se cortó antes de terminar.');
}

/** The browser's file: this transport uploads what the page picked. */
function uploadOf(file: BackupFileRef): Blob {
  if ('upload' in file) return file.upload;
  throw new ClientError('not_supported', 'En el navegador, elige el archivo de la copia en la página.');
}

type BodyOf<K extends HttpRouteName> = RouteRequest<K> extends { body: infer B } ? B : never;

export class HttpCoachClient implements CoachClient {
  readonly capabilities = { transport: 'http', settings: false, backupFiles: 'upload' } as const;

  constructor(
    private readonly baseUrl: string,
    private token: string,
  ) {}

  /** One route of the HTTP contract, by name: the path, query and body from `input`; a refusal thrown. */
  private async send<K extends HttpRouteName>(name: K, input: RouteRequest<K>): Promise<Response> {
    const route = HTTP_ROUTES[name];
    const parts = input as { params?: Record<string, unknown>; query?: object; body?: unknown };
    const url = `${this.baseUrl}${routePath(route.path, parts.params)}${queryString(parts.query)}`;
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    const body = 'body' in route ? (parts.body ?? {}) : undefined;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, {
        method: route.method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ClientError('network_error', error instanceof Error ? error.message : String(error));
    }
    if ((route.success as readonly number[]).includes(response.status)) return response;
    const parsed = ApiErrorResponseSchema.safeParse(await response.json().catch(() => null));
    if (parsed.success)
      throw new ClientError(parsed.data.error, parsed.data.message, parsed.data.errors ?? []);
    throw new ClientError('internal_error', `HTTP ${response.status}`);
  }

  /** A route's answer decoded with the route's own response schema (Dates as Dates, bytes as bytes). */
  private async call<K extends HttpRouteName>(name: K, input: RouteRequest<K>): Promise<RouteResponse<K>> {
    const route = HTTP_ROUTES[name];
    const response = await this.send(name, input);
    const answer: unknown =
      'binary' in route
        ? new Uint8Array(await response.arrayBuffer())
        : await response.json().catch(() => null);
    return route.response.parse(answer) as RouteResponse<K>;
  }

  /** Checks the token with a cheap admin call; rejects with `unauthorized` when it is wrong. */
  async verify(): Promise<void> {
    await this.call('getWorker', {});
  }

  async listClients(args?: Parameters<CoachClient['listClients']>[0]) {
    const { include_archived, ...rest } = args ?? {};
    const query =
      include_archived === undefined ? rest : { ...rest, include_archived: `${include_archived}` as const };
    const { success: _, ...page } = await this.call('listUsers', { query });
    return page;
  }
  async getClient(id: string) {
    return (await this.call('getUser', { params: { user_id: id } })).user;
  }
  async createClient(input: Parameters<CoachClient['createClient']>[0]) {
    return (await this.call('createUser', { body: input })).user;
  }
  async updateClient(id: string, changes: Parameters<CoachClient['updateClient']>[1]) {
    return (await this.call('updateUser', { params: { user_id: id }, body: changes })).user;
  }
  archiveClient(id: string, archived: boolean) {
    return this.updateClient(id, { archived });
  }
  async eraseClient({ id, confirm }: Parameters<CoachClient['eraseClient']>[0]) {
    const answer = await this.call('eraseUser', { params: { user_id: id }, body: { confirm } });
    return answer.erasure;
  }

  async submitQuestionnaire(
    userId: string,
    responses: Record<string, unknown>,
  ): Promise<QuestionnaireSubmission> {
    const stored = await this.call('submitQuestionnaire', { body: { user_id: userId, responses } });
    return stored.submission;
  }
  async listQuestionnaires(userId: string) {
    const page = await this.call('listUserSubmissions', {
      params: { user_id: userId },
      query: { limit: 100 },
    });
    return page.items;
  }
  async getQuestionnaireReading(submissionId: string) {
    const { success: _, ...reading } = await this.call('getSubmissionReading', {
      params: { submission_id: submissionId },
    });
    return reading;
  }
  async correctQuestionnaireReading(submissionId: string, corrections: ReadingCorrectionInput[]) {
    const { success: _, ...reading } = await this.call('correctSubmissionReading', {
      params: { submission_id: submissionId },
      body: { corrections },
    });
    return reading;
  }

  async generatePlan(args: Parameters<CoachClient['generatePlan']>[0]) {
    const { user_id, ...body } = args;
    const { job_id } = await this.call('generatePlan', { params: { user_id }, body });
    return this.getJob(job_id);
  }
  async getJob(id: string) {
    return fullJob(await this.call('getJob', { params: { job_id: id } }));
  }
  async listJobs(args?: Parameters<CoachClient['listJobs']>[0] & { updated_since?: Date }) {
    const { updated_since, ...rest } = args ?? {};
    const query = updated_since ? { ...rest, updated_since: updated_since.toISOString() } : rest;
    const { success: _, ...page } = await this.call('listJobs', { query });
    return page;
  }
  async cancelJob(id: string) {
    return (await this.call('cancelJob', { params: { job_id: id }, body: {} })).job;
  }
  async estimatePlanCost(type: JobType) {
    const { success: _, ...estimate } = await this.call('estimatePlanCost', { query: { type } });
    return estimate;
  }
  async retryJob(id: string) {
    return (await this.call('retryJob', { params: { job_id: id }, body: {} })).job;
  }

  watchJob(
    id: string,
    onJob: (job: PublicJob) => void,
    onConnection?: (connected: boolean) => void,
  ): () => void {
    // Read with fetch so the token travels in a header (EventSource cannot send one, and without it
    // the server answers only the public view). Like EventSource, it reconnects whenever the stream
    // drops or the server ends it (streams have a maximum lifetime) before the job has finished;
    // every message carries the whole job, so nothing is lost.
    const url = `${this.baseUrl}${routePath(HTTP_ROUTES.jobEvents.path, { job_id: id })}`;
    let stopped = false;
    let controller: AbortController | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const connect = async (): Promise<void> => {
      let finished = false;
      controller = new AbortController();
      try {
        const response = await fetch(url, {
          headers: { accept: 'text/event-stream', authorization: `Bearer ${this.token}` },
          signal: controller.signal,
        });
        if (response.status !== 200 || !response.body) {
          // An unknown job or a refused token will not change by retrying (EventSource stops too).
          if (response.status === 404 || response.status === 401) {
            onConnection?.(false);
            return;
          }
          throw new Error(`HTTP ${response.status}`);
        }
        onConnection?.(true);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        while (!finished) {
          const { value, done } = await reader.read();
          if (done) break;
          const { data, rest } = sseMessages(buffer + value);
          buffer = rest;
          for (const text of data) {
            const parsed = HTTP_ROUTES.jobEvents.response.safeParse(JSON.parse(text));
            if (!parsed.success || !isFullJobView<PublicJob>(parsed.data.job)) continue;
            const { job } = parsed.data;
            onJob(job);
            if (job.status === 'completed' || job.status === 'failed') finished = true;
          }
        }
        if (finished) void reader.cancel().catch(() => undefined);
      } catch {
        // Offline, a dropped connection, or the watch was closed: reconnect below unless finished.
      }
      if (stopped || finished) return;
      onConnection?.(false);
      timer = setTimeout(() => void connect(), SSE_RETRY_MS);
    };
    void connect();
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      controller?.abort();
    };
  }

  /**
   * Every job's changes, by polling `updated_since` with the server's own timestamps (a browser's
   * clock may differ from a clinic server's). Jobs changed in the same millisecond as the last one
   * seen are asked for again (`>=`) and skipped when already delivered, so none is lost at a page
   * boundary.
   */
  watchJobs(onJob: (job: PublicJob) => void): () => void {
    let since: Date | null = null;
    let seenAtSince = new Set<string>();
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async (): Promise<void> => {
      let full = false;
      try {
        if (since === null) {
          // Start from the newest change the server has: only what happens from now on is new.
          const newest = await this.listJobs({ limit: 100 });
          since = newest.items.reduce<Date>(
            (latest, job) => (job.updated_at > latest ? job.updated_at : latest),
            new Date(0),
          );
          seenAtSince = new Set(
            newest.items.filter((job) => job.updated_at.getTime() === since?.getTime()).map((j) => j._id),
          );
        } else {
          const page = await this.listJobs({ updated_since: since, limit: WATCH_PAGE });
          const before = since.getTime();
          for (const job of page.items) {
            const at = job.updated_at.getTime();
            if (at === since.getTime() && seenAtSince.has(job._id)) continue;
            if (at > since.getTime()) {
              since = job.updated_at;
              seenAtSince = new Set();
            }
            seenAtSince.add(job._id);
            onJob(job);
          }
          // A full page that moved forward has more behind it: fetch it at once.
          full = page.items.length === WATCH_PAGE && since.getTime() > before;
        }
      } catch {
        // Offline or signed out: the next poll tries again.
      }
      if (!stopped) timer = setTimeout(() => void poll(), full ? 0 : POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    };
  }

  async listPlans(userId: string) {
    // The server builds the summaries, as for IPC (application/plan-summaries.ts).
    const plans = await this.call('listUserPlans', { params: { user_id: userId }, query: { limit: 100 } });
    return plans.summaries;
  }
  async getTrainingPlan(id: string) {
    return (await this.call('getTrainingPlan', { params: { plan_id: id } })).plan;
  }
  async getNutritionPlan(id: string) {
    return (await this.call('getNutritionPlan', { params: { plan_id: id } })).plan;
  }

  /** The server's export route refuses a blocked plan (409 plan_blocked); the page saves the rest. */
  exportPlanJson(kind: PlanKind, planId: string) {
    const params = { plan_id: planId };
    return kind === 'training'
      ? this.call('exportTrainingPlan', { params })
      : this.call('exportNutritionPlan', { params });
  }

  // The editor's routes are one per kind (`/admin/{kind}-plans/…`); the IPC methods take `kind`.
  async listPlanVersions({ kind, plan_id }: PlanRef) {
    const params = { plan_id };
    const { success: _, ...list } =
      kind === 'training'
        ? await this.call('listTrainingPlanVersions', { params })
        : await this.call('listNutritionPlanVersions', { params });
    return list;
  }
  async getPlanVersion({ kind, plan_id, version }: PlanRef & { version: number }) {
    const params = { plan_id, version: String(version) };
    return (
      kind === 'training'
        ? await this.call('getTrainingPlanVersion', { params })
        : await this.call('getNutritionPlanVersion', { params })
    ).version;
  }
  async comparePlanVersions({ kind, plan_id, from, to }: CompareVersionsArgs) {
    const input = { params: { plan_id }, query: { from: String(from), to: String(to) } };
    const { success: _, ...diff } =
      kind === 'training'
        ? await this.call('compareTrainingPlanVersions', input)
        : await this.call('compareNutritionPlanVersions', input);
    return diff;
  }
  // The IPC arguments are built from these routes' body schemas (src/shared/plan-versions-ipc.ts);
  // the compiler cannot see through the discriminated union, hence the bodies' named types.
  async previewPlanEdits({ kind, plan_id, ...body }: PreviewEditsArgs) {
    const params = { plan_id };
    const { success: _, ...preview } =
      kind === 'training'
        ? await this.call('previewTrainingPlanEdits', {
            params,
            body: body as BodyOf<'previewTrainingPlanEdits'>,
          })
        : await this.call('previewNutritionPlanEdits', {
            params,
            body: body as BodyOf<'previewNutritionPlanEdits'>,
          });
    return preview;
  }
  async savePlanEdits({ kind, plan_id, ...body }: SaveEditsArgs) {
    const params = { plan_id };
    const { version, plan } =
      kind === 'training'
        ? await this.call('saveTrainingPlanEdits', { params, body: body as BodyOf<'saveTrainingPlanEdits'> })
        : await this.call('saveNutritionPlanEdits', {
            params,
            body: body as BodyOf<'saveNutritionPlanEdits'>,
          });
    return { version, plan };
  }
  async restorePlanVersion({ kind, plan_id, version, ...body }: RestoreVersionArgs) {
    const input = { params: { plan_id, version: String(version) }, body };
    const saved =
      kind === 'training'
        ? await this.call('restoreTrainingPlanVersion', input)
        : await this.call('restoreNutritionPlanVersion', input);
    return { version: saved.version, plan: saved.plan };
  }
  async regeneratePlanPart({ kind, plan_id, ...body }: RegenerateArgs) {
    const input = { params: { plan_id }, body };
    const { job_id } =
      kind === 'training'
        ? await this.call('regenerateTrainingPlan', input)
        : await this.call('regenerateNutritionPlan', input);
    return { job_id };
  }
  async approvePlan({ kind, plan_id, ...body }: ApprovePlanArgs) {
    const input = { params: { plan_id }, body };
    return (
      kind === 'training'
        ? await this.call('approveTrainingPlan', input)
        : await this.call('approveNutritionPlan', input)
    ).plan;
  }

  async listExercises() {
    return (await this.call('listExercises', { query: {} })).items;
  }

  async getWorker() {
    const { success: _, ...overview } = await this.call('getWorker', {});
    return overview;
  }
  async restartWorker() {
    const { success: _, ...overview } = await this.call('restartWorker', { body: {} });
    return overview;
  }

  getSettings() {
    return Promise.resolve(null);
  }
  updateSettings(): never {
    throw new ClientError('not_supported', 'settings');
  }
  setLlmApiKey(): never {
    throw new ClientError('not_supported', 'settings');
  }
  testDatabase(): never {
    throw new ClientError('not_supported', 'settings');
  }
  getApiAccess() {
    // The browser is already signed in with the token; its value is the server admin's to share.
    return Promise.resolve(null);
  }
  regenerateApiToken(): never {
    throw new ClientError('not_supported', 'settings');
  }
  /** Drawn by the server from the shared template; the browser saves it as a download. */
  async exportClientPdf(args: ClientPdfArgs) {
    const { job_id, ...query } = args;
    const response = await this.send('jobClientPdf', { params: { job_id }, query });
    const bytes = HTTP_ROUTES.jobClientPdf.response.parse(new Uint8Array(await response.arrayBuffer()));
    downloadBytes(bytes, 'application/pdf', attachmentName(response) ?? `plan-${job_id}.pdf`);
    return { saved: true, path: null, bytes: bytes.byteLength };
  }
  /** The client's whole data as a zip built by the server; the browser saves it as a download. */
  async exportClientData(id: string) {
    const response = await this.send('exportUserData', { params: { user_id: id } });
    const bytes = HTTP_ROUTES.exportUserData.response.parse(new Uint8Array(await response.arrayBuffer()));
    const name = attachmentName(response) ?? `cliente-${id}.zip`;
    downloadBytes(bytes, 'application/zip', name);
    return { saved: true, path: name, bytes: bytes.byteLength };
  }
  exportPdf() {
    // A web page cannot write files: PlanScreen falls back to the browser's print dialog.
    return Promise.resolve(null);
  }
  tailLogs() {
    // The HTTP API does not expose the log (it may hold paths and client ids); the server's file has it.
    return Promise.resolve(null);
  }

  /** A long route with its NDJSON progress: JSON or a file as body, the answer decoded by `schema`. */
  private async streamed<S extends z.ZodType>(
    path: string,
    init: { body: BodyInit; type: string; headers?: Record<string, string> },
    schema: S,
    onProgress: ProgressCallback | undefined,
  ): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: `${NDJSON_CONTENT_TYPE}, application/json`,
          'content-type': init.type,
          ...init.headers,
        },
        body: init.body,
      });
    } catch (error) {
      throw new ClientError('network_error', error instanceof Error ? error.message : String(error));
    }
    if (response.status !== 200) throw await refusal(response);
    return progressAnswer(response, schema, onProgress);
  }

  /** The server writes the backup and the browser downloads it (no progress: it is one download). */
  async createBackup(passphrase?: string) {
    const response = await this.send('backupDatabase', { body: passphrase ? { passphrase } : {} });
    const blob = await response.blob();
    const name = attachmentName(response) ?? 'edn360.edn360bak';
    const url = URL.createObjectURL(blob);
    try {
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
    } finally {
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }
    const documents = Number(response.headers.get(BACKUP_DOCUMENTS_HEADER));
    return {
      file: name,
      bytes: blob.size,
      documents:
        Number.isFinite(documents) && response.headers.has(BACKUP_DOCUMENTS_HEADER) ? documents : null,
      encrypted: Boolean(passphrase),
    };
  }
  async backupStatus() {
    return (await this.call('backupStatus', {})).status;
  }
  chooseBackupFile() {
    // The page picks the file with a file input (capabilities.backupFiles === 'upload').
    return Promise.resolve(null);
  }
  async previewRestore(file: BackupFileRef, passphrase?: string, onProgress?: ProgressCallback) {
    const answer = await this.streamed(
      HTTP_ROUTES.previewRestore.path,
      {
        body: uploadOf(file),
        type: 'application/octet-stream',
        ...(passphrase ? { headers: { [BACKUP_PASSPHRASE_HEADER]: passphrase } } : {}),
      },
      RestorePreviewResponseSchema,
      onProgress,
    );
    return answer.preview;
  }
  async restoreBackup(file: BackupFileRef, options: RestoreOptions, onProgress?: ProgressCallback) {
    const query = `?rule=${options.rule}&settings=${options.apply_settings ? '1' : '0'}`;
    const answer = await this.streamed(
      `${HTTP_ROUTES.restoreBackup.path}${query}`,
      {
        body: uploadOf(file),
        type: 'application/octet-stream',
        ...(options.passphrase ? { headers: { [BACKUP_PASSPHRASE_HEADER]: options.passphrase } } : {}),
      },
      RestoreResponseSchema,
      onProgress,
    );
    return answer.restore;
  }
  async moveDatabase(args: MoveDatabaseArgs, onProgress?: ProgressCallback) {
    const answer = await this.streamed(
      HTTP_ROUTES.moveDatabase.path,
      { body: JSON.stringify(args), type: 'application/json' },
      MoveResponseSchema,
      onProgress,
    );
    return answer.move;
  }
}
