import { describe, expect, it } from 'vitest';
import { REQUIRED_RESPONSE_FIELDS } from '../../../src/shared/questionnaire';
import {
  ageInYears,
  formatValidationErrors,
  normalizeSexo,
  parseCalendarDate,
  parseMeasurement,
  VALIDATION_ERROR_REASON,
  validateQuestionnaire,
  type QuestionnaireError,
} from '../../../src/shared/questionnaire-validation';

const NOW = new Date('2025-06-15T12:00:00Z');

const baseResponses = {
  nombre_completo: ' Lucía Pérez ',
  email: 'lucia@example.com',
  fecha_nacimiento: '1990-05-12',
  sexo: 'Mujer',
  peso: '78,5',
  altura_cm: '165',
  objetivo_fisico: 'Perder grasa',
  profesion: 'Enfermera',
  entrenado_gimnasio: 'Sí, 3 años',
  dias_semana_entrenar: '4-5 días',
  campo_desconocido: { anidado: [1, 2, 3] },
};

function doc(responses: Record<string, unknown> = {}, top: Record<string, unknown> = {}) {
  return { _id: 'sub-1', user_id: 'user-1', responses: { ...baseResponses, ...responses }, ...top };
}

function without(field: string, responses: Record<string, unknown> = baseResponses) {
  const copy = Object.fromEntries(Object.entries(responses).filter(([name]) => name !== field));
  return { _id: 'sub-1', user_id: 'user-1', responses: copy };
}

const validate = (input: unknown, lang: 'es' | 'en' = 'es') =>
  validateQuestionnaire(input, { now: NOW, lang });

/** The app's own form: typed optional answers are checked per field. */
const validateStrict = (input: unknown, lang: 'es' | 'en' = 'es') =>
  validateQuestionnaire(input, { now: NOW, lang, optionalFields: 'strict' });

function errorsFor(input: unknown): Pick<QuestionnaireError, 'field' | 'code'>[] {
  return validate(input).errors.map(({ field, code }) => ({ field, code }));
}

function strictErrorsFor(input: unknown): Pick<QuestionnaireError, 'field' | 'code'>[] {
  return validateStrict(input).errors.map(({ field, code }) => ({ field, code }));
}

describe('validateQuestionnaire: valid original-format submission', () => {
  it('accepts it and returns normalised data with extras preserved', () => {
    const input = doc({}, { submitted_at: NOW, plan_generated: false, plan_id: null, origen: 'web' });
    const result = validate(input);
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
    expect(result.data?.responses).toMatchObject({
      nombre_completo: 'Lucía Pérez',
      sexo: 'Mujer',
      peso: 78.5,
      altura_cm: 165,
      fecha_nacimiento: '1990-05-12',
      profesion: 'Enfermera',
      entrenado_gimnasio: 'Sí, 3 años',
      dias_semana_entrenar: '4-5 días',
      campo_desconocido: { anidado: [1, 2, 3] },
    });
    expect(result.data).toMatchObject({ _id: 'sub-1', user_id: 'user-1', origen: 'web', plan_id: null });
    expect(result.data?.['submitted_at']).toEqual(NOW);
  });

  it('does not modify the input document', () => {
    const input = doc();
    const before = structuredClone(input);
    validate(input);
    expect(input).toEqual(before);
  });

  it('accepts a minor (screening handles minors later) and typed optional fields', () => {
    const result = validate(
      doc({
        fecha_nacimiento: '2010-01-01',
        dias_disponibles: 4,
        parq: { p1: false, p2: false, p3: false, p4: false, p5: false, p6: false, p7: false },
        lesiones: [{ zona: 'rodilla', estado: 'recuperada' }],
        comidas_dia: 'Más de 6',
        pecho_cm: null,
      }),
    );
    expect(result.errors).toEqual([]);
    expect(result.data?.responses.dias_disponibles).toBe(4);
  });

  it('uses the current time when no `now` is given or it is not a valid date', () => {
    expect(validateQuestionnaire(doc()).isValid).toBe(true);
    expect(validateQuestionnaire(doc(), { now: new Date('nope') }).isValid).toBe(true);
    expect(validateQuestionnaire(doc({ fecha_nacimiento: '2999-01-01' })).errors[0]?.code).toBe(
      'future_date',
    );
  });
});

