import type { Bridge } from '@shared/plan-content';
import type { PipelineInputs } from '../../agent-definition';
import { bridgeFromQuestionnaire } from '../../facts/bridge';

/**
 * The training load nutrition works from: this job's E9 (full), else the client's latest training
 * plan's bridge, else the questionnaire's declared availability (docs/ARCHITECTURE.md "The agents").
 */
export function bridgeFor(inputs: PipelineInputs): Bridge {
  return (
    (inputs.outputs.get('E9') as Bridge | undefined) ??
    inputs.existingBridge ??
    bridgeFromQuestionnaire(inputs.clientFacts)
  );
}
