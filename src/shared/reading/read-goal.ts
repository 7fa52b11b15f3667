import { declared, splitClauses } from './clauses';
import { GOALS } from './lexicon';
import type { GoalReading } from './reading-schema';

/*
 * A free-text goal read with all its parts (docs/DOMAIN.md, "Reading free-text answers"): "ganar
 * músculo y definir" is recomposition, never a plain deficit; a goal that names losing and gaining
 * weight at once, or nothing the app knows, is not guessed: it goes to the coach, and meanwhile
 * the plan is built for maintenance (no deficit, no surplus).
 */

type Objetivo = GoalReading['objetivo'];

export interface GoalText {
  objetivo: Objetivo | null;
  intents: string[];
  ambiguous: boolean;
}

function combine(intents: ReadonlySet<string>): { objetivo: Objetivo | null; ambiguous: boolean } {
  const has = (intent: string) => intents.has(intent);
  const gain = has('gain_muscle') || has('tone');
  if (has('loss') && has('gain_weight')) return { objetivo: 'mantenimiento', ambiguous: true };
  if (has('loss') && gain) return { objetivo: 'recomposicion', ambiguous: false };
  if (has('loss')) return { objetivo: 'perder_grasa', ambiguous: false };
  if (has('tone')) return { objetivo: 'recomposicion', ambiguous: false };
  if (has('gain_muscle') || has('gain_weight')) return { objetivo: 'ganar_musculo', ambiguous: false };
  if (has('strength')) return { objetivo: 'fuerza', ambiguous: false };
  if (has('performance')) return { objetivo: 'rendimiento', ambiguous: false };
  if (has('maintain')) return { objetivo: 'mantenimiento', ambiguous: false };
  if (has('health')) return { objetivo: 'salud', ambiguous: false };
  return { objetivo: null, ambiguous: true };
}

export function readGoalText(text: string): GoalText {
  const clauses = splitClauses(text);
  const intents = new Set<string>();
  for (const hit of declared(
    clauses,
    GOALS.map((entry) => entry.phrase),
  )) {
    const intent = GOALS.find((entry) => entry.phrase === hit.phrase)?.value;
    if (intent) intents.add(intent);
  }
  return { ...combine(intents), intents: [...intents] };
}
