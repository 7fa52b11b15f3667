import { AGENT_NAMES } from '@shared/agent-names';
import { N7OutputSchema } from '@shared/agent-outputs/nutrition';
import type { NutritionProfile } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { answersFor, outputOf } from '../select-helpers';

export const n7AdherenceCoach = defineAgent({
  id: 'N7',
  name: AGENT_NAMES.N7,
  phase: 'nutrition',
  field: 'adherence_report',
  dependsOn: ['N6', 'N0'],
  select: (inputs) => {
    const profile = outputOf<NutritionProfile>(inputs, 'N0');
    return {
      resumen: profile.resumen,
      limite_cafeina_mg: profile.datos.screening.caffeine_limit_mg,
      habitos: answersFor(inputs.questionnaire, [
        'horas_sueno',
        'horas_duerme',
        'agua_l_dia',
        'cafeina_mg_dia',
        'alcohol_unidades_semana',
        'tabaco',
        'suplementos_actuales',
        'suplementacion',
        'impedido_constancia',
        'come_fuera',
        'come_fuera_casa',
        'nivel_estres',
      ]),
    };
  },
  outputSchema: N7OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el Coach de adherencia (N7)',
        rules: [
          'Hábitos concretos y alcanzables; barreras reales del cliente y una estrategia para cada una.',
          'Hidratación: orientativa (EFSA: 2,0 L mujeres, 2,5 L hombres de agua total).',
          `Suplementos solo con evidencia (creatina 3–5 g, cafeína, proteína en polvo); cafeína total ≤ ${input.limite_cafeina_mg} mg/día y ≤ 200 mg por toma; nada para menores o embarazo sin autorización.`,
        ],
        data: input,
        task: 'Devuelve el informe de adherencia.',
      },
      language,
    ),
  finalize: (output) => output,
});
