import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { toResponses } from '../../../src/renderer/src/questionnaire/fields';
import {
  importStatus,
  needsConfirmation,
  NO_IMPORTED_ANSWERS,
  pendingAnswers,
  prepareAnswers,
  rangeText,
  submittedResponses,
  type ImportedAnswer,
  type ImportedAnswers,
} from '../../../src/renderer/src/questionnaire/imported-answers';

const REQUIRED = {
  nombre_completo: 'Laura Gómez Ruiz',
  email: 'laura@example.com',
  fecha_nacimiento: '1990-04-12',
  sexo: 'Mujer',
  peso: '62,5',
  altura_cm: 165,
  objetivo_fisico: 'Perder grasa',
};

/** A questionnaire in the original system's format: free text under keys the form types. */
const ORIGINAL = {
  ...REQUIRED,
  horas_sueno: '7,5 h',
  nivel_estres: 'Medio',
  material_disponible: 'Mancuernas, bandas y esterilla',
  calidad_sueno: '9',
  lesiones: 'Menisco sin terminar de curar',
  patologias: 'No',
  grasa_corporal_pct: 'unos 20',
  comidas_texto: 'Más de 6',
};

function answerOf(imported: readonly ImportedAnswer[], field: string): ImportedAnswer {
  const found = imported.find((answer) => answer.field === field);
  if (!found) throw new Error(`no imported answer for ${field}`);
  return found;
}

function strictErrors(values: Record<string, unknown>) {
  return validateQuestionnaire(
    { _id: 'borrador', user_id: 'borrador', responses: toResponses(values) },
    { lang: 'es', optionalFields: 'strict' },
  ).errors;
}

describe('filling the form from an original-format questionnaire', () => {
  const { values, imported } = prepareAnswers(ORIGINAL, 'es');

  it('types what is read with certainty and keeps the rest beside the form, verbatim', () => {
    expect(values).toMatchObject({
      horas_sueno: 7.5,
      nivel_estres: 3,
      material_disponible: ['mancuernas', 'bandas'],
      peso: '62,5', // required answers are the validator's, as they came
      comidas_texto: 'Más de 6', // keys the form does not know ride along
    });
    expect(values).not.toHaveProperty('calidad_sueno');
    expect(values).not.toHaveProperty('lesiones');
    expect(answerOf(imported, 'material_disponible')).toEqual({
      field: 'material_disponible',
      value: 'Mancuernas, bandas y esterilla',
      reason: 'partly_understood',
      prefill: ['mancuernas', 'bandas'],
      inForm: true,
    });
    expect(answerOf(imported, 'calidad_sueno')).toMatchObject({ value: '9', reason: 'implausible' });
    expect(answerOf(imported, 'lesiones')).toMatchObject({
      value: 'Menisco sin terminar de curar',
      reason: 'kept_as_text',
      prefill: undefined,
    });
    expect(imported.map((answer) => answer.field)).not.toContain('horas_sueno');
  });

  it('leaves the strict validation nothing to say about a value the inputs do not show', () => {
    expect(strictErrors(values)).toEqual([]);
  });

  it('asks only about answers the form has an input for and did not fully understand', () => {
    expect(needsConfirmation(answerOf(imported, 'lesiones'))).toBe(true);
    // A health answer read with certainty ("No" → none): no question, the verbatim is kept all the same.
    expect(answerOf(imported, 'patologias')).toMatchObject({ reason: 'normalised', prefill: [] });
    expect(needsConfirmation(answerOf(imported, 'patologias'))).toBe(false);
    // No input for it: not in the form's values, sent as it came.
    expect(answerOf(imported, 'grasa_corporal_pct').inForm).toBe(false);
    expect(needsConfirmation(answerOf(imported, 'grasa_corporal_pct'))).toBe(false);
    expect(values).not.toHaveProperty('grasa_corporal_pct');
  });
});

describe('where an imported answer stands', () => {
  const { imported } = prepareAnswers(ORIGINAL, 'es');
  const lesiones = answerOf(imported, 'lesiones');
  const material = answerOf(imported, 'material_disponible');

  it('is pending while its input holds what the import put there', () => {
    expect(importStatus(lesiones, undefined, undefined)).toBe('pending');
    expect(importStatus(lesiones, undefined, [])).toBe('pending');
    // An injury card added but left empty is not an answer.
    expect(importStatus(lesiones, undefined, [{ zona: '', estado: undefined }])).toBe('pending');
    expect(importStatus(material, undefined, ['mancuernas', 'bandas'])).toBe('pending');
  });

  it('is replaced by what the coach writes, and comes back when the input is emptied', () => {
    expect(importStatus(lesiones, undefined, [{ zona: 'rodilla', estado: 'cronica' }])).toBe('replaced');
    expect(importStatus(material, undefined, ['mancuernas'])).toBe('replaced');
    expect(importStatus(material, 'kept', ['mancuernas'])).toBe('replaced');
    expect(importStatus(answerOf(imported, 'calidad_sueno'), undefined, 4)).toBe('replaced');
    expect(importStatus(answerOf(imported, 'calidad_sueno'), undefined, '')).toBe('pending');
  });

  it('follows the decision otherwise', () => {
    expect(importStatus(lesiones, 'kept', undefined)).toBe('kept');
    expect(importStatus(lesiones, 'dropped', undefined)).toBe('dropped');
    expect(importStatus(material, 'dropped', ['mancuernas'])).toBe('dropped');
  });
});

