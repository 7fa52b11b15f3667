import { AGENT_NAMES } from '@shared/agent-names';
import { N0OutputSchema } from '@shared/agent-outputs/nutrition';
import type { NutritionProfile } from '@shared/plan-content';
import { defineAgent } from '../../agent-definition';
import { TEXT_NUMBERS_RULE, agentMessages } from '../../prompts/agent-messages';
import { textNumberProblems, triageFigures } from '../../audits';
import { answersFor } from '../select-helpers';

export const n0Triage = defineAgent({
  id: 'N0',
  name: AGENT_NAMES.N0,
  phase: 'nutrition',
  field: 'profile',
  dependsOn: [],
  select: (inputs) => ({
    datos: inputs.nutritionFacts,
    respuestas: answersFor(inputs.questionnaire, [
      'objetivo_fisico',
      'patologias',
      'medicacion',
      'medicamentos',
      'embarazo',
      'embarazo_lactancia',
      'ciclo_menstrual',
      'historial_dietas',
      'dietas_anteriores',
      'alimentos_preferidos',
      'comida_favorita',
      'alimento_no_soporta',
      'alergias',
      'alergias_intolerancias',
      'come_fuera',
      'come_fuera_casa',
      'presupuesto_alimentacion',
      'tiempo_cocina_min',
      'azucar_dulces_bolleria',
      'comida_basura_frecuencia',
    ]),
  }),
  outputSchema: N0OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el agente de Triaje nutricional (N0)',
        rules: [
          'El cribado (screening) ya está hecho por el sistema: respeta sus avisos y su bloqueo de déficit.',
          'elegibilidad: "derivar" si hace falta un dietista-nutricionista o médico (patología, TCA, embarazo con riesgo); "apto_con_precauciones" si hay avisos.',
          'Resume preferencias, aversiones, alergias e intolerancias tal como se usarán en los menús.',
          TEXT_NUMBERS_RULE,
        ],
        data: input,
        task: 'Devuelve el perfil nutricional.',
      },
      language,
    ),
  // N0 computes no energy: any kcal it states must come from its input (a screening reason, an answer).
  validate: (output, input) =>
    textNumberProblems(
      [
        { campo: 'resumen', texto: output.resumen },
        { campo: 'preferencias', texto: output.preferencias },
        ...output.derivaciones.map((texto, i) => ({ campo: `derivaciones[${i}]`, texto })),
      ],
      triageFigures(input),
    ),
  finalize: (output, input): NutritionProfile => ({ ...output, datos: input.datos }),
});
