import { z } from 'zod';
import { SchemaVersionFieldSchema } from './schema-version';

/*
 * Intake questionnaire (collection `nutrition_questionnaire_submissions`; docs/ARCHITECTURE.md
 * "Data in MongoDB", docs/DOMAIN.md "Questionnaire fields the pipeline reads").
 *
 * `responses` mixes three kinds of keys:
 *  1. the 7 fields the original system requires, stored in its own loose format (numbers may be
 *     strings such as "78,5"; `validateQuestionnaire` checks and normalises them);
 *  2. the original system's optional answers, which it stored as free text ("Sí, 3 años", "3-4");
 *  3. the typed fields that this app's own form writes (docs/DOMAIN.md "Questionnaire fields the
 *     pipeline reads").
 *
 * Decisions:
 *  - Unknown keys are preserved everywhere (`looseObject`): the original has 150+ answers and
 *    dropping one silently would lose a client's data.
 *  - Every optional field accepts `null` as "not answered": the original writes null for the
 *    measurement fields that do not apply, and a form that clears a field does the same.
 *  - The original only requires its seven fields to be valid, and other systems reuse some of our
 *    typed keys for their own free text ("material_disponible": "Gimnasio completo"). So a stored
 *    submission accepts any JSON in every optional field (`QuestionnaireResponsesSchema`), and the
 *    validator's default ("lenient") mode never refuses one: it normalises what is certain and moves
 *    the rest, verbatim, to `loose_answers` (src/shared/loose-answers/). Only the app's own form
 *    asks for "strict" mode, where a wrong typed value is a form bug and is reported per field.
 *  - `comidas_dia` is `typed | string`: the original's free-text answer ("4", "Más de 6") is a
 *    valid value of it, not a loose one.
 */

export const QUESTIONNAIRE_SUBMISSIONS_COLLECTION = 'nutrition_questionnaire_submissions';

/** In the order the original system lists them (also the order of error messages). */
export const REQUIRED_RESPONSE_FIELDS = [
  'nombre_completo',
  'email',
  'fecha_nacimiento',
  'sexo',
  'peso',
  'altura_cm',
  'objetivo_fisico',
] as const;
export type RequiredResponseField = (typeof REQUIRED_RESPONSE_FIELDS)[number];

export const SEXO_VALUES = ['Hombre', 'Mujer'] as const;
export type Sexo = (typeof SEXO_VALUES)[number];

// ---------------------------------------------------------------------------------------------
// Ranges. Required measurements are deliberately wider than the form's ranges: they only reject
// values no human has (typos, wrong units), while the form can be stricter (docs/DOMAIN.md
// "Questionnaire fields the pipeline reads").
// ---------------------------------------------------------------------------------------------

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** Language-neutral unit symbol shown in messages. */
  readonly unit?: string;
}

export const PESO_KG_RANGE = { min: 25, max: 350, integer: false, unit: 'kg' } as const satisfies NumberRange;
export const ALTURA_CM_RANGE = {
  min: 100,
  max: 250,
  integer: false,
  unit: 'cm',
} as const satisfies NumberRange;
/** Minors are valid here; screening (docs/DOMAIN.md "Screening", SCR-03) decides what they may receive. */
export const EDAD_ANOS_RANGE = { min: 10, max: 110, integer: true } as const satisfies NumberRange;

const PERIMETRO_CM_RANGE = { min: 10, max: 300, integer: false, unit: 'cm' } as const satisfies NumberRange;

