import type { Collection } from 'mongodb';
import OpenAI from 'openai';
import { z } from 'zod';
import {
  NUTRITION_AGENT_FIELDS,
  nutritionPlanIdForJob,
  TRAINING_AGENT_FIELDS,
  trainingPlanIdForJob,
  NutritionPlanDocumentSchema,
  TrainingPlanDocumentSchema,
} from '@shared/plans';
import type { GenerationJob } from '@shared/job';
import { deliveryFromAudit, nutritionDeliveryFromAudit } from '@shared/plan-delivery';
import type { JobResultIds } from '../queue';
import { assertPlansDeliverable, type SavedPlans } from '../pipeline/delivery-gate';
import { classifyLlmError } from '../pipeline/llm-errors';
import type { JobPipeline, PipelineContext } from '../pipeline/pipeline-types';
import {
  baseVersionOf,
  commitRegeneration,
  regeneratedContent,
  regenerationAgents,
} from '../pipeline/regeneration';
import type { AgentId } from '../pipeline/agent-definition';
import { abortableSleep } from '../util/abortable-sleep';

/**
 * A stand-in for the agent pipeline (issue 4) with the same step ids, checkpoints and result
 * documents, so the queue and worker can be exercised with real processes: configurable step
 * delays, a step that hangs (ignoring its AbortSignal, like a stuck call), a real LLM request per
 * step through the `openai` SDK (to test offline waits), and optionally one document per step
 * execution (`executions`) for exactly-once checks.
 */
export const SimulatedPipelineConfigSchema = z.object({
  stepDelayMs: z.number().int().min(0).default(10),
  /** Agent id whose step never finishes. */
  hangAt: z.string().optional(),
  /** Call the configured LLM endpoint once per step (EDN_LLM_BASE_URL). */
  llm: z.boolean().default(false),
});
export type SimulatedPipelineConfig = z.infer<typeof SimulatedPipelineConfigSchema>;

/** Where each step execution is recorded (one document per execution) for exactly-once checks. */
export const STEP_EXECUTIONS_COLLECTION = 'simulated_step_executions';

export function agentIdsFor(type: GenerationJob['type']): string[] {
  const training = Object.keys(TRAINING_AGENT_FIELDS);
  const nutrition = Object.keys(NUTRITION_AGENT_FIELDS);
  if (type === 'training') return training;
  if (type === 'nutrition') return nutrition;
  return [...training, ...nutrition];
}

export interface SimulatedLlm {
  baseUrl: string;
  apiKey: string;
  model: string;
}

export class SimulatedPipeline implements JobPipeline {
  private readonly client: OpenAI | null;

  constructor(
    private readonly config: SimulatedPipelineConfig,
    private readonly llm: SimulatedLlm | null,
    private readonly executions: Collection | null,
  ) {
    // No SDK-level retries: an unreachable endpoint must surface at once as "offline".
    this.client =
      config.llm && llm
        ? new OpenAI({ baseURL: llm.baseUrl, apiKey: llm.apiKey, maxRetries: 0, timeout: 10_000 })
        : null;
  }

