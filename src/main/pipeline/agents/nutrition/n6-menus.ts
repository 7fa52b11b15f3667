import { AGENT_NAMES } from '@shared/agent-names';
import { N6OutputSchema } from '@shared/agent-outputs/nutrition';
import type { MacroDesign, NutritionProfile } from '@shared/plan-content';
import type { N5Output } from '@shared/agent-outputs/nutrition';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { answersFor, outputOf } from '../select-helpers';
import { findRestrictedIngredients } from '../../audits';

export const n6Menus = defineAgent({
  id: 'N6',
  name: AGENT_NAMES.N6,
  phase: 'nutrition',
  field: 'menu_plan',
  dependsOn: ['N5', 'N4', 'N3', 'N0'],
  select: (inputs) => {
    const facts = outputOf<NutritionProfile>(inputs, 'N0').datos;
    return {
      comidas: outputOf<N5Output>(inputs, 'N5').comidas.map((c) => c.nombre),
      macros_por_tipo_dia: outputOf<MacroDesign>(inputs, 'N3').por_tipo_dia,
      alergias: facts.alergias,
      intolerancias: facts.intolerancias,
      patron_alimentario: facts.patron_alimentario,
      // Plans checkpointed before the reader existed have no open questions.
      por_revisar: facts.por_revisar ?? [],
      no_le_gustan: facts.alimentos_no_gustan,
      preferencias: answersFor(inputs.questionnaire, [
        'alimentos_preferidos',
        'comida_favorita',
        'presupuesto_alimentacion',
        'tiempo_cocina_min',
        'pais',
      ]),
    };
  },
  outputSchema: N6OutputSchema,
  buildPrompt: (input, language) =>
    agentMessages(
      {
        role: 'el agente de Menús (N6)',
        rules: [
          'Un menú por tipo de día (alto, medio, bajo) con las comidas indicadas, platos reales de cocina española y cantidades en gramos.',
          'PROHIBIDO cualquier ingrediente con un alérgeno o intolerancia del cliente, o contrario a su patrón alimentario (revisa derivados: yogur y queso son leche; pan y pasta llevan gluten).',
          'alergias con «alimento:X» son alimentos concretos prohibidos (p. ej. alimento:kiwi). por_revisar son alergias o intolerancias sin confirmar: no uses ningún alimento que contenga sus palabras.',
          'Ajusta las cantidades para acercarte a los macros de cada tipo de día.',
          'Equivalencias: intercambios sencillos y seguros para el cliente.',
        ],
        data: input,
        task: 'Devuelve los menús.',
      },
      language,
    ),
  validate: (output, input) =>
    findRestrictedIngredients(output, {
      alergias: input.alergias,
      intolerancias: input.intolerancias,
      patron_alimentario: input.patron_alimentario,
      por_revisar: input.por_revisar,
    }).map((hit) => `${hit.dish}: "${hit.ingredient}" contiene ${hit.restriction}; sustitúyelo`),
  finalize: (output) => output,
});