/** Keyed by field path with array indexes removed (`lesiones.0.dolor_0_10` → `lesiones.dolor_0_10`). */
export const TYPED_NUMBER_RANGES = {
  peso_objetivo_kg: PESO_KG_RANGE,
  grasa_corporal_pct: { min: 3, max: 60, integer: false, unit: '%' },
  'perimetros_cm.cintura': PERIMETRO_CM_RANGE,
  'perimetros_cm.cadera': PERIMETRO_CM_RANGE,
  'perimetros_cm.pecho': PERIMETRO_CM_RANGE,
  'perimetros_cm.brazo': PERIMETRO_CM_RANGE,
  'perimetros_cm.muslo': PERIMETRO_CM_RANGE,
  plazo_semanas: { min: 4, max: 104, integer: true },
  anos_entrenando_fuerza: { min: 0, max: 50, integer: false },
  'marcas_actuales.kg': { min: 0, max: 1000, integer: false, unit: 'kg' },
  'marcas_actuales.reps': { min: 1, max: 100, integer: true },
  dias_disponibles: { min: 1, max: 7, integer: true },
  duracion_sesion_min: { min: 20, max: 150, integer: true, unit: 'min' },
  'lesiones.dolor_0_10': { min: 0, max: 10, integer: true },
  comidas_dia: { min: 2, max: 7, integer: true },
  tiempo_cocina_min: { min: 0, max: 300, integer: true, unit: 'min' },
  alcohol_unidades_semana: { min: 0, max: 70, integer: false },
  cafeina_mg_dia: { min: 0, max: 2000, integer: false, unit: 'mg' },
  agua_l_dia: { min: 0, max: 8, integer: false, unit: 'L' },
  horas_sueno: { min: 3, max: 12, integer: false, unit: 'h' },
  calidad_sueno: { min: 1, max: 5, integer: true },
  nivel_estres: { min: 1, max: 5, integer: true },
  pasos_diarios: { min: 0, max: 40_000, integer: true },
} as const satisfies Record<string, NumberRange>;

// ---------------------------------------------------------------------------------------------
// Enum value lists (the UI form renders its options from these).
// ---------------------------------------------------------------------------------------------

export const OBJETIVO_PRINCIPAL_VALUES = [
  'perder_grasa',
  'ganar_musculo',
  'recomposicion',
  'fuerza',
  'rendimiento',
  'salud',
  'mantenimiento',
] as const;
export const NIVEL_EXPERIENCIA_VALUES = ['principiante', 'intermedio', 'avanzado'] as const;
export const DIA_SEMANA_VALUES = [
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'sabado',
  'domingo',
] as const;
export const FRANJA_HORARIA_VALUES = ['manana', 'mediodia', 'tarde', 'noche', 'variable'] as const;
export const LUGAR_ENTRENAMIENTO_VALUES = [
  'gimnasio_completo',
  'gimnasio_basico',
  'casa',
  'aire_libre',
  'mixto',
] as const;
export const MATERIAL_DISPONIBLE_VALUES = [
  'barra',
  'discos',
  'rack',
  'banco',
  'mancuernas',
  'kettlebell',
  'poleas',
  'maquinas',
  'bandas',
  'barra_dominadas',
  'trx',
  'ninguno',
] as const;
export const ACTIVIDAD_PREFERIDA_VALUES = [
  'pesas',
  'running',
  'ciclismo',
  'natacion',
  'clases',
  'deporte_equipo',
  'caminar',
  'yoga_pilates',
  'artes_marciales',
  'otra',
] as const;
export const ESTADO_LESION_VALUES = ['activa', 'cronica', 'recuperada'] as const;
export const PATOLOGIA_VALUES = [
  'diabetes_t1',
  'diabetes_t2',
  'hipertension',
  'cardiopatia',
  'asma',
  'hipotiroidismo',
  'sop',
  'enfermedad_renal',
  'hepatica',
  'osteoporosis',
  'hernia_discal',
  'epilepsia',
  'cancer',
  'otra',
] as const;
export const EMBARAZO_LACTANCIA_VALUES = ['no', 'embarazo', 'posparto_6m', 'lactancia'] as const;
export const CICLO_MENSTRUAL_VALUES = [
  'regular',
  'irregular',
  'amenorrea_3m',
  'menopausia',
  'anticonceptivo_hormonal',
  'no_aplica',
] as const;
/** EU FIC Reg. 1169/2011, annex II (the 14 allergens that must be declared). */
export const ALERGENOS_EU14 = [
  'gluten',
  'crustaceos',
  'huevo',
  'pescado',
  'cacahuete',
  'soja',
  'leche',
  'frutos_cascara',
  'apio',
  'mostaza',
  'sesamo',
  'sulfitos',
  'altramuces',
  'moluscos',
] as const;
export const INTOLERANCIA_VALUES = [
  'lactosa',
  'fructosa',
  'sorbitol',
  'gluten_no_celiaca',
  'histamina',
  'otra',
] as const;
export const PATRON_ALIMENTARIO_VALUES = [
  'omnivoro',
  'flexitariano',
  'pescetariano',
  'ovolactovegetariano',
  'vegano',
  'halal',
  'kosher',
  'sin_cerdo',
] as const;
export const COME_FUERA_VALUES = ['nunca', '1_2_semana', '3_5_semana', 'diario'] as const;
export const PRESUPUESTO_ALIMENTACION_VALUES = ['bajo', 'medio', 'alto'] as const;
export const TABACO_VALUES = ['no', 'ocasional', 'diario', 'vapeo'] as const;
export const ACTIVIDAD_LABORAL_VALUES = ['sedentaria', 'de_pie', 'activa', 'muy_activa'] as const;
export const TURNOS_TRABAJO_VALUES = ['fijo', 'rotativo', 'nocturno'] as const;
export const METODO_GRASA_VALUES = ['dexa', 'bioimpedancia', 'pliegues', 'estimacion', 'ninguno'] as const;

