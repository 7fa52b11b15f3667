import {
  deliveryFromAudit,
  nutritionDeliveryFromAudit,
  type PlanDelivery,
  type PlanKind,
} from '@shared/plan-delivery';
import type { AuditCheckResult, AuditResult } from '@shared/plan-content';
import { weekDrift, type WeekDrift } from '@shared/plan-week-drift';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { validateQuestionnaire } from '@shared/questionnaire-validation';
import type { Repositories } from '../db/repositories';
import { reauditNutritionPlan, reauditTrainingPlan } from '../pipeline/audits';
import type { PlanOfKind } from './plan-delivery';

/*
 * Every coach-made version is re-audited before it is shown or saved (issue #16 point 3;
 * docs/AUDITS.md "Re-audit of an edited plan"): the pipeline's own deterministic checks on the
 * edited document, plus the little the document does not hold — the previous block (TRN-15), the
 * questionnaire's habitual caffeine (NUT-17) and the training plan a nutrition plan's bridge came
 * from (a blocked one still blocks it). Its delivery state follows, exactly as for a generated plan.
 */

type ReauditRepos = Pick<Repositories, 'trainingPlans' | 'submissions'>;

export interface Reaudited<K extends PlanKind> {
  plan: PlanOfKind[K];
  audit: AuditResult;
  delivery: PlanDelivery;
}

async function reauditTraining(
  repos: ReauditRepos,
  plan: TrainingPlanDocument,
): Promise<Reaudited<'training'>> {
  const previousPlan = plan.previous_training_plan_id
    ? await repos.trainingPlans.get(plan.previous_training_plan_id)
    : null;
  const { plan: next, audit } = reauditTrainingPlan(plan, { previousPlan });
  const delivery = deliveryFromAudit(audit);
  return { plan: { ...next, delivery }, audit, delivery };
}

async function reauditNutrition(
  repos: ReauditRepos,
  plan: NutritionPlanDocument,
): Promise<Reaudited<'nutrition'>> {
  const [raw, bridgeSource] = await Promise.all([
    repos.submissions.getRaw(plan.submission_id),
    plan.training_plan_id ? repos.trainingPlans.get(plan.training_plan_id) : Promise.resolve(null),
  ]);
  const drift = weekDrift(plan, bridgeSource);
  const { plan: next, audit } = reauditNutritionPlan(plan, {
    cafeina_mg_dia: habitualCaffeine(raw),
    extraChecks: drift ? [weekDriftCheck(drift)] : [],
  });
  const delivery = nutritionDeliveryFromAudit(audit, bridgeSource);
  return { plan: { ...next, delivery }, audit, delivery };
}

/** Rule `SEMANA` (docs/AUDITS.md "Re-audit of an edited plan"): the menus follow an older training week. */
export function weekDriftCheck(drift: WeekDrift): AuditCheckResult {
  const days = drift.days
    .map(
      (day) =>
        `${day.dia}: menús de día ${day.menus.tipo_dia}, entrenamiento de día ${day.training.tipo_dia}`,
    )
    .join('; ');
  return {
    id: 'SEMANA',
    severity: 'warn',
    passed: false,
    reason: `La semana de los menús no es la del plan de entrenamiento «${drift.training_plan_id}» (versión ${drift.training_version}): ${days}. Regenera los menús o revísalos.`,
  };
}

/** The questionnaire's habitual caffeine as the pipeline read it (validated, so "200" is 200). */
function habitualCaffeine(raw: Record<string, unknown> | null): number | null {
  if (!raw) return null;
  const validation = validateQuestionnaire(raw);
  return validation.data?.responses.cafeina_mg_dia ?? null;
}

export async function reauditPlan<K extends PlanKind>(
  repos: ReauditRepos,
  kind: K,
  plan: PlanOfKind[K],
): Promise<Reaudited<K>> {
  return (
    kind === 'training'
      ? reauditTraining(repos, plan as TrainingPlanDocument)
      : reauditNutrition(repos, plan as NutritionPlanDocument)
  ) as Promise<Reaudited<K>>;
}
