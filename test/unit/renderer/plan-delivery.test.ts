import { describe, expect, it } from 'vitest';
import { currentPlanId, jobHasPlan } from '../../../src/renderer/src/plan/delivery';
import { overrideFormErrors, OverrideFormSchema } from '../../../src/renderer/src/plan/override-form';

const ids = (training: string | null, nutrition: string | null) => ({
  training_plan_id: training,
  nutrition_plan_id: nutrition,
});

describe('the plan delivery state in the screens', () => {
  it('the current plan is the newest that may be delivered, never a blocked one', () => {
    const plans = [
      { _id: 'tp_3', delivery_status: 'blocked' as const },
      { _id: 'tp_2', delivery_status: 'overridden' as const },
      { _id: 'tp_1', delivery_status: 'deliverable' as const },
    ];
    expect(currentPlanId(plans)).toBe('tp_2');
    expect(currentPlanId(plans.slice(2))).toBe('tp_1');
    expect(currentPlanId([plans[0]!])).toBeNull();
  });

  it('a job has a plan to open when it completed, or failed with its plan kept for review', () => {
    expect(jobHasPlan({ status: 'completed', result: ids('tp_a', null) })).toBe(true);
    expect(jobHasPlan({ status: 'failed', result: ids('tp_a', 'np_a') })).toBe(true);
    expect(jobHasPlan({ status: 'failed', result: ids(null, null) })).toBe(false);
    expect(jobHasPlan({ status: 'running', result: ids(null, null) })).toBe(false);
  });

  it('the approval form checks the server’s limits and puts the server’s field errors on its fields', () => {
    expect(OverrideFormSchema.safeParse({ reason: 'corto', coach: '' }).error?.issues[0]?.message).toBe(
      'delivery.form.reasonTooShort',
    );
    expect(OverrideFormSchema.safeParse({ reason: 'x'.repeat(25), coach: '' }).success).toBe(true);
    expect(
      overrideFormErrors([
        { field: 'body.reason', code: 'too_small', message: 'body.reason: escribe al menos 20 caracteres' },
        { field: 'args.coach', code: 'too_big', message: 'máximo 120 caracteres' },
        { field: 'body.extra', code: 'unknown_field', message: 'body.extra: campo no admitido.' },
      ]),
    ).toEqual({
      fields: { reason: 'Escribe al menos 20 caracteres', coach: 'Máximo 120 caracteres' },
      other: ['Campo no admitido.'],
    });
  });
});
