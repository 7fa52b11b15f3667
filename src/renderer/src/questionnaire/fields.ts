import {
  ACTIVIDAD_LABORAL_VALUES,
  ACTIVIDAD_PREFERIDA_VALUES,
  ALERGENOS_EU14,
  CICLO_MENSTRUAL_VALUES,
  COME_FUERA_VALUES,
  DIA_SEMANA_VALUES,
  EMBARAZO_LACTANCIA_VALUES,
  FRANJA_HORARIA_VALUES,
  INTOLERANCIA_VALUES,
  LUGAR_ENTRENAMIENTO_VALUES,
  MATERIAL_DISPONIBLE_VALUES,
  NIVEL_EXPERIENCIA_VALUES,
  OBJETIVO_PRINCIPAL_VALUES,
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
  PRESUPUESTO_ALIMENTACION_VALUES,
  SEXO_VALUES,
  TABACO_VALUES,
} from '@shared/questionnaire';

/**
 * The questionnaire form, described as data: each section lists its fields with the kind of input
 * and, for choices, the shared enum the server validates against. Labels come from i18n
 * (`questionnaire.fields.<name>`), section titles from `questionnaire.sections.<id>`.
 */
export type FieldKind = 'text' | 'email' | 'date' | 'number' | 'select' | 'multi' | 'textarea' | 'boolean';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  options?: readonly string[];
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
      { name: 'sexo', kind: 'select', options: SEXO_VALUES, required: true },
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
      { name: 'objetivo_principal', kind: 'select', options: OBJETIVO_PRINCIPAL_VALUES },
      { name: 'peso_objetivo_kg', kind: 'number', decimals: true },
      { name: 'plazo_semanas', kind: 'number' },
      { name: 'motivacion', kind: 'textarea' },
    ],
  },
  {
    id: 'experience',
    fields: [
      { name: 'nivel_experiencia', kind: 'select', options: NIVEL_EXPERIENCIA_VALUES },
      { name: 'anos_entrenando_fuerza', kind: 'number', decimals: true },
      { name: 'dias_disponibles', kind: 'number' },
      { name: 'dias_semana', kind: 'multi', options: DIA_SEMANA_VALUES },
      { name: 'duracion_sesion_min', kind: 'number' },
      { name: 'franja_horaria', kind: 'select', options: FRANJA_HORARIA_VALUES },
    ],
  },
  {
    id: 'equipment',
    fields: [
      { name: 'lugar_entrenamiento', kind: 'select', options: LUGAR_ENTRENAMIENTO_VALUES },
      { name: 'material_disponible', kind: 'multi', options: MATERIAL_DISPONIBLE_VALUES },
      { name: 'actividades_preferidas', kind: 'multi', options: ACTIVIDAD_PREFERIDA_VALUES },
    ],
  },
  {
    id: 'health',
    fields: [
      { name: 'lesiones_text', kind: 'textarea' },
      { name: 'patologias', kind: 'multi', options: PATOLOGIA_VALUES },
      { name: 'patologias_detalle', kind: 'textarea' },
      { name: 'embarazo_lactancia', kind: 'select', options: EMBARAZO_LACTANCIA_VALUES },
      { name: 'ciclo_menstrual', kind: 'select', options: CICLO_MENSTRUAL_VALUES },
    ],
  },
  { id: 'medication', fields: [{ name: 'medicamentos', kind: 'textarea' }] },
  {
    id: 'nutrition',
    fields: [
      { name: 'patron_alimentario', kind: 'select', options: PATRON_ALIMENTARIO_VALUES },
      { name: 'comidas_dia', kind: 'number' },
      { name: 'come_fuera', kind: 'select', options: COME_FUERA_VALUES },
      { name: 'presupuesto_alimentacion', kind: 'select', options: PRESUPUESTO_ALIMENTACION_VALUES },
      { name: 'tiempo_cocina_min', kind: 'number' },
      { name: 'alimento_no_soporta', kind: 'text' },
    ],
  },
  {
    id: 'allergies',
    fields: [
      { name: 'alergias_alimentarias', kind: 'multi', options: ALERGENOS_EU14 },
      { name: 'intolerancias', kind: 'multi', options: INTOLERANCIA_VALUES },
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
      { name: 'actividad_laboral', kind: 'select', options: ACTIVIDAD_LABORAL_VALUES },
      { name: 'tabaco', kind: 'select', options: TABACO_VALUES },
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
