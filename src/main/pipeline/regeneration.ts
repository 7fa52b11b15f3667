import type { Session } from '@shared/agent-outputs/training';
import {
  deliveryFromAudit,
  nutritionDeliveryFromAudit,
  type PlanDelivery,
  type PlanKind,
} from '@shared/plan-delivery';
import { shownWeek } from '@shared/plan-edits/training-week';
import type { JobRegeneration, RegenerationScope } from '@shared/plan-regeneration';
import { contentOf, versionOf } from '@shared/plan-versions';
import {
  NUTRITION_AGENT_FIELDS,
  TRAINING_AGENT_FIELDS,
  type NutritionPlanDocument,
  type PlanAudit,
  type PlanLanguage,
  type TrainingPlanDocument,
} from '@shared/plans';
import { commitPlanVersion } from '../db/repositories/commit-plan-version';
import type { JobResultIds } from '../queue';
import type { AgentId, RunnableAgent } from './agent-definition';
import { AGENTS } from './agents/registry';
import { weeklySetsPerMuscle } from './catalog';
import { assertPlansDeliverable } from './delivery-gate';
import { JobFailure } from './job-errors';
import type { RunOptions } from './orchestrator';
import type { PipelineContext } from './pipeline-types';

/*
 * A regeneration job (issue #16 point 5; src/shared/plan-regeneration.ts): part of an existing
 * plan's chain re-run with the coach's note, the rest taken from the version the coach asked on,
 * the result saved as a NEW VERSION of the same plan through the one version protocol
 * (db/repositories/commit-plan-version.ts). Pure planning here; the run is AgentPipeline's.
 */

type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;

const FIELDS: Record<PlanKind, Record<string, string>> = {
  training: TRAINING_AGENT_FIELDS,
  nutrition: NUTRITION_AGENT_FIELDS,
};
const AUDITOR: Record<PlanKind, AgentId> = { training: 'E8', nutrition: 'N8' };

/** The first agent a scope re-runs. */
export function firstAgentOf(scope: RegenerationScope): AgentId {
  if (scope.type === 'from_agent') return scope.agent;
  return scope.type === 'session' ? 'E5' : 'N6';
}

/**
 * The agents a regeneration re-runs, in chain order: the scope's first agent, every agent of the
 * chain that depends on it (directly or not), and always the chain's auditor, so the new version
 * is audited by the normal agent. The others keep the base version's output.
 */
export function regenerationAgents(
  kind: PlanKind,
  scope: RegenerationScope,
  registry: readonly RunnableAgent[] = AGENTS,
): AgentId[] {
  const chain = registry.filter((agent) => agent.phase === kind);
  const rerun = new Set<AgentId>([firstAgentOf(scope), AUDITOR[kind]]);
  for (const agent of chain) {
    // The registry is in pipeline order: an agent's sources come before it.
    if (agent.readsFrom.some((id) => rerun.has(id))) rerun.add(agent.id);
  }
  return chain.map((agent) => agent.id).filter((id) => rerun.has(id));
}

/** The outputs of the agents that are not re-run: the base version's fields, as each agent stored them. */
export function seededOutputs(
  kind: PlanKind,
  content: Record<string, unknown>,
  rerun: readonly AgentId[],
): Map<AgentId, unknown> {
  return new Map(
    Object.entries(FIELDS[kind])
      .filter(([agent]) => !rerun.includes(agent as AgentId))
      .map(([agent, field]) => [agent as AgentId, content[field]]),
  );
}

/** The base version's content plus the re-run agents' new fields. */
export function regeneratedContent(
  kind: PlanKind,
  base: Record<string, unknown>,
  outputs: ReadonlyMap<AgentId, unknown>,
): Record<string, unknown> {
  const content: Record<string, unknown> = { ...base };
  for (const [agent, field] of Object.entries(FIELDS[kind])) {
    if (outputs.has(agent as AgentId)) content[field] = outputs.get(agent as AgentId);
  }
  return content;
}

interface WeekLists {
  sesiones: Session[];
  sustituciones?: Array<{ original_id: string; nuevo_id: string; motivo: string }>;
  correctivos?: unknown[];
}

/**
 * "Redo session i": after E5 and after E6, the week becomes the base version's shown week with only
 * session i replaced by the new one (the new week's session on that weekday, else at that index),
 * kept on its weekday. The weekly sets are recomputed; E6's substitutions keep the base version's
 * plus the new ones about the new session, and its correctives stay the base version's.
 */
