import type { MenuPlan } from '@shared/menu-plan';
import type { AuditCheckResult, NutritionFacts } from '@shared/plan-content';
import { resolveRestrictions } from '@shared/foods/restrictions';
import { findRestrictedIngredients, ingredientNames } from './allergens';
import { checkResult, listEs } from './check';
import { findTokenRun, tokens } from './text';
import { DAY_LABEL, type DayType } from './day-types';

/*
 * What the client must not or would rather not eat, checked in the menus (docs/AUDITS.md §3):
 * NUT-14 (allergens, intolerances, diet pattern, open allergy questions — BLOCK) and NUT-15
 * (disliked foods — WARN). Both read a table food by all its names and free text word by word.
 */

type Menus = Pick<MenuPlan, 'menus'>;

export function nut14(facts: NutritionFacts, menu: Menus): AuditCheckResult {
  const declared = {
    alergias: facts.alergias,
    intolerancias: facts.intolerancias,
    patron_alimentario: facts.patron_alimentario,
    // Plans stored before the reader existed have no open questions.
    por_revisar: facts.por_revisar ?? [],
  };
  const { restrictions, unverifiable, unresolved } = resolveRestrictions(declared);
  const hits = findRestrictedIngredients(menu, declared);
  const manual =
    unverifiable.length > 0 ? ` Revisar a mano (sin tabla de alimentos): ${listEs(unverifiable)}.` : '';
  if (hits.length > 0) {
    const list = hits.map(
      (hit) =>
        `${DAY_LABEL[hit.tipo_dia as DayType] ?? hit.tipo_dia} · ${hit.comida} · «${hit.dish}»: «${hit.ingredient}» → ${hit.restriction}`,
    );
    return checkResult(
      'NUT-14',
      'block',
      false,
      `Ingredientes prohibidos para el cliente: ${listEs(list, 8)}.${manual}`,
    );
  }
  if (unresolved.length > 0) {
    // "Sí, tengo alergias" with nothing named: no menu can be shown safe until the coach asks.
    return checkResult(
      'NUT-14',
      'block',
      false,
      `Alergias o intolerancias declaradas sin decir a qué: ${listEs(unresolved)}. Confírmalas en la ficha del cliente antes de entregar el menú.${manual}`,
    );
  }
  if (unverifiable.length > 0) {
    return checkResult('NUT-14', 'warn', false, `Ningún ingrediente prohibido detectado.${manual}`);
  }
  if (restrictions.length === 0) {
    return checkResult(
      'NUT-14',
      'block',
      true,
      'Sin alergias, intolerancias ni patrón alimentario restrictivo declarados.',
    );
  }
  const names = restrictions.map((restriction) => restriction.declared);
  return checkResult('NUT-14', 'block', true, `Ningún ingrediente contiene: ${listEs(names)}.`);
}

/** A disliked food as written ("lentejas", "coliflor"), matched in the singular and as written. */
function dislikedVariants(food: string): string[][] {
  const words = tokens(food);
  const singular = words.map((word) =>
    word.endsWith('ces')
      ? `${word.slice(0, -3)}z`
      : word.endsWith('s') && word.length > 3
        ? word.slice(0, -1)
        : word,
  );
  return [words, singular].filter((variant) => variant.length > 0);
}

export function nut15(facts: NutritionFacts, menu: Menus): AuditCheckResult {
  const found: string[] = [];
  for (const food of facts.alimentos_no_gustan) {
    const variants = dislikedVariants(food);
    for (const day of menu.menus) {
      for (const meal of day.comidas) {
        for (const dish of meal.platos) {
          for (const ingredient of dish.ingredientes) {
            const names = ingredientNames(ingredient).map(tokens);
            if (variants.some((variant) => names.some((words) => findTokenRun(words, variant) >= 0))) {
              found.push(`«${ingredient.alimento}» en «${dish.nombre}» (no le gusta: ${food})`);
            }
          }
        }
      }
    }
  }
  if (found.length > 0)
    return checkResult('NUT-15', 'warn', false, `Alimentos que no le gustan: ${listEs(found)}.`);
  return checkResult('NUT-15', 'warn', true, 'Ningún alimento rechazado por el cliente en los menús.');
}
