import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NormalizedQuestionnaireSchema,
  OptionalResponsesSchema,
  TYPED_NUMBER_RANGES,
  type LooseAnswer,
  type NormalizedQuestionnaire,
} from '../../../src/shared/questionnaire';
import { validateQuestionnaire } from '../../../src/shared/questionnaire-validation';
import { FIELD_SPECS, HEALTH_FIELDS } from '../../../src/shared/loose-answers';
import { ANSWER_WORDS, SCALE_WORDS, valuesForPhrase } from '../../../src/shared/loose-answers/lexicon';
import { fold } from '../../../src/shared/loose-answers/text';
import { answersFor } from '../../../src/main/pipeline/agents/select-helpers';
import { checkQuestionnaireAnswers } from '../../../src/main/application/questionnaires';
import { IPC_CONTRACT } from '../../../src/shared/ipc-contract';

const NOW = new Date('2025-06-15T12:00:00Z');

const REQUIRED = {
  nombre_completo: 'Lucía Pérez',
  email: 'lucia@example.com',
  fecha_nacimiento: '1990-05-12',
  sexo: 'Mujer',
  peso: '64,5',
  altura_cm: '167',
  objetivo_fisico: 'Perder grasa',
};

function lenient(extra: Record<string, unknown>, lang: 'es' | 'en' = 'es') {
  return validateQuestionnaire(
    { _id: 's', user_id: 'u', responses: { ...REQUIRED, ...extra } },
    { now: NOW, lang },
  );
}

/** The validated questionnaire; fails the test when the submission was refused. */
function data(extra: Record<string, unknown>, lang: 'es' | 'en' = 'es'): NormalizedQuestionnaire {
  const result = lenient(extra, lang);
  expect(result.errors).toEqual([]);
  if (!result.data) throw new Error('refused');
  return result.data;
}

function typed(field: string, value: unknown): unknown {
  return (data({ [field]: value }).responses as Record<string, unknown>)[field];
}

function entryFor(field: string, value: unknown, lang: 'es' | 'en' = 'es'): LooseAnswer | undefined {
  return data({ [field]: value }, lang).loose_answers.find((entry) => entry.field === field);
}

/** The typed value and the loose entry's reason (undefined when there is none). */
function outcome(field: string, value: unknown): [unknown, string | undefined] {
  const result = data({ [field]: value });
  return [
    (result.responses as Record<string, unknown>)[field],
    result.loose_answers.find((entry) => entry.field === field)?.reason,
  ];
}

describe('the issue 12 submission (original format, loose typed keys)', () => {
  const answers = {
    material_disponible: 'Gimnasio completo',
    horas_sueno: '7',
    nivel_estres: 'Medio',
  };

  it('is accepted in the default mode and read where certain', () => {
    const result = data(answers);
    expect(result.responses.horas_sueno).toBe(7);
    expect(result.responses.nivel_estres).toBe(3);
    // A place, not a list of equipment: kept verbatim, out of the typed key.
    expect(result.responses.material_disponible).toBeUndefined();
    expect(result.loose_answers).toEqual([
      {
        field: 'material_disponible',
        value: 'Gimnasio completo',
        reason: 'kept_as_text',
        expected:
          'una lista con valores de: barra, discos, rack, banco, mancuernas, kettlebell, poleas, maquinas, bandas, barra_dominadas, trx, ninguno',
      },
    ]);
    expect(NormalizedQuestionnaireSchema.safeParse(result).success).toBe(true);
  });

  it('is refused field by field in strict mode (the app form), exactly as before', () => {
    const result = validateQuestionnaire(
      { _id: 's', user_id: 'u', responses: { ...REQUIRED, ...answers } },
      { now: NOW, optionalFields: 'strict' },
    );
    expect(result.isValid).toBe(false);
    expect(result.errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'responses.material_disponible', code: 'invalid_type' },
      { field: 'responses.horas_sueno', code: 'invalid_type' },
      { field: 'responses.nivel_estres', code: 'invalid_type' },
    ]);
  });

  it('words `expected` in the requested language', () => {
    expect(entryFor('horas_sueno', '30 h')?.expected).toBe('un número entre 3 y 12 h');
    expect(entryFor('horas_sueno', '30 h', 'en')?.expected).toBe('a number between 3 and 12 h');
    expect(entryFor('material_disponible', 'Gimnasio completo', 'en')?.expected).toMatch(
      /^a list of values from: barra, discos/,
    );
    expect(entryFor('parq', 'no sé', 'en')?.expected).toBe(
      'an object {p1, p2, p3, p4, p5, p6, p7} of yes/no (true or false)',
    );
    expect(entryFor('lesiones', 'Menisco', 'es')?.expected).toBe(
      'una lista de objetos {zona, descripcion, estado, dolor_0_10, diagnostico_medico, fecha}',
    );
  });
});