describe('required fields', () => {
  it.each(REQUIRED_RESPONSE_FIELDS)('reports %s when absent, null, empty or whitespace', (field) => {
    for (const input of [
      without(field),
      doc({ [field]: null }),
      doc({ [field]: '' }),
      doc({ [field]: '   ' }),
    ]) {
      const result = validate(input);
      expect(result.isValid).toBe(false);
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ field: `responses.${field}`, code: 'missing' });
      expect(result.errors[0]?.message).toContain(field);
    }
  });

  it('groups several missing fields on one formatter line, in the required order', () => {
    const responses: Record<string, unknown> = { ...baseResponses };
    delete responses['peso'];
    delete responses['nombre_completo'];
    delete responses['sexo'];
    const { errors } = validate({ _id: 'a', user_id: 'b', responses });
    const lines = formatValidationErrors(errors).split('\n');
    const missingLines = lines.filter((line) => line.startsWith('• Campos requeridos ausentes'));
    expect(missingLines).toEqual(['• Campos requeridos ausentes: nombre_completo, sexo, peso']);
  });

  it('reports non-text values of text fields as invalid_type', () => {
    expect(errorsFor(doc({ nombre_completo: 42, objetivo_fisico: ['x'] }))).toEqual([
      { field: 'responses.nombre_completo', code: 'invalid_type' },
      { field: 'responses.objetivo_fisico', code: 'invalid_type' },
    ]);
  });
});

describe('fecha_nacimiento', () => {
  it.each([
    ['2023-02-30', 'invalid_date'],
    ['1990-13-01', 'invalid_date'],
    ['12/05/1990', 'invalid_date'],
    ['1990-5-12', 'invalid_date'],
    ['ayer', 'invalid_date'],
    ['2030-01-01', 'future_date'],
    ['2025-06-16', 'future_date'],
    ['2025-06-15', 'out_of_range'],
    ['2015-06-16', 'out_of_range'],
    ['1900-01-01', 'out_of_range'],
    [19900512, 'invalid_type'],
  ])('%s → %s', (value, code) => {
    expect(errorsFor(doc({ fecha_nacimiento: value }))).toEqual([
      { field: 'responses.fecha_nacimiento', code },
    ]);
  });

  it.each(['2015-06-15', '2000-02-29', '1915-06-16', ' 1990-05-12 '])('%s is valid', (value) => {
    expect(validate(doc({ fecha_nacimiento: value })).isValid).toBe(true);
  });

  it('explains an implausible age', () => {
    const [error] = validate(doc({ fecha_nacimiento: '2020-01-01' })).errors;
    expect(error?.message).toBe(
      'fecha_nacimiento: se esperaba una fecha de nacimiento que dé una edad entre 10 y 110 años; recibido "2020-01-01" (edad 5 años)',
    );
  });
});

describe('sexo', () => {
  it.each([
    ['Mujer', 'Mujer'],
    ['mujer', 'Mujer'],
    ['MUJER', 'Mujer'],
    ['Femenino', 'Mujer'],
    ['femenina', 'Mujer'],
    ['F', 'Mujer'],
    ['f', 'Mujer'],
    ['female', 'Mujer'],
    ['Woman', 'Mujer'],
    [' mujer. ', 'Mujer'],
    ['Hombre', 'Hombre'],
    ['hombre', 'Hombre'],
    ['HOMBRE', 'Hombre'],
    ['masculino', 'Hombre'],
    ['Varón', 'Hombre'],
    ['varon', 'Hombre'],
    ['VARÓN', 'Hombre'],
    ['M', 'Hombre'],
    ['m', 'Hombre'],
    ['H', 'Hombre'],
    ['male', 'Hombre'],
  ])('%s → %s', (value, expected) => {
    const result = validate(doc({ sexo: value }));
    expect(result.errors).toEqual([]);
    expect(result.data?.responses.sexo).toBe(expected);
  });

  it.each([
    ['otro', 'invalid_value'],
    ['hombre/mujer', 'invalid_value'],
    ['x', 'invalid_value'],
    [1, 'invalid_type'],
    [true, 'invalid_type'],
  ])('%s → %s', (value, code) => {
    expect(errorsFor(doc({ sexo: value }))).toEqual([{ field: 'responses.sexo', code }]);
  });
});

