import { describe, expect, it } from 'vitest';
import {
  ALERGENOS_EU14,
  NormalizedResponsesSchema,
  OptionalResponsesSchema,
  PARQ_KEYS,
  QUESTIONNAIRE_SUBMISSIONS_COLLECTION,
  QuestionnaireResponsesSchema,
  QuestionnaireSubmissionSchema,
  REQUIRED_RESPONSE_FIELDS,
  SCOFF_KEYS,
  SEXO_VALUES,
  TYPED_NUMBER_RANGES,
  TYPED_RESPONSE_FIELDS,
  type QuestionnaireResponses,
  type QuestionnaireSubmission,
} from '../../../src/shared/questionnaire';

const originalResponses: QuestionnaireResponses = {
  nombre_completo: 'Lucía Pérez',
  email: 'lucia@example.com',
  fecha_nacimiento: '1990-05-12',
  sexo: 'Mujer',
  peso: '78,5',
  altura_cm: '165',
  objetivo_fisico: 'Perder grasa',
  profesion: 'Enfermera',
  telefono: '669080819',
  entrenado_gimnasio: 'Sí, 3 años',
  dias_semana_entrenar: '4-5 días',
  measurement_type: 'tape_measure',
  cintura_cm: '80',
  grasa_porcentaje: null,
  motivos_entrenar: ['Perder grasa', 'Reducir estrés'],
  comidas_dia: 'Más de 6',
};

function submission(responses: Record<string, unknown> = originalResponses): Record<string, unknown> {
  return {
    _id: 'sub-1',
    user_id: 'user-1',
    responses,
    submitted_at: new Date('2025-01-10T10:00:00Z'),
    plan_generated: false,
    plan_id: null,
  };
}

describe('QuestionnaireSubmissionSchema (stored shape)', () => {
  it('names the original collection', () => {
    expect(QUESTIONNAIRE_SUBMISSIONS_COLLECTION).toBe('nutrition_questionnaire_submissions');
  });

  it('accepts an original-format submission and keeps unknown fields at every level', () => {
    const doc = {
      ...submission({
        ...originalResponses,
        campo_de_otro_sistema: { libre: true },
        parq: { p1: false, p2: false, p3: false, p4: false, p5: false, p6: false, p7: false, nota: 'ok' },
      }),
      importado_de: 'web',
    };
    const parsed = QuestionnaireSubmissionSchema.parse(doc);
    expect(parsed.importado_de).toBe('web');
    expect(parsed.responses.campo_de_otro_sistema).toEqual({ libre: true });
    expect(parsed.responses['parq']).toMatchObject({ p1: false, nota: 'ok' });
    expect(parsed.responses.peso).toBe('78,5');
    expect(parsed.responses.comidas_dia).toBe('Más de 6');
  });

  it('types peso and altura_cm as string | number', () => {
    expect(
      QuestionnaireResponsesSchema.safeParse({ ...originalResponses, peso: 78.5, altura_cm: 165 }).success,
    ).toBe(true);
    expect(QuestionnaireResponsesSchema.safeParse({ ...originalResponses, peso: true }).success).toBe(false);
  });

  it.each(REQUIRED_RESPONSE_FIELDS)('requires %s to be present', (field) => {
    const responses = Object.fromEntries(
      Object.entries(originalResponses).filter(([name]) => name !== field),
    );
    const result = QuestionnaireResponsesSchema.safeParse(responses);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
  });

  it('accepts any JSON in optional fields, also under keys this app types (other systems write them)', () => {
    const loose = {
      ...originalResponses,
      material_disponible: 'Gimnasio completo',
      horas_sueno: '7',
      nivel_estres: 'Medio',
      lesiones: 'Menisco sin terminar de curar',
      parq: { p1: 'no', p2: 'no sé' },
      dias_disponibles: 42,
      profesion: { texto: 'Enfermera' },
      alergias_alimentarias: [null, 3, 'marisco'],
    };
    const parsed = QuestionnaireSubmissionSchema.parse(submission(loose));
    // Stored and read back as sent: nothing is normalised or dropped at this layer.
    expect(parsed.responses).toEqual(loose);
  });

  it('requires the submission metadata with its original types', () => {
    expect(QuestionnaireSubmissionSchema.safeParse(submission()).success).toBe(true);
    const bad = { ...submission(), submitted_at: '2025-01-10', plan_generated: 'no', plan_id: 3 };
    const paths = QuestionnaireSubmissionSchema.safeParse(bad).error?.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(['submitted_at', 'plan_generated', 'plan_id']);
  });

  it('infers a usable type', () => {
    const parsed: QuestionnaireSubmission = QuestionnaireSubmissionSchema.parse(submission());
    const plan: string | null = parsed.plan_id;
    expect(plan).toBeNull();
  });
});