describe('the IPC check (validateQuestionnaire channel, used by other clients too)', () => {
  const responses = { ...REQUIRED, horas_sueno: '7', nivel_estres: 'Medio' };
  const check = (args: unknown) =>
    checkQuestionnaireAnswers(IPC_CONTRACT.validateQuestionnaire.args.parse(args));

  it('is lenient unless the caller asks for strict', () => {
    expect(check({ responses })).toMatchObject({ is_valid: true, errors: [], message: '' });
    expect(check({ responses, mode: 'lenient' }).is_valid).toBe(true);
    const strict = check({ responses, mode: 'strict', lang: 'en' });
    expect(strict.is_valid).toBe(false);
    expect(strict.errors.map((error) => error.field)).toEqual([
      'responses.horas_sueno',
      'responses.nivel_estres',
    ]);
    expect(strict.message).toContain('horas_sueno: expected a number between 3 and 12 h; received "7"');
  });

  it('refuses an unknown mode by name', () => {
    expect(IPC_CONTRACT.validateQuestionnaire.args.safeParse({ responses, mode: 'loose' }).success).toBe(
      false,
    );
  });
});

describe('the original sample', () => {
  it('validates in the default mode with nothing left loose', () => {
    const sample: unknown = JSON.parse(
      readFileSync(join(__dirname, '../../../resources/samples/cuestionario-original.json'), 'utf8'),
    );
    const result = validateQuestionnaire(sample, { now: NOW });
    expect(result.errors).toEqual([]);
    expect(result.data?.responses).toMatchObject({ peso: 64.5, altura_cm: 167, sexo: 'Mujer' });
    expect(result.data?.loose_answers).toEqual([]);
  });
});

