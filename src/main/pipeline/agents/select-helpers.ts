import type { NormalizedQuestionnaire } from '@shared/questionnaire';
import type { AgentId, PipelineInputs } from '../agent-definition';

/** A finished agent's stored field; the DAG guarantees dependencies ran first. */
export function outputOf<T>(inputs: PipelineInputs, id: AgentId): T {
  if (!inputs.outputs.has(id)) throw new Error(`agent ${id} has not run yet`);
  return inputs.outputs.get(id) as T;
}

const MAX_TEXT = 300;

/**
 * The questionnaire answers worth a model's attention: non-empty, personal identifiers removed,
 * long texts cut. Keeps prompts small (the original sent everything, ~45 000 tokens a plan).
 */
export function answersFor(
  questionnaire: NormalizedQuestionnaire,
  keys: readonly string[],
): Record<string, unknown> {
  const responses = questionnaire.responses as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    const value = responses[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    picked[key] =
      typeof value === 'string' && value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }
  return picked;
}

export function firstName(questionnaire: NormalizedQuestionnaire): string {
  return questionnaire.responses.nombre_completo.trim().split(/\s+/)[0] ?? '';
}