export const PARQ_KEYS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] as const;
export const SCOFF_KEYS = ['s1', 's2', 's3', 's4', 's5'] as const;

/** 24-hour `HH:MM`, as the original's `hora_*` answers and `horario_comidas`. */
export const HHMM_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** ISO 3166-1 alpha-2 (`ES`, `MX`): it selects the food database and meal names. */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

// ---------------------------------------------------------------------------------------------
// Original system's optional answers (free text).
// ---------------------------------------------------------------------------------------------

/** Answers the original stored as text ("Sí", "No", "3-4", "Eutirox75"); kept verbatim. */
export const ORIGINAL_TEXT_FIELDS = [
  'profesion',
  'direccion',
  'telefono',
  'measurement_type',
  'medicamentos',
  'enfermedad_cronica',
  'fuma_cantidad',
  'bebe_cantidad',
  'retencion_liquidos',
  'problemas_corazon',
  'hipertension',
  'diabetes',
  'colesterol',
  'sobrepeso',
  'epilepsia',
  'alergias',
  'alergias_intolerancias',
  'problema_ejercicio',
  'operaciones',
  'embarazo',
  'problemas_respiratorios',
  'problemas_musculares',
  'lesiones_text',
  'lesiones_actuales',
  'varo_valgo',
  'hernias_protusiones',
  'artrosis',
  'menopausia',
  'osteoporosis',
  'estres_profesion',
  'movimiento_trabajo',
  'dia_trabajo',
  'descansa_trabajo',
  'horario_trabajo',
  'actividad_fisica_diaria',
  'trabajo_fisicamente',
  'tipo_persona',
  'practicado_deporte',
  'experiencia_negativa',
  'constante_deporte',
  'tiempo_dedicaba',
  'nivel_deporte',
  'entrenado_gimnasio',
  'entrenador_personal',
  'experiencia_entrenamiento',
  'experiencia_ejercicio_constante',
  'resistencia_cardiorespiratoria',
  'fuerza',
  'flexibilidad',
  'agilidad_coordinacion',
  'dias_semana_entrenar',
  'tiempo_sesion',
  'entrena_manana_tarde',
  'gimnasio',
  'material_casa',
  'actividades_realizar',
  'cuesta_coger_peso',
  'hora_levanta',
  'hora_desayuno',
  'hora_almuerzo',
  'hora_comida',
  'hora_merienda',
  'hora_cena',
  'hora_acuesta',
  'horas_duerme',
  'comidas_al_dia',
  'comidas_fuertes_ligeras',
  'alimento_no_soporta',
  'comida_favorita',
  'comida_basura_frecuencia',
  'come_fuera_casa',
  'azucar_dulces_bolleria',
  'anade_sal',
  'bebidas_gas',
  'dietas_anteriores',
  'sustancias_alteran',
  'suplementacion',
  'impedido_constancia',
  'motiva_ejercicio',
  'nivel_energia_dia',
  'comentarios_adicionales',
] as const;

/** Answers the original documents as "string/number" (measurements, hours); kept verbatim. */
export const ORIGINAL_TEXT_OR_NUMBER_FIELDS = [
  'horas_trabajo',
  'horas_ocio_semana',
  'grasa_porcentaje',
  'masa_muscular_porcentaje',
  'masa_osea_kg',
  'agua_porcentaje',
  'grasa_visceral',
  'pecho_cm',
  'cintura_cm',
  'cadera_cm',
  'biceps_relajado_cm',
  'biceps_flexionado_cm',
  'muslo_cm',
] as const;

/** Typed fields whose key the original also used for free text (see the header comment). */
export const LEGACY_TEXT_TYPED_FIELDS = ['comidas_dia'] as const;

const optionalText = z.string().nullish();
const optionalTextOrNumber = z.union([z.string(), z.number()]).nullish();

