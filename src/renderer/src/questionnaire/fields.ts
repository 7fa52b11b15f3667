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
  PARQ_KEYS,
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
  PRESUPUESTO_ALIMENTACION_VALUES,
  SCOFF_KEYS,
  SEXO_VALUES,
  TABACO_VALUES,
  TURNOS_TRABAJO_VALUES,
} from '@shared/questionnaire';

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

/**
 * The questionnaire form, described as data: each section lists its fields with the kind of input
 * and, for choices, the shared enum the server validates against. Labels come from i18n
 * (`questionnaire.fields.<name>`), section titles from `questionnaire.sections.<id>`.
 *
 * Besides the scalar inputs there are three compound kinds, for the structured answers of
 * docs/DOMAIN.md "Questionnaire fields the pipeline reads" that the screening and the pipeline read:
 *  - `yesno`: a group of yes/no questions stored as one object of booleans (`parq`, `scoff`);
 *    question texts in `questionnaire.questions.<field>.<key>`.
 *  - `list`: a repeatable list of sub-records (`lesiones`, `medicacion`, …); each item's inputs
 *    are `item`, labelled by `questionnaire.subfields.<field>.<sub>`.
 *  - `object`: one small sub-record (`autorizacion_medica`, `consentimientos`), inputs in `fields`.
 */
export type ScalarKind = 'text' | 'email' | 'date' | 'number' | 'select' | 'multi' | 'textarea' | 'boolean';
export type FieldKind = ScalarKind | 'yesno' | 'list' | 'object';

/** One input inside a list item or a small object. `exercise` picks an id from the exercise catalog. */
export type SubFieldKind = 'text' | 'date' | 'number' | 'select' | 'textarea' | 'boolean' | 'exercise';

export interface SubFieldSpec {
  name: string;
  kind: SubFieldKind;
  /** Choices: the shared enum's group. */
  options?: OptionGroup;
  /**
   * Required by the shared schema (marked with an asterisk). A required `boolean` of an answered
   * object is written as `false` when left unticked: an empty checkbox reads as "no".
   */
  required?: boolean;
  /** Number inputs: decimals allowed. */
  decimals?: boolean;
  /** Booleans: ticking it fills this sibling date with today's date when it is empty. */
  stampsDate?: string;
}

interface BaseFieldSpec {
  name: string;
  required?: boolean;
  /** Shows `questionnaire.descriptions.<name>` under the label. */
  described?: boolean;
}

/** Compound fields have no option group of their own (their inputs may). */
interface CompoundBase extends BaseFieldSpec {
  options?: never;
}

export interface ScalarFieldSpec extends BaseFieldSpec {
  kind: ScalarKind;
  /** Choices: the shared enum's group (values and their translated labels). */
  options?: OptionGroup;
  /** Number inputs: decimals allowed. */
  decimals?: boolean;
}

export interface YesNoFieldSpec extends CompoundBase {
  kind: 'yesno';
  /** The object's keys, one question each (the shared `PARQ_KEYS` / `SCOFF_KEYS`). */
  questions: readonly string[];
  /** From this many "yes" answers on, `questionnaire.alerts.<name>` is shown (what screening will do). */
  alertAt: number;
}

export interface ListFieldSpec extends CompoundBase {
  kind: 'list';
  item: readonly SubFieldSpec[];
}

export interface ObjectFieldSpec extends CompoundBase {
  kind: 'object';
  fields: readonly SubFieldSpec[];
}

export type FieldSpec = ScalarFieldSpec | YesNoFieldSpec | ListFieldSpec | ObjectFieldSpec;
export type CompoundFieldSpec = YesNoFieldSpec | ListFieldSpec | ObjectFieldSpec;

export interface SectionSpec {
  id: string;
  fields: FieldSpec[];
}

export function isCompound(spec: FieldSpec): spec is CompoundFieldSpec {
  return spec.kind === 'yesno' || spec.kind === 'list' || spec.kind === 'object';
}

