import type OpenAI from 'openai';
import type { Bridge } from '@shared/plan-content';
import { deliveryFromAudit, deliveryOf, nutritionDeliveryFromAudit } from '@shared/plan-delivery';
import {
  NUTRITION_AGENT_FIELDS,
  NutritionPlanDocumentSchema,
  nutritionPlanIdForJob,
  TrainingPlanDocumentSchema,
  TRAINING_AGENT_FIELDS,
  trainingPlanIdForJob,
  type NutritionPlanDocument,
  type PlanLanguage,
  type PlanMetrics,
  type TrainingPlanDocument,
} from '@shared/plans';
import { formatValidationErrors, validateQuestionnaire } from '@shared/questionnaire-validation';
import type { PriceTable } from '@shared/pricing';
import type { JobResultIds } from '../queue';
import { JobFailure } from './job-errors';
import type { JobPipeline, PipelineContext } from './pipeline-types';
import type { AgentId, PipelineInputs } from './agent-definition';
import { AGENTS } from './agents/registry';
import { readAndScreen } from './audits';
import { assertPlansDeliverable } from './delivery-gate';
import { buildClientFacts } from './facts/client-facts';
import { buildNutritionFacts } from './facts/nutrition-facts';
import { planAgents, runAgents, type OrchestratorSettings } from './orchestrator';
import {
  baseVersionOf,
  coachInstruction,
  commitRegeneration,
  regeneratedContent,
  regenerationAgents,
  seededOutputs,
  sessionMerge,
} from './regeneration';

export interface AgentPipelineSettings extends Omit<OrchestratorSettings, 'client'> {
  client: OpenAI;
  language: PlanLanguage;
  prices: PriceTable;
}

/**
 * The real pipeline (docs/ARCHITECTURE.md "One job's trip", "The agents"): re-validates the stored questionnaire (another system may have
 * written it), screens it before any token is spent, runs the agents as a DAG, saves the plans
 * idempotently under ids derived from the job, and fails the job (`audit_blocked`) when a saved
 * plan's audit blocked its delivery.
 */
export class AgentPipeline implements JobPipeline {
  constructor(private readonly settings: AgentPipelineSettings) {}