describe('numbers written as text', () => {
  it.each<[string, unknown, number]>([
    ['horas_sueno', '7', 7],
    ['horas_sueno', '7,5 h', 7.5],
    ['horas_sueno', '7.5 horas', 7.5],
    ['horas_sueno', ' 8 horas por noche ', 8],
    ['horas_sueno', '7h', 7],
    ['peso_objetivo_kg', '78 kg', 78],
    ['peso_objetivo_kg', '70,5 kilos', 70.5],
    // One separator and three digits: the reading inside the field's range wins.
    ['peso_objetivo_kg', '70.500', 70.5],
    ['agua_l_dia', '1.500', 1.5],
    ['agua_l_dia', '2 litros', 2],
    ['agua_l_dia', '1,5 l/día', 1.5],
    // Whole-number fields: a three-digit group is thousands (Spanish "8.000").
    ['pasos_diarios', '8.000', 8000],
    ['pasos_diarios', '8.000 pasos', 8000],
    ['pasos_diarios', '12,345', 12345],
    ['pasos_diarios', '8 000 pasos al día', 8000],
    ['cafeina_mg_dia', '200 mg', 200],
    ['cafeina_mg_dia', '1.234,5 mg', 1234.5],
    ['cafeina_mg_dia', 'Nada', 0],
    ['alcohol_unidades_semana', 'No bebo', 0],
    ['alcohol_unidades_semana', 'none', 0],
    ['dias_disponibles', '4', 4],
    ['dias_disponibles', '4 días a la semana', 4],
    ['dias_disponibles', '3 days a week', 3],
    ['duracion_sesion_min', "60'", 60],
    ['duracion_sesion_min', '45 minutos', 45],
    ['grasa_corporal_pct', '18 %', 18],
    ['grasa_corporal_pct', '18,5%', 18.5],
    ['plazo_semanas', '12 semanas', 12],
    ['anos_entrenando_fuerza', '3 años', 3],
    ['tiempo_cocina_min', '30 min', 30],
    ['calidad_sueno', '4/5', 4],
    ['nivel_estres', '2 de 5', 2],
    ['nivel_estres', 4, 4],
  ])('%s %j → %d (no entry)', (field, value, expected) => {
    expect(outcome(field, value)).toEqual([expected, undefined]);
  });

  it.each<[string, unknown]>([
    // Ranges, approximations, conversions and ambiguous groups are not certain.
    ['horas_sueno', '7-8'],
    ['horas_sueno', '7 a 8 horas'],
    ['horas_sueno', 'unos 7'],
    ['horas_sueno', 'más de 6'],
    ['horas_sueno', 'poco'],
    ['dias_disponibles', '3-4'],
    ['duracion_sesion_min', '1 hora'],
    ['cafeina_mg_dia', ' 1.800 '],
    ['cafeina_mg_dia', '2 cafés'],
    ['calidad_sueno', '7/10'],
    ['pasos_diarios', 'muchos'],
    ['horas_sueno', true],
    ['horas_sueno', ['7']],
  ])('%s %j is kept as text', (field, value) => {
    expect(outcome(field, value)).toEqual([undefined, 'kept_as_text']);
    expect(entryFor(field, value)?.value).toEqual(value);
  });
});

describe('implausible values are kept and flagged', () => {
  it.each<[string, unknown, unknown]>([
    ['horas_sueno', '30', 30],
    ['horas_sueno', 30, 30],
    ['horas_sueno', '30 horas', 30],
    ['peso_objetivo_kg', '900 kg', 900],
    ['peso_objetivo_kg', 900, 900],
    ['dias_disponibles', 9, 9],
    ['dias_disponibles', '3,5', 3.5],
    ['pasos_diarios', '1.234.567', 1234567],
    ['nivel_estres', '8', 8],
    ['comidas_dia', 12, 12],
    ['agua_l_dia', '-1', -1],
  ])('%s %j', (field, value, understood) => {
    const result = data({ [field]: value });
    expect((result.responses as Record<string, unknown>)[field]).toBeUndefined();
    expect(result.loose_answers).toEqual([
      expect.objectContaining({ field, value, reason: 'implausible', understood }),
    ]);
  });

  it('flags "1.800" hours without choosing between 1.8 and 1800 (neither fits)', () => {
    const entry = entryFor('horas_sueno', '1.800');
    expect(entry).toMatchObject({ reason: 'implausible', value: '1.800' });
    expect(entry).not.toHaveProperty('understood');
  });
});

describe('scale and level words (resources/lexicons/scale-words.json)', () => {
  it.each<[string, string, unknown]>([
    ['nivel_estres', 'Muy bajo', 1],
    ['nivel_estres', 'Bajo', 2],
    ['nivel_estres', 'low', 2],
    ['nivel_estres', 'Medio', 3],
    ['nivel_estres', 'normal', 3],
    ['nivel_estres', 'REGULAR', 3],
    ['nivel_estres', 'Alto', 4],
    ['nivel_estres', 'bastante', 4],
    ['nivel_estres', 'muy alto', 5],
    ['nivel_estres', 'Very high', 5],
    ['calidad_sueno', 'Muy mala', 1],
    ['calidad_sueno', 'mala', 2],
    ['calidad_sueno', 'Regular', 3],
    ['calidad_sueno', 'buena', 4],
    ['calidad_sueno', 'good', 4],
    ['calidad_sueno', 'Excelente', 5],
    ['presupuesto_alimentacion', 'Bajo', 'bajo'],
    ['presupuesto_alimentacion', 'ajustado', 'bajo'],
    ['presupuesto_alimentacion', 'medium', 'medio'],
    ['presupuesto_alimentacion', 'Muy alto', 'alto'],
    ['presupuesto_alimentacion', 'high', 'alto'],
  ])('%s %j → %j', (field, value, expected) => {
    expect(outcome(field, value)).toEqual([expected, undefined]);
  });
});