function shapeOf<const K extends readonly string[], S extends z.ZodType>(
  keys: K,
  schema: S,
): { [P in K[number]]: S } {
  // Object.fromEntries loses the key union; the mapped type restores it.
  return Object.fromEntries(keys.map((key) => [key, schema])) as { [P in K[number]]: S };
}

// ---------------------------------------------------------------------------------------------
// Typed fields (docs/DOMAIN.md "Questionnaire fields the pipeline reads").
// ---------------------------------------------------------------------------------------------

function rangedNumber(range: NumberRange) {
  const base = range.integer ? z.number().int() : z.number();
  return base.min(range.min).max(range.max);
}

const R = TYPED_NUMBER_RANGES;
const isoDate = z.iso.date();
const nonEmptyText = z.string().trim().min(1);

export const ParqSchema = z.looseObject(shapeOf(PARQ_KEYS, z.boolean()));
export const ScoffSchema = z.looseObject(shapeOf(SCOFF_KEYS, z.boolean()));

export const LesionSchema = z.looseObject({
  zona: nonEmptyText,
  descripcion: optionalText,
  estado: z.enum(ESTADO_LESION_VALUES),
  dolor_0_10: rangedNumber(R['lesiones.dolor_0_10']).nullish(),
  diagnostico_medico: z.boolean().nullish(),
  fecha: isoDate.nullish(),
});

export const MarcaActualSchema = z.looseObject({
  ejercicio_id: nonEmptyText,
  kg: rangedNumber(R['marcas_actuales.kg']),
  reps: rangedNumber(R['marcas_actuales.reps']),
});

export const MedicacionSchema = z.looseObject({
  nombre: nonEmptyText,
  dosis: optionalText,
  motivo: optionalText,
});

export const CirugiaSchema = z.looseObject({ tipo: nonEmptyText, fecha: isoDate.nullish() });

export const AutorizacionMedicaSchema = z.looseObject({
  tiene: z.boolean(),
  fecha: isoDate.nullish(),
  notas: optionalText,
});

export const SuplementoSchema = z.looseObject({ nombre: nonEmptyText, dosis: optionalText });

export const ConsentimientosSchema = z.looseObject({
  /** RGPD art. 9: explicit consent to process health data, with its date. */
  datos_salud: z.boolean(),
  datos_salud_fecha: isoDate.nullish(),
  /** Required for minors (DOMAIN SCR-03); checked by screening, not here. */
  tutor_legal: z.boolean().nullish(),
  imagen: z.boolean().nullish(),
});

export const PerimetrosSchema = z.looseObject({
  cintura: rangedNumber(R['perimetros_cm.cintura']).nullish(),
  cadera: rangedNumber(R['perimetros_cm.cadera']).nullish(),
  pecho: rangedNumber(R['perimetros_cm.pecho']).nullish(),
  brazo: rangedNumber(R['perimetros_cm.brazo']).nullish(),
  muslo: rangedNumber(R['perimetros_cm.muslo']).nullish(),
});

/** Meal label (`comida_1`, `desayuno`, …) → `HH:MM`. */
export const HorarioComidasSchema = z.record(z.string(), z.string().regex(HHMM_PATTERN));

