import type { z } from 'zod';
import {
  ACTIVIDAD_LABORAL_VALUES,
  ACTIVIDAD_PREFERIDA_VALUES,
  ALERGENOS_EU14,
  CICLO_MENSTRUAL_VALUES,
  COME_FUERA_VALUES,
  DIA_SEMANA_VALUES,
  EMBARAZO_LACTANCIA_VALUES,
  ESTADO_LESION_VALUES,
  FRANJA_HORARIA_VALUES,
  INTOLERANCIA_VALUES,
  LUGAR_ENTRENAMIENTO_VALUES,
  MATERIAL_DISPONIBLE_VALUES,
  METODO_GRASA_VALUES,
  NIVEL_EXPERIENCIA_VALUES,
  OBJETIVO_PRINCIPAL_VALUES,
  ORIGINAL_TEXT_FIELDS,
  ORIGINAL_TEXT_OR_NUMBER_FIELDS,
  PARQ_KEYS,
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
  PRESUPUESTO_ALIMENTACION_VALUES,
  SCOFF_KEYS,
  TABACO_VALUES,
  TURNOS_TRABAJO_VALUES,
  TYPED_NUMBER_RANGES,
  AutorizacionMedicaSchema,
  CirugiaSchema,
  ConsentimientosSchema,
  LesionSchema,
  MarcaActualSchema,
  MedicacionSchema,
  ParqSchema,
  PerimetrosSchema,
  ScoffSchema,
  SuplementoSchema,
  type NumberRange,
} from '../questionnaire';
import { MESSAGES, type Lang } from '../validation-messages';
import type { RangeKey } from './numbers';

/*
 * How each known optional answer is read when it does not already fit its typed schema. The
 * schemas in questionnaire.ts stay the single source of truth for what is valid: every reading
 * below is checked against them before it reaches `responses`.
 */

/** A key inside an object answer (a PAR-Q+ item, a lesion's `estado`…). */
export type PartSpec =
  | { kind: 'boolean' }
  | { kind: 'number'; range: RangeKey }
  /** `lexicon`: the key of its phrases in answer-words.json. */
  | { kind: 'enum'; values: readonly string[]; lexicon: string }
  | { kind: 'text' }
  | { kind: 'date' };

export interface ObjectShape {
  parts: Readonly<Record<string, PartSpec>>;
  /** The object's own schema (a list's item schema): what a reading must satisfy. */
  schema: z.ZodType;
}

export type FieldSpec =
  | { kind: 'text' }
  | { kind: 'textOrNumber' }
  | { kind: 'number'; range: RangeKey }
  /** `comidas_dia`: a number in range, or the original's free text kept as it is. */
  | { kind: 'countOrText'; range: RangeKey }
  /** `none`: the value a "no" / "ninguno" answer means, when the field has one. */
  | { kind: 'enum'; values: readonly string[]; none?: string }
  | { kind: 'enumList'; values: readonly string[]; none?: string }
  | { kind: 'textList' }
  | { kind: 'boolean' }
  | { kind: 'object'; shape: ObjectShape }
  /**
   * `fromText`: a list item written as plain text fills this part (`"Eutirox"` → `{nombre}`);
   * `textAnswer`: a whole answer written as text is one item (`whole`), split into items (`split`)
   * or not read (`keep`).
   */
  | { kind: 'objectList'; shape: ObjectShape; fromText?: string; textAnswer: 'whole' | 'split' | 'keep' }
  | { kind: 'mealTimes' }
  | { kind: 'country' };

const yesNoShape = (keys: readonly string[], schema: z.ZodType): ObjectShape => ({
  parts: Object.fromEntries(keys.map((key) => [key, { kind: 'boolean' } as const])),
  schema,
});

const PERIMETROS: ObjectShape = {
  parts: {
    cintura: { kind: 'number', range: 'perimetros_cm.cintura' },
    cadera: { kind: 'number', range: 'perimetros_cm.cadera' },
    pecho: { kind: 'number', range: 'perimetros_cm.pecho' },
    brazo: { kind: 'number', range: 'perimetros_cm.brazo' },
    muslo: { kind: 'number', range: 'perimetros_cm.muslo' },
  },
  schema: PerimetrosSchema,
};

const LESION: ObjectShape = {
  parts: {
    zona: { kind: 'text' },
    descripcion: { kind: 'text' },
    estado: { kind: 'enum', values: ESTADO_LESION_VALUES, lexicon: 'lesiones.estado' },
    dolor_0_10: { kind: 'number', range: 'lesiones.dolor_0_10' },
    diagnostico_medico: { kind: 'boolean' },
    fecha: { kind: 'date' },
  },
  schema: LesionSchema,
};