describe('enum answers written as words', () => {
  it.each<[string, unknown, unknown, string | undefined]>([
    ['tabaco', 'No', 'no', undefined],
    ['tabaco', 'Ninguno', 'no', undefined],
    ['tabaco', 'nunca', 'no', undefined],
    ['tabaco', false, 'no', undefined],
    ['tabaco', 'A veces', 'ocasional', undefined],
    ['tabaco', 'vapeo', 'vapeo', undefined],
    ['metodo_grasa', 'Ninguno', 'ninguno', undefined],
    ['metodo_grasa', 'Báscula de bioimpedancia', 'bioimpedancia', undefined],
    ['come_fuera', 'No', 'nunca', undefined],
    ['come_fuera', 'Una vez por semana', '1_2_semana', undefined],
    ['objetivo_principal', 'Perder grasa', 'perder_grasa', undefined],
    ['objetivo_principal', 'fat loss', 'perder_grasa', undefined],
    ['lugar_entrenamiento', 'En casa', 'casa', undefined],
    ['lugar_entrenamiento', 'Gimnasio completo', 'gimnasio_completo', undefined],
    ['nivel_experiencia', 'Intermedia', 'intermedio', undefined],
    ['nivel_experiencia', 'beginner', 'principiante', undefined],
    ['franja_horaria', 'Por la tarde', 'tarde', undefined],
    ['actividad_laboral', 'Sedentario', 'sedentaria', undefined],
    ['turnos_trabajo', 'Turnos rotativos', 'rotativo', undefined],
    // Read with the goal reader: losing fat is named, strength is how (docs/DOMAIN.md, "Goals").
    ['objetivo_principal', 'Perder grasa y ganar fuerza', 'perder_grasa', undefined],
    // Health: read with certainty, and the verbatim kept all the same.
    ['embarazo_lactancia', 'No', 'no', 'normalised'],
    ['embarazo_lactancia', 'None', 'no', 'normalised'],
    ['embarazo_lactancia', 'Embarazada', 'embarazo', 'normalised'],
    // Postpartum without its months is read as the recent one: the cautious reading (no deficit).
    ['embarazo_lactancia', 'posparto', 'posparto_6m', 'normalised'],
    ['patron_alimentario', 'Vegetariana', 'ovolactovegetariano', 'normalised'],
    ['patron_alimentario', 'vegan', 'vegano', 'normalised'],
    ['ciclo_menstrual', 'Menopausia', 'menopausia', 'normalised'],
  ])('%s %j → %j', (field, value, expected, reason) => {
    expect(outcome(field, value)).toEqual([expected, reason]);
  });

  it.each<[string, unknown]>([
    // Opposite goals, a gym of unknown size, smoking without frequency.
    ['objetivo_principal', 'Perder peso y ganar peso'],
    ['lugar_entrenamiento', 'Gimnasio'],
    ['tabaco', 'Sí'],
    ['tabaco', 3],
  ])('%s %j is kept as text', (field, value) => {
    expect(outcome(field, value)).toEqual([undefined, 'kept_as_text']);
  });
});

