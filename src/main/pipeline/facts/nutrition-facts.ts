import type { ClientFacts, NutritionFacts, Screening } from '@shared/plan-content';
import type { NormalizedQuestionnaire } from '@shared/questionnaire';
import { PATTERN_ORDER, readQuestionnaire, type QuestionnaireReading } from '@shared/reading';
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

/**
 * The strictest pattern any answer states, typed or written: "omnívoro" ticked and "soy vegana"
 * written is vegan (a menu that respects the stricter one respects both).
 */
function dietPattern(reading: QuestionnaireReading): string {
  const rank = (pattern: string) => {
    const at = PATTERN_ORDER.indexOf(pattern);
    return at < 0 ? PATTERN_ORDER.length : at;
  };
  return codesOf(reading, 'patron').sort((a, b) => rank(a) - rank(b))[0] ?? 'omnivoro';
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
    patron_alimentario: dietPattern(reading),
    alimentos_no_gustan: [...(r.alimentos_no_gustan ?? [])],
    comidas_dia: mealsPerDay(r),
    screening,
    por_revisar: reviewItemsFor(reading, ['alergia', 'intolerancia']),
  };
}
