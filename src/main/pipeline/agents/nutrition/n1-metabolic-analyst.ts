import { AGENT_NAMES } from '@shared/agent-names';
import { N1OutputSchema } from '@shared/agent-outputs/nutrition';
import type { Metabolism } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { metabolismFigures, textNumberProblems } from '../../audits';
import { computeMetabolism } from './nutrition-numbers';

export const n1MetabolicAnalyst = defineAgent({
  id: 'N1',
  name: AGENT_NAMES.N1,
  phase: 'nutrition',
  field: 'metabolism',
  // Its numbers come from the questionnaire and the training load, not from the triage's texts.
  dependsOn: [],
  readsFrom: ['N0'],
  needsBridge: true,
  select: (inputs) => ({ calculos: computeMetabolism(inputs), objetivo: inputs.nutritionFacts.objetivo }),
  outputSchema: N1OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Analista metabólico (N1)',
        rules: [
          'Explica en 3–5 frases el gasto basal (ecuación usada), el factor de actividad y el gasto total diario, con los números dados.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve la explicación del metabolismo.',
      },
      language,
    ),
  validate: (output, input) =>
    textNumberProblems(
      [{ campo: 'explicacion', texto: output.explicacion }],
      metabolismFigures(input.calculos),
    ),
  finalize: (output, input): Metabolism => ({ ...input.calculos, ...output }),
});
