import { previewPlanEdits, savePlanEdits } from '../../application/plan-editing';
import { toPublicJob } from '@shared/job';
import { approvePlan } from '../../application/plan-review';
import { regeneratePlanPart } from '../../application/plan-regeneration';
import {
  comparePlanVersions,
  getPlanVersion,
  listPlanVersions,
  restorePlanVersion,
} from '../../application/plan-versions';
import type { IpcHandlers } from './dispatch';
import { requireCore, type IpcCore } from './host';

type VersionHandlers = Pick<
  IpcHandlers,
  | 'listPlanVersions'
  | 'getPlanVersion'
  | 'comparePlanVersions'
  | 'previewPlanEdits'
  | 'savePlanEdits'
  | 'restorePlanVersion'
  | 'approvePlan'
  | 'regeneratePlanPart'
>;

/**
 * The coach's editor, versions and approval over IPC: each handler is one use case of
 * application/plan-editing.ts, plan-versions.ts or plan-review.ts (the HTTP routes call the same),
 * with the door recorded as `desktop`. `dispatch` maps a `DomainError` to its IPC failure.
 */
export function planVersionHandlers(core: () => IpcCore | null): VersionHandlers {
  const repos = (): IpcCore['repositories'] => requireCore(core()).repositories;
  return {
    listPlanVersions: (args) => listPlanVersions(repos(), args.kind, args.plan_id),
    getPlanVersion: (args) => getPlanVersion(repos(), args.kind, args.plan_id, args.version),
    comparePlanVersions: (args) => comparePlanVersions(repos(), args.kind, args.plan_id, args.from, args.to),
    previewPlanEdits: (args) => previewPlanEdits(repos(), args),
    savePlanEdits: (args) => savePlanEdits(repos(), { ...args, via: 'desktop' }),
    restorePlanVersion: (args) => restorePlanVersion(repos(), { ...args, via: 'desktop' }),
    approvePlan: (args) => approvePlan(repos(), { ...args, via: 'desktop' }),
    regeneratePlanPart: async (args) =>
      toPublicJob(await regeneratePlanPart(requireCore(core()), { ...args, via: 'desktop' })),
  };
}
