import { buildClientPlan } from '@shared/client-plan';
import type { ClientPdfPageSize, ClientPdfSource, CoachBrand } from '@shared/client-plan-request';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { validateQuestionnaire } from '@shared/questionnaire-validation';
import type { Language } from '@shared/settings-descriptor';
import { renderClientPlanPdf } from '../client-pdf/render-client-plan-pdf';
import type { Repositories } from '../db/repositories';
import { readAndScreen } from '../pipeline/audits';
import type { OverrideDoor } from '@shared/plan-delivery';
import { reviewOf } from '@shared/plan-versions';
import { fileSlug } from './file-slug';
import { checkJobPlansExportable } from './plan-delivery';
import { getApprovedPlan, recordDelivery } from './plan-review';

/*
 * The client's version of a plan as a PDF (issue 15), once for every door: HTTP
 * (`GET /admin/jobs/{id}/client.pdf`, `…/training-plans/{id}/client.pdf`,
 * `…/nutrition-plans/{id}/client.pdf`), IPC (`exportClientPdf`) and so the browser build. Only what
 * may reach the client is printed: a blocked plan is refused (`plan_blocked`), a current version the
 * coach has not approved too (`plan_not_approved`); the copy names the version and its approval
 * date, and producing it records the version the client now has (docs/ARCHITECTURE.md "Plan
 * versions and review").
 */

export interface ClientPdfDeps {
  repositories: Pick<
    Repositories,
    'jobs' | 'users' | 'submissions' | 'trainingPlans' | 'nutritionPlans' | 'planVersions'
  >;
  /** The coach's brand as the settings say now (it applies live). */
  coachBrand: () => Promise<CoachBrand>;
}

export interface ClientPdfRequest {
  source: ClientPdfSource;
  /** The plans' own language when absent. */
  lang?: Language | undefined;
  page_size?: ClientPdfPageSize | undefined;
  /** The door that asked: recorded with the delivery. */
  via: OverrideDoor;
}

export interface ClientPdf {
  bytes: Buffer;
  /** A download name every OS accepts: the client's name and the plan's date. */
  file_name: string;
  /** Records that the client now has these versions: call it once the copy has left (sent or saved). */
  markDelivered: () => Promise<void>;
}

async function approvedPlans(
  repositories: ClientPdfDeps['repositories'],
  source: ClientPdfSource,
): Promise<{ training?: TrainingPlanDocument; nutrition?: NutritionPlanDocument }> {
  if ('job_id' in source) {
    const ids = await checkJobPlansExportable(repositories, source.job_id);
    return {
      ...(ids.training_plan_id
        ? { training: await getApprovedPlan(repositories, 'training', ids.training_plan_id) }
        : {}),
      ...(ids.nutrition_plan_id
        ? { nutrition: await getApprovedPlan(repositories, 'nutrition', ids.nutrition_plan_id) }
        : {}),
    };
  }
  return source.kind === 'training'
    ? { training: await getApprovedPlan(repositories, 'training', source.plan_id) }
    : { nutrition: await getApprovedPlan(repositories, 'nutrition', source.plan_id) };
}

/** How far back a chain of blocks is followed (a coach's client rarely has more than a few). */
const MAX_BLOCKS = 100;

/**
 * The plan's number in its client's sequence of blocks ("generar siguiente bloque"): 1 for a first
 * block, +1 for each earlier block it continues. Either kind's chain counts; the longer one wins.
 */
async function blockNumber(
  repositories: ClientPdfDeps['repositories'],
  plans: { training?: TrainingPlanDocument; nutrition?: NutritionPlanDocument },
): Promise<number> {
  let training = 0;
  let previous = plans.training?.previous_training_plan_id ?? null;
  while (previous && training < MAX_BLOCKS) {
    training += 1;
    previous = (await repositories.trainingPlans.get(previous))?.previous_training_plan_id ?? null;
  }
  let nutrition = 0;
  let previousNutrition = plans.nutrition?.previous_nutrition_plan_id ?? null;
  while (previousNutrition && nutrition < MAX_BLOCKS) {
    nutrition += 1;
    previousNutrition =
      (await repositories.nutritionPlans.get(previousNutrition))?.previous_nutrition_plan_id ?? null;
  }
  return 1 + Math.max(training, nutrition);
}