describe('optional fields', () => {
  const valid = (extra: Record<string, unknown>) => OptionalResponsesSchema.safeParse(extra).success;

  it('keeps original free-text answers as strings and rejects other types there', () => {
    expect(valid({ profesion: 'Fontanero', lesiones_actuales: 'Hombro derecho', alergias: 'No' })).toBe(true);
    expect(valid({ profesion: 42 })).toBe(false);
  });

  it('accepts numbers or text for the original "string/number" measurements', () => {
    expect(valid({ cintura_cm: 80, cadera_cm: '95', horas_trabajo: '10' })).toBe(true);
  });

  it('treats null as "not answered" for every optional field', () => {
    expect(
      valid({ pecho_cm: null, dias_disponibles: null, parq: null, lesiones: null, profesion: null }),
    ).toBe(true);
  });

  it('validates typed fields strictly', () => {
    expect(valid({ dias_disponibles: 3 })).toBe(true);
    expect(valid({ dias_disponibles: 8 })).toBe(false);
    expect(valid({ dias_disponibles: 3.5 })).toBe(false);
    expect(valid({ dias_disponibles: '3' })).toBe(false);
    expect(valid({ objetivo_principal: 'perder_grasa' })).toBe(true);
    expect(valid({ objetivo_principal: 'Perder grasa' })).toBe(false);
    expect(valid({ alergias_alimentarias: ['gluten', 'sesamo'], anafilaxia: true })).toBe(true);
    expect(valid({ alergias_alimentarias: ['marisco'] })).toBe(false);
    expect(valid({ horario_comidas: { desayuno: '07:30', comida_2: '14:00' } })).toBe(true);
    expect(valid({ horario_comidas: { desayuno: '7.30' } })).toBe(false);
    expect(valid({ pais: 'ES' })).toBe(true);
    expect(valid({ pais: 'España' })).toBe(false);
  });

  it('accepts the original free-text comidas_dia but checks a numeric one', () => {
    expect(valid({ comidas_dia: 'Más de 6' })).toBe(true);
    expect(valid({ comidas_dia: '4' })).toBe(true);
    expect(valid({ comidas_dia: 4 })).toBe(true);
    expect(valid({ comidas_dia: 9 })).toBe(false);
  });

  it('validates nested screening objects', () => {
    const parq = Object.fromEntries(PARQ_KEYS.map((key) => [key, false]));
    expect(valid({ parq })).toBe(true);
    expect(valid({ parq: { ...parq, p3: 'no' } })).toBe(false);
    expect(valid({ parq: { p1: false } })).toBe(false);
    const scoff = Object.fromEntries(SCOFF_KEYS.map((key) => [key, true]));
    expect(valid({ scoff })).toBe(true);
    expect(
      valid({ lesiones: [{ zona: 'rodilla', estado: 'cronica', dolor_0_10: 3, fecha: '2024-11-02' }] }),
    ).toBe(true);
    expect(valid({ lesiones: [{ zona: 'rodilla', estado: 'curada' }] })).toBe(false);
    expect(valid({ lesiones: [{ zona: 'rodilla', estado: 'activa', fecha: '2023-02-30' }] })).toBe(false);
    expect(valid({ autorizacion_medica: { tiene: true, fecha: '2025-01-02' } })).toBe(true);
    expect(
      valid({ consentimientos: { datos_salud: true, datos_salud_fecha: '2025-01-02', imagen: false } }),
    ).toBe(true);
  });
});

describe('exported value lists', () => {
  it('covers the typed fields the form needs (docs/DOMAIN.md "Questionnaire fields the pipeline reads")', () => {
    const expected = [
      'objetivo_principal',
      'plazo_semanas',
      'nivel_experiencia',
      'anos_entrenando_fuerza',
      'marcas_actuales',
      'dias_disponibles',
      'dias_semana',
      'duracion_sesion_min',
      'franja_horaria',
      'lugar_entrenamiento',
      'material_disponible',
      'ejercicios_excluidos',
      'parq',
      'lesiones',
      'patologias',
      'medicacion',
      'cirugias_recientes',
      'embarazo_lactancia',
      'ciclo_menstrual',
      'autorizacion_medica',
      'alergias_alimentarias',
      'anafilaxia',
      'intolerancias',
      'patron_alimentario',
      'alimentos_no_gustan',
      'alimentos_preferidos',
      'comidas_dia',
      'horario_comidas',
      'come_fuera',
      'presupuesto_alimentacion',
      'tiempo_cocina_min',
      'alcohol_unidades_semana',
      'tabaco',
      'cafeina_mg_dia',
      'suplementos_actuales',
      'agua_l_dia',
      'historial_dietas',
      'scoff',
      'horas_sueno',
      'calidad_sueno',
      'nivel_estres',
      'actividad_laboral',
      'pasos_diarios',
      'turnos_trabajo',
      'consentimientos',
      'grasa_corporal_pct',
      'metodo_grasa',
      'perimetros_cm',
      'peso_objetivo_kg',
      'pais',
      'actividades_preferidas',
      'motivacion',
    ];
    expect(TYPED_RESPONSE_FIELDS).toEqual(expect.arrayContaining(expected));
  });

  it('lists the EU-14 allergens, 7 PAR-Q+ items and 5 SCOFF items', () => {
    expect(ALERGENOS_EU14).toHaveLength(14);
    expect(new Set(ALERGENOS_EU14).size).toBe(14);
    expect(PARQ_KEYS).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']);
    expect(SCOFF_KEYS).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(SEXO_VALUES).toEqual(['Hombre', 'Mujer']);
  });

  it('keeps every range sane', () => {
    for (const [key, range] of Object.entries(TYPED_NUMBER_RANGES)) {
      expect(range.min, key).toBeLessThan(range.max);
    }
  });
});

describe('NormalizedResponsesSchema', () => {
  it('only accepts canonical values', () => {
    const normalized = { ...originalResponses, sexo: 'Mujer', peso: 78.5, altura_cm: 165 };
    expect(NormalizedResponsesSchema.safeParse(normalized).success).toBe(true);
    expect(NormalizedResponsesSchema.safeParse({ ...normalized, sexo: 'mujer' }).success).toBe(false);
    expect(NormalizedResponsesSchema.safeParse({ ...normalized, peso: '78,5' }).success).toBe(false);
  });
});
