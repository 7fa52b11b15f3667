import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { JobTypeSchema, knownJobCost, unpricedModelsOf, type GenerationJob, type JobType } from '@shared/job';
import type { JobEvent } from '@shared/job-events';
import {
  QuestionnaireResponsesSchema,
  REQUIRED_RESPONSE_FIELDS,
  TYPED_RESPONSE_FIELDS,
} from '@shared/questionnaire';
import { validateQuestionnaire } from '@shared/questionnaire-validation';
import { loadConfig } from '../config/load-config';
import { startCore, type Core } from '../core/start-core';
import { createLogger } from '../log/logger';
import { nodeWorkerSpawner } from '../worker/node-worker-process';
import { CliError } from './errors';
import { JOB_EVENT_ES } from './labels-es';
import { repoResourcesDir, workerEntry } from './paths';
import { nutritionCoherence, trainingCoherence, type CoherenceCheck } from './validation/coherence';

const USAGE = 'Uso: edn360 validate-pipeline [--type training|nutrition|full] [--output informe.json]';

interface Options {
  type: JobType;
  output: string;
}

function parseOptions(argv: string[]): Options {
  let values: { type?: string | undefined; output?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { type: { type: 'string', default: 'full' }, output: { type: 'string' } },
      allowPositionals: false,
    }));
  } catch (error) {
    // parseArgs explains the problem ("Unknown option '--tipo'"); add how to call the command.
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const type = JobTypeSchema.safeParse(values.type);
  if (!type.success) {
    throw new CliError(`--type debe ser training, nutrition o full (recibido "${values.type}").\n${USAGE}`);
  }
  return { type: type.data, output: resolve(values.output ?? `validacion-pipeline-${Date.now()}.json`) };
}

function sampleResponses() {
  const sample = JSON.parse(
    readFileSync(join(repoResourcesDir, 'samples', 'cuestionario-original.json'), 'utf8'),
  ) as {
    responses: unknown;
  };
  // A fresh email per run: the validation creates a new client every time.
  return QuestionnaireResponsesSchema.parse({
    ...(sample.responses as Record<string, unknown>),
    email: `validacion+${Date.now()}@edn360.local`,
  });
}

/**
 * Follows the job live through this process's event bus, and also reads it from the database every
 * second: on a shared database another instance's worker may run it, and its events never reach us.
 * Resolves with the job as it ended, or as it stands when the time runs out.
 */
