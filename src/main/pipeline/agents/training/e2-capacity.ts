import { AGENT_NAMES } from '@shared/agent-names';
import { E2OutputSchema } from '@shared/agent-outputs/training';
import type { ClientSummary } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { capacityFigures, textNumberProblems } from '../../audits';
import { answersFor, outputOf } from '../select-helpers';

export const e2Capacity = defineAgent({
  id: 'E2',
  name: AGENT_NAMES.E2,
  phase: 'training',
  field: 'capacity',
  dependsOn: ['E1'],
  select: (inputs) => {
    const summary = outputOf<ClientSummary>(inputs, 'E1');
    const { perfil } = summary;
    return {
      perfil: {
        edad: perfil.edad,
        sexo: perfil.sexo,
        imc: perfil.imc,
        nivel_experiencia: perfil.nivel_experiencia,
        dias_disponibles: perfil.dias_disponibles,
        duracion_sesion_min: perfil.duracion_sesion_min,
        objetivo: perfil.objetivo,
      },
      restricciones: summary.restricciones,
      banderas: summary.banderas,
      recuperacion: answersFor(inputs.questionnaire, [
        'horas_sueno',
        'calidad_sueno',
        'nivel_estres',
        'horas_duerme',
        'turnos_trabajo',
      ]),
    };
  },
  outputSchema: E2OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el agente de Capacidad y riesgo (E2)',
        rules: [
          'Decide el nivel real de entrenamiento, la división semanal (split), los días de sesión y el RIR objetivo.',
          `dias_semana no puede superar ${input.perfil.dias_disponibles} (días disponibles del cliente).`,
          'Principiantes: full body 2–3 días y RIR 2–3; intermedios 3–4 días; avanzados 4–5 (ACSM 2009).',
          'Sube el riesgo con lesiones activas, banderas clínicas, poco sueño o estrés alto, y justifícalo en una frase.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve la capacidad y el riesgo del cliente.',
      },
      language,
    ),
  validate: (output, input) => [
    ...(output.dias_semana > input.perfil.dias_disponibles
      ? [`dias_semana ${output.dias_semana} supera los ${input.perfil.dias_disponibles} días disponibles`]
      : []),
    // The justification states the days and RIR chosen above, not others.
    ...textNumberProblems(
      [{ campo: 'justificacion', texto: output.justificacion }],
      capacityFigures(output, input.perfil),
    ),
  ],
  finalize: (output) => output,
});