/** The inputs of a list item or an object field (none for the other kinds). */
export function subFieldsOf(spec: FieldSpec): readonly SubFieldSpec[] {
  if (spec.kind === 'list') return spec.item;
  if (spec.kind === 'object') return spec.fields;
  return [];
}

const PARQ: YesNoFieldSpec = {
  name: 'parq',
  kind: 'yesno',
  questions: PARQ_KEYS,
  alertAt: 1,
  described: true,
};
const SCOFF: YesNoFieldSpec = {
  name: 'scoff',
  kind: 'yesno',
  questions: SCOFF_KEYS,
  alertAt: 2,
  described: true,
};

const LESIONES: ListFieldSpec = {
  name: 'lesiones',
  kind: 'list',
  described: true,
  item: [
    { name: 'zona', kind: 'text', required: true },
    { name: 'estado', kind: 'select', options: 'estado_lesion', required: true },
    { name: 'dolor_0_10', kind: 'number' },
    { name: 'fecha', kind: 'date' },
    { name: 'diagnostico_medico', kind: 'boolean' },
    { name: 'descripcion', kind: 'textarea' },
  ],
};

const MEDICACION: ListFieldSpec = {
  name: 'medicacion',
  kind: 'list',
  item: [
    { name: 'nombre', kind: 'text', required: true },
    { name: 'dosis', kind: 'text' },
    { name: 'motivo', kind: 'text' },
  ],
};

const CIRUGIAS: ListFieldSpec = {
  name: 'cirugias_recientes',
  kind: 'list',
  item: [
    { name: 'tipo', kind: 'text', required: true },
    { name: 'fecha', kind: 'date' },
  ],
};

const SUPLEMENTOS: ListFieldSpec = {
  name: 'suplementos_actuales',
  kind: 'list',
  item: [
    { name: 'nombre', kind: 'text', required: true },
    { name: 'dosis', kind: 'text' },
  ],
};

const MARCAS: ListFieldSpec = {
  name: 'marcas_actuales',
  kind: 'list',
  described: true,
  item: [
    { name: 'ejercicio_id', kind: 'exercise', required: true },
    { name: 'kg', kind: 'number', decimals: true, required: true },
    { name: 'reps', kind: 'number', required: true },
  ],
};

const AUTORIZACION: ObjectFieldSpec = {
  name: 'autorizacion_medica',
  kind: 'object',
  described: true,
  fields: [
    { name: 'tiene', kind: 'boolean', required: true },
    { name: 'fecha', kind: 'date' },
    { name: 'notas', kind: 'textarea' },
  ],
};

const CONSENTIMIENTOS: ObjectFieldSpec = {
  name: 'consentimientos',
  kind: 'object',
  described: true,
  fields: [
    { name: 'datos_salud', kind: 'boolean', required: true, stampsDate: 'datos_salud_fecha' },
    { name: 'datos_salud_fecha', kind: 'date' },
    { name: 'tutor_legal', kind: 'boolean' },
    { name: 'imagen', kind: 'boolean' },
  ],
};

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
      MARCAS,
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
      PARQ,
      LESIONES,
      { name: 'lesiones_text', kind: 'textarea' },
      { name: 'patologias', kind: 'multi', options: 'patologia' },
      { name: 'patologias_detalle', kind: 'textarea' },
      { name: 'embarazo_lactancia', kind: 'select', options: 'embarazo_lactancia' },
      { name: 'ciclo_menstrual', kind: 'select', options: 'ciclo_menstrual' },
      CIRUGIAS,
      AUTORIZACION,
    ],
  },
  { id: 'medication', fields: [MEDICACION, { name: 'medicamentos', kind: 'textarea' }] },
  {
    id: 'nutrition',
    fields: [
      { name: 'patron_alimentario', kind: 'select', options: 'patron_alimentario' },
      { name: 'comidas_dia', kind: 'number' },
      { name: 'come_fuera', kind: 'select', options: 'come_fuera' },
      { name: 'presupuesto_alimentacion', kind: 'select', options: 'presupuesto_alimentacion' },
      { name: 'tiempo_cocina_min', kind: 'number' },
      { name: 'alimento_no_soporta', kind: 'text' },
      SCOFF,
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
      SUPLEMENTOS,
    ],
  },
  { id: 'consent', fields: [CONSENTIMIENTOS] },
];