describe('what is submitted', () => {
  const { values, imported } = prepareAnswers(ORIGINAL, 'es');
  const imports: ImportedAnswers = { answers: imported, decisions: {} };

  it('puts back every imported answer the coach did not replace or remove, as it came', () => {
    const sent = submittedResponses(values, imports);
    expect(sent).toMatchObject({
      horas_sueno: 7.5,
      nivel_estres: 3,
      material_disponible: 'Mancuernas, bandas y esterilla',
      calidad_sueno: '9',
      lesiones: 'Menisco sin terminar de curar',
      patologias: 'No',
      grasa_corporal_pct: 'unos 20',
      comidas_texto: 'Más de 6',
    });
    // The server accepts it and keeps every loose answer for review.
    const result = validateQuestionnaire(
      { _id: 's', user_id: 'u', responses: sent },
      { lang: 'es', optionalFields: 'lenient' },
    );
    expect(result.isValid).toBe(true);
    const loose = Object.fromEntries((result.data?.loose_answers ?? []).map((a) => [a.field, a.value]));
    expect(loose).toMatchObject({
      material_disponible: 'Mancuernas, bandas y esterilla',
      calidad_sueno: '9',
      lesiones: 'Menisco sin terminar de curar',
    });
  });

  it("sends the coach's value instead where they wrote one, and nothing for a removed answer", () => {
    const edited = { ...values, calidad_sueno: 4, material_disponible: ['mancuernas', 'bandas', 'trx'] };
    const sent = submittedResponses(edited, {
      answers: imported,
      decisions: { lesiones: 'dropped', material_disponible: 'kept' },
    });
    expect(sent).toMatchObject({ calidad_sueno: 4, material_disponible: ['mancuernas', 'bandas', 'trx'] });
    expect(sent).not.toHaveProperty('lesiones');
    // Removing the text keeps what the input shows: the understood part, for a partial answer.
    const dropped = submittedResponses(values, {
      answers: imported,
      decisions: { material_disponible: 'dropped' },
    });
    expect(dropped['material_disponible']).toEqual(['mancuernas', 'bandas']);
  });

  it('keeps an imported "__proto__" answer as an answer', () => {
    const raw = JSON.parse(`{"nombre_completo": "Laura", "__proto__": "x"}`) as Record<string, unknown>;
    const prepared = prepareAnswers(raw, 'es');
    const sent = submittedResponses(prepared.values, { answers: prepared.imported, decisions: {} });
    expect(Object.prototype.hasOwnProperty.call(sent, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(sent)).toBe(Object.prototype);
  });

  it('is the form as it is when nothing was imported', () => {
    expect(submittedResponses({ ...REQUIRED, horas_sueno: 7 }, NO_IMPORTED_ANSWERS)).toEqual({
      ...REQUIRED,
      horas_sueno: 7,
    });
  });
});

describe('the answers still to confirm', () => {
  const { values, imported } = prepareAnswers(ORIGINAL, 'es');

  it('are those the coach has not confirmed, replaced or removed', () => {
    const fields = (imports: ImportedAnswers, current = values) =>
      pendingAnswers(imports, current).map((answer) => answer.field);
    expect(fields({ answers: imported, decisions: {} })).toEqual([
      'material_disponible',
      'calidad_sueno',
      'lesiones',
    ]);
    expect(
      fields(
        { answers: imported, decisions: { material_disponible: 'kept', lesiones: 'dropped' } },
        { ...values, calidad_sueno: 3 },
      ),
    ).toEqual([]);
  });
});

describe('the range an implausible number is out of', () => {
  it('is written in the coach’s language, with its unit', () => {
    expect(rangeText('horas_sueno', 'es')).toBe('3–12 h');
    expect(rangeText('calidad_sueno', 'en')).toBe('1–5');
    expect(rangeText('agua_l_dia', 'es')).toBe('0–8 L');
    expect(rangeText('peso_objetivo_kg', 'es')).toBe('25–350 kg');
    expect(rangeText('lesiones', 'es')).toBeNull();
  });
});