describe('lists written as text', () => {
  it('reads the items it knows and keeps the whole answer for the rest', () => {
    const entry = entryFor('material_disponible', 'Mancuernas, bandas y esterilla');
    expect(typed('material_disponible', 'Mancuernas, bandas y esterilla')).toEqual(['mancuernas', 'bandas']);
    expect(entry).toMatchObject({
      reason: 'partly_understood',
      value: 'Mancuernas, bandas y esterilla',
      understood: ['mancuernas', 'bandas'],
    });
  });

  it.each<[string, unknown, unknown, string | undefined]>([
    ['material_disponible', 'dumbbells, bands', ['mancuernas', 'bandas'], undefined],
    ['material_disponible', 'Unas mancuernas', ['mancuernas'], undefined],
    ['material_disponible', 'MÁQUINAS', ['maquinas'], undefined],
    ['material_disponible', 'Máquina', ['maquinas'], undefined],
    ['material_disponible', 'Barra de dominadas y TRX', ['barra_dominadas', 'trx'], undefined],
    [
      'material_disponible',
      ['Mancuernas', 'Kettlebells', 'mancuernas'],
      ['mancuernas', 'kettlebell'],
      undefined,
    ],
    ['material_disponible', 'Ninguno', ['ninguno'], undefined],
    ['material_disponible', 'Nada', ['ninguno'], undefined],
    ['material_disponible', 'none', ['ninguno'], undefined],
    ['dias_semana', 'Lunes, miércoles y viernes', ['lunes', 'miercoles', 'viernes'], undefined],
    ['dias_semana', 'monday and friday', ['lunes', 'viernes'], undefined],
    ['actividades_preferidas', 'Correr y natación', ['running', 'natacion'], undefined],
    ['actividades_preferidas', 'Yoga y pilates', ['yoga_pilates'], undefined],
    ['patologias', 'Ninguna', [], 'normalised'],
    ['patologias', 'Hipertensión, asma', ['hipertension', 'asma'], 'normalised'],
    // "diabetes" without its type is not certain: kept with the whole answer.
    ['patologias', 'Hipertensión, diabetes', ['hipertension'], 'partly_understood'],
    ['alergias_alimentarias', 'Ninguna conocida', [], 'normalised'],
    ['alergias_alimentarias', 'Marisco', ['crustaceos', 'moluscos'], 'normalised'],
    // "Frutos secos" covers tree nuts and peanut (the reader's rule: all the groups a word covers).
    [
      'alergias_alimentarias',
      'frutos secos y sésamo',
      ['frutos_cascara', 'cacahuete', 'sesamo'],
      'normalised',
    ],
    ['intolerancias', 'Lactosa', ['lactosa'], 'normalised'],
    ['intolerancias', 'No', [], 'normalised'],
    ['alimentos_no_gustan', 'Brócoli, coliflor', ['Brócoli', 'coliflor'], undefined],
    ['alimentos_no_gustan', 'Nada', [], undefined],
    ['alimentos_preferidos', 'Pasta', ['Pasta'], undefined],
    ['alimentos_no_gustan', ['Brócoli', 3, { x: 1 }], ['Brócoli', '3'], 'partly_understood'],
    ['ejercicios_excluidos', 'sentadilla_barra', ['sentadilla_barra'], undefined],
    ['motivos_entrenar', 'Salud; estética', ['Salud', 'estética'], undefined],
  ])('%s %j → %j', (field, value, expected, reason) => {
    expect(outcome(field, value)).toEqual([expected, reason]);
  });

  it.each<[string, unknown]>([
    ['material_disponible', 'Gimnasio completo'],
    // A partial list would read as the whole equipment: the gym keeps the answer whole.
    ['material_disponible', 'Gimnasio completo con poleas, mancuernas'],
    ['material_disponible', 'full gym'],
    ['material_disponible', 'Sin mancuernas'],
    ['alergias_alimentarias', 'Alguna cosa'],
    ['dias_semana', 42],
  ])('%s %j is kept as text', (field, value) => {
    expect(outcome(field, value)).toEqual([undefined, 'kept_as_text']);
  });
});