const ALL_FIELDS = QUESTIONNAIRE_SECTIONS.flatMap((s) => s.fields);
export const FORM_FIELD_NAMES = new Set(ALL_FIELDS.map((f) => f.name));
const SPEC_BY_NAME = new Map<string, FieldSpec>(ALL_FIELDS.map((f) => [f.name, f]));

/** The form field with this name, if the form has one. */
export function fieldSpec(name: string): FieldSpec | undefined {
  return SPEC_BY_NAME.get(name);
}

export type ResponsesForm = Record<string, unknown>;

type PlainObject = Record<string, unknown>;

function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What an input holds when it was never answered or was cleared. */
function isUnset(value: unknown): boolean {
  return value === '' || value === undefined;
}

/** Nothing a coach would call an answer: unset, null or an unticked box. */
function isBlank(value: unknown): boolean {
  return isUnset(value) || value === null || value === false;
}

/**
 * A sub-record without its unset inputs (`''`, `undefined`), or null when nothing is left that
 * is an answer. `blank` says what counts as no answer: null always; `false` too for list items
 * (an item whose only content is an unticked box is an unused "Añadir" click), not for objects
 * and yes/no groups, where `false` is the answer "no". Keys the form does not show are kept.
 */
function cleanRecord(record: PlainObject, blank: (value: unknown) => boolean): PlainObject | null {
  const out: PlainObject = {};
  for (const [key, value] of Object.entries(record)) if (!isUnset(value)) out[key] = value;
  return Object.values(out).every(blank) ? null : out;
}

/** A compound field's value as `responses` stores it, or undefined to leave it out. */
function cleanCompound(spec: CompoundFieldSpec, value: unknown): unknown {
  if (spec.kind === 'list') {
    // Not a list (an imported value of the wrong type): kept for the validator to report.
    if (!Array.isArray(value)) return value;
    const items = value.flatMap((item: unknown) => {
      if (!isPlainObject(item)) return isBlank(item) ? [] : [item];
      const cleaned = cleanRecord(item, isBlank);
      return cleaned ? [cleaned] : [];
    });
    return items.length > 0 ? items : undefined;
  }
  if (!isPlainObject(value)) return value;
  const cleaned = cleanRecord(value, (v) => v === null);
  if (!cleaned) return undefined;
  if (spec.kind === 'object') {
    for (const sub of spec.fields) {
      if (sub.kind === 'boolean' && sub.required && cleaned[sub.name] === undefined)
        cleaned[sub.name] = false;
    }
  }
  return cleaned;
}

/**
 * Form values → `responses`: empty inputs are left out, everything imported is kept. Compound
 * fields drop their unset inputs and are left out when nothing in them was answered; list items
 * that were added but not filled in are dropped.
 */
export function toResponses(values: ResponsesForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values)) {
    const spec = SPEC_BY_NAME.get(key);
    const value = spec && isCompound(spec) ? cleanCompound(spec, raw) : raw;
    if (value === '' || value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0 && spec) continue;
    out[key] = value;
  }
  return out;
}

/** `responses.parq.p3` → `parq` (the form field that shows the error). */
export function formFieldOf(path: string): string | null {
  const match = /^responses\.([^.[\]]+)/.exec(path);
  return match?.[1] ?? null;
}

/**
 * The form path whose input shows the validator's error at `path`, as segments:
 * `responses.lesiones.0.dolor_0_10` → `['lesiones', 0, 'dolor_0_10']`, `responses.parq.p3` →
 * `['parq', 'p3']`. A path deeper than any input stops at the nearest one that exists
 * (`responses.dias_semana.2` → `['dias_semana']`, `responses.lesiones.0.extra` → `['lesiones', 0]`).
 * Null for errors no input shows (`_id`, `responses` itself).
 */
