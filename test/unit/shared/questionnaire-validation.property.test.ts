import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALERGENOS_EU14,
  ESTADO_LESION_VALUES,
  NIVEL_EXPERIENCIA_VALUES,
  REQUIRED_RESPONSE_FIELDS,
} from '../../../src/shared/questionnaire';
import {
  ERROR_FIELD_ROOTS,
  formatValidationErrors,
  validateQuestionnaire,
  type QuestionnaireValidationResult,
} from '../../../src/shared/questionnaire-validation';

const NOW = new Date('2025-06-15T12:00:00Z');
const RUNS = { numRuns: 300 };

function expectConsistent(result: QuestionnaireValidationResult): void {
  expect(typeof result.isValid).toBe('boolean');
  expect(result.errors.length === 0).toBe(result.isValid);
  expect(result.data === null).toBe(!result.isValid);
  for (const error of result.errors) {
    expect(typeof error.field).toBe('string');
    expect(error.field.length).toBeGreaterThan(0);
    expect(ERROR_FIELD_ROOTS.some((root) => error.field === root || error.field.startsWith(`${root}.`))).toBe(
      true,
    );
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
  }
  for (const lang of ['es', 'en'] as const) {
    const text = formatValidationErrors(result.errors, lang);
    expect(text === '').toBe(result.isValid);
  }
}

const anyValue = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.constant(null), fc.object());

const randomResponses = fc.record(
  Object.fromEntries(REQUIRED_RESPONSE_FIELDS.map((field) => [field, anyValue])) as Record<
    (typeof REQUIRED_RESPONSE_FIELDS)[number],
    typeof anyValue
  >,
  { requiredKeys: [] },
);

describe('validateQuestionnaire properties', () => {
  it('never throws and stays consistent for any value', () => {
    fc.assert(
      fc.property(fc.anything(), fc.constantFrom('es' as const, 'en' as const), (input, lang) => {
        expectConsistent(validateQuestionnaire(input, { now: NOW, lang }));
      }),
      RUNS,
    );
  });

  it('never throws for documents with the right keys and random values', () => {
    const documents = fc.record(
      { _id: anyValue, user_id: anyValue, responses: fc.oneof(randomResponses, anyValue) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(documents, (input) => expectConsistent(validateQuestionnaire(input, { now: NOW }))),
      RUNS,
    );
  });

  it('never throws when random values hit the typed optional fields', () => {
    const typedKeys = [
      'parq',
      'lesiones',
      'dias_disponibles',
      'comidas_dia',
      'horario_comidas',
      'pais',
      'scoff',
    ];
    const extras = fc.dictionary(fc.constantFrom(...typedKeys), fc.oneof(anyValue, fc.array(anyValue)));
    fc.assert(
      fc.property(randomResponses, extras, (responses, extra) => {
        const result = validateQuestionnaire(
          { _id: 'a', user_id: 'b', responses: { ...responses, ...extra } },
          { now: NOW },
        );
        expectConsistent(result);
      }),
      RUNS,
    );
  });
});

// ---- generators of valid questionnaires ----

const nonBlank = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim().length > 0);
const withCase = (word: string) => fc.constantFrom(word, word.toUpperCase(), word.toLowerCase(), ` ${word} `);
const sexo = fc
  .constantFrom('Hombre', 'Mujer', 'masculino', 'Femenino', 'femenina', 'Varón', 'F', 'M', 'male', 'female')
  .chain(withCase);

/** A value in tenths within [min, max], written as a number or as original-style text. */
function measurement(min: number, max: number, unit: string) {
  return fc.integer({ min: min * 10, max: max * 10 }).chain((tenths) => {
    const value = tenths / 10;
    return fc.constantFrom<string | number>(
      value,
      String(value),
      String(value).replace('.', ','),
      ` ${String(value).replace('.', ',')} ${unit} `,
    );
  });
}

// Birthdays between ages 10 and 109 on NOW (2025-06-15); day ≤ 28 is valid in every month.
const birthDate = fc
  .record({
    year: fc.integer({ min: 1916, max: 2014 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);

const validTypedFields = fc.record(
  {
    dias_disponibles: fc.integer({ min: 1, max: 7 }),
    nivel_experiencia: fc.constantFrom(...NIVEL_EXPERIENCIA_VALUES),
    parq: fc.record({
      p1: fc.boolean(),
      p2: fc.boolean(),
      p3: fc.boolean(),
      p4: fc.boolean(),
      p5: fc.boolean(),
      p6: fc.boolean(),
      p7: fc.boolean(),
    }),
    lesiones: fc.array(
      fc.record({
        zona: nonBlank,
        estado: fc.constantFrom(...ESTADO_LESION_VALUES),
        dolor_0_10: fc.integer({ min: 0, max: 10 }),
      }),
      { maxLength: 3 },
    ),
    alergias_alimentarias: fc.uniqueArray(fc.constantFrom(...ALERGENOS_EU14)),
    comidas_dia: fc.oneof(fc.integer({ min: 2, max: 7 }), fc.string()),
    horas_sueno: fc.double({ min: 3, max: 12, noNaN: true }),
    profesion: fc.string(),
  },
  { requiredKeys: [] },
);

// Unknown keys of other systems: prefixed so they never collide with a known field.
const extraFields = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 10 }).map((key) => `x_${key}`),
  fc.jsonValue(),
  { maxKeys: 5 },
);

const validQuestionnaire = fc.record({
  _id: nonBlank,
  user_id: nonBlank,
  responses: fc
    .tuple(
      fc.record({
        nombre_completo: nonBlank,
        email: fc.emailAddress(),
        fecha_nacimiento: birthDate,
        sexo,
        peso: measurement(25, 350, 'kg'),
        altura_cm: measurement(100, 250, 'cm'),
        objetivo_fisico: nonBlank,
      }),
      validTypedFields,
      extraFields,
    )
    .map(([required, typed, extra]) => ({ ...extra, ...typed, ...required })),
});

describe('valid questionnaires', () => {
  it('are accepted, normalised, and keep their unknown fields', () => {
    fc.assert(
      fc.property(validQuestionnaire, (input) => {
        const result = validateQuestionnaire(input, { now: NOW });
        expect(result.errors).toEqual([]);
        const responses = result.data?.responses;
        expect(['Hombre', 'Mujer']).toContain(responses?.sexo);
        expect(typeof responses?.peso).toBe('number');
        expect(typeof responses?.altura_cm).toBe('number');
        for (const key of Object.keys(input.responses).filter((k) => k.startsWith('x_'))) {
          expect(responses?.[key]).toEqual(input.responses[key as keyof typeof input.responses]);
        }
      }),
      RUNS,
    );
  });
});