  async run(context: PipelineContext): Promise<JobResultIds> {
    const { job, repositories } = context;
    const now = new Date();
    const raw = await repositories.submissions.getRaw(job.submission_id);
    if (!raw) {
      throw new JobFailure(
        'validation_error',
        `No existe el cuestionario ${job.submission_id}: no se puede generar el plan.`,
      );
    }
    const validation = validateQuestionnaire(raw, { lang: this.settings.language, now });
    if (!validation.isValid || !validation.data) {
      throw new JobFailure(
        'validation_error',
        formatValidationErrors(validation.errors, this.settings.language),
        false,
        { fields: validation.errors },
      );
    }
    const questionnaire = validation.data;
    // One reading of every answer, with the coach's corrections, for screening, facts and audits.
    const { reading, screening } = readAndScreen(raw, questionnaire.responses, now);
    if (screening.blocked) {
      const blocking = screening.checks.filter((c) => !c.passed && c.severity === 'block');
      const reasons = blocking.map((c) => `• ${c.id}: ${c.reason}`);
      throw new JobFailure(
        'screening_required',
        `El cuestionario requiere revisión profesional antes de generar el plan:\n${reasons.join('\n')}\nRegistra la autorización correspondiente (p. ej. autorizacion_medica) en un cuestionario nuevo, o confirma las respuestas por revisar en la ficha del cliente, y genera el plan de nuevo.`,
        false,
        // A check can concern several answers (age and guardian consent…): it is named by its id.
        { fields: blocking.map((c) => ({ field: c.id, code: c.id, message: c.reason })) },
      );
    }
    const clientFacts = buildClientFacts(questionnaire, now, reading);
    const regeneration = job.regeneration ?? null;
    const base = regeneration ? await baseVersionOf(context, regeneration) : null;
    // A nutrition-only job takes its training load from the client's latest training plan that may
    // be delivered: a blocked plan's bridge would carry its unsafe load into the menus. A
    // regeneration keeps the training plan its nutrition plan was built on.
    const bridgeSource =
      job.type !== 'nutrition'
        ? null
        : base
          ? await this.bridgeOfPlan(context, base.plan as NutritionPlanDocument)
          : await repositories.trainingPlans.latestDeliverableForUser(job.user_id);
    const inputs: Omit<PipelineInputs, 'outputs'> = {
      questionnaire,
      clientFacts,
      nutritionFacts: buildNutritionFacts(questionnaire, clientFacts, screening, reading),
      previousPlan: await this.previousPlan(context),
      existingBridge: (bridgeSource?.training.bridge_for_nutrition as Bridge | undefined) ?? null,
      language: this.settings.language,
    };
    if (regeneration && base) {
      // Only the affected agents run; the others' outputs are the base version's fields (the
      // coach's edits included), free and not counted as steps of this job.
      const kind = regeneration.kind;
      const rerun = regenerationAgents(kind, regeneration.scope);
      const outputs = await runAgents(
        context,
        planAgents(job.type, AGENTS).filter((p) => rerun.includes(p.agent.id)),
        { ...inputs, coachNote: coachInstruction(regeneration, base.plan, this.settings.language) },
        this.settings,
        {
          seeded: seededOutputs(kind, base.content, rerun),
          adjust:
            regeneration.scope.type === 'session'
              ? sessionMerge(base.plan as TrainingPlanDocument, regeneration.scope.session)
              : undefined,
        },
      );
      return commitRegeneration(context, regeneration, regeneratedContent(kind, base.content, outputs));
    }
    const outputs = await runAgents(context, planAgents(job.type, AGENTS), inputs, this.settings);
    return this.savePlans(context, outputs, bridgeSource?._id ?? null);
  }

  /** The training plan a nutrition plan's bridge came from, if it still exists. */
  private async bridgeOfPlan(
    context: PipelineContext,
    plan: NutritionPlanDocument,
  ): Promise<TrainingPlanDocument | null> {
    const id = plan.training_plan_id;
    return id ? context.repositories.trainingPlans.get(id) : null;
  }

  /**
   * The plan this block continues. Both doors refuse a blocked one when the job is created; a job
   * written to a shared database by other means is refused here, before any token is spent.
   */
  private async previousPlan(context: PipelineContext): Promise<TrainingPlanDocument | null> {
    const id = context.job.previous_training_plan_id;
    if (!id) return null;
    const plan = await context.repositories.trainingPlans.get(id);
    const delivery = plan ? deliveryOf(plan) : null;
    if (delivery?.status === 'blocked') {
      // Not the questionnaire's fault: the plan it continues is blocked (audit_blocked, not retried).
      const rules = delivery.blocked_by.map((block) => block.id).join(', ');
      throw new JobFailure(
        'audit_blocked',
        `El plan anterior «${id}» está bloqueado por su auditoría (${rules}) y no se entrega: no puede ser la base del siguiente bloque. El cuestionario está bien. Revisa ese plan y apruébalo pese al bloqueo con un motivo escrito, y genera de nuevo; o genera sin plan anterior.`,
        false,
        { fields: [{ field: 'previous_training_plan_id', code: 'plan_blocked', message: 'plan bloqueado' }] },
      );
    }
    return plan;
  }

