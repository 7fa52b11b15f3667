import type { Bridge, SafeSessionsField } from '@shared/plan-content';
import type { PipelineInputs } from '../../agent-definition';
import { bridgeFromQuestionnaire, bridgeFromSessions } from '../../facts/bridge';

/** The training load's numbers; E9's notes for the nutritionist are not read by any agent. */
export type BridgeNumbers = Omit<Bridge, 'notas_para_nutricion'>;

/**
 * The training load nutrition works from (docs/ARCHITECTURE.md "The agents"): in a `full` job, the
 * week's injury-safe sessions (E6) — the same numbers E9 stores, computed by the same function, so
 * nutrition need not wait for E9; else the client's latest training plan's bridge, else the
 * questionnaire's declared availability.
 */
export function bridgeFor(inputs: PipelineInputs): BridgeNumbers {
  const stored = inputs.outputs.get('E9') as Bridge | undefined;
  if (stored) return stored;
  const safe = inputs.outputs.get('E6') as SafeSessionsField | undefined;
  if (safe) return bridgeFromSessions(safe);
  return inputs.existingBridge ?? bridgeFromQuestionnaire(inputs.clientFacts);
}