export function sessionMerge(basePlan: TrainingPlanDocument, index: number): RunOptions['adjust'] {
  const week = shownWeek(basePlan);
  if (!week || !week.sessions[index]) return undefined;
  const target = week.sessions[index];
  const baseSafe = basePlan.training.safe_sessions as Partial<WeekLists>;
  return (agentId, field) => {
    if (agentId !== 'E5' && agentId !== 'E6') return field;
    const fresh = field as WeekLists;
    const picked =
      fresh.sesiones.find((s) => s.dia === target.dia) ?? fresh.sesiones[index] ?? fresh.sesiones.at(-1);
    if (!picked) return field;
    const replacement: Session = { ...picked, dia: target.dia };
    const sesiones = week.sessions.map((session, k) => (k === index ? replacement : session));
    const merged: Record<string, unknown> = {
      ...fresh,
      sesiones,
      series_semanales: weeklySetsPerMuscle(sesiones),
    };
    if (agentId === 'E6' && week.field === 'safe_sessions') {
      const ids = new Set(replacement.ejercicios.map((e) => e.ejercicio_id));
      const kept = baseSafe.sustituciones ?? [];
      const added = (fresh.sustituciones ?? []).filter(
        (s) =>
          ids.has(s.nuevo_id) &&
          !kept.some((k) => k.original_id === s.original_id && k.nuevo_id === s.nuevo_id),
      );
      merged['sustituciones'] = [...kept, ...added].slice(0, 30);
      merged['correctivos'] = baseSafe.correctivos ?? fresh.correctivos ?? [];
    }
    return merged;
  };
}

/** Where the session to redo is, in words the agents and the coach read. */
function scopeLine(regeneration: JobRegeneration, basePlan: AnyPlan, language: PlanLanguage): string {
  const { scope } = regeneration;
  if (scope.type === 'session') {
    const session = shownWeek(basePlan as TrainingPlanDocument)?.sessions[scope.session];
    const name = session ? `«${session.nombre}» (${session.dia})` : `#${scope.session + 1}`;
    return language === 'en'
      ? `Redo only session ${name}; the other sessions of the week are kept exactly as the coach left them.`
      : `Rehaz solo la sesión ${name}; las demás sesiones de la semana se conservan tal como las dejó el entrenador.`;
  }
  if (scope.type === 'menus') {
    return language === 'en'
      ? 'Redo the menus of the nutrition days; energy, macros and timing stay as they are.'
      : 'Rehaz los menús de los días de nutrición; la energía, los macros y el reparto se mantienen.';
  }
  return language === 'en'
    ? `Redo the plan from agent ${scope.agent} on.`
    : `Rehaz el plan a partir del agente ${scope.agent}.`;
}

/** The instruction re-run agents receive: what to redo, then the coach's own words. */
export function coachInstruction(
  regeneration: JobRegeneration,
  basePlan: AnyPlan,
  language: PlanLanguage,
): string {
  return `${scopeLine(regeneration, basePlan, language)} ${regeneration.note}`;
}

/**
 * The version the coach asked on, as stored: the plan itself while it is still at that version,
 * else its immutable copy. Every attempt of the job seeds from the same content.
 */
export async function baseVersionOf(
  context: PipelineContext,
  regeneration: JobRegeneration,
): Promise<{ plan: AnyPlan; content: Record<string, unknown> }> {
  const { repositories } = context;
  const { kind, plan_id: planId, base_version: base } = regeneration;
  const plan =
    kind === 'training'
      ? await repositories.trainingPlans.get(planId)
      : await repositories.nutritionPlans.get(planId);
  if (!plan) {
    throw new JobFailure(
      'validation_error',
      `No existe el plan «${planId}» que había que regenerar: quizá se borró. No se ha generado nada.`,
      false,
      { fields: [{ field: 'regeneration.plan_id', code: 'not_found', message: 'plan no encontrado' }] },
    );
  }
  if (versionOf(plan) === base) return { plan, content: contentOf(plan, kind) };
  const stored = await repositories.planVersions.get(planId, base);
  if (!stored) {
    throw new JobFailure(
      'validation_error',
      `El plan «${planId}» no tiene guardada la versión ${base} sobre la que se pidió regenerar.`,
      false,
      {
        fields: [{ field: 'regeneration.base_version', code: 'not_found', message: 'versión no encontrada' }],
      },
    );
  }
  // The plan as it was at that version: the content and the delivery its audit gave.
  const asBase = { ...plan, version: base, delivery: stored.delivery, [kind]: stored.content } as AnyPlan;
  return { plan: asBase, content: stored.content };
}