describe('yes/no answers', () => {
  it.each<[unknown, boolean]>([
    ['Sí', true],
    ['si', true],
    ['SÍ.', true],
    ['yes', true],
    ['No', false],
    ['no', false],
    ['false', false],
    ['Sí, con el marisco', true],
  ])('anafilaxia %j → %j (health: verbatim kept)', (value, expected) => {
    expect(outcome('anafilaxia', value)).toEqual([expected, 'normalised']);
  });

  it.each(['No sé', 'No, pero una vez me picó la garganta', 'A veces', 1])(
    'anafilaxia %j is kept',
    (value) => {
      expect(outcome('anafilaxia', value)).toEqual([undefined, 'kept_as_text']);
    },
  );

  it('reads PAR-Q+ and SCOFF items written as words', () => {
    const parq = { p1: 'No', p2: 'no', p3: 'NO', p4: 'No', p5: 'no', p6: 'Sí, rodilla', p7: 'no' };
    const result = data({ parq, scoff: { s1: 'yes', s2: 'no', s3: 'no', s4: 'No', s5: 'no' } });
    expect(result.responses.parq).toEqual({
      p1: false,
      p2: false,
      p3: false,
      p4: false,
      p5: false,
      p6: true,
      p7: false,
    });
    expect(result.responses.scoff).toEqual({ s1: true, s2: false, s3: false, s4: false, s5: false });
    expect(result.loose_answers.map(({ field, reason, value }) => ({ field, reason, value }))).toEqual([
      { field: 'parq', reason: 'normalised', value: parq },
      { field: 'scoff', reason: 'normalised', value: expect.objectContaining({ s1: 'yes' }) },
    ]);
  });

  it('keeps a PAR-Q+ with an unclear item out of the typed key, with what was understood', () => {
    const parq = { p1: 'no', p2: 'no sé', p3: false, p4: 'no', p5: 'no', p6: 'no', p7: 'no' };
    const result = data({ parq });
    expect(result.responses.parq).toBeUndefined();
    expect(result.loose_answers).toEqual([
      expect.objectContaining({
        field: 'parq',
        value: parq,
        reason: 'partly_understood',
        understood: { p1: false, p3: false, p4: false, p5: false, p6: false, p7: false },
      }),
    ]);
  });

  it('reads consents', () => {
    expect(outcome('consentimientos', { datos_salud: 'Sí', imagen: 'No', firma: 'LPG' })).toEqual([
      { datos_salud: true, imagen: false, firma: 'LPG' },
      undefined,
    ]);
    expect(outcome('consentimientos', 'Sí')).toEqual([undefined, 'kept_as_text']);
  });
});

describe('health answers: certain parts read, the verbatim always kept', () => {
  it('keeps a free-text lesion verbatim (zone and state are not certain)', () => {
    const result = data({ lesiones: 'Menisco sin terminar de curar' });
    expect(result.responses.lesiones).toBeUndefined();
    expect(result.loose_answers).toEqual([
      expect.objectContaining({
        field: 'lesiones',
        value: 'Menisco sin terminar de curar',
        reason: 'kept_as_text',
      }),
    ]);
  });

  it.each<[string, unknown, unknown, string]>([
    ['lesiones', 'Ninguna', [], 'normalised'],
    [
      'lesiones',
      [{ zona: 'rodilla', estado: 'Crónica', dolor_0_10: '3', diagnostico_medico: 'Sí' }],
      [{ zona: 'rodilla', estado: 'cronica', dolor_0_10: 3, diagnostico_medico: true }],
      'normalised',
    ],
    // One object instead of a list is that one item.
    ['lesiones', { zona: 'hombro', estado: 'activa' }, [{ zona: 'hombro', estado: 'activa' }], 'normalised'],
    [
      'lesiones',
      [{ zona: 'hombro', estado: 'activa' }, 'Y la rodilla, a veces'],
      [{ zona: 'hombro', estado: 'activa' }],
      'partly_understood',
    ],
    // The client's words become the medication's name (SCR-08 reads names); the entry keeps them.
    ['medicacion', 'Eutirox 75 por la mañana', [{ nombre: 'Eutirox 75 por la mañana' }], 'partly_understood'],
    ['medicacion', 'No', [], 'normalised'],
    [
      'medicacion',
      ['Eutirox', 'Enalapril 10 mg'],
      [{ nombre: 'Eutirox' }, { nombre: 'Enalapril 10 mg' }],
      'normalised',
    ],
    ['cirugias_recientes', 'Ninguna', [], 'normalised'],
    ['cirugias_recientes', 'Apendicitis 2024', [{ tipo: 'Apendicitis 2024' }], 'partly_understood'],
    [
      'autorizacion_medica',
      { tiene: 'Sí', fecha: '2025-05-20T10:00:00Z' },
      { tiene: true, fecha: '2025-05-20' },
      'normalised',
    ],
  ])('%s %j', (field, value, expected, reason) => {
    const result = data({ [field]: value });
    expect((result.responses as Record<string, unknown>)[field]).toEqual(expected);
    expect(result.loose_answers).toEqual([expect.objectContaining({ field, value, reason })]);
  });

  it('keeps the verbatim of every health field whenever it is not already typed', () => {
    const answers: Record<string, unknown> = {
      lesiones: 'Menisco',
      patologias: 'Hipertensión',
      medicacion: 'Eutirox',
      cirugias_recientes: 'Rodilla en 2023',
      embarazo_lactancia: 'No',
      alergias_alimentarias: 'Gluten',
      intolerancias: 'Lactosa',
      patron_alimentario: 'Omnívoro',
      parq: { p1: 'no', p2: 'no', p3: 'no', p4: 'no', p5: 'no', p6: 'no', p7: 'no' },
      scoff: 'No',
      anafilaxia: 'No',
      autorizacion_medica: 'Sí',
      ciclo_menstrual: 'Regular',
    };
    const result = data(answers);
    for (const field of HEALTH_FIELDS) {
      const entry = result.loose_answers.find((candidate) => candidate.field === field);
      expect(entry?.value, field).toBe(answers[field]);
    }
  });
});

