import { PLAN_KIND_LABEL_ES as LABEL, type PlanKind } from '@shared/plan-delivery';
import type { Repositories } from '../db/repositories';
import { commitPlanVersion, type NewPlanVersion } from '../db/repositories/commit-plan-version';
import { DomainError } from './domain-error';
import { getPlan, type Delivered, type PlanOfKind } from './plan-delivery';

/** What every version use case reads and writes. */
export type VersionRepos = Pick<
  Repositories,
  'trainingPlans' | 'nutritionPlans' | 'planVersions' | 'submissions'
>;

/** Someone saved, restored or regenerated the plan since the coach opened the version they name. */
export function versionConflict(kind: PlanKind, planId: string, named: number, current: number): DomainError {
  return new DomainError(
    'plan_version_conflict',
    `El ${LABEL[kind]} «${planId}» ya no está en la versión ${named}: ahora es la versión ${current}, guardada mientras tanto (quizá desde otro equipo). Vuelve a abrirlo para ver esos cambios y aplica los tuyos sobre la versión ${current}; no se ha sobrescrito nada.`,
    [
      {
        field: 'base_version',
        code: 'version_conflict',
        message: `base_version: la versión actual es ${current}`,
      },
    ],
  );
}

/** A new version through the one protocol; the plan as it now is, or the conflict as an error. */
export async function saveVersion<K extends PlanKind>(
  repos: VersionRepos,
  input: NewPlanVersion & { kind: K },
): Promise<{ version: number; plan: Delivered<PlanOfKind[K]> }> {
  const result = await commitPlanVersion(repos, input);
  if (!result.ok && result.reason === 'conflict') {
    throw versionConflict(input.kind, input.plan._id, input.plan.version ?? 1, result.current);
  }
  // `missing` (the plan was deleted meanwhile) is reported by getPlan as plan_not_found.
  const plan = (await getPlan(repos, input.kind, input.plan._id)) as Delivered<PlanOfKind[K]>;
  return { version: result.ok ? result.version : (plan.version ?? 1), plan };
}
