import type { ClientFacts, NutritionFacts, Screening } from '@shared/plan-content';
import type { NormalizedQuestionnaire } from '@shared/questionnaire';
import { readQuestionnaire, type QuestionnaireReading } from '@shared/reading';
import { reviewItemsFor } from './review-items';

type Responses = NormalizedQuestionnaire['responses'];

function text(responses: Responses, key: string): string | null {
  const value = (responses as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : null;
}

function mealsPerDay(responses: Responses): number {
  const typed = responses.comidas_dia;
  const raw =
    typeof typed === 'number'
      ? typed
      : Number.parseInt(String(typed ?? text(responses, 'comidas_al_dia') ?? ''), 10);
  return Number.isFinite(raw) ? Math.min(6, Math.max(3, raw)) : 4;
}

const codesOf = (reading: QuestionnaireReading, topic: string) => [
  ...new Set(reading.findings.filter((finding) => finding.topic === topic).map((finding) => finding.code)),
];

/** Stricter patterns first: two answers naming different patterns keep the one that excludes more. */
const PATTERN_STRICTNESS = ['vegano', 'ovolactovegetariano', 'pescetariano', 'kosher', 'halal', 'sin_cerdo'];

function dietPattern(responses: Responses, reading: QuestionnaireReading): string {
  if (responses.patron_alimentario) return responses.patron_alimentario;
  const read = codesOf(reading, 'patron').sort(
    (a, b) => PATTERN_STRICTNESS.indexOf(a) - PATTERN_STRICTNESS.indexOf(b),
  );
  return read.find((pattern) => PATTERN_STRICTNESS.includes(pattern)) ?? read[0] ?? 'omnivoro';
}

/**
 * The facts every nutrition agent works from; screening was computed before any token was spent.
 * Allergies and intolerances are the reader's (typed fields and every free-text answer): EU-14
 * group ids and `alimento:<food>` for foods outside the EU-14.
 */
export function buildNutritionFacts(
  questionnaire: NormalizedQuestionnaire,
  client: ClientFacts,
  screening: Screening,
  reading: QuestionnaireReading = readQuestionnaire(questionnaire.responses),
): NutritionFacts {
  const r = questionnaire.responses;
  return {
    edad: client.edad,
    sexo: client.sexo,
    peso_kg: client.peso_kg,
    altura_cm: client.altura_cm,
    imc: client.imc,
    objetivo: client.objetivo,
    // Pollen or latex allergies are shown to the coach; they do not restrict a menu.
    alergias: codesOf(reading, 'alergia').filter((code) => !code.startsWith('no_alimentaria:')),
    intolerancias: codesOf(reading, 'intolerancia'),
    patron_alimentario: dietPattern(r, reading),
    alimentos_no_gustan: [...(r.alimentos_no_gustan ?? [])],
    comidas_dia: mealsPerDay(r),
    screening,
    por_revisar: reviewItemsFor(reading, ['alergia', 'intolerancia']),
  };
}
