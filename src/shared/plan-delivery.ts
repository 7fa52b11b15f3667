import { z } from 'zod';
import type { NutritionPlanDocument, PlanAudit, TrainingPlanDocument } from './plans';

/*
 * Whether a finished plan may reach the client ("Bloqueo de entrega", docs/AUDITS.md §8). A plan
 * whose code audit says `bloqueado` is kept for the coach's review but is not delivered: not the
 * client's current plan, not exported, not the previous plan of a next block, not the training
 * bridge of a later nutrition-only job — unless the coach approves it with a written reason, which
 * is recorded with the time and shown on the plan and its PDF.
 *
 * Every reader asks `deliveryOf(plan)`: documents stored before `delivery` existed have none, and
 * their state is derived from their own audit, so old and new plans follow one rule.
 */

export const DELIVERY_STATUSES = ['deliverable', 'blocked', 'overridden'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const PLAN_KINDS = ['training', 'nutrition'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** Each kind as the Spanish messages of the server name it (one table for every message). */
export const PLAN_KIND_LABEL_ES: Record<PlanKind, string> = {
  training: 'plan de entrenamiento',
  nutrition: 'plan de nutrición',
};

/** The written reason: long enough to say why, short enough to print on the plan. */
export const OVERRIDE_REASON_MIN = 20;
export const OVERRIDE_REASON_MAX = 1000;
export const OVERRIDE_COACH_MAX = 120;

/** A failed blocking check of the plan's audit (rule id and the audit's reason). */
export const DeliveryBlockSchema = z.object({ id: z.string().min(1), reason: z.string() });
export type DeliveryBlock = z.infer<typeof DeliveryBlockSchema>;

/** The door an approval came through, stored as a code and translated by the UI. */
export const OVERRIDE_DOORS = ['desktop', 'api'] as const;
export type OverrideDoor = (typeof OVERRIDE_DOORS)[number];

export const DeliveryOverrideSchema = z.object({
  reason: z.string().min(1),
  at: z.date(),
  /** The door it came through (`desktop` app or local `api`); absent in documents stored before it. */
  via: z.enum(OVERRIDE_DOORS).optional(),
  /** The coach's name, when they signed. */
  coach: z.string().min(1).optional(),
  /**
   * Legacy: documents stored before `via` hold who approved it here, as text (the coach's name or
   * the door's Spanish label «App de escritorio» / «API local (token de administrador)»).
   */
  by: z.string().min(1).optional(),
});
export type DeliveryOverride = z.infer<typeof DeliveryOverrideSchema>;

export const PlanDeliverySchema = z.object({
  status: z.enum(DELIVERY_STATUSES),
  /** Kept after an override, so the plan still says what the coach approved it despite. */
  blocked_by: z.array(DeliveryBlockSchema),
  override: DeliveryOverrideSchema.nullable(),
});
export type PlanDelivery = z.infer<typeof PlanDeliverySchema>;

/** The coach's reason, as both doors (HTTP body, IPC args) validate it. */
export const OverrideReasonSchema = z
  .string({ error: 'se esperaba un texto con el motivo de la aprobación' })
  .trim()
  .min(
    OVERRIDE_REASON_MIN,
    `escribe al menos ${OVERRIDE_REASON_MIN} caracteres explicando por qué entregas el plan pese al bloqueo`,
  )
  .max(OVERRIDE_REASON_MAX, `máximo ${OVERRIDE_REASON_MAX} caracteres`);

export const OverrideCoachSchema = z
  .string({ error: 'se esperaba el nombre de quien aprueba, como texto' })
  .trim()
  .min(1, 'no puede estar vacío (omítelo si no quieres firmar)')
  .max(OVERRIDE_COACH_MAX, `máximo ${OVERRIDE_COACH_MAX} caracteres`);

/** When the audit says nothing about why (a document written by hand): still named, never silent. */
const UNNAMED_BLOCK: DeliveryBlock = {
  id: 'AUDIT',
  reason: 'La auditoría marcó el plan como bloqueado sin nombrar la regla.',
};

/** The delivery state a freshly audited plan gets: blocked exactly when its audit says `bloqueado`. */
export function deliveryFromAudit(audit: Pick<PlanAudit, 'status' | 'checks'>): PlanDelivery {
  if (audit.status !== 'bloqueado') return { status: 'deliverable', blocked_by: [], override: null };
  const failed = audit.checks
    .filter((check) => check.severity === 'block' && !check.passed)
    .map((check) => ({ id: check.id, reason: check.reason }));
  return { status: 'blocked', blocked_by: failed.length > 0 ? failed : [UNNAMED_BLOCK], override: null };
}

type AnyPlan = TrainingPlanDocument | NutritionPlanDocument;

/** The plan's own audit (E8's for a training plan, N8's for a nutrition plan). */
export function auditOfPlan(plan: AnyPlan): PlanAudit {
  // Loose documents type unknown keys as `unknown`, so `in` narrows only the other branch.
  return 'training' in plan ? (plan as TrainingPlanDocument).training.audit : plan.nutrition.audit;
}

/** The rule id a nutrition plan is blocked by when the training plan its bridge came from is blocked. */
export const BRIDGE_BLOCK_ID = 'PUENTE';

/**
 * A nutrition plan's delivery state: its own audit's, and blocked too when it was built on E9's
 * bridge from a training plan that is blocked (a `full` job whose E8 blocked the training plan):
 * its menus carry that plan's unsafe load. The block stays until the coach approves the nutrition
 * plan itself — approving the training plan does not unblock it (docs/AUDITS.md §8).
 */
export function nutritionDeliveryFromAudit(
  audit: Pick<PlanAudit, 'status' | 'checks'>,
  bridgeSource: TrainingPlanDocument | null,
): PlanDelivery {
  const own = deliveryFromAudit(audit);
  const source = bridgeSource ? deliveryOf(bridgeSource) : null;
  if (!bridgeSource || source?.status !== 'blocked') return own;
  const rules = source.blocked_by.map((block) => block.id).join(', ');
  const bridge: DeliveryBlock = {
    id: BRIDGE_BLOCK_ID,
    reason: `construido sobre el plan de entrenamiento ${bridgeSource._id}, bloqueado por su auditoría (${rules})`,
  };
  return { status: 'blocked', blocked_by: [...own.blocked_by, bridge], override: null };
}

/** The stored delivery state, or — for a plan stored before the field existed — its audit's. */
export function deliveryOf(plan: AnyPlan): PlanDelivery {
  return plan.delivery ?? deliveryFromAudit(auditOfPlan(plan));
}

/** A blocked plan's state once the coach delivers it anyway, in writing (the blocks stay listed). */
export function overriddenDelivery(
  blocked: Pick<PlanDelivery, 'blocked_by'>,
  override: { reason: string; via: OverrideDoor; coach?: string | undefined },
  at: Date,
): PlanDelivery {
  return {
    status: 'overridden',
    blocked_by: blocked.blocked_by,
    override: {
      reason: override.reason,
      at,
      via: override.via,
      ...(override.coach ? { coach: override.coach } : {}),
    },
  };
}

/** Blocked and not approved by the coach: kept for review only. */
export function isDeliverable(delivery: Pick<PlanDelivery, 'status'>): boolean {
  return delivery.status !== 'blocked';
}

/** The plan with its delivery state always present (what both doors hand out). */
export function withDelivery<T extends AnyPlan>(plan: T): T & { delivery: PlanDelivery } {
  return { ...plan, delivery: deliveryOf(plan) };
}