export function formErrorPath(path: string): (string | number)[] | null {
  const field = formFieldOf(path);
  if (field === null) return null;
  const rest = path.slice(`responses.${field}`.length).split('.').slice(1);
  const spec = SPEC_BY_NAME.get(field);
  if (!spec || !isCompound(spec)) return [field];
  const [first, second] = rest;
  if (spec.kind === 'yesno')
    return first !== undefined && spec.questions.includes(first) ? [field, first] : [field];
  if (spec.kind === 'object') {
    return first !== undefined && spec.fields.some((f) => f.name === first) ? [field, first] : [field];
  }
  if (first === undefined || !/^\d+$/.test(first)) return [field];
  const index = Number(first);
  return second !== undefined && spec.item.some((f) => f.name === second)
    ? [field, index, second]
    : [field, index];
}

export interface FormError {
  type: string;
  message: string;
}

export interface ValidationProblem {
  field: string;
  code: string;
  message: string;
}

function isFormError(node: unknown): node is FormError {
  return isPlainObject(node) && typeof node.message === 'string' && typeof node.type === 'string';
}

/**
 * The validator's problems as react-hook-form errors, nested the way the inputs are named
 * (`errors.lesiones[0].dolor_0_10`), so each message shows on its own sub-input. List errors are
 * arrays, as react-hook-form's field arrays expect. The first problem at a path wins; an error for a
 * whole compound field that already has errors inside goes to its `root` (react-hook-form's place
 * for a field array's own error). Problems no input shows go to `root`.
 */
export function formErrorsOf(problems: readonly ValidationProblem[]): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) {
    const error: FormError = { type: problem.code, message: problem.message };
    const path = formErrorPath(problem.field) ?? ['root'];
    let node: Record<string | number, unknown> = errors;
    for (let i = 0; i < path.length; i += 1) {
      const key = path[i] as string | number;
      const existing = node[key];
      if (isFormError(existing)) break; // a message is already shown there
      if (i === path.length - 1) {
        if (existing === undefined) node[key] = error;
        else if (typeof existing === 'object' && existing !== null) {
          const branch = existing as Record<string, unknown>;
          if (!branch.root) branch.root = error;
        }
        break;
      }
      if (typeof existing !== 'object' || existing === null) {
        node[key] = typeof path[i + 1] === 'number' ? [] : {};
      }
      node = node[key] as Record<string | number, unknown>;
    }
  }
  return errors;
}

/** react-hook-form's error at `key` of a nested error tree (or the node itself), if it is a message. */
export function messageAt(error: unknown, key?: string | number): string | undefined {
  const node: unknown = key === undefined ? error : isObjectLike(error) ? error[key] : undefined;
  if (!isObjectLike(node)) return undefined;
  return typeof node.message === 'string' ? node.message : undefined;
}

/** The error of a compound value itself (not of one of its inputs): its message or its `root`. */
export function ownMessage(error: unknown): string | undefined {
  return messageAt(error) ?? messageAt(error, 'root');
}

function isObjectLike(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

export type RecordValue = Record<string, unknown>;

/** A local date as `YYYY-MM-DD` (what the date inputs hold). */
export function isoDateOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `record` with one input changed; every other key is kept, including those the form does not
 * show. Ticking a box that `stampsDate` (the health-data consent) also records today's date when
 * no date is there yet.
 */
export function withSubField(
  record: RecordValue,
  sub: SubFieldSpec,
  next: unknown,
  now = new Date(),
): RecordValue {
  const updated: RecordValue = { ...record, [sub.name]: next };
  const stamp = sub.stampsDate;
  if (
    stamp &&
    next === true &&
    (record[stamp] === undefined || record[stamp] === null || record[stamp] === '')
  ) {
    updated[stamp] = isoDateOf(now);
  }
  return updated;
}

/** How many questions of a yes/no group are answered "yes". */
export function countYes(spec: YesNoFieldSpec, value: unknown): number {
  return isPlainObject(value) ? spec.questions.filter((key) => value[key] === true).length : 0;
}
