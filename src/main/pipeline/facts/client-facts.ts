import type { ClientFacts } from '@shared/plan-content';
import {
  DIA_SEMANA_VALUES,
  MATERIAL_DISPONIBLE_VALUES,
  type NormalizedQuestionnaire,
} from '@shared/questionnaire';
import { ageYears, bmi } from '../calculators';
import { contraindicationsForInjury, isCatalogId } from '../catalog';
import { readQuestionnaire, stricterStatus, type QuestionnaireReading } from '@shared/reading';
import { parseDaysPerWeek, parseSessionMinutes, parseYearsTraining } from './free-text';
import { reviewItemsFor } from './review-items';

type Responses = NormalizedQuestionnaire['responses'];

/** Open questions the training agents must treat as constraints until the coach answers them. */
const TRAINING_REVIEW_TOPICS = ['lesion', 'patologia', 'parq', 'cirugia', 'embarazo', 'objetivo'] as const;
type Dia = (typeof DIA_SEMANA_VALUES)[number];

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** Spread n training days over the week with rest between them when possible. */
const DEFAULT_DAYS: Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Dia[]> = {
  1: ['miercoles'],
  2: ['lunes', 'jueves'],
  3: ['lunes', 'miercoles', 'viernes'],
  4: ['lunes', 'martes', 'jueves', 'viernes'],
  5: ['lunes', 'martes', 'miercoles', 'viernes', 'sabado'],
  6: ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'],
  7: [...DIA_SEMANA_VALUES],
};

function text(responses: Responses, key: string): string | null {
  const value = (responses as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function experienceLevel(responses: Responses): ClientFacts['nivel_experiencia'] {
  if (responses.nivel_experiencia) return responses.nivel_experiencia;
  const years =
    responses.anos_entrenando_fuerza ??
    parseYearsTraining(text(responses, 'entrenado_gimnasio')) ??
    parseYearsTraining(text(responses, 'experiencia_entrenamiento'));
  if (years === null || years === undefined || years < 1) return 'principiante';
  return years < 4 ? 'intermedio' : 'avanzado';
}

function equipment(responses: Responses): string[] {
  if (responses.material_disponible?.length) return [...responses.material_disponible];
  const place = responses.lugar_entrenamiento ?? '';
  const home = place === 'casa' || place === 'aire_libre' || /casa/i.test(text(responses, 'gimnasio') ?? '');
  if (!home) {
    // A gym (the original system's default client): everything but TRX, which few gyms lend.
    return MATERIAL_DISPONIBLE_VALUES.filter((m) => m !== 'trx' && m !== 'ninguno');
  }
  const homeText = (text(responses, 'material_casa') ?? '').toLowerCase();
  const found = MATERIAL_DISPONIBLE_VALUES.filter(
    (m) => m !== 'ninguno' && homeText.includes(m.replace('_', ' ')),
  );
  return found.length > 0 ? found : ['ninguno'];
}

/**
 * Injuries as the reader understood them (typed list and every free-text answer), one per zone:
 * when two answers name the same zone the stricter status wins, so "recuperada" in the form cannot
 * hide "todavía me duele" written elsewhere.
 */
function injuries(reading: QuestionnaireReading): ClientFacts['lesiones'] {
  const byZone = new Map<string, ClientFacts['lesiones'][number]>();
  for (const finding of reading.findings) {
    if (finding.topic !== 'lesion') continue;
    const estado = finding.estado ?? 'activa';
    const previous = byZone.get(finding.code);
    const merged = previous ? stricterStatus(previous.estado, estado) : estado;
    const descripcion =
      previous && previous.descripcion !== finding.text
        ? `${previous.descripcion} · ${finding.text}`
        : finding.text;
    byZone.set(finding.code, {
      zona: finding.code,
      descripcion,
      estado: merged,
      tags: merged === 'recuperada' ? [] : contraindicationsForInjury(finding.code, descripcion),
    });
  }
  return [...byZone.values()];
}

/** The client facts every training agent works from, computed once per job. */
export function buildClientFacts(
  questionnaire: NormalizedQuestionnaire,
  now: Date,
  reading: QuestionnaireReading = readQuestionnaire(questionnaire.responses),
): ClientFacts {
  const r = questionnaire.responses;
  const days = r.dias_disponibles ?? parseDaysPerWeek(text(r, 'dias_semana_entrenar')) ?? 3;
  const chosenDays = r.dias_semana?.length
    ? [...r.dias_semana]
    : DEFAULT_DAYS[Math.min(7, Math.max(1, Math.round(days))) as keyof typeof DEFAULT_DAYS];
  const lesiones = injuries(reading);
  return {
    edad: ageYears(r.fecha_nacimiento, now),
    sexo: r.sexo,
    peso_kg: r.peso,
    altura_cm: r.altura_cm,
    imc: round1(bmi(r.peso, r.altura_cm)),
    objetivo: reading.goal.objetivo,
    nivel_experiencia: experienceLevel(r),
    dias_disponibles: Math.min(days, chosenDays.length),
    dias_semana: chosenDays.slice(0, days),
    duracion_sesion_min: r.duracion_sesion_min ?? parseSessionMinutes(text(r, 'tiempo_sesion')) ?? 60,
    material: equipment(r),
    lesiones,
    tags_contraindicados: [...new Set(lesiones.flatMap((l) => l.tags))],
    ejercicios_excluidos: (r.ejercicios_excluidos ?? []).filter((id) => isCatalogId(id)),
    por_revisar: reviewItemsFor(reading, TRAINING_REVIEW_TOPICS),
  };
}