/**
 * What the plans do not keep and their questionnaire does: when the client trains (it places the
 * pre/post-workout meals; the original's free text is understood by the builder) and which
 * screening checks failed (the medical notes the client must read, in a training-only PDF too).
 */
function fromQuestionnaire(
  raw: Record<string, unknown>,
  planDate: Date,
): { trainingSlot: string | null; screening: string[] } {
  const responses = raw['responses'] as Record<string, unknown> | undefined;
  const slot = responses?.['franja_horaria'];
  const validation = validateQuestionnaire(raw, { lang: 'es', now: planDate });
  const screening =
    validation.isValid && validation.data
      ? readAndScreen(raw, validation.data.responses, planDate)
          .screening.checks.filter((check) => !check.passed)
          .map((check) => check.id)
      : [];
  return { trainingSlot: typeof slot === 'string' ? slot : null, screening };
}

/** The approval the copy is printed under: each plan's approved version and the latest date. */
function approvalOf(plans: { training?: TrainingPlanDocument; nutrition?: NutritionPlanDocument }) {
  const training = plans.training ? reviewOf(plans.training).approved : null;
  const nutrition = plans.nutrition ? reviewOf(plans.nutrition).approved : null;
  const dates = [training?.at, nutrition?.at].filter((at): at is Date => at !== undefined);
  if (dates.length === 0) return undefined;
  return {
    at: new Date(Math.max(...dates.map((at) => at.getTime()))),
    ...(training ? { training: training.version } : {}),
    ...(nutrition ? { nutrition: nutrition.version } : {}),
  };
}

function fileNameOf(clientName: string, date: Date, language: Language): string {
  const slug = fileSlug(clientName).toLowerCase();
  const day = date.toISOString().slice(0, 10);
  return `plan-${slug || (language === 'en' ? 'client' : 'cliente')}-${day}.pdf`;
}

export async function clientPlanPdf(deps: ClientPdfDeps, request: ClientPdfRequest): Promise<ClientPdf> {
  const plans = await approvedPlans(deps.repositories, request.source);
  const first = plans.training ?? plans.nutrition;
  if (!first) throw new Error('deliverablePlans returned no plan');
  const user = await deps.repositories.users.get(first.user_id);
  // A client imported without a name keeps its id: the PDF still says whose plan it is.
  const clientName = user?.nombre_completo.trim() || first.user_id;
  const brand = await deps.coachBrand();
  const submission = await deps.repositories.submissions.getRaw(first.submission_id);
  const language = request.lang ?? first.language;
  const document = buildClientPlan({
    ...plans,
    client: { name: clientName },
    // No name set in Ajustes: the PDF names no coach (never the app as if it were one).
    coach: brand.name
      ? {
          name: brand.name,
          ...(brand.contact ? { contact: brand.contact } : {}),
          ...(brand.logo ? { logo: brand.logo } : {}),
        }
      : null,
    language,
    block: await blockNumber(deps.repositories, plans),
    approval: approvalOf(plans),
    ...(submission ? fromQuestionnaire(submission, first.created_at) : {}),
  });
  const bytes = await renderClientPlanPdf(document, { pageSize: request.page_size ?? 'A4' });
  const markDelivered = async (): Promise<void> => {
    if (plans.training)
      await recordDelivery(deps.repositories, 'training', plans.training, 'pdf', request.via);
    if (plans.nutrition)
      await recordDelivery(deps.repositories, 'nutrition', plans.nutrition, 'pdf', request.via);
  };
  return { bytes, file_name: fileNameOf(clientName, first.created_at, language), markDelivered };
}
