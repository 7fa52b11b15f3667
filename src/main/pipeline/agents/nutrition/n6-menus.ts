import { AGENT_NAMES } from '@shared/agent-names';
import { N6OutputSchema, type N6Output } from '@shared/agent-outputs/menus';
import type { Food } from '@shared/foods';
import type { MenuPlan } from '@shared/menu-plan';
import { MENU_TOLERANCES, menuDayTotals, storedIngredient } from '@shared/menu-totals';
import type { MacroDesign } from '@shared/plan-content';
import type { PlanLanguage } from '@shared/plans';
import type { N5Output } from '@shared/agent-outputs/nutrition';
import { defineAgent } from '../../agent-definition';
import { agentMessages } from '../../prompts/agent-messages';
import { answersFor, outputOf } from '../select-helpers';
import { energyOf, macrosOf, profileFacts } from './nutrition-numbers';
import { allowedFoods, findRestrictedIngredients, menuTargetProblems } from '../../audits';

const pct = (ratio: number): number => Math.round(ratio * 100);

/** Header of the food list: the model reads the columns once, not on every line. */
const CATALOGUE_COLUMNS = 'id;kcal;proteina_g;hidratos_g;grasa_g;fibra_g (por 100 g)';

/**
 * One short line per food: the id is the food's name in Spanish words (pollo_pechuga_cruda), so
 * the display name would only double the prompt (the whole table is ~200 foods).
 */
function catalogueLine(food: Food): string {
  const n = food.per100g;
  // One decimal is all a menu needs to choose grams; the totals use the table's full values.
  const r = (value: number) => Math.round(value * 10) / 10;
  return `${food.id};${Math.round(n.kcal)};${r(n.proteina_g)};${r(n.carbohidratos_g)};${r(n.grasa_g)};${r(n.fibra_g)}`;
}

/** The stored menu: names in the plan's language and each day's totals next to its targets. */
function storedMenu(
  output: N6Output,
  macros: Pick<MacroDesign, 'por_tipo_dia'>,
  language: PlanLanguage,
): MenuPlan {
  return {
    equivalencias: output.equivalencias,
    menus: output.menus.map((day) => {
      const withNames = {
        tipo_dia: day.tipo_dia,
        comidas: day.comidas.map((meal) => ({
          nombre: meal.nombre,
          platos: meal.platos.map((dish) => ({
            nombre: dish.nombre,
            ingredientes: dish.ingredientes.map((i) =>
              storedIngredient(i.alimento_id, i.cantidad_g, language),
            ),
          })),
        })),
      };
      return {
        ...withNames,
        totales: menuDayTotals(withNames).totals,
        objetivo: macros.por_tipo_dia[day.tipo_dia],
      };
    }),
  };
}

export const n6Menus = defineAgent({
  id: 'N6',
  name: AGENT_NAMES.N6,
  phase: 'nutrition',
  field: 'menu_plan',
  // The meal names come from N5; the targets are computed (nutrition-numbers.ts).
  dependsOn: ['N5'],
  readsFrom: ['N5', 'N3', 'N2', 'N0'],
  needsBridge: true,
  select: (inputs) => {
    const facts = profileFacts(inputs);
    const macros = macrosOf(inputs);
    const days = energyOf(inputs).dias_por_tipo;
    const restrictions = {
      alergias: facts.alergias,
      intolerancias: facts.intolerancias,
      patron_alimentario: facts.patron_alimentario,
      // Plans checkpointed before the reader existed have no open questions.
      por_revisar: facts.por_revisar ?? [],
    };
    const types = (['alto', 'medio', 'bajo'] as const).filter((type) => days[type] > 0);
    return {
      comidas: outputOf<N5Output>(inputs, 'N5').comidas.map((c) => c.nombre),
      tipos_de_dia: types,
      objetivos_por_tipo_dia: Object.fromEntries(types.map((type) => [type, macros.por_tipo_dia[type]])),
      ...restrictions,
      no_le_gustan: facts.alimentos_no_gustan,
      alimentos: [CATALOGUE_COLUMNS, ...allowedFoods(restrictions).map(catalogueLine)],
      preferencias: answersFor(inputs.questionnaire, [
        'alimentos_preferidos',
        'comida_favorita',
        'presupuesto_alimentacion',
        'tiempo_cocina_min',
        'pais',
      ]),
      // Not sent to the model (buildPrompt drops it): what finalize and validate need.
      context: { macros, days, language: inputs.language },
    };
  },
  outputSchema: N6OutputSchema,
  buildPrompt: ({ context: _context, ...data }, language) =>
    agentMessages(
      {
        role: 'el agente de Menús (N6)',
        rules: [
          'Un menú por cada tipo de día de tipos_de_dia (ni más ni menos), con las comidas indicadas y platos reales de cocina española.',
          'Cada ingrediente es un alimento de la lista "alimentos" por su id (primera columna) con sus gramos en el estado que indica el id (crudo, cocido, seco, conserva). No uses ningún otro alimento.',
          `Los totales de cada menú, calculados por el sistema con esos valores por 100 g, deben quedar dentro de ± ${pct(MENU_TOLERANCES.kcal.warn)} % de las kcal y ± ${pct(MENU_TOLERANCES.proteina_g.warn)} % de la proteína de objetivos_por_tipo_dia, y cerca de sus hidratos y grasa.`,
          'La lista ya excluye los alérgenos, intolerancias y el patrón del cliente; aun así, que el nombre de un plato no nombre nada de alergias, intolerancias, por_revisar ni no_le_gustan.',
          'Equivalencias: intercambios sencillos y seguros para el cliente.',
        ],
        data,
        task: 'Devuelve los menús.',
      },
      language,
    ),
  validate: (output, input) => [
    ...findRestrictedIngredients(output, {
      alergias: input.alergias,
      intolerancias: input.intolerancias,
      patron_alimentario: input.patron_alimentario,
      por_revisar: input.por_revisar,
    }).map((hit) => `${hit.dish}: "${hit.ingredient}" contiene ${hit.restriction}; sustitúyelo`),
    ...menuTargetProblems(output.menus, input.context.macros.por_tipo_dia, input.context.days),
  ],
  finalize: (output, input): MenuPlan => storedMenu(output, input.context.macros, input.context.language),
});
