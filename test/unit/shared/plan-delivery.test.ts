import { describe, expect, it } from 'vitest';
import {
  deliveryFromAudit,
  deliveryOf,
  isDeliverable,
  OverrideReasonSchema,
  withDelivery,
} from '../../../src/shared/plan-delivery';
import {
  APPROVED_AUDIT,
  BLOCKED_NUTRITION_AUDIT,
  BLOCKED_TRAINING_AUDIT,
  nutritionPlanDoc,
  trainingPlanDoc,
} from '../../support/plan-fixtures';

describe('delivery state of a plan (docs/AUDITS.md §8)', () => {
  it('is blocked exactly when the audit says bloqueado, naming the failed blocking checks', () => {
    expect(deliveryFromAudit(APPROVED_AUDIT)).toEqual({
      status: 'deliverable',
      blocked_by: [],
      override: null,
    });
    expect(deliveryFromAudit({ status: 'con_warnings', checks: [] }).status).toBe('deliverable');
    expect(deliveryFromAudit(BLOCKED_TRAINING_AUDIT)).toEqual({
      status: 'blocked',
      blocked_by: [{ id: 'TRN-06', reason: 'pecho: 35 series duras por semana (> 30)' }],
      override: null,
    });
    // A blocked audit that names no rule is still blocked, and says so.
    expect(deliveryFromAudit({ status: 'bloqueado', checks: [] }).blocked_by).toEqual([
      { id: 'AUDIT', reason: expect.stringContaining('sin nombrar la regla') },
    ]);
  });

  it('reads the stored state, or derives it from the plan’s own audit for old documents', () => {
    const old = trainingPlanDoc('j-old', 'u', { audit: BLOCKED_TRAINING_AUDIT, withDelivery: false });
    expect(old).not.toHaveProperty('delivery');
    expect(deliveryOf(old).status).toBe('blocked');
    expect(
      deliveryOf(nutritionPlanDoc('j-n', 'u', { audit: BLOCKED_NUTRITION_AUDIT, withDelivery: false })),
    ).toMatchObject({ status: 'blocked', blocked_by: [{ id: 'NUT-17' }] });
    const overridden = {
      ...old,
      delivery: {
        status: 'overridden' as const,
        blocked_by: [{ id: 'TRN-06', reason: 'pecho' }],
        override: { reason: 'Revisado con el cliente en persona', at: new Date(), by: 'Marta' },
      },
    };
    expect(deliveryOf(overridden).status).toBe('overridden');
    expect(isDeliverable(deliveryOf(overridden))).toBe(true);
    expect(isDeliverable(deliveryOf(old))).toBe(false);
    expect(withDelivery(old).delivery.status).toBe('blocked');
  });

  it('wants a written reason of 20 to 1000 characters, trimmed', () => {
    expect(OverrideReasonSchema.safeParse('  corto  ').success).toBe(false);
    expect(OverrideReasonSchema.parse(`  ${'a'.repeat(20)}  `)).toBe('a'.repeat(20));
    expect(OverrideReasonSchema.safeParse('a'.repeat(1001)).success).toBe(false);
    expect(OverrideReasonSchema.safeParse(42).error?.issues[0]?.message).toMatch(/motivo/);
  });
});