const typedFieldsShape = {
  // Body & goals
  pais: z.string().regex(COUNTRY_CODE_PATTERN).nullish(),
  grasa_corporal_pct: rangedNumber(R.grasa_corporal_pct).nullish(),
  metodo_grasa: z.enum(METODO_GRASA_VALUES).nullish(),
  perimetros_cm: PerimetrosSchema.nullish(),
  peso_objetivo_kg: rangedNumber(R.peso_objetivo_kg).nullish(),
  objetivo_principal: z.enum(OBJETIVO_PRINCIPAL_VALUES).nullish(),
  plazo_semanas: rangedNumber(R.plazo_semanas).nullish(),
  motivacion: optionalText,
  // Experience
  nivel_experiencia: z.enum(NIVEL_EXPERIENCIA_VALUES).nullish(),
  anos_entrenando_fuerza: rangedNumber(R.anos_entrenando_fuerza).nullish(),
  marcas_actuales: z.array(MarcaActualSchema).nullish(),
  // Availability, place, equipment
  dias_disponibles: rangedNumber(R.dias_disponibles).nullish(),
  dias_semana: z.array(z.enum(DIA_SEMANA_VALUES)).max(7).nullish(),
  duracion_sesion_min: rangedNumber(R.duracion_sesion_min).nullish(),
  franja_horaria: z.enum(FRANJA_HORARIA_VALUES).nullish(),
  lugar_entrenamiento: z.enum(LUGAR_ENTRENAMIENTO_VALUES).nullish(),
  material_disponible: z.array(z.enum(MATERIAL_DISPONIBLE_VALUES)).nullish(),
  ejercicios_excluidos: z.array(z.string()).nullish(),
  actividades_preferidas: z.array(z.enum(ACTIVIDAD_PREFERIDA_VALUES)).nullish(),
  // Health screening (docs/DOMAIN.md "Screening")
  parq: ParqSchema.nullish(),
  lesiones: z.array(LesionSchema).nullish(),
  patologias: z.array(z.enum(PATOLOGIA_VALUES)).nullish(),
  patologias_detalle: optionalText,
  medicacion: z.array(MedicacionSchema).nullish(),
  cirugias_recientes: z.array(CirugiaSchema).nullish(),
  embarazo_lactancia: z.enum(EMBARAZO_LACTANCIA_VALUES).nullish(),
  ciclo_menstrual: z.enum(CICLO_MENSTRUAL_VALUES).nullish(),
  autorizacion_medica: AutorizacionMedicaSchema.nullish(),
  // Food
  alergias_alimentarias: z.array(z.enum(ALERGENOS_EU14)).nullish(),
  anafilaxia: z.boolean().nullish(),
  intolerancias: z.array(z.enum(INTOLERANCIA_VALUES)).nullish(),
  patron_alimentario: z.enum(PATRON_ALIMENTARIO_VALUES).nullish(),
  alimentos_no_gustan: z.array(z.string()).nullish(),
  alimentos_preferidos: z.array(z.string()).nullish(),
  comidas_dia: z.union([rangedNumber(R.comidas_dia), z.string()]).nullish(),
  horario_comidas: HorarioComidasSchema.nullish(),
  come_fuera: z.enum(COME_FUERA_VALUES).nullish(),
  presupuesto_alimentacion: z.enum(PRESUPUESTO_ALIMENTACION_VALUES).nullish(),
  tiempo_cocina_min: rangedNumber(R.tiempo_cocina_min).nullish(),
  alcohol_unidades_semana: rangedNumber(R.alcohol_unidades_semana).nullish(),
  tabaco: z.enum(TABACO_VALUES).nullish(),
  cafeina_mg_dia: rangedNumber(R.cafeina_mg_dia).nullish(),
  suplementos_actuales: z.array(SuplementoSchema).nullish(),
  agua_l_dia: rangedNumber(R.agua_l_dia).nullish(),
  historial_dietas: optionalText,
  scoff: ScoffSchema.nullish(),
  // Recovery & lifestyle
  horas_sueno: rangedNumber(R.horas_sueno).nullish(),
  calidad_sueno: rangedNumber(R.calidad_sueno).nullish(),
  nivel_estres: rangedNumber(R.nivel_estres).nullish(),
  actividad_laboral: z.enum(ACTIVIDAD_LABORAL_VALUES).nullish(),
  pasos_diarios: rangedNumber(R.pasos_diarios).nullish(),
  turnos_trabajo: z.enum(TURNOS_TRABAJO_VALUES).nullish(),
  consentimientos: ConsentimientosSchema.nullish(),
};

export const TYPED_RESPONSE_FIELDS = Object.keys(typedFieldsShape) as (keyof typeof typedFieldsShape)[];

/**
 * Every known optional answer in its typed form: the validator's strict mode reports a value that
 * does not fit; lenient mode normalises it or moves it to `loose_answers`. Required fields are
 * checked by hand.
 */
export const OptionalResponsesSchema = z.looseObject({
  ...shapeOf(ORIGINAL_TEXT_FIELDS, optionalText),
  ...shapeOf(ORIGINAL_TEXT_OR_NUMBER_FIELDS, optionalTextOrNumber),
  /** Original multi-select ("Perder grasa", "Reducir estrés", …). */
  motivos_entrenar: z.array(z.string()).nullish(),
  ...typedFieldsShape,
});

/**
 * `responses` as stored: the 7 required fields in the original's loose format (see
 * `validateQuestionnaire`), every other answer any JSON value — another system may have written it,
 * and reading it back (IPC and HTTP contracts, the repository) must never fail on an optional answer.
 */
