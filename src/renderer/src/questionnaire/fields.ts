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
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
  PRESUPUESTO_ALIMENTACION_VALUES,
  SEXO_VALUES,
  TABACO_VALUES,
  TURNOS_TRABAJO_VALUES,
} from '@shared/questionnaire';

/**
 * The questionnaire form, described as data: each section lists its fields with the kind of input
 * and, for choices, the shared enum the server validates against. Labels come from i18n
 * (`questionnaire.fields.<name>`), section titles from `questionnaire.sections.<id>`.
 */
export type FieldKind = 'text' | 'email' | 'date' | 'number' | 'select' | 'multi' | 'textarea' | 'boolean';

/**
 * Every enum of the shared questionnaire, by the i18n group that labels its values
 * (`questionnaire.options.<group>.<value>`, in es and en).
 */
export const OPTION_GROUPS = {
  sexo: SEXO_VALUES,
  objetivo_principal: OBJETIVO_PRINCIPAL_VALUES,
  nivel_experiencia: NIVEL_EXPERIENCIA_VALUES,
  dia_semana: DIA_SEMANA_VALUES,
  franja_horaria: FRANJA_HORARIA_VALUES,
  lugar_entrenamiento: LUGAR_ENTRENAMIENTO_VALUES,
  material_disponible: MATERIAL_DISPONIBLE_VALUES,
  actividad_preferida: ACTIVIDAD_PREFERIDA_VALUES,
  estado_lesion: ESTADO_LESION_VALUES,
  patologia: PATOLOGIA_VALUES,
  embarazo_lactancia: EMBARAZO_LACTANCIA_VALUES,
  ciclo_menstrual: CICLO_MENSTRUAL_VALUES,
  alergenos: ALERGENOS_EU14,
  intolerancia: INTOLERANCIA_VALUES,
  patron_alimentario: PATRON_ALIMENTARIO_VALUES,
  come_fuera: COME_FUERA_VALUES,
  presupuesto_alimentacion: PRESUPUESTO_ALIMENTACION_VALUES,
  tabaco: TABACO_VALUES,
  actividad_laboral: ACTIVIDAD_LABORAL_VALUES,
  turnos_trabajo: TURNOS_TRABAJO_VALUES,
  metodo_grasa: METODO_GRASA_VALUES,
} as const satisfies Record<string, readonly string[]>;
export type OptionGroup = keyof typeof OPTION_GROUPS;

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Choices: the shared enum's group (values and their translated labels). */
  options?: OptionGroup;
  required?: boolean;
  /** Number inputs: decimals allowed. */
  decimals?: boolean;
}

export interface SectionSpec {
  id: string;
  fields: FieldSpec[];
}

export const QUESTIONNAIRE_SECTIONS: SectionSpec[] = [
  {
    id: 'personal',
    fields: [
      { name: 'nombre_completo', kind: 'text', required: true },
      { name: 'email', kind: 'email', required: true },
      { name: 'fecha_nacimiento', kind: 'date', required: true },
      { name: 'sexo', kind: 'select', options: 'sexo', required: true },
      { name: 'peso', kind: 'number', required: true, decimals: true },
      { name: 'altura_cm', kind: 'number', required: true },
      { name: 'telefono', kind: 'text' },
      { name: 'profesion', kind: 'text' },
    ],
  },
  {
    id: 'goals',
    fields: [
      { name: 'objetivo_fisico', kind: 'text', required: true },
      { name: 'objetivo_principal', kind: 'select', options: 'objetivo_principal' },
      { name: 'peso_objetivo_kg', kind: 'number', decimals: true },
      { name: 'plazo_semanas', kind: 'number' },
      { name: 'motivacion', kind: 'textarea' },
    ],
  },
  {
    id: 'experience',
    fields: [
      { name: 'nivel_experiencia', kind: 'select', options: 'nivel_experiencia' },
      { name: 'anos_entrenando_fuerza', kind: 'number', decimals: true },
      { name: 'dias_disponibles', kind: 'number' },
      { name: 'dias_semana', kind: 'multi', options: 'dia_semana' },
      { name: 'duracion_sesion_min', kind: 'number' },
      { name: 'franja_horaria', kind: 'select', options: 'franja_horaria' },
    ],
  },
  {
    id: 'equipment',
    fields: [
      { name: 'lugar_entrenamiento', kind: 'select', options: 'lugar_entrenamiento' },
      { name: 'material_disponible', kind: 'multi', options: 'material_disponible' },
      { name: 'actividades_preferidas', kind: 'multi', options: 'actividad_preferida' },
    ],
  },
  {
    id: 'health',
    fields: [
      { name: 'lesiones_text', kind: 'textarea' },
      { name: 'patologias', kind: 'multi', options: 'patologia' },
      { name: 'patologias_detalle', kind: 'textarea' },
      { name: 'embarazo_lactancia', kind: 'select', options: 'embarazo_lactancia' },
      { name: 'ciclo_menstrual', kind: 'select', options: 'ciclo_menstrual' },
    ],
  },
  { id: 'medication', fields: [{ name: 'medicamentos', kind: 'textarea' }] },
  {
    id: 'nutrition',
    fields: [
      { name: 'patron_alimentario', kind: 'select', options: 'patron_alimentario' },
      { name: 'comidas_dia', kind: 'number' },
      { name: 'come_fuera', kind: 'select', options: 'come_fuera' },
      { name: 'presupuesto_alimentacion', kind: 'select', options: 'presupuesto_alimentacion' },
      { name: 'tiempo_cocina_min', kind: 'number' },
      { name: 'alimento_no_soporta', kind: 'text' },
    ],
  },
  {
    id: 'allergies',
    fields: [
      { name: 'alergias_alimentarias', kind: 'multi', options: 'alergenos' },
      { name: 'intolerancias', kind: 'multi', options: 'intolerancia' },
      { name: 'anafilaxia', kind: 'boolean' },
    ],
  },
  {
    id: 'habits',
    fields: [
      { name: 'horas_sueno', kind: 'number', decimals: true },
      { name: 'calidad_sueno', kind: 'number' },
      { name: 'nivel_estres', kind: 'number' },
      { name: 'pasos_diarios', kind: 'number' },
      { name: 'actividad_laboral', kind: 'select', options: 'actividad_laboral' },
      { name: 'tabaco', kind: 'select', options: 'tabaco' },
      { name: 'alcohol_unidades_semana', kind: 'number' },
      { name: 'cafeina_mg_dia', kind: 'number' },
      { name: 'agua_l_dia', kind: 'number', decimals: true },
    ],
  },
];

export const FORM_FIELD_NAMES = new Set(QUESTIONNAIRE_SECTIONS.flatMap((s) => s.fields.map((f) => f.name)));

export type ResponsesForm = Record<string, unknown>;

/** Form values → `responses`: empty inputs are left out, everything imported is kept. */
export function toResponses(values: ResponsesForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === '' || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && FORM_FIELD_NAMES.has(key)) continue;
    out[key] = value;
  }
  return out;
}

/** `responses.parq.p3` → `parq` (the form field that shows the error). */
export function formFieldOf(path: string): string | null {
  const match = /^responses\.([^.[\]]+)/.exec(path);
  return match?.[1] ?? null;
}
