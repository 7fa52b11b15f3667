import type { PlanKind } from '@shared/plan-delivery';
import type { RegenerationScope } from '@shared/plan-regeneration';
import { previewPlanEdits, savePlanEdits } from '../../application/plan-editing';
import { generateAsyncMessage } from '@shared/api';
import { approvePlan } from '../../application/plan-review';
import { regeneratePlanPart } from '../../application/plan-regeneration';
import {
  comparePlanVersions,
  getPlanVersion,
  listPlanVersions,
  restorePlanVersion,
} from '../../application/plan-versions';
import type { ApiDependencies } from '../deps';
import { asApiError } from '../errors';
import type { RouteHandlers } from '../route-table';

type VersionHandlerNames = `${
  | 'list'
  | 'get'
  | 'compare'
  | 'preview'
  | 'save'
  | 'restore'}${'Training' | 'Nutrition'}Plan${'Versions' | 'Version' | 'Edits'}` &
  keyof RouteHandlers;
type HandlerNames = VersionHandlerNames | `${'approve' | 'regenerate'}${'Training' | 'Nutrition'}Plan`;

/**
 * The coach's editor, versions and approval over HTTP (issue #16): one use case per route, the same
 * ones the IPC door calls (electron/ipc/plan-versions.ts), with the door recorded as `api`.
 */
export function planVersionHandlers(deps: ApiDependencies): Pick<RouteHandlers, HandlerNames> {
  const repos = deps.repositories;
  const kindHandlers = <K extends PlanKind>(kind: K) => ({
    versions: async ({ params }: { params: { plan_id: string } }) => ({
      success: true as const,
      ...(await listPlanVersions(repos, kind, params.plan_id).catch(asApiError)),
    }),
    version: async ({ params }: { params: { plan_id: string; version: number } }) => ({
      success: true as const,
      version: await getPlanVersion(repos, kind, params.plan_id, params.version).catch(asApiError),
    }),
    diff: async ({
      params,
      query,
    }: {
      params: { plan_id: string };
      query: { from: number; to: number };
    }) => ({
      success: true as const,
      ...(await comparePlanVersions(repos, kind, params.plan_id, query.from, query.to).catch(asApiError)),
    }),
    approve: async ({
      params,
      body,
    }: {
      params: { plan_id: string };
      body: { version: number; override_reason?: string | undefined; coach?: string | undefined };
    }) => {
      const plan = await approvePlan(repos, { kind, plan_id: params.plan_id, ...body, via: 'api' }).catch(
        asApiError,
      );
      return { success: true as const, version: body.version, plan };
    },
    regenerate: async ({
      params,
      body,
    }: {
      params: { plan_id: string };
      body: { base_version: number; scope: RegenerationScope; note: string };
    }) => {
      const job = await regeneratePlanPart(
        { repositories: repos, queue: deps.queue },
        { kind, plan_id: params.plan_id, ...body, via: 'api' },
      ).catch(asApiError);
      return { success: true as const, job_id: job._id, message: generateAsyncMessage(job._id) };
    },
    restore: async ({
      params,
      body,
    }: {
      params: { plan_id: string; version: number };
      body: { base_version: number; note?: string | undefined; coach?: string | undefined };
    }) => ({
      success: true as const,
      ...(await restorePlanVersion(repos, { kind, ...params, ...body, via: 'api' }).catch(asApiError)),
    }),
  });
  const training = kindHandlers('training');
  const nutrition = kindHandlers('nutrition');
  return {
    listTrainingPlanVersions: training.versions,
    getTrainingPlanVersion: training.version,
    compareTrainingPlanVersions: training.diff,
    restoreTrainingPlanVersion: training.restore,
    approveTrainingPlan: training.approve,
    regenerateTrainingPlan: training.regenerate,
    listNutritionPlanVersions: nutrition.versions,
    getNutritionPlanVersion: nutrition.version,
    compareNutritionPlanVersions: nutrition.diff,
    restoreNutritionPlanVersion: nutrition.restore,
    approveNutritionPlan: nutrition.approve,
    regenerateNutritionPlan: nutrition.regenerate,
    previewTrainingPlanEdits: async ({ params, body }) => ({
      success: true,
      ...(await previewPlanEdits(repos, { kind: 'training', plan_id: params.plan_id, ...body }).catch(
        asApiError,
      )),
    }),
    previewNutritionPlanEdits: async ({ params, body }) => ({
      success: true,
      ...(await previewPlanEdits(repos, { kind: 'nutrition', plan_id: params.plan_id, ...body }).catch(
        asApiError,
      )),
    }),
    saveTrainingPlanEdits: async ({ params, body }) => ({
      success: true,
      ...(await savePlanEdits(repos, {
        kind: 'training',
        plan_id: params.plan_id,
        ...body,
        via: 'api',
      }).catch(asApiError)),
    }),
    saveNutritionPlanEdits: async ({ params, body }) => ({
      success: true,
      ...(await savePlanEdits(repos, {
        kind: 'nutrition',
        plan_id: params.plan_id,
        ...body,
        via: 'api',
      }).catch(asApiError)),
    }),
  };
}