async function followJob(
  core: Core,
  jobId: string,
  timeoutMs: number,
  onEvent: (e: JobEvent) => void,
): Promise<{ job: GenerationJob; timedOut: boolean }> {
  const unsubscribe = core.events.subscribe((event) => {
    if (event.job_id === jobId) onEvent(event);
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const job = await core.repositories.jobs.get(jobId);
      if (!job) throw new CliError(`El job ${jobId} ha desaparecido de la base de datos.`);
      if (job.status === 'completed' || job.status === 'failed') return { job, timedOut: false };
      if (Date.now() > deadline) return { job, timedOut: true };
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    unsubscribe();
  }
}

/**
 * `edn360 validate-pipeline`: the original's end-to-end check. Creates a client and a valid
 * questionnaire, runs a job through the real queue, worker process and agents (same configuration
 * as `serve`), follows it live, and writes a JSON report with metrics, outputs and coherence checks.
 */
export async function validatePipeline(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  const config = await loadConfig();
  const logger = createLogger({ dataDir: config.dataDir });
  // Port 0: a running `serve` may already hold the API port; this run needs no API of its own.
  const core = await startCore({
    config: { ...config, api: { ...config.api, port: 0 } },
    logger,
    repoResourcesDir,
    workerFactory: (env) => nodeWorkerSpawner({ entry: workerEntry, env, logger }),
  });
  const started = Date.now();
  try {
    // Enqueue only once our worker is up, so the nudge is not lost and the job starts at once.
    await Promise.race([
      core.worker?.whenReady() ?? Promise.resolve(),
      new Promise((r) => setTimeout(r, 30_000)),
    ]);
    const responses = sampleResponses();
    const validation = validateQuestionnaire({ _id: 'validacion', user_id: 'validacion', responses });
    const user = await core.repositories.users.create({
      nombre_completo: responses.nombre_completo,
      email: responses.email,
    });
    const submission = await core.repositories.submissions.create(user._id, responses);
    const job = await core.queue.enqueue({
      user_id: user._id,
      submission_id: submission._id,
      type: options.type,
    });
    console.log(
      `Job ${job._id} (${options.type}) creado para ${user.nombre_completo}; siguiendo el progreso…`,
    );

    const progress: Array<{
      at: string;
      type: string;
      agent: string | null;
      completed: number;
      total: number;
      percentage: number;
      message: string;
    }> = [];
    const { job: finished, timedOut } = await followJob(
      core,
      job._id,
      config.worker.jobTimeoutMs + 60_000,
      (event) => {
        const p = event.job.progress;
        progress.push({
          at: event.at.toISOString(),
          type: event.type,
          agent: p.current_agent,
          completed: p.completed_steps,
          total: p.total_steps,
          percentage: p.percentage,
          message: p.message,
        });
        console.log(
          `  ${JOB_EVENT_ES[event.type].padEnd(10)} ${String(p.percentage).padStart(5)} %  ${p.message}`,
        );
      },
    );

    const steps = await core.repositories.steps.listForJob(job._id);
    const training = finished.result.training_plan_id
      ? await core.repositories.trainingPlans.get(finished.result.training_plan_id)
      : null;
    const nutrition = finished.result.nutrition_plan_id
      ? await core.repositories.nutritionPlans.get(finished.result.nutrition_plan_id)
      : null;
    const bridgeSource =
      training ??
      (nutrition?.training_plan_id
        ? await core.repositories.trainingPlans.get(nutrition.training_plan_id)
        : null);
    const coherence: CoherenceCheck[] = [
      {
        check: 'job completed',
        passed: finished.status === 'completed',
        detail: timedOut
          ? `sin terminar tras ${Math.round((Date.now() - started) / 1000)} s (estado ${finished.status})`
          : (finished.error_message ?? finished.status),
      },
      ...(training ? trainingCoherence(training) : []),
      ...(nutrition ? nutritionCoherence(nutrition, bridgeSource) : []),
    ];
    const passed = coherence.every((c) => c.passed);
    const report = {
      generated_at: new Date().toISOString(),
      passed,
      configuration: {
        type: options.type,
        model: config.llm.model,
        llm_base_url: config.llm.baseUrl ?? 'OpenAI',
        database: core.database.mode,
      },
      questionnaire_schema: {
        required_fields: REQUIRED_RESPONSE_FIELDS,
        typed_fields: TYPED_RESPONSE_FIELDS,
        sample_valid: validation.isValid,
      },
      client: { user_id: user._id, submission_id: submission._id },
      job: {
        id: finished._id,
        status: finished.status,
        error_reason: finished.error_reason,
        error_message: finished.error_message,
        attempts: finished.attempts,
        wall_time_ms: Date.now() - started,
      },
      progress,
      metrics: {
        token_usage: finished.token_usage,
        // null when a model is missing from the price table: a partial sum is not the plan's cost.
        cost_usd: knownJobCost(finished),
        unpriced_models: unpricedModelsOf(finished),
        agents: steps.map((s) => ({
          agent: s.agent_id,
          model: s.model,
          requested_model: s.requested_model ?? s.model,
          tokens: s.usage.total_tokens,
          cost_usd: s.cost_usd,
          started_at: s.started_at,
          duration_ms: s.duration_ms,
        })),
      },
      outputs: {
        training: training
          ? {
              sessions: training.training.sessions,
              formatted_plan: training.training.formatted_plan,
              audit: training.training.audit,
              bridge_for_nutrition: training.training.bridge_for_nutrition,
            }
          : null,
        nutrition: nutrition?.nutrition ?? null,
      },
      coherence,
    };
    await mkdir(dirname(options.output), { recursive: true });
    await writeFile(options.output, `${JSON.stringify(report, null, 2)}\n`);
    for (const check of coherence)
      console.log(`${check.passed ? '✔' : '✘'} ${check.check} — ${check.detail}`);
    const unpriced = unpricedModelsOf(finished);
    if (unpriced.length > 0)
      console.log(
        `⚠ coste desconocido: sin precio en la tabla para ${unpriced.join(', ')} (añádelo en Ajustes)`,
      );
    console.log(`${passed ? 'VALIDACIÓN OK' : 'VALIDACIÓN FALLIDA'} · informe: ${options.output}`);
    return passed ? 0 : 1;
  } finally {
    await core.stop();
  }
}