  private async metrics(context: PipelineContext, agentIds: readonly string[]): Promise<PlanMetrics> {
    const steps = (await context.repositories.steps.listForJob(context.job._id)).filter((s) =>
      agentIds.includes(s.agent_id),
    );
    const sum = (pick: (s: (typeof steps)[number]) => number): number =>
      steps.reduce((total, s) => total + pick(s), 0);
    const first = Math.min(...steps.map((s) => s.started_at.getTime()));
    const last = Math.max(...steps.map((s) => s.finished_at.getTime()));
    // One agent without a price makes the total unknown: a partial sum would pass for the real cost.
    const unpriced = [
      ...new Set(steps.filter((s) => s.cost_usd === null).map((s) => s.requested_model ?? s.model)),
    ].sort();
    return {
      total_tokens: sum((s) => s.usage.total_tokens),
      prompt_tokens: sum((s) => s.usage.prompt_tokens),
      completion_tokens: sum((s) => s.usage.completion_tokens),
      cached_tokens: sum((s) => s.usage.cached_tokens ?? 0),
      cost_usd: unpriced.length > 0 ? null : Math.round(sum((s) => s.cost_usd ?? 0) * 1e6) / 1e6,
      unpriced_models: unpriced,
      duration_ms: steps.length > 0 ? last - first : 0,
      by_agent: Object.fromEntries(
        steps.map((s) => [
          s.agent_id,
          { ...s.usage, cost_usd: s.cost_usd, duration_ms: s.duration_ms, model: s.model },
        ]),
      ),
    };
  }

  private async savePlans(
    context: PipelineContext,
    outputs: Map<AgentId, unknown>,
    bridgeSourcePlanId: string | null,
  ): Promise<JobResultIds> {
    const { job, repositories } = context;
    const base = (agentIds: readonly string[]) => ({
      user_id: job.user_id,
      job_id: job._id,
      submission_id: job.submission_id,
      created_at: new Date(),
      language: this.settings.language,
      model: this.settings.modelFor(agentIds[0] as AgentId),
    });
    let training: TrainingPlanDocument | null = null;
    let nutrition: NutritionPlanDocument | null = null;
    await context.assertStillOwned();
    if (job.type !== 'nutrition') {
      const ids = Object.keys(TRAINING_AGENT_FIELDS);
      const plan = TrainingPlanDocumentSchema.parse({
        ...base(ids),
        _id: trainingPlanIdForJob(job._id),
        previous_training_plan_id: job.previous_training_plan_id,
        training: fieldsOf(outputs, TRAINING_AGENT_FIELDS),
        metrics: await this.metrics(context, ids),
      });
      ({ plan: training } = await repositories.trainingPlans.saveOnce({
        ...plan,
        delivery: deliveryFromAudit(plan.training.audit),
      }));
    }
    if (job.type !== 'training') {
      const ids = Object.keys(NUTRITION_AGENT_FIELDS);
      const plan = NutritionPlanDocumentSchema.parse({
        ...base(ids),
        _id: nutritionPlanIdForJob(job._id),
        previous_nutrition_plan_id: null,
        training_plan_id: training?._id ?? bridgeSourcePlanId,
        nutrition: fieldsOf(outputs, NUTRITION_AGENT_FIELDS),
        metrics: await this.metrics(context, ids),
      });
      ({ plan: nutrition } = await repositories.nutritionPlans.saveOnce({
        ...plan,
        // Built on the bridge of this job's training plan: blocked too when that plan is (AUDITS.md §8).
        delivery: nutritionDeliveryFromAudit(plan.nutrition.audit, training),
      }));
    }
    const result = { training_plan_id: training?._id ?? null, nutrition_plan_id: nutrition?._id ?? null };
    await repositories.submissions.markPlanGenerated(
      job.submission_id,
      result.training_plan_id ?? result.nutrition_plan_id ?? '',
    );
    // Saved first, so the coach can review a blocked plan; then the job fails instead of completing.
    assertPlansDeliverable({ training, nutrition }, result);
    return result;

    function fieldsOf(all: Map<AgentId, unknown>, fields: Record<string, string>): Record<string, unknown> {
      return Object.fromEntries(
        Object.entries(fields).map(([agent, field]) => [field, all.get(agent as AgentId)]),
      );
    }
  }
}
