import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { jobFailureLines } from '../../../src/renderer/src/components/job-failure-lines';
import { appTranslators } from '../../support/i18n';

let tEs: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ es: tEs, en: tEn } = await appTranslators());
});

describe('failed job detail (JobFailure)', () => {
  it("labels questionnaire fields in the coach's language, from the validator's own errors", () => {
    const { errors } = validateQuestionnaire(
      { _id: 's', user_id: 'u', responses: { nombre_completo: 'X', email: 'no-es-email', peso: 'setenta' } },
      { lang: 'es', now: new Date('2026-01-01T00:00:00Z') },
    );
    const job = { error_message: '❌ FORMATO…', error_fields: errors };
    const english = jobFailureLines(job, tEn);
    expect(english.map((line) => line.label)).toEqual(
      expect.arrayContaining(['Email', 'Weight (kg)', 'Height (cm)', 'Sex', 'Date of birth (YYYY-MM-DD)']),
    );
    const email = english.find((line) => line.label === 'Email')!;
    // The label replaces the field name the message started with; the rest is the message.
    expect(email.text).toContain('no-es-email');
    expect(email.text).not.toMatch(/^email:/);
    expect(jobFailureLines(job, tEs).map((line) => line.label)).toContain('Peso (kg)');
  });

  it('names what is not a form field as stored (screening checks, document paths)', () => {
    const lines = jobFailureLines(
      {
        error_message: 'El cuestionario requiere revisión profesional…',
        error_fields: [
          { field: 'SCR-03', code: 'SCR-03', message: 'Menor de edad (15 años) sin consentimiento' },
          { field: 'user_id', code: 'missing', message: 'user_id: falta este campo obligatorio' },
          { field: '_id', code: 'empty', message: '_id: se esperaba un texto no vacío' },
        ],
      },
      tEn,
    );
    expect(lines).toEqual([
      { label: 'SCR-03', text: 'Menor de edad (15 años) sin consentimiento' },
      { label: 'user_id', text: 'falta este campo obligatorio' },
      { label: '_id', text: 'se esperaba un texto no vacío' },
    ]);
  });

  it('reads the • lines of error_message only for a job stored before error_fields', () => {
    const message =
      'El cuestionario requiere revisión profesional:\n• SCR-03: Menor de edad\n• SCR-05: SCOFF 3/5\nReintenta.';
    expect(jobFailureLines({ error_message: message }, tEn)).toEqual([
      { label: null, text: 'SCR-03: Menor de edad' },
      { label: null, text: 'SCR-05: SCOFF 3/5' },
    ]);
    expect(jobFailureLines({ error_message: message, error_fields: [] }, tEn)).toHaveLength(2);
    expect(jobFailureLines({ error_message: 'Tiempo agotado', error_fields: [] }, tEn)).toEqual([]);
    expect(jobFailureLines({ error_message: null }, tEn)).toEqual([]);
  });
});
