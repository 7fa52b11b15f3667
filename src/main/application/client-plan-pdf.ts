import { buildClientPlan } from '@shared/client-plan';
import type { ClientPdfPageSize, ClientPdfSource, CoachBrand } from '@shared/client-plan-request';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import { validateQuestionnaire } from '@shared/questionnaire-validation';
import type { Language } from '@shared/settings-descriptor';
import { renderClientPlanPdf } from '../client-pdf/render-client-plan-pdf';
import type { Repositories } from '../db/repositories';
import { readAndScreen } from '../pipeline/audits';
import { checkJobPlansExportable, getDeliverablePlan } from './plan-delivery';

/*
 * The client's version of a plan as a PDF (issue 15), once for every door: HTTP
 * (`GET /admin/jobs/{id}/client.pdf`, `…/training-plans/{id}/client.pdf`,
 * `…/nutrition-plans/{id}/client.pdf`), IPC (`exportClientPdf`) and so the browser build. Only what
 * may reach the client is printed: a blocked plan is refused (`plan_blocked`), as for every export.
 */

export interface ClientPdfDeps {
  repositories: Pick<Repositories, 'jobs' | 'users' | 'submissions' | 'trainingPlans' | 'nutritionPlans'>;
  /** The coach's brand as the settings say now (it applies live). */
  coachBrand: () => Promise<CoachBrand>;
}

export interface ClientPdfRequest {
  source: ClientPdfSource;
  /** The plans' own language when absent. */
  lang?: Language | undefined;
  page_size?: ClientPdfPageSize | undefined;
}

export interface ClientPdf {
  bytes: Buffer;
  /** A download name every OS accepts: the client's name and the plan's date. */
  file_name: string;
}

async function deliverablePlans(
  repositories: ClientPdfDeps['repositories'],
  source: ClientPdfSource,
): Promise<{ training?: TrainingPlanDocument; nutrition?: NutritionPlanDocument }> {
  if ('job_id' in source) {
    const ids = await checkJobPlansExportable(repositories, source.job_id);
    return {
      ...(ids.training_plan_id
        ? { training: await getDeliverablePlan(repositories, 'training', ids.training_plan_id) }
        : {}),
      ...(ids.nutrition_plan_id
        ? { nutrition: await getDeliverablePlan(repositories, 'nutrition', ids.nutrition_plan_id) }
        : {}),
    };
  }
  return source.kind === 'training'
    ? { training: await getDeliverablePlan(repositories, 'training', source.plan_id) }
    : { nutrition: await getDeliverablePlan(repositories, 'nutrition', source.plan_id) };
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

function fileNameOf(clientName: string, date: Date, language: Language): string {
  const slug = clientName
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  const day = date.toISOString().slice(0, 10);
  return `plan-${slug || (language === 'en' ? 'client' : 'cliente')}-${day}.pdf`;
}

export async function clientPlanPdf(deps: ClientPdfDeps, request: ClientPdfRequest): Promise<ClientPdf> {
  const plans = await deliverablePlans(deps.repositories, request.source);
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
    version: await blockNumber(deps.repositories, plans),
    ...(submission ? fromQuestionnaire(submission, first.created_at) : {}),
  });
  const bytes = await renderClientPlanPdf(document, { pageSize: request.page_size ?? 'A4' });
  return { bytes, file_name: fileNameOf(clientName, first.created_at, language) };
}