describe('objects and lists of objects', () => {
  it.each<[string, unknown, unknown, string | undefined]>([
    ['perimetros_cm', { cintura: '80 cm', cadera: '98' }, { cintura: 80, cadera: 98 }, undefined],
    ['perimetros_cm', { cintura: '80 cm', cadera: 'no sé' }, { cintura: 80 }, 'partly_understood'],
    [
      'marcas_actuales',
      [{ ejercicio_id: 'sentadilla_barra', kg: '100 kg', reps: '5' }],
      [{ ejercicio_id: 'sentadilla_barra', kg: 100, reps: 5 }],
      undefined,
    ],
    [
      'suplementos_actuales',
      'Creatina y proteína',
      [{ nombre: 'Creatina' }, { nombre: 'proteína' }],
      undefined,
    ],
    ['suplementos_actuales', 'Ninguno', [], undefined],
    [
      'horario_comidas',
      { desayuno: '8:30', comida: '14.00', cena: '21h', merienda: 'por la tarde' },
      { desayuno: '08:30', comida: '14:00', cena: '21:00' },
      'partly_understood',
    ],
    ['pais', 'es', 'ES', undefined],
    ['profesion', 42, '42', undefined],
  ])('%s %j → %j', (field, value, expected, reason) => {
    expect(outcome(field, value)).toEqual([expected, reason]);
  });

  it.each<[string, unknown]>([
    ['horario_comidas', 'a las 8'],
    ['horario_comidas', { cena: '8' }],
    ['pais', 'España'],
    ['profesion', { texto: 'Enfermera' }],
    ['cintura_cm', true],
    ['marcas_actuales', 'Sentadilla 100 kg'],
    ['comidas_dia', ['4']],
  ])('%s %j is kept as text', (field, value) => {
    expect(outcome(field, value)).toEqual([undefined, 'kept_as_text']);
  });

  it('treats an empty text as not answered', () => {
    expect(data({ horas_sueno: '  ', tabaco: '' })).toMatchObject({ loose_answers: [] });
    expect(data({ horas_sueno: '  ' }).responses).not.toHaveProperty('horas_sueno');
  });
});