const MARCA: ObjectShape = {
  parts: {
    ejercicio_id: { kind: 'text' },
    kg: { kind: 'number', range: 'marcas_actuales.kg' },
    reps: { kind: 'number', range: 'marcas_actuales.reps' },
  },
  schema: MarcaActualSchema,
};

const MEDICACION: ObjectShape = {
  parts: { nombre: { kind: 'text' }, dosis: { kind: 'text' }, motivo: { kind: 'text' } },
  schema: MedicacionSchema,
};

const CIRUGIA: ObjectShape = {
  parts: { tipo: { kind: 'text' }, fecha: { kind: 'date' } },
  schema: CirugiaSchema,
};

const SUPLEMENTO: ObjectShape = {
  parts: { nombre: { kind: 'text' }, dosis: { kind: 'text' } },
  schema: SuplementoSchema,
};

const AUTORIZACION: ObjectShape = {
  parts: { tiene: { kind: 'boolean' }, fecha: { kind: 'date' }, notas: { kind: 'text' } },
  schema: AutorizacionMedicaSchema,
};

const CONSENTIMIENTOS: ObjectShape = {
  parts: {
    datos_salud: { kind: 'boolean' },
    datos_salud_fecha: { kind: 'date' },
    tutor_legal: { kind: 'boolean' },
    imagen: { kind: 'boolean' },
  },
  schema: ConsentimientosSchema,
};

const number = (range: RangeKey): FieldSpec => ({ kind: 'number', range });
const text: FieldSpec = { kind: 'text' };

const TYPED_FIELD_SPECS = {
  pais: { kind: 'country' },
  grasa_corporal_pct: number('grasa_corporal_pct'),
  metodo_grasa: { kind: 'enum', values: METODO_GRASA_VALUES, none: 'ninguno' },
  perimetros_cm: { kind: 'object', shape: PERIMETROS },
  peso_objetivo_kg: number('peso_objetivo_kg'),
  objetivo_principal: { kind: 'enum', values: OBJETIVO_PRINCIPAL_VALUES },
  plazo_semanas: number('plazo_semanas'),
  motivacion: text,
  nivel_experiencia: { kind: 'enum', values: NIVEL_EXPERIENCIA_VALUES },
  anos_entrenando_fuerza: number('anos_entrenando_fuerza'),
  marcas_actuales: { kind: 'objectList', shape: MARCA, textAnswer: 'keep' },
  dias_disponibles: number('dias_disponibles'),
  dias_semana: { kind: 'enumList', values: DIA_SEMANA_VALUES },
  duracion_sesion_min: number('duracion_sesion_min'),
  franja_horaria: { kind: 'enum', values: FRANJA_HORARIA_VALUES },
  lugar_entrenamiento: { kind: 'enum', values: LUGAR_ENTRENAMIENTO_VALUES },
  material_disponible: { kind: 'enumList', values: MATERIAL_DISPONIBLE_VALUES, none: 'ninguno' },
  ejercicios_excluidos: { kind: 'textList' },
  actividades_preferidas: { kind: 'enumList', values: ACTIVIDAD_PREFERIDA_VALUES },
  parq: { kind: 'object', shape: yesNoShape(PARQ_KEYS, ParqSchema) },
  lesiones: { kind: 'objectList', shape: LESION, textAnswer: 'keep' },
  patologias: { kind: 'enumList', values: PATOLOGIA_VALUES },
  patologias_detalle: text,
  medicacion: { kind: 'objectList', shape: MEDICACION, fromText: 'nombre', textAnswer: 'whole' },
  cirugias_recientes: { kind: 'objectList', shape: CIRUGIA, fromText: 'tipo', textAnswer: 'whole' },
  embarazo_lactancia: { kind: 'enum', values: EMBARAZO_LACTANCIA_VALUES, none: 'no' },
  ciclo_menstrual: { kind: 'enum', values: CICLO_MENSTRUAL_VALUES },
  autorizacion_medica: { kind: 'object', shape: AUTORIZACION },
  alergias_alimentarias: { kind: 'enumList', values: ALERGENOS_EU14 },
  anafilaxia: { kind: 'boolean' },
  intolerancias: { kind: 'enumList', values: INTOLERANCIA_VALUES },
  patron_alimentario: { kind: 'enum', values: PATRON_ALIMENTARIO_VALUES },
  alimentos_no_gustan: { kind: 'textList' },
  alimentos_preferidos: { kind: 'textList' },
  comidas_dia: { kind: 'countOrText', range: 'comidas_dia' },
  horario_comidas: { kind: 'mealTimes' },
  come_fuera: { kind: 'enum', values: COME_FUERA_VALUES, none: 'nunca' },
  presupuesto_alimentacion: { kind: 'enum', values: PRESUPUESTO_ALIMENTACION_VALUES },
  tiempo_cocina_min: number('tiempo_cocina_min'),
  alcohol_unidades_semana: number('alcohol_unidades_semana'),
  tabaco: { kind: 'enum', values: TABACO_VALUES, none: 'no' },
  cafeina_mg_dia: number('cafeina_mg_dia'),
  suplementos_actuales: { kind: 'objectList', shape: SUPLEMENTO, fromText: 'nombre', textAnswer: 'split' },
  agua_l_dia: number('agua_l_dia'),
  historial_dietas: text,
  scoff: { kind: 'object', shape: yesNoShape(SCOFF_KEYS, ScoffSchema) },
  horas_sueno: number('horas_sueno'),
  calidad_sueno: number('calidad_sueno'),
  nivel_estres: number('nivel_estres'),
  actividad_laboral: { kind: 'enum', values: ACTIVIDAD_LABORAL_VALUES },
  pasos_diarios: number('pasos_diarios'),
  turnos_trabajo: { kind: 'enum', values: TURNOS_TRABAJO_VALUES },
  consentimientos: { kind: 'object', shape: CONSENTIMIENTOS },
} as const satisfies Record<string, FieldSpec>;

