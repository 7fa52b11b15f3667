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
  METODO_GRASA_VALUES,
  NIVEL_EXPERIENCIA_VALUES,
  OBJETIVO_PRINCIPAL_VALUES,
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
  PRESUPUESTO_ALIMENTACION_VALUES,
  TABACO_VALUES,
  TURNOS_TRABAJO_VALUES,
} from '../questionnaire';
import { declared, splitClauses } from './clauses';
import { HEALTH, INJURY } from './lexicon';
import { statusOf } from './read-injury';
import { reviewId } from './answer-context';
import type { Finding, NeedsReview } from './reading-schema';

/*
 * Facts from the typed form fields (this app's own questionnaire). A typed value is already a
 * fact; the free text beside it (an injury's description) can only make it stricter: an injury
 * typed "recuperada" whose description says "todavía me duele" is active.
 */

type Estado = NonNullable<Finding['estado']>;
type Record_ = Record<string, unknown>;

const STRICTNESS: Record<Estado, number> = { activa: 2, cronica: 1, recuperada: 0 };
export const stricterStatus = (a: Estado, b: Estado): Estado => (STRICTNESS[a] >= STRICTNESS[b] ? a : b);

const isIn = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/**
 * Typed keys whose values, when they are the schema's own ids, are facts already (read here) or
 * choices with no health declaration: never read as free text ("amenorrea_3m" is the typed cycle,
 * screened by SCR-05, not a sentence about it).
 */
export const TYPED_ID_FIELDS: Readonly<Record<string, readonly string[]>> = {
  alergias_alimentarias: ALERGENOS_EU14,
  intolerancias: INTOLERANCIA_VALUES,
  patologias: PATOLOGIA_VALUES,
  patron_alimentario: PATRON_ALIMENTARIO_VALUES,
  embarazo_lactancia: EMBARAZO_LACTANCIA_VALUES,
  ciclo_menstrual: CICLO_MENSTRUAL_VALUES,
  objetivo_principal: OBJETIVO_PRINCIPAL_VALUES,
  nivel_experiencia: NIVEL_EXPERIENCIA_VALUES,
  lugar_entrenamiento: LUGAR_ENTRENAMIENTO_VALUES,
  material_disponible: MATERIAL_DISPONIBLE_VALUES,
  actividades_preferidas: ACTIVIDAD_PREFERIDA_VALUES,
  dias_semana: DIA_SEMANA_VALUES,
  franja_horaria: FRANJA_HORARIA_VALUES,
  come_fuera: COME_FUERA_VALUES,
  presupuesto_alimentacion: PRESUPUESTO_ALIMENTACION_VALUES,
  tabaco: TABACO_VALUES,
  actividad_laboral: ACTIVIDAD_LABORAL_VALUES,
  turnos_trabajo: TURNOS_TRABAJO_VALUES,
  metodo_grasa: METODO_GRASA_VALUES,
};

function typed(topic: Finding['topic'], code: string, field: string, text: string, estado?: Estado): Finding {
  return { topic, code, field, text, term: text, source: 'typed', ...(estado ? { estado } : {}) };
}

function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** The catalog zone a typed `zona` names ("Rodilla dcha." → rodilla), or the zone as typed. */
export function zoneOf(zona: string): string {
  const clauses = splitClauses(zona);
  const rule = INJURY.zones.find(
    (zone) => declared(clauses, [...zone.terms, ...zone.fallbackTerms]).length > 0,
  );
  return rule?.zone ?? zona.trim().toLowerCase();
}

function injuries(responses: Record_): Finding[] {
  const list = Array.isArray(responses.lesiones) ? responses.lesiones : [];
  return list.flatMap((item: unknown, index) => {
    if (typeof item !== 'object' || item === null) return [];
    const lesion = item as Record_;
    if (typeof lesion.zona !== 'string' || lesion.zona.trim() === '') return [];
    const described =
      typeof lesion.descripcion === 'string' ? statusOf(splitClauses(lesion.descripcion)) : null;
    const typedStatus = isIn(['activa', 'cronica', 'recuperada'] as const, lesion.estado)
      ? lesion.estado
      : 'activa';
    const estado = described ? stricterStatus(typedStatus, described) : typedStatus;
    const text = [lesion.zona, lesion.descripcion].filter(hasText).join(' — ');
    return [typed('lesion', zoneOf(lesion.zona), `lesiones.${index}`, text, estado)];
  });
}

function medication(responses: Record_): Finding[] {
  const list = Array.isArray(responses.medicacion) ? responses.medicacion : [];
  return list.flatMap((item: unknown, index) => {
    const name = typeof item === 'object' && item !== null ? (item as Record_).nombre : undefined;
    if (typeof name !== 'string' || name.trim() === '') return [];
    const hypo = declared(splitClauses(name), HEALTH.hypoglycaemicDrugs).length > 0;
    return [typed('medicacion', hypo ? 'hipoglucemiante' : 'otra', `medicacion.${index}.nombre`, name)];
  });
}

function surgeries(responses: Record_): Finding[] {
  const list = Array.isArray(responses.cirugias_recientes) ? responses.cirugias_recientes : [];
  return list.flatMap((item: unknown, index) => {
    const kind = typeof item === 'object' && item !== null ? (item as Record_).tipo : undefined;
    return typeof kind === 'string' && kind.trim() !== ''
      ? [typed('cirugia', 'cirugia', `cirugias_recientes.${index}.tipo`, kind)]
      : [];
  });
}

export function typedFindings(responses: Record_): Finding[] {
  const out: Finding[] = [];
  for (const id of idList(responses.alergias_alimentarias)) {
    if (isIn(ALERGENOS_EU14, id)) out.push(typed('alergia', id, 'alergias_alimentarias', id));
  }
  for (const id of idList(responses.intolerancias)) {
    if (isIn(INTOLERANCIA_VALUES, id) && id !== 'otra')
      out.push(typed('intolerancia', id, 'intolerancias', id));
  }
  for (const id of idList(responses.patologias)) {
    if (isIn(PATOLOGIA_VALUES, id) && id !== 'otra') out.push(typed('patologia', id, 'patologias', id));
  }
  const pattern = responses.patron_alimentario;
  if (isIn(PATRON_ALIMENTARIO_VALUES, pattern) && pattern !== 'omnivoro' && pattern !== 'flexitariano') {
    out.push(typed('patron', pattern, 'patron_alimentario', pattern));
  }
  const pregnancy = responses.embarazo_lactancia;
  if (isIn(EMBARAZO_LACTANCIA_VALUES, pregnancy) && pregnancy !== 'no') {
    out.push(typed('embarazo', pregnancy, 'embarazo_lactancia', pregnancy));
  }
  return [...out, ...injuries(responses), ...medication(responses), ...surgeries(responses)];
}

/** "Otra" ticked with nothing written beside it: the coach must say what it is. */
export function typedReviews(responses: Record_): NeedsReview[] {
  const reviews: NeedsReview[] = [];
  const other = (field: string, detail: string, topic: NeedsReview['topic']) => {
    if (idList(responses[field]).includes('otra') && !hasText(responses[detail])) {
      reviews.push({
        id: reviewId(field, topic, 'otra'),
        topic,
        field,
        text: 'otra',
        reason: 'unspecified',
        words: [],
      });
    }
  };
  other('intolerancias', 'alergias_intolerancias', 'intolerancia');
  other('patologias', 'patologias_detalle', 'patologia');
  return reviews;
}