describe('peso and altura_cm', () => {
  it.each([
    ['78', 78],
    ['78.5', 78.5],
    ['78,5', 78.5],
    [78.5, 78.5],
    [' 78,5 kg ', 78.5],
    ['78 KG', 78],
    ['78kg.', 78],
    ['25', 25],
    [350, 350],
  ])('peso %j → %d', (value, expected) => {
    const result = validate(doc({ peso: value }));
    expect(result.errors).toEqual([]);
    expect(result.data?.responses.peso).toBe(expected);
  });

  it.each([
    ['-3', 'out_of_range'],
    ['0', 'out_of_range'],
    [0, 'out_of_range'],
    ['24,9', 'out_of_range'],
    ['350.1', 'out_of_range'],
    ['1000', 'out_of_range'],
    ['abc', 'invalid_number'],
    ['setenta', 'invalid_number'],
    ['78,5,3', 'invalid_number'],
    ['78 cm', 'invalid_number'],
    [Number.NaN, 'invalid_number'],
    [Number.POSITIVE_INFINITY, 'invalid_number'],
    [true, 'invalid_type'],
    [{ kg: 78 }, 'invalid_type'],
  ])('peso %j → %s', (value, code) => {
    expect(errorsFor(doc({ peso: value }))).toEqual([{ field: 'responses.peso', code }]);
  });

  it('names the field, the expectation and the value', () => {
    expect(validate(doc({ peso: 'setenta' })).errors[0]?.message).toBe(
      'peso: se esperaba un número positivo en kg (p. ej. 78,5); recibido "setenta"',
    );
    expect(validate(doc({ peso: '1000' })).errors[0]?.message).toBe(
      'peso: se esperaba un número entre 25 y 350 kg; recibido "1000"',
    );
    expect(validate(doc({ peso: 'setenta' }), 'en').errors[0]?.message).toBe(
      'peso: expected a positive number in kg (e.g. 78.5); received "setenta"',
    );
  });

  it.each([
    ['172', 172],
    ['172 cm', 172],
    ['172,5', 172.5],
    [172, 172],
    ['100', 100],
  ])('altura_cm %j → %d', (value, expected) => {
    expect(validate(doc({ altura_cm: value })).data?.responses.altura_cm).toBe(expected);
  });

  it.each([
    ['1,72', 'out_of_range'],
    ['99', 'out_of_range'],
    ['251', 'out_of_range'],
    ['-170', 'out_of_range'],
    ['alto', 'invalid_number'],
  ])('altura_cm %j → %s', (value, code) => {
    expect(errorsFor(doc({ altura_cm: value }))).toEqual([{ field: 'responses.altura_cm', code }]);
  });
});

describe('email', () => {
  it.each(['no-es-email', 'a@b', 'a @b.com', 'a@b..com', '@example.com', 'ana@', `${'a'.repeat(250)}@b.com`])(
    '%s is invalid',
    (email) => {
      expect(errorsFor(doc({ email }))).toEqual([{ field: 'responses.email', code: 'invalid_email' }]);
    },
  );

  it('trims a valid address', () => {
    expect(validate(doc({ email: ' ana.garcia+edn@correo.es ' })).data?.responses.email).toBe(
      'ana.garcia+edn@correo.es',
    );
  });
});

