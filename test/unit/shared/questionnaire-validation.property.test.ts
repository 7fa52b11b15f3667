import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALERGENOS_EU14,
  ESTADO_LESION_VALUES,
  NIVEL_EXPERIENCIA_VALUES,
  NormalizedQuestionnaireSchema,
  OptionalResponsesSchema,
  REQUIRED_RESPONSE_FIELDS,
} from '../../../src/shared/questionnaire';
import { HEALTH_FIELDS } from '../../../src/shared/loose-answers';
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

const validRequired = fc.record({
  nombre_completo: nonBlank,
  email: fc.emailAddress(),
  fecha_nacimiento: birthDate,
  sexo,
  peso: measurement(25, 350, 'kg'),
  altura_cm: measurement(100, 250, 'cm'),
  objetivo_fisico: nonBlank,
});

const validQuestionnaire = fc.record({
  _id: nonBlank,
  user_id: nonBlank,
  responses: fc
    .tuple(validRequired, validTypedFields, extraFields)
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

// ---- lenient mode: any JSON in any optional field ----

const OPTIONAL_KEYS = Object.keys(OptionalResponsesSchema.shape);
const REQUIRED_KEYS: readonly string[] = REQUIRED_RESPONSE_FIELDS;

/** Answers as other systems write them, plus any JSON at all. */
const looseValue = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom('Sí', 'No', 'Medio', '7,5 h', '1.800', 'Ninguna', 'Gimnasio completo', '7-8', '', '  '),
  fc.constantFrom('Mancuernas, bandas y esterilla', 'Menisco sin terminar de curar', '30', 'yes', 'n/a'),
  fc.dictionary(fc.constantFrom('p1', 'p3', 's2', 'zona', 'estado', 'tiene', 'cintura'), fc.jsonValue()),
  fc.array(fc.oneof(fc.string(), fc.jsonValue(), fc.record({ zona: fc.string(), estado: fc.string() }))),
);

const looseAnswers = fc
  .dictionary(fc.oneof(fc.constantFrom(...OPTIONAL_KEYS), fc.string({ maxLength: 12 })), looseValue, {
    maxKeys: 10,
  })
  .map((answers) =>
    Object.fromEntries(Object.entries(answers).filter(([key]) => !REQUIRED_KEYS.includes(key))),
  );

const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';

/** Same JSON content, whatever the prototypes and key order (zod returns plain, reordered objects). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const [left, right] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameJson(left[key], right[key]))
  );
}

describe('lenient mode (the default)', () => {
  it('never refuses or throws for any JSON value in any optional field, and nothing is lost', () => {
    fc.assert(
      fc.property(validRequired, looseAnswers, (required, answers) => {
        const input = { _id: 'a', user_id: 'b', responses: { ...answers, ...required } };
        const result = validateQuestionnaire(input, { now: NOW });
        expect(result.errors).toEqual([]);
        const data = result.data;
        expect(NormalizedQuestionnaireSchema.safeParse(data).success).toBe(true);
        const responses = (data?.responses ?? {}) as Record<string, unknown>;
        for (const [key, value] of Object.entries(answers)) {
          const entry = data?.loose_answers.find((candidate) => candidate.field === key);
          const typed = Object.prototype.hasOwnProperty.call(responses, key);
          if (key === '__proto__') {
            // The one name a parsed object cannot hold as a key: kept in loose_answers.
            expect(entry?.value).toBe(value);
          } else if (!OPTIONAL_KEYS.includes(key)) {
            // Unknown keys keep any JSON value, untouched.
            expect(responses[key]).toEqual(value);
          } else {
            // A known answer stays typed or is kept verbatim; only a cleared one ("", "  ") goes.
            if (!typed && !blank(value)) expect(entry?.value).toBe(value);
            // A health answer that was changed in any way keeps its verbatim.
            if (HEALTH_FIELDS.has(key) && typed && !sameJson(responses[key], value)) {
              expect(entry?.value).toBe(value);
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('strict mode stays consistent (errors or typed data, never both) for the same answers', () => {
    fc.assert(
      fc.property(validRequired, looseAnswers, (required, answers) => {
        const input = { _id: 'a', user_id: 'b', responses: { ...answers, ...required } };
        const result = validateQuestionnaire(input, { now: NOW, optionalFields: 'strict' });
        expectConsistent(result);
        // Every known answer fits when strict mode accepts; only `__proto__` cannot be a key.
        for (const entry of result.data?.loose_answers ?? []) expect(entry.field).toBe('__proto__');
      }),
      RUNS,
    );
  });
});
