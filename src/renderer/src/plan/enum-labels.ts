import type { DayType } from '@shared/agent-outputs/common';
import type { N0Output } from '@shared/agent-outputs/nutrition';
import type { E1Output, E2Output, E3Output, E4Output, E6Output } from '@shared/agent-outputs/training';
import type { Metabolism } from '@shared/plan-content';
import type { AuditSeverity, AuditStatus } from '@shared/plans';
import type { DiaSemana, NivelExperiencia, ObjetivoPrincipal } from '@shared/questionnaire';
import type { Messages } from '../i18n/es';

/** The closed enums of the agents' outputs that the plan views show, by the name used here. */
export interface PlanEnumValues {
  nivel: NivelExperiencia;
  dia: DiaSemana;
  objetivo: ObjetivoPrincipal;
  estado_lesion: E1Output['restricciones'][number]['estado'];
  tipo_dia: DayType;
  split: E2Output['split'];
  riesgo: E2Output['riesgo'];
  tolerancia_volumen: E3Output['tolerancia_volumen'];
  fase: E4Output['semanas'][number]['fase'];
  momento_correctivo: E6Output['correctivos'][number]['momento'];
  elegibilidad: N0Output['elegibilidad'];
  ecuacion: Metabolism['ecuacion'];
  estado_auditoria: AuditStatus;
  severidad: AuditSeverity;
}
export type PlanEnum = keyof PlanEnumValues;

/**
 * Where each enum's labels live in the i18n messages: the label of `value` is
 * `t(`${key}.${value}`)`. Enums the questionnaire also asks for reuse the form's labels.
 */
export const ENUM_LABEL_KEYS = {
  nivel: 'questionnaire.options.nivel_experiencia',
  dia: 'questionnaire.options.dia_semana',
  objetivo: 'questionnaire.options.objetivo_principal',
  estado_lesion: 'questionnaire.options.estado_lesion',
  tipo_dia: 'plan.dayType',
  split: 'plan.options.split',
  riesgo: 'plan.options.riesgo',
  tolerancia_volumen: 'plan.options.tolerancia_volumen',
  fase: 'plan.options.fase',
  momento_correctivo: 'plan.correctiveMoment',
  elegibilidad: 'plan.options.elegibilidad',
  ecuacion: 'plan.options.ecuacion',
  estado_auditoria: 'plan.auditStatus',
  severidad: 'plan.options.severidad',
} as const satisfies Record<PlanEnum, string>;

/** The type at a dotted path of an object type (`never` when the path does not exist). */
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;

type Labels<E extends PlanEnum> = At<Messages, (typeof ENUM_LABEL_KEYS)[E]>;

/** The enums whose key does not lead to a label for every value (`en` has the shape of `es`). */
type Unlabelled = {
  [E in PlanEnum]: [Labels<E>] extends [never]
    ? E
    : Labels<E> extends Record<PlanEnumValues[E], string>
      ? never
      : E;
}[PlanEnum];

// Compile-time guard: fails when a value has no label or a key leads nowhere (`Unlabelled` names the enum).
const _allLabelled: [Unlabelled] extends [never] ? true : Unlabelled = true;

/** The i18n key of an enum value's label, e.g. `enumLabelKey('split', 'torso_pierna')`. */
export function enumLabelKey<E extends PlanEnum>(name: E, value: PlanEnumValues[E]): string {
  return `${ENUM_LABEL_KEYS[name]}.${value}`;
}