/**
 * Saves the regenerated content as the version after the one the coach asked about; if the plan
 * has moved on since (another save, another instance), the job fails with `validation_error`
 * naming `base_version` instead of undoing that save. Idempotent per job: a resumed job that already saved its version does not save a
 * second one. Then the delivery gate, as for a generated plan.
 */
export async function commitRegeneration(
  context: PipelineContext,
  regeneration: JobRegeneration,
  content: Record<string, unknown>,
): Promise<JobResultIds> {
  const { job, repositories } = context;
  const { kind, plan_id: planId } = regeneration;
  const result: JobResultIds = {
    training_plan_id: kind === 'training' ? planId : null,
    nutrition_plan_id: kind === 'nutrition' ? planId : null,
  };
  const plans = kind === 'training' ? repositories.trainingPlans : repositories.nutritionPlans;
  const already = (await repositories.planVersions.list(planId)).find((v) => v.job_id === job._id);
  const delivery = await deliveryOfContent(context, kind, content);
  const version = (plan: AnyPlan) => ({
    kind,
    plan,
    content,
    delivery,
    origin: 'regenerated' as const,
    note: regeneration.note,
    author: { via: regeneration.via },
    job_id: job._id,
  });
  if (already) {
    // An earlier attempt claimed its version and died before the plan showed it: a commit on top
    // of the plan meets that claim and rolls it forward (then reports a conflict, ignored here).
    const current = (await plans.get(planId)) as AnyPlan | null;
    if (current && versionOf(current) === already.version - 1) {
      await commitPlanVersion(repositories, version(current));
    }
  } else {
    // Only on top of the version the coach asked about: its upstream fields and other sessions are
    // what was re-run against, so a version saved meanwhile would be silently undone by a commit
    // on top of it. Such a job fails and says so; nothing is overwritten.
    const moved = (current: AnyPlan): JobFailure =>
      new JobFailure(
        'validation_error',
        `El plan «${planId}» pasó a la versión ${versionOf(current)} mientras se regeneraba la versión ${regeneration.base_version}: no se ha guardado, para no deshacer esos cambios. Pide la regeneración de nuevo sobre la versión actual.`,
        false,
        {
          fields: [
            {
              field: 'base_version',
              code: 'version_conflict',
              message: `base_version: la versión actual es ${versionOf(current)}`,
            },
          ],
        },
      );
    const current = (await plans.get(planId)) as AnyPlan | null;
    if (current && versionOf(current) !== regeneration.base_version) throw moved(current);
    if (current) {
      // Fenced: a worker that lost the job writes no version (throws LeaseLostError).
      await context.log(
        'plan_version',
        `Guardando la parte regenerada como versión ${versionOf(current) + 1} del plan «${planId}»`,
      );
      await context.assertStillOwned();
      const outcome = await commitPlanVersion(repositories, version(current));
      if (!outcome.ok && outcome.reason === 'conflict') {
        const now = (await plans.get(planId)) as AnyPlan | null;
        if (now) throw moved(now);
      }
    }
  }
  const after = (await plans.get(planId)) as AnyPlan | null;
  if (!after) {
    throw new JobFailure(
      'validation_error',
      `El plan «${planId}» se borró mientras se regeneraba: no se ha guardado la versión nueva.`,
    );
  }
  assertPlansDeliverable(
    kind === 'training'
      ? { training: after as TrainingPlanDocument, nutrition: null }
      : { training: null, nutrition: after as NutritionPlanDocument },
    result,
  );
  return result;
}

/** The new version's delivery state, exactly as a generated plan's (AUDITS.md §8). */
async function deliveryOfContent(
  context: PipelineContext,
  kind: PlanKind,
  content: Record<string, unknown>,
): Promise<PlanDelivery> {
  const audit = content['audit'] as PlanAudit;
  if (kind === 'training') return deliveryFromAudit(audit);
  const plan = await context.repositories.nutritionPlans.get(context.job.regeneration?.plan_id ?? '');
  const source = plan?.training_plan_id
    ? await context.repositories.trainingPlans.get(plan.training_plan_id)
    : null;
  return nutritionDeliveryFromAudit(audit, source);
}