  async run(context: PipelineContext): Promise<JobResultIds> {
    const { job } = context;
    const outputs = new Map<string, unknown>([...context.checkpoints].map(([id, step]) => [id, step.output]));
    // A regeneration runs only its affected agents, then saves a version as the real one does.
    const regeneration = job.regeneration ?? null;
    const agentIds = regeneration
      ? regenerationAgents(regeneration.kind, regeneration.scope)
      : agentIdsFor(job.type);
    const phaseOf = (agentId: string): string => (agentId.startsWith('E') ? 'training' : 'nutrition');
    await context.restoreSteps(
      agentIds
        .filter((id) => context.checkpoints.has(id))
        .map((agentId) => ({ agentId, phase: phaseOf(agentId) })),
    );
    for (const agentId of agentIds) {
      const phase = phaseOf(agentId);
      if (context.checkpoints.has(agentId)) continue;
      await context.startStep(agentId, phase);
      const startedAt = new Date();
      await this.executions?.insertOne({
        job_id: job._id,
        agent_id: agentId,
        pid: process.pid,
        at: startedAt,
      });
      if (this.config.hangAt === agentId) await new Promise<never>(() => undefined);
      await abortableSleep(this.config.stepDelayMs, context.signal);
      const usage = await this.callLlm(agentId, context.signal);
      const output = { agente: agentId, resumen: `Salida simulada de ${agentId}` };
      outputs.set(agentId, output);
      await context.completeStep({
        agentId,
        phase,
        output,
        usage,
        costUsd: usage.total_tokens / 1_000_000,
        model: this.llm?.model ?? 'simulado',
        startedAt,
      });
    }
    if (regeneration) {
      const base = await baseVersionOf(context, regeneration);
      const content = regeneratedContent(regeneration.kind, base.content, outputs as Map<AgentId, unknown>);
      // The stand-in audits approve everything, as for a generation.
      return commitRegeneration(context, regeneration, {
        ...content,
        audit: { status: 'aprobado', checks: [] },
      });
    }
    return this.savePlans(context, outputs);
  }

  private async callLlm(agentId: string, signal: AbortSignal) {
    if (!this.client || !this.llm) return { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 };
    try {
      const response = await this.client.chat.completions.create(
        { model: this.llm.model, messages: [{ role: 'user', content: `Agente ${agentId}: responde "ok".` }] },
        { signal },
      );
      const usage = response.usage;
      return {
        prompt_tokens: usage?.prompt_tokens ?? 0,
        completion_tokens: usage?.completion_tokens ?? 0,
        total_tokens: usage?.total_tokens ?? 0,
      };
    } catch (error) {
      throw classifyLlmError(error);
    }
  }

  private async savePlans(
    context: PipelineContext,
    outputs: ReadonlyMap<string, unknown>,
  ): Promise<JobResultIds> {
    const { job, repositories } = context;
    const base = {
      user_id: job.user_id,
      job_id: job._id,
      submission_id: job.submission_id,
      created_at: new Date(),
      language: 'es' as const,
      model: this.llm?.model ?? 'simulado',
      metrics: {
        total_tokens: 0,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost_usd: 0,
        duration_ms: 0,
        by_agent: {},
      },
    };
    const output = (agentId: string): Record<string, unknown> =>
      (outputs.get(agentId) as Record<string, unknown> | undefined) ?? { agente: agentId };
    // The stand-in audits approve everything; the delivery state and gate are the real ones.
    const audit = { status: 'aprobado' as const, checks: [] };
    const saved: SavedPlans = { training: null, nutrition: null };
    await context.assertStillOwned();
    if (job.type !== 'nutrition') {
      const training = Object.fromEntries(
        Object.entries(TRAINING_AGENT_FIELDS).map(([agent, field]) => [field, output(agent)]),
      );
      const plan = TrainingPlanDocumentSchema.parse({
        ...base,
        _id: trainingPlanIdForJob(job._id),
        previous_training_plan_id: job.previous_training_plan_id,
        training: { ...training, audit },
        delivery: deliveryFromAudit(audit),
      });
      saved.training = (await repositories.trainingPlans.saveOnce(plan)).plan;
    }
    if (job.type !== 'training') {
      const nutrition = Object.fromEntries(
        Object.entries(NUTRITION_AGENT_FIELDS).map(([agent, field]) => [field, output(agent)]),
      );
      const plan = NutritionPlanDocumentSchema.parse({
        ...base,
        _id: nutritionPlanIdForJob(job._id),
        previous_nutrition_plan_id: null,
        training_plan_id: saved.training?._id ?? null,
        nutrition: { ...nutrition, audit },
        delivery: nutritionDeliveryFromAudit(audit, saved.training),
      });
      saved.nutrition = (await repositories.nutritionPlans.saveOnce(plan)).plan;
    }
    const result = {
      training_plan_id: saved.training?._id ?? null,
      nutrition_plan_id: saved.nutrition?._id ?? null,
    };
    assertPlansDeliverable(saved, result);
    return result;
  }
}