describe('document shape', () => {
  it.each([
    ['missing', { _id: 'a', user_id: 'b' }, 'missing'],
    ['null', { _id: 'a', user_id: 'b', responses: null }, 'missing'],
    ['an array', { _id: 'a', user_id: 'b', responses: [] }, 'invalid_type'],
    ['a string', { _id: 'a', user_id: 'b', responses: 'peso: 78' }, 'invalid_type'],
  ])('responses %s → %s', (_label, input, code) => {
    expect(errorsFor(input)).toEqual([{ field: 'responses', code }]);
  });

  it('reports an empty responses object and every required field', () => {
    const errors = errorsFor({ _id: 'a', user_id: 'b', responses: {} });
    expect(errors[0]).toEqual({ field: 'responses', code: 'empty' });
    expect(errors.slice(1)).toEqual(
      REQUIRED_RESPONSE_FIELDS.map((field) => ({ field: `responses.${field}`, code: 'missing' })),
    );
  });

  it.each([null, undefined, 42, 'x', [], [doc()], true, new Date()])(
    'document %j is not an object',
    (input) => {
      const result = validate(input);
      expect(result).toMatchObject({ isValid: false, data: null });
      expect(result.errors.map(({ field, code }) => ({ field, code }))).toEqual([
        { field: 'document', code: 'invalid_type' },
      ]);
    },
  );

  it('requires _id and user_id as non-empty strings', () => {
    expect(errorsFor({ responses: baseResponses })).toEqual([
      { field: '_id', code: 'missing' },
      { field: 'user_id', code: 'missing' },
    ]);
    expect(errorsFor({ _id: 7, user_id: ' ', responses: baseResponses })).toEqual([
      { field: '_id', code: 'invalid_type' },
      { field: 'user_id', code: 'missing' },
    ]);
  });

  it('never throws, even when reading the document throws', () => {
    const responses = { ...baseResponses };
    Object.defineProperty(responses, 'peso', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const result = validate({ _id: 'a', user_id: 'b', responses });
    expect(result.isValid).toBe(false);
    expect(result.errors).toEqual([
      { field: 'document', code: 'internal', message: 'documento: no se pudo validar (boom)' },
    ]);
  });
});

describe("strict mode (the app's form): typed optional fields report nested paths", () => {
  const parq = { p1: false, p2: false, p3: false, p4: false, p5: false, p6: false, p7: false };

  const week = ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'];
  /** What the default (lenient) mode makes of the same answer: its typed value and/or its entry. */
  type Lenient = { typed?: unknown; loose?: string };

  it.each<[Record<string, unknown>, string, string, Lenient]>([
    [
      { parq: { ...parq, p3: 'si' } },
      'responses.parq.p3',
      'invalid_type',
      { typed: { ...parq, p3: true }, loose: 'normalised' },
    ],
    [{ parq: { ...parq, p5: undefined } }, 'responses.parq.p5', 'missing', { loose: 'partly_understood' }],
    [
      { lesiones: [{ zona: 'rodilla', estado: 'curada' }] },
      'responses.lesiones.0.estado',
      'invalid_value',
      { typed: [{ zona: 'rodilla', estado: 'recuperada' }], loose: 'normalised' },
    ],
    [
      { lesiones: [{ zona: ' ', estado: 'activa' }] },
      'responses.lesiones.0.zona',
      'missing',
      { loose: 'kept_as_text' },
    ],
    [
      { lesiones: [{ zona: 'hombro', estado: 'activa', dolor_0_10: 11 }] },
      'responses.lesiones.0.dolor_0_10',
      'out_of_range',
      { typed: [{ zona: 'hombro', estado: 'activa' }], loose: 'partly_understood' },
    ],
    [{ dias_disponibles: 8 }, 'responses.dias_disponibles', 'out_of_range', { loose: 'implausible' }],
    [{ dias_disponibles: 3.5 }, 'responses.dias_disponibles', 'invalid_type', { loose: 'implausible' }],
    [{ dias_disponibles: '3' }, 'responses.dias_disponibles', 'invalid_type', { typed: 3 }],
    [
      { alergias_alimentarias: ['gluten', 'marisco'] },
      'responses.alergias_alimentarias.1',
      'invalid_value',
      { typed: ['gluten', 'crustaceos', 'moluscos'], loose: 'normalised' },
    ],
    [
      { horario_comidas: { desayuno: '8h' } },
      'responses.horario_comidas.desayuno',
      'invalid_value',
      { typed: { desayuno: '08:00' } },
    ],
    [
      { autorizacion_medica: { tiene: true, fecha: '2023-02-30' } },
      'responses.autorizacion_medica.fecha',
      'invalid_date',
      { typed: { tiene: true }, loose: 'partly_understood' },
    ],
    [{ comidas_dia: 9 }, 'responses.comidas_dia', 'out_of_range', { loose: 'implausible' }],
    [{ comidas_dia: true }, 'responses.comidas_dia', 'invalid_type', { loose: 'kept_as_text' }],
    [{ pais: 'España' }, 'responses.pais', 'invalid_value', { loose: 'kept_as_text' }],
    [{ dias_semana: [...week, 'lunes'] }, 'responses.dias_semana', 'out_of_range', { typed: week }],
    [{ profesion: 42 }, 'responses.profesion', 'invalid_type', { typed: '42' }],
  ])('%j → %s (%s)', (responses, field, code, lenient) => {
    expect(strictErrorsFor(doc(responses))).toEqual([{ field, code }]);
    // The default mode accepts the same answer: typed where certain, kept for review otherwise.
    const result = validate(doc(responses));
    expect(result.errors).toEqual([]);
    const key = field.split('.')[1] ?? '';
    expect(result.data?.responses[key]).toEqual(lenient.typed);
    const entries = result.data?.loose_answers.filter((entry) => entry.field === key) ?? [];
    expect(entries.map((entry) => entry.reason)).toEqual(lenient.loose ? [lenient.loose] : []);
    for (const entry of entries) expect(entry.value).toEqual(responses[key]);
  });

  it('writes messages that name the field and the accepted values', () => {
    const message = (responses: Record<string, unknown>, lang: 'es' | 'en' = 'es') =>
      validateStrict(doc(responses), lang).errors[0]?.message;
    expect(message({ dias_disponibles: 8 })).toBe(
      'dias_disponibles: se esperaba un número entero entre 1 y 7; recibido 8',
    );
    expect(message({ dias_disponibles: 8 }, 'en')).toBe(
      'dias_disponibles: expected a whole number between 1 and 7; received 8',
    );
    expect(message({ parq: { ...parq, p3: 'si' } })).toBe(
      'parq.p3: se esperaba sí/no (true o false); recibido "si"',
    );
    expect(message({ parq: { ...parq, p5: undefined } })).toBe(
      'parq.p5: falta este campo obligatorio; se esperaba sí/no (true o false)',
    );
    expect(message({ lesiones: [{ zona: 'rodilla', estado: 'curada' }] })).toBe(
      'lesiones.0.estado: se esperaba uno de: activa, cronica, recuperada; recibido "curada"',
    );
    expect(message({ horario_comidas: { desayuno: '8h' } })).toBe(
      'horario_comidas.desayuno: se esperaba una hora con formato HH:MM (p. ej. 08:30); recibido "8h"',
    );
    expect(message({ comidas_dia: true })).toBe(
      'comidas_dia: se esperaba un número entero entre 2 y 7 o un texto; recibido true',
    );
    expect(message({ agua_l_dia: 9.5 })).toBe(
      'agua_l_dia: se esperaba un número entre 0 y 8 L; recibido 9.5',
    );
    expect(message({ agua_l_dia: 9.5 }, 'en')).toBe(
      'agua_l_dia: expected a number between 0 and 8 L; received 9.5',
    );
  });

  it('reports every problem at once, required fields first', () => {
    expect(strictErrorsFor(doc({ peso: 'abc', dias_disponibles: 0, tabaco: 'mucho' }))).toEqual([
      { field: 'responses.peso', code: 'invalid_number' },
      { field: 'responses.dias_disponibles', code: 'out_of_range' },
      { field: 'responses.tabaco', code: 'invalid_value' },
    ]);
  });
});

describe('formatValidationErrors', () => {
  const input = {
    _id: 'sub-1',
    user_id: 'user-1',
    responses: {
      email: 'lucia@example.com',
      fecha_nacimiento: '2023-02-30',
      sexo: 'otro',
      altura_cm: '165',
      objetivo_fisico: 'Perder grasa',
    },
  };

  it('produces the original message in Spanish', () => {
    const { errors } = validateQuestionnaire(input, { now: NOW });
    expect(formatValidationErrors(errors)).toBe(
      [
        '❌ FORMATO DE CUESTIONARIO INVÁLIDO:',
        '• Campos requeridos ausentes: nombre_completo, peso',
        '• fecha_nacimiento: se esperaba una fecha real con formato YYYY-MM-DD (p. ej. 1990-05-12); recibido "2023-02-30"',
        '• sexo: se esperaba "Hombre" o "Mujer"; recibido "otro"',
        '',
        '📋 FORMATO ESPERADO:',
        '{',
        '  "_id": "<id del cuestionario>",',
        '  "user_id": "<id del cliente>",',
        '  "responses": {',
        '    "nombre_completo": "<texto>",',
        '    "email": "<email>",',
        '    "fecha_nacimiento": "YYYY-MM-DD",',
        '    "sexo": "Hombre|Mujer",',
        '    "peso": <kg, p. ej. 78.5 o "78,5">,',
        '    "altura_cm": <cm, p. ej. 172 o "172">,',
        '    "objetivo_fisico": "<texto>",',
        '    ...',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('produces the same structure in English', () => {
    const { errors } = validateQuestionnaire(input, { now: NOW, lang: 'en' });
    expect(formatValidationErrors(errors, 'en')).toBe(
      [
        '❌ INVALID QUESTIONNAIRE FORMAT:',
        '• Missing required fields: nombre_completo, peso',
        '• fecha_nacimiento: expected a real calendar date formatted YYYY-MM-DD (e.g. 1990-05-12); received "2023-02-30"',
        '• sexo: expected "Hombre" (male) or "Mujer" (female); received "otro"',
        '',
        '📋 EXPECTED FORMAT:',
        '{',
        '  "_id": "<questionnaire id>",',
        '  "user_id": "<client id>",',
        '  "responses": {',
        '    "nombre_completo": "<text>",',
        '    "email": "<email>",',
        '    "fecha_nacimiento": "YYYY-MM-DD",',
        '    "sexo": "Hombre|Mujer",',
        '    "peso": <kg, e.g. 78.5 or "78,5">,',
        '    "altura_cm": <cm, e.g. 172 or "172">,',
        '    "objetivo_fisico": "<text>",',
        '    ...',
        '  }',
        '}',
      ].join('\n'),
    );
  });

  it('groups missing document fields with missing answers and keeps other lines', () => {
    const { errors } = validate({
      user_id: 'u',
      responses: { ...baseResponses, nombre_completo: '', peso: '0' },
    });
    const lines = formatValidationErrors(errors).split('\n').slice(0, 3);
    expect(lines).toEqual([
      '❌ FORMATO DE CUESTIONARIO INVÁLIDO:',
      '• Campos requeridos ausentes: _id, nombre_completo',
      '• peso: se esperaba un número entre 25 y 350 kg; recibido "0"',
    ]);
  });

  it('lists an empty responses object once plus every required field', () => {
    const { errors } = validate({ _id: 'a', user_id: 'b', responses: {} });
    const lines = formatValidationErrors(errors).split('\n').slice(1, 3);
    expect(lines).toEqual([
      `• Campos requeridos ausentes: ${REQUIRED_RESPONSE_FIELDS.join(', ')}`,
      '• responses: se esperaba un objeto con las respuestas del cuestionario; recibido un objeto vacío',
    ]);
  });

  it('returns an empty string when there is nothing to report', () => {
    expect(formatValidationErrors([])).toBe('');
  });

  it('is stored with the original error reason', () => {
    expect(VALIDATION_ERROR_REASON).toBe('validation_error');
  });
});

describe('helpers', () => {
  it('normalizeSexo ignores case, accents and spacing', () => {
    expect(normalizeSexo('  FEMENINO ')).toBe('Mujer');
    expect(normalizeSexo('Varón')).toBe('Hombre');
    expect(normalizeSexo('no binario')).toBeNull();
  });

  it('parseMeasurement accepts decimal comma/point and the unit', () => {
    expect(parseMeasurement('1,5 L', 'l')).toBe(1.5);
    expect(parseMeasurement('+80', 'kg')).toBe(80);
    expect(parseMeasurement('8O', 'kg')).toBeNull();
    expect(parseMeasurement('', 'kg')).toBeNull();
  });

  it('parseCalendarDate knows leap years', () => {
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('2023-02-29')).toBeNull();
    expect(parseCalendarDate('2023-04-31')).toBeNull();
    expect(parseCalendarDate('2023-00-10')).toBeNull();
  });

  it('ageInYears counts whole years by birthday', () => {
    const birth = { year: 2000, month: 6, day: 15 };
    expect(ageInYears(birth, new Date('2025-06-14T23:59:59Z'))).toBe(24);
    expect(ageInYears(birth, new Date('2025-06-15T00:00:00Z'))).toBe(25);
  });
});
