import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { approverOf, jobHasPlan, openPlanLabel } from '../../../src/renderer/src/plan/delivery';
import { overrideFormErrors, OverrideFormSchema } from '../../../src/renderer/src/plan/override-form';

const ids = (training: string | null, nutrition: string | null) => ({
  training_plan_id: training,
  nutrition_plan_id: nutrition,
});

describe('the plan delivery state in the screens', () => {
  it('names who approved a blocked plan in the UI language: coach, door code, or an old label', () => {
    const t = ((key: string) => `[${key}]`) as unknown as TFunction;
    expect(approverOf({ via: 'desktop', coach: 'Marta' }, t)).toBe('Marta');
    expect(approverOf({ via: 'desktop' }, t)).toBe('[delivery.via.desktop]');
    expect(approverOf({ via: 'api' }, t)).toBe('[delivery.via.api]');
    // Documents stored before `via`: the Spanish door labels are translated, names kept.
    expect(approverOf({ by: 'App de escritorio' }, t)).toBe('[delivery.via.desktop]');
    expect(approverOf({ by: 'API local (token de administrador)' }, t)).toBe('[delivery.via.api]');
    expect(approverOf({ by: 'Marta (coach)' }, t)).toBe('Marta (coach)');
    expect(openPlanLabel({ status: 'failed' }, t)).toBe('[delivery.reviewPlan]');
    expect(openPlanLabel({ status: 'completed' }, t)).toBe('[common.open]');
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
