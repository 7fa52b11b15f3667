import { z } from 'zod';
import { ApiErrorResponseSchema, CatalogResponseSchema, JobStreamEventSchema } from '@shared/api';
import { IPC_CONTRACT, type IpcMethod, type IpcResult } from '@shared/ipc-contract';
import type { JobType, PublicJob } from '@shared/job';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import { SubmissionReadingSchema, type ReadingCorrectionInput } from '@shared/reading-api';
import { deliveryOf, type PlanKind } from '@shared/plan-delivery';
import { ClientError, type CoachClient, type OverridePlanArgs, type Page } from './coach-client';
import { reviveDates } from './revive-dates';
import { PlanEstimateSchema } from '@shared/pricing';

/**
 * `CoachClient` over the local HTTP API (`edn360 serve`): bearer token on /admin routes, SSE for one
 * job's live progress, polling for the job list (the API has no global event stream). Every answer
 * is checked with the same zod schema the IPC contract uses for that result.
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

function parse<M extends IpcMethod>(method: M, json: unknown): IpcResult<M> {
  const schema: z.ZodType<IpcResult<M>> = IPC_CONTRACT[method].result as unknown as z.ZodType<IpcResult<M>>;
  return schema.parse(reviveDates(json));
}

function query(args: Record<string, string | number | boolean | undefined> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(args ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export class HttpCoachClient implements CoachClient {
  readonly capabilities = { transport: 'http', settings: false } as const;

  constructor(
    private readonly baseUrl: string,
    private token: string,
  ) {}

  private async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ClientError('network_error', error instanceof Error ? error.message : String(error));
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const parsed = ApiErrorResponseSchema.safeParse(json);
      if (parsed.success)
        throw new ClientError(parsed.data.error, parsed.data.message, parsed.data.errors ?? []);
      throw new ClientError('internal_error', `HTTP ${response.status}`);
    }
    return json;
  }

  /** Checks the token with a cheap admin call; rejects with `unauthorized` when it is wrong. */
  async verify(): Promise<void> {
    await this.request('GET', '/admin/worker');
  }

  async listClients(args?: Parameters<CoachClient['listClients']>[0]): Promise<Page<IpcResult<'getClient'>>> {
    return parse('listClients', await this.request('GET', `/admin/users${query(args)}`));
  }
  async getClient(id: string) {
    const json = z
      .object({ user: z.unknown() })
      .parse(await this.request('GET', `/admin/users/${encodeURIComponent(id)}`));
    return parse('getClient', json.user);
  }
  async createClient(input: Parameters<CoachClient['createClient']>[0]) {
    const json = z.object({ user: z.unknown() }).parse(await this.request('POST', '/admin/users', input));
    return parse('createClient', json.user);
  }
  async updateClient(id: string, changes: Parameters<CoachClient['updateClient']>[1]) {
    const json = z
      .object({ user: z.unknown() })
      .parse(await this.request('PATCH', `/admin/users/${encodeURIComponent(id)}`, changes));
    return parse('updateClient', json.user);
  }
  archiveClient(id: string, archived: boolean) {
    return this.updateClient(id, { archived });
  }

  async submitQuestionnaire(
    userId: string,
    responses: Record<string, unknown>,
  ): Promise<QuestionnaireSubmission> {
    const json = z
      .object({ submission_id: z.string(), user_id: z.string() })
      .parse(await this.request('POST', '/submit-nutrition-questionnaire', { user_id: userId, responses }));
    return parse('getQuestionnaire', {
      _id: json.submission_id,
      user_id: json.user_id,
      responses,
      submitted_at: new Date().toISOString(),
      plan_generated: false,
      plan_id: null,
    });
  }
  async listQuestionnaires(userId: string) {
    const json = await this.request(
      'GET',
      `/admin/users/${encodeURIComponent(userId)}/submissions?limit=100`,
    );
    return parse('listQuestionnaires', json).items;
  }
  async getQuestionnaireReading(submissionId: string) {
    const path = `/admin/submissions/${encodeURIComponent(submissionId)}/reading`;
    return SubmissionReadingSchema.parse(await this.request('GET', path));
  }
  async correctQuestionnaireReading(submissionId: string, corrections: ReadingCorrectionInput[]) {
    const path = `/admin/submissions/${encodeURIComponent(submissionId)}/reading`;
    return SubmissionReadingSchema.parse(await this.request('PUT', path, { corrections }));
  }

  async generatePlan(args: Parameters<CoachClient['generatePlan']>[0]) {
    const { user_id, ...body } = args;
    const json = z
      .object({ job_id: z.string() })
      .parse(
        await this.request('POST', `/admin/users/${encodeURIComponent(user_id)}/plans/generate_async`, body),
      );
    return this.getJob(json.job_id);
  }
  async getJob(id: string) {
    return parse('getJob', await this.request('GET', `/jobs/${encodeURIComponent(id)}`));
  }
  async listJobs(args?: Parameters<CoachClient['listJobs']>[0]) {
    return parse('listJobs', await this.request('GET', `/admin/jobs${query(args)}`));
  }
  async cancelJob(id: string) {
    const json = z
      .object({ job: z.unknown() })
      .parse(await this.request('POST', `/admin/jobs/${encodeURIComponent(id)}/cancel`, {}));
    return parse('getJob', json.job);
  }
  async estimatePlanCost(type: JobType) {
    const json = await this.request('GET', `/admin/estimate?type=${encodeURIComponent(type)}`);
    return PlanEstimateSchema.parse(json);
  }

  async retryJob(id: string) {
    const json = z
      .object({ job: z.unknown() })
      .parse(await this.request('POST', `/admin/jobs/${encodeURIComponent(id)}/retry`, {}));
    return parse('getJob', json.job);
  }

  watchJob(
    id: string,
    onJob: (job: PublicJob) => void,
    onConnection?: (connected: boolean) => void,
  ): () => void {
    // EventSource reconnects by itself; every message carries the whole job, so nothing is lost.
    const source = new EventSource(`${this.baseUrl}/jobs/${encodeURIComponent(id)}/events`);
    const handle = (event: MessageEvent<string>): void => {
      const parsed = JobStreamEventSchema.safeParse(JSON.parse(event.data));
      if (!parsed.success) return;
      const job = parse('getJob', parsed.data.job);
      onJob(job);
      if (job.status === 'completed' || job.status === 'failed') source.close();
    };
    for (const type of JobStreamEventSchema.shape.type.options) source.addEventListener(type, handle);
    source.onopen = () => onConnection?.(true);
    source.onerror = () => onConnection?.(source.readyState === EventSource.OPEN);
    return () => source.close();
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
          const page = parse(
            'listJobs',
            await this.request(
              'GET',
              `/admin/jobs${query({ updated_since: since.toISOString(), limit: WATCH_PAGE })}`,
            ),
          );
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
    const json = z
      .object({ summaries: z.unknown() })
      .parse(await this.request('GET', `/admin/users/${encodeURIComponent(userId)}/plans?limit=100`));
    return parse('listPlans', json.summaries);
  }
  async getTrainingPlan(id: string) {
    const json = z
      .object({ plan: z.unknown() })
      .parse(await this.request('GET', `/admin/training-plans/${encodeURIComponent(id)}`));
    return parse('getTrainingPlan', json.plan);
  }
  async getNutritionPlan(id: string) {
    const json = z
      .object({ plan: z.unknown() })
      .parse(await this.request('GET', `/admin/nutrition-plans/${encodeURIComponent(id)}`));
    return parse('getNutritionPlan', json.plan);
  }

  /** The server's export route refuses a blocked plan (409 plan_blocked); the page saves the rest. */
  async exportPlanJson(kind: PlanKind, planId: string) {
    const json = await this.request('GET', `/admin/${kind}-plans/${encodeURIComponent(planId)}/export`);
    return parse(kind === 'training' ? 'getTrainingPlan' : 'getNutritionPlan', json);
  }

  async overridePlanBlock(args: OverridePlanArgs) {
    const { kind, plan_id, ...body } = args;
    const path = `/admin/${kind}-plans/${encodeURIComponent(plan_id)}/override`;
    const json = z.object({ plan: z.unknown() }).parse(await this.request('POST', path, body));
    // Checked (and its dates revived) once, as the plan it is; the delivery is read off it.
    const plan = parse(kind === 'training' ? 'getTrainingPlan' : 'getNutritionPlan', json.plan);
    return { kind, plan_id: plan._id, delivery: deliveryOf(plan) };
  }

  async listExercises() {
    return CatalogResponseSchema.parse(await this.request('GET', '/admin/catalog/exercises')).items;
  }

  async getWorker() {
    const json = z
      .object({ worker: z.unknown(), queue: z.unknown() })
      .parse(await this.request('GET', '/admin/worker'));
    return parse('getWorkerStatus', { worker: json.worker, jobs: json.queue });
  }
  async restartWorker() {
    const json = z
      .object({ worker: z.unknown(), queue: z.unknown() })
      .parse(await this.request('POST', '/admin/worker/restart', {}));
    return parse('restartWorker', { worker: json.worker, jobs: json.queue });
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
  exportPdf() {
    // A web page cannot write files: PlanScreen falls back to the browser's print dialog.
    return Promise.resolve(null);
  }
  tailLogs() {
    // The HTTP API does not expose the log (it may hold paths and client ids); the server's file has it.
    return Promise.resolve(null);
  }
}
