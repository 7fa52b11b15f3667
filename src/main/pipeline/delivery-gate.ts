import type { FieldError } from '@shared/field-error';
import { deliveryOf, PLAN_KIND_LABEL_ES, PLAN_KINDS } from '@shared/plan-delivery';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { JobResultIds } from '../queue/finish';
import { JobFailure } from './job-errors';

/*
 * The last step of a run ("Bloqueo de entrega", docs/AUDITS.md §8): the plans are already saved, so
 * the coach can review them, but a job whose plan its audit blocked does not complete. It fails with
 * `audit_blocked`, one `error_fields` entry per blocking check, and its `result` still names the
 * plans. Each plan is judged by its own stored delivery state (a resumed run that finds a plan the
 * coach approved meanwhile completes).
 */

export interface SavedPlans {
  training: TrainingPlanDocument | null;
  nutrition: NutritionPlanDocument | null;
}

/** Throws the `audit_blocked` failure when any saved plan is blocked and not approved by the coach. */
export function assertPlansDeliverable(saved: SavedPlans, result: JobResultIds): void {
  const blocked = PLAN_KINDS.flatMap((kind) => {
    const plan = saved[kind];
    const delivery = plan ? deliveryOf(plan) : null;
    return delivery?.status === 'blocked' ? delivery.blocked_by.map((block) => ({ kind, ...block })) : [];
  });
  if (blocked.length === 0) return;
  const fields: FieldError[] = blocked.map((block) => ({
    field: block.id,
    code: block.kind,
    message: block.reason,
  }));
  const lines = blocked.map((block) => `• ${block.id} (${PLAN_KIND_LABEL_ES[block.kind]}): ${block.reason}`);
  throw new JobFailure(
    'audit_blocked',
    [
      'La auditoría ha bloqueado la entrega del plan; queda guardado solo para revisión, sin entregarse ni exportarse:',
      ...lines,
      'Revisa el plan y genera uno nuevo, o apruébalo pese al bloqueo con un motivo escrito («Aprobar pese al bloqueo» en la pantalla del plan): la aprobación queda registrada con la fecha. Reintentar este trabajo no sirve: encontraría el mismo plan.',
    ].join('\n'),
    false,
    { fields, result },
  );
}
