import type { ClientFacts, NutritionFacts, Screening } from '@shared/plan-content';
import type { NormalizedQuestionnaire } from '@shared/questionnaire';
import { parseAllergens, parseDietPattern, parseIntolerances } from './free-text';

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

/** The facts every nutrition agent works from; screening was computed before any token was spent. */
export function buildNutritionFacts(
  questionnaire: NormalizedQuestionnaire,
  client: ClientFacts,
  screening: Screening,
): NutritionFacts {
  const r = questionnaire.responses;
  const allergyText = [text(r, 'alergias'), text(r, 'alergias_intolerancias')].filter(Boolean).join('. ');
  const alergias = new Set<string>([...(r.alergias_alimentarias ?? []), ...parseAllergens(allergyText)]);
  const intolerancias = new Set<string>([
    ...(r.intolerancias ?? []),
    ...parseIntolerances(allergyText),
    ...parseIntolerances(text(r, 'alimento_no_soporta')),
  ]);
  return {
    edad: client.edad,
    sexo: client.sexo,
    peso_kg: client.peso_kg,
    altura_cm: client.altura_cm,
    imc: client.imc,
    objetivo: client.objetivo,
    alergias: [...alergias],
    intolerancias: [...intolerancias],
    patron_alimentario:
      r.patron_alimentario ??
      parseDietPattern(text(r, 'dietas_anteriores')) ??
      parseDietPattern(text(r, 'comentarios_adicionales')) ??
      'omnivoro',
    alimentos_no_gustan: [...(r.alimentos_no_gustan ?? [])],
    comidas_dia: mealsPerDay(r),
    screening,
  };
}