/** Every known optional answer (the keys of OptionalResponsesSchema) and how it is read. */
export const FIELD_SPECS: Readonly<Record<string, FieldSpec>> = {
  ...Object.fromEntries(ORIGINAL_TEXT_FIELDS.map((key) => [key, text])),
  ...Object.fromEntries(
    ORIGINAL_TEXT_OR_NUMBER_FIELDS.map((key) => [key, { kind: 'textOrNumber' } as const]),
  ),
  motivos_entrenar: { kind: 'textList' },
  ...TYPED_FIELD_SPECS,
};

/**
 * Health answers: the brief's list (screening inputs, docs/DOMAIN.md "Screening", and food safety) plus anaphylaxis,
 * the medical clearance and the menstrual cycle, which screening and the nutrition audit also read.
 * Their verbatim is kept in `loose_answers` even when read with certainty.
 */
export const HEALTH_FIELDS: ReadonlySet<string> = new Set([
  'lesiones',
  'patologias',
  'medicacion',
  'cirugias_recientes',
  'embarazo_lactancia',
  'alergias_alimentarias',
  'intolerancias',
  'patron_alimentario',
  'parq',
  'scoff',
  'anafilaxia',
  'autorizacion_medica',
  'ciclo_menstrual',
]);

function partNames(shape: ObjectShape): string[] {
  return Object.keys(shape.parts);
}

/** What the typed field expects, in words, for a `loose_answers` entry. */
export function expectedText(field: string, lang: Lang): string {
  const e = MESSAGES[lang].expect;
  const spec = Object.prototype.hasOwnProperty.call(FIELD_SPECS, field) ? FIELD_SPECS[field] : undefined;
  if (!spec) return e.valid;
  switch (spec.kind) {
    case 'text':
      return e.text;
    case 'textOrNumber':
      return e.either([e.text, e.number]);
    case 'number':
      return e.range(rangeOf(spec.range), lang);
    case 'countOrText':
      return e.either([e.range(rangeOf(spec.range), lang), e.text]);
    case 'enum':
      return e.oneOf(spec.values);
    case 'enumList':
      return e.listOf(spec.values);
    case 'textList':
      return e.textList;
    case 'boolean':
      return e.boolean;
    case 'object':
      return Object.values(spec.shape.parts).every((part) => part.kind === 'boolean')
        ? e.yesNoObject(partNames(spec.shape))
        : e.objectWith(partNames(spec.shape));
    case 'objectList':
      return e.objectList(partNames(spec.shape));
    case 'mealTimes':
      return e.mealTimes;
    case 'country':
      return e.country;
  }
}

function rangeOf(key: RangeKey): NumberRange {
  return TYPED_NUMBER_RANGES[key];
}
