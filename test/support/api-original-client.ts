/**
 * A client of the original E.D.N.360 API written only from its documentation: it knows the three
 * documented endpoints, the `{success, ...}` envelopes, the job document's `status`, `progress` and
 * `result.training_plan_id`, and polls every 3 s. Nothing here imports this project's code: if
 * it runs against our server unchanged, existing integrations do too.
 *
 * The only configuration is what any deployment of the original needed: the base URL and the
 * admin credentials sent as `Authorization: Bearer <token>` on /admin routes.
 */

export interface OriginalClientConfig {
  baseUrl: string;
  adminToken: string;
  /** The documentation says every 3 s; tests shorten it. */
  pollIntervalMs?: number;
  timeoutMs?: number;
  onProgress?: (status: string, percentage: number) => void;
}

interface SubmitResponse {
  success: boolean;
  submission_id: string;
}
interface GenerateResponse {
  success: boolean;
  job_id: string;
  message: string;
}
interface JobDocument {
  _id: string;
  status: 'pending' | 'running' | 'completed' | 'failed';
  progress: { percentage: number; current_agent: string | null; message: string };
  result: { training_plan_id: string | null; nutrition_plan_id: string | null };
  error_message: string | null;
}
interface PlanResponse {
  success: boolean;
  plan: { _id: string; user_id: string; training: Record<string, unknown> };
}

export interface OriginalFlowResult {
  submissionId: string;
  jobId: string;
  generateMessage: string;
  job: JobDocument;
  plan: PlanResponse['plan'];
  polls: number;
}

async function call<T>(
  config: OriginalClientConfig,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (path.startsWith('/admin')) headers['Authorization'] = `Bearer ${config.adminToken}`;
  const response = await fetch(`${config.baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Submit questionnaire → generate_async → poll GET /jobs/{id} → fetch the training plan. */
export async function runOriginalTrainingFlow(
  config: OriginalClientConfig,
  userId: string,
  responses: Record<string, unknown>,
): Promise<OriginalFlowResult> {
  const submitted = await call<SubmitResponse>(config, 'POST', '/submit-nutrition-questionnaire', {
    user_id: userId,
    responses,
  });
  if (!submitted.success) throw new Error('submit failed');

  const generated = await call<GenerateResponse>(
    config,
    'POST',
    `/admin/users/${userId}/plans/generate_async`,
    {
      type: 'training',
      submission_id: submitted.submission_id,
    },
  );
  if (!generated.success) throw new Error('generate_async failed');

  const deadline = Date.now() + (config.timeoutMs ?? 30 * 60 * 1000);
  let polls = 0;
  let job: JobDocument;
  for (;;) {
    job = await call<JobDocument>(config, 'GET', `/jobs/${generated.job_id}`);
    polls += 1;
    config.onProgress?.(job.status, job.progress.percentage);
    if (job.status === 'completed' || job.status === 'failed') break;
    if (Date.now() > deadline) throw new Error('timed out waiting for the job');
    await new Promise((resolve) => setTimeout(resolve, config.pollIntervalMs ?? 3000));
  }
  if (job.status === 'failed') throw new Error(`job failed: ${job.error_message}`);
  const planId = job.result.training_plan_id;
  if (!planId) throw new Error('completed job without result.training_plan_id');
  const plan = await call<PlanResponse>(config, 'GET', `/admin/training-plans/${planId}`);
  return {
    submissionId: submitted.submission_id,
    jobId: generated.job_id,
    generateMessage: generated.message,
    job,
    plan: plan.plan,
    polls,
  };
}
