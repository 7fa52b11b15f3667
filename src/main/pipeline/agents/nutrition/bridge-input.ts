import type { Bridge, SessionsField } from '@shared/plan-content';
import type { PipelineInputs } from '../../agent-definition';
import { bridgeFromQuestionnaire, bridgeFromSessions } from '../../facts/bridge';

/** The training load's numbers; E9's notes for the nutritionist are not read by any agent. */
export type BridgeNumbers = Omit<Bridge, 'notas_para_nutricion'>;

/**
 * The training load nutrition works from (docs/ARCHITECTURE.md "The agents"): in a `full` job, the
 * week's sessions — E5 fixes their days and minutes and E6 must keep them (its validate), so E5's,
 * E6's and E9's numbers are the same, by the same function, and nutrition need not wait for E6 or
 * E9; else the client's latest training plan's bridge, else the questionnaire's availability.
 */
export function bridgeFor(inputs: PipelineInputs): BridgeNumbers {
  const stored = inputs.outputs.get('E9') as Bridge | undefined;
  if (stored) return stored;
  const week = (inputs.outputs.get('E6') ?? inputs.outputs.get('E5')) as SessionsField | undefined;
  if (week) return bridgeFromSessions(week);
  return inputs.existingBridge ?? bridgeFromQuestionnaire(inputs.clientFacts);
}