export const QuestionnaireResponsesSchema = z.looseObject({
  nombre_completo: z.string(),
  email: z.string(),
  fecha_nacimiento: z.string(),
  sexo: z.string(),
  peso: z.union([z.string(), z.number()]),
  altura_cm: z.union([z.string(), z.number()]),
  objetivo_fisico: z.string(),
});

export const QuestionnaireSubmissionSchema = z.looseObject({
  _id: z.string().min(1),
  user_id: z.string().min(1),
  responses: QuestionnaireResponsesSchema,
  submitted_at: z.date(),
  plan_generated: z.boolean(),
  plan_id: z.string().nullable(),
  schema_version: SchemaVersionFieldSchema,
});

/**
 * Why an optional answer is in `loose_answers` instead of (or besides) its typed key:
 *  - `kept_as_text`: not understood with certainty; kept verbatim, out of the typed key;
 *  - `implausible`: read as a value the field cannot hold (sleep 30 h); kept, flagged for review;
 *  - `partly_understood`: the understood part is in the typed key (when the key can hold it), the
 *    whole answer is kept verbatim here;
 *  - `normalised`: a health answer understood with certainty ("No" → `[]`); its verbatim is kept
 *    all the same, because health declarations are never reduced to our reading of them.
 */
export const LOOSE_ANSWER_REASONS = [
  'kept_as_text',
  'implausible',
  'partly_understood',
  'normalised',
] as const;
export type LooseAnswerReason = (typeof LOOSE_ANSWER_REASONS)[number];

export const LooseAnswerSchema = z.object({
  /** The key in `responses`. */
  field: z.string().min(1),
  /** Exactly as received. */
  value: z.unknown(),
  reason: z.enum(LOOSE_ANSWER_REASONS),
  /** What was read from it (the typed value, or the part that was understood), if anything. */
  understood: z.unknown().optional(),
  /** What the typed field expects, in the validation language. */
  expected: z.string(),
});
export type LooseAnswer = z.infer<typeof LooseAnswerSchema>;

/** `responses` after `validateQuestionnaire`: trimmed text, canonical sexo, numeric measurements. */
export const NormalizedResponsesSchema = OptionalResponsesSchema.extend({
  nombre_completo: nonEmptyText,
  email: nonEmptyText,
  fecha_nacimiento: isoDate,
  sexo: z.enum(SEXO_VALUES),
  peso: rangedNumber(PESO_KG_RANGE),
  altura_cm: rangedNumber(ALTURA_CM_RANGE),
  objetivo_fisico: nonEmptyText,
});

/**
 * What the validator returns: submission metadata may be absent (e.g. an HTTP request body).
 * `responses` is typed; answers that did not fit their typed key are in `loose_answers`.
 */
export const NormalizedQuestionnaireSchema = z.looseObject({
  _id: z.string().min(1),
  user_id: z.string().min(1),
  responses: NormalizedResponsesSchema,
  loose_answers: z.array(LooseAnswerSchema).default([]),
});

export type Parq = z.infer<typeof ParqSchema>;
export type Scoff = z.infer<typeof ScoffSchema>;
export type Lesion = z.infer<typeof LesionSchema>;
export type MarcaActual = z.infer<typeof MarcaActualSchema>;
export type Medicacion = z.infer<typeof MedicacionSchema>;
export type Cirugia = z.infer<typeof CirugiaSchema>;
export type AutorizacionMedica = z.infer<typeof AutorizacionMedicaSchema>;
export type Suplemento = z.infer<typeof SuplementoSchema>;
export type Consentimientos = z.infer<typeof ConsentimientosSchema>;
export type Perimetros = z.infer<typeof PerimetrosSchema>;
export type OptionalResponses = z.infer<typeof OptionalResponsesSchema>;
export type QuestionnaireResponses = z.infer<typeof QuestionnaireResponsesSchema>;
export type QuestionnaireSubmission = z.infer<typeof QuestionnaireSubmissionSchema>;
export type NormalizedResponses = z.infer<typeof NormalizedResponsesSchema>;
export type NormalizedQuestionnaire = z.infer<typeof NormalizedQuestionnaireSchema>;
export type TypedResponseField = keyof typeof typedFieldsShape;
export type ObjetivoPrincipal = (typeof OBJETIVO_PRINCIPAL_VALUES)[number];
export type NivelExperiencia = (typeof NIVEL_EXPERIENCIA_VALUES)[number];
export type DiaSemana = (typeof DIA_SEMANA_VALUES)[number];
export type AlergenoEu14 = (typeof ALERGENOS_EU14)[number];