describe('the agents still see loose answers', () => {
  it('answersFor shows the verbatim answer of a key that was not typed, or only partly', () => {
    const questionnaire = data({
      material_disponible: 'Mancuernas, bandas y esterilla',
      lesiones: 'Menisco sin terminar de curar',
      horas_sueno: '30',
      nivel_estres: 'Medio',
      embarazo_lactancia: 'No',
      campo_libre: 'x',
    });
    expect(
      answersFor(questionnaire, [
        'material_disponible',
        'lesiones',
        'horas_sueno',
        'nivel_estres',
        'embarazo_lactancia',
        'tabaco',
      ]),
    ).toEqual({
      material_disponible: 'Mancuernas, bandas y esterilla',
      lesiones: 'Menisco sin terminar de curar',
      horas_sueno: '30',
      nivel_estres: 3,
      embarazo_lactancia: 'no',
    });
  });

  it('cuts a long verbatim answer of any shape', () => {
    const long = { notas: 'x'.repeat(5000) };
    const answers = answersFor(data({ perimetros_cm: long }), ['perimetros_cm']);
    expect(answers['perimetros_cm']).toEqual(expect.stringMatching(/…$/));
    expect(String(answers['perimetros_cm']).length).toBeLessThan(1300);
  });
});

describe('the lexicons (resources/lexicons/)', () => {
  it('state their source and cover Spanish and English', () => {
    expect(ANSWER_WORDS.source.length).toBeGreaterThan(50);
    expect(SCALE_WORDS.source.length).toBeGreaterThan(50);
    for (const scale of Object.values(SCALE_WORDS.scales)) {
      for (const level of scale.levels) {
        expect(level.es.length, String(level.value)).toBeGreaterThan(0);
        expect(level.en.length, String(level.value)).toBeGreaterThan(0);
      }
    }
  });

  it('name only real fields and values', () => {
    for (const [field, values] of Object.entries(ANSWER_WORDS.fields)) {
      const spec =
        field === 'lesiones.estado'
          ? { kind: 'enum', values: ['activa', 'cronica', 'recuperada'] }
          : FIELD_SPECS[field];
      expect(spec && 'values' in spec, field).toBe(true);
      const allowed: readonly string[] = spec && 'values' in spec ? spec.values : [];
      for (const value of Object.keys(values)) expect(allowed, `${field}.${value}`).toContain(value);
    }
    for (const key of Object.keys(ANSWER_WORDS.number_units)) {
      expect(Object.keys(TYPED_NUMBER_RANGES), key).toContain(key);
    }
    for (const [field, scale] of Object.entries(SCALE_WORDS.scales)) {
      const spec = FIELD_SPECS[field];
      for (const level of scale.levels) {
        if (spec?.kind === 'enum') expect(spec.values).toContain(level.value);
        else {
          expect(spec?.kind).toBe('number');
          const range = spec?.kind === 'number' ? TYPED_NUMBER_RANGES[spec.range] : null;
          expect(Number(level.value)).toBeGreaterThanOrEqual(range?.min ?? Infinity);
          expect(Number(level.value)).toBeLessThanOrEqual(range?.max ?? -Infinity);
        }
      }
    }
  });

  it('never give one phrase two meanings in a single-value field', () => {
    const singleValued = [
      ...Object.entries(FIELD_SPECS)
        .filter(([, spec]) => spec.kind === 'enum' || spec.kind === 'number')
        .map(([field]) => field),
      'lesiones.estado',
    ];
    for (const field of singleValued) {
      const phrases = [
        ...Object.values(ANSWER_WORDS.fields[field] ?? {}).flatMap((words) => [...words.es, ...words.en]),
        ...(SCALE_WORDS.scales[field]?.levels ?? []).flatMap((level) => [...level.es, ...level.en]),
      ];
      for (const phrase of phrases) {
        expect(valuesForPhrase(field, phrase), `${field}: ${phrase}`).toHaveLength(1);
      }
    }
  });

  it('match whole answers ignoring case, accents, hyphens and plurals', () => {
    expect(fold('  MÁQUINAS. ')).toBe(fold('máquina'));
    expect(fold('Lesiones')).toBe(fold('lesión'));
    expect(fold('pull-up bar')).toBe(fold('pull up bar'));
    expect(fold('hernias discales')).toBe(fold('hernia discal'));
  });
});

describe('field coverage', () => {
  it('knows how to read every known optional field', () => {
    expect(Object.keys(FIELD_SPECS).sort()).toEqual(Object.keys(OptionalResponsesSchema.shape).sort());
  });
});
