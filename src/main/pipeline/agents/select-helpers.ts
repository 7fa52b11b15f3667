import type { NormalizedQuestionnaire } from '@shared/questionnaire';
import type { AgentId, PipelineInputs } from '../agent-definition';

/** A finished agent's stored field; the DAG guarantees dependencies ran first. */
export function outputOf<T>(inputs: PipelineInputs, id: AgentId): T {
  if (!inputs.outputs.has(id)) throw new Error(`agent ${id} has not run yet`);
  return inputs.outputs.get(id) as T;
}

const MAX_TEXT = 300;

function cut(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (typeof value !== 'object' || value === null) return value;
  // A verbatim answer from another system can be any JSON; past the text limit it goes as text.
  const json = JSON.stringify(value);
  return json !== undefined && json.length > MAX_TEXT * 4 ? `${json.slice(0, MAX_TEXT * 4)}…` : value;
}

/**
 * The client's own answer for a key: the typed value, or — when the validator could not type it,
 * or typed only part of it — the answer as written (`loose_answers`), which says everything the
 * client wrote ("Mancuernas, bandas y esterilla" rather than just the two it recognised).
 */
function answerOf(questionnaire: NormalizedQuestionnaire, key: string): unknown {
  const typed = Object.prototype.hasOwnProperty.call(questionnaire.responses, key)
    ? (questionnaire.responses as Record<string, unknown>)[key]
    : undefined;
  const loose = questionnaire.loose_answers.find((entry) => entry.field === key);
  if (!loose || loose.reason === 'normalised') return typed;
  return loose.reason === 'partly_understood' || typed === undefined || typed === null ? loose.value : typed;
}

/**
 * The questionnaire answers worth a model's attention: non-empty, personal identifiers removed,
 * long texts cut. Keeps prompts small (the original sent everything, ~45 000 tokens a plan).
 */
export function answersFor(
  questionnaire: NormalizedQuestionnaire,
  keys: readonly string[],
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    const value = answerOf(questionnaire, key);
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    picked[key] = cut(value);
  }
  return picked;
}

export function firstName(questionnaire: NormalizedQuestionnaire): string {
  return questionnaire.responses.nombre_completo.trim().split(/\s+/)[0] ?? '';
}
