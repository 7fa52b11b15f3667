import foodGroupsJson from '../../../resources/lexicons/food-groups.json';
import { readNutrition } from '../client-plan/read-plans';
import { FOODS, type Food } from '../foods';
import {
  mentionedRestrictionWord,
  resolveRestrictions,
  unreadDeclarations,
  type DeclaredRestrictions,
  type Restriction,
  type RestrictionKind,
} from '../foods/restrictions';
import { MenuPlanSchema } from '../menu-plan';
import type { NutritionPlanDocument } from '../plans';

/*
 * Which table foods a coach may put on a client's menu, and why not the others. The client's
 * allergies, intolerances, diet pattern and open allergy questions are read by the same module the
 * menu audit (NUT-14) and N6's food list use (src/shared/foods/restrictions.ts), so the editor never
 * offers a food the audit would block. An allergen is a danger, not a warning: such a food is not
 * allowed, and an edit that adds it is refused. When some declaration cannot be checked against the
 * table (an intolerance no word list covers, an open question without a word, a profile that does
 * not read), only the foods the audited menu already uses are allowed — as for the client's swaps
 * (src/shared/client-plan/restrictions.ts).
 */

export interface Bilingual {
  es: string;
  en: string;
}

export interface FoodOption {
  id: string;
  name_es: string;
  name_en: string;
  allowed: boolean;
  /** Why the food is not allowed; absent when it is. */
  reason?: Bilingual;
}

/** Whether one food may go on this client's menu, and if not, why. */
export type FoodPolicy = (food: Food) => { allowed: true } | { allowed: false; reason: Bilingual };

const GROUP_LABELS = foodGroupsJson.groups as Readonly<Record<string, { label: Bilingual }>>;

const KIND: Record<RestrictionKind, Bilingual> = {
  alergia: { es: 'alergia declarada', en: 'declared allergy' },
  intolerancia: { es: 'intolerancia declarada', en: 'declared intolerance' },
  patron: { es: 'patrón alimentario', en: 'diet' },
  por_revisar: { es: 'pregunta abierta sobre alergias', en: 'open allergy question' },
};

/** The client's declared restrictions as the plan stored them (N0's facts), or undefined. */
export function clientRestrictions(plan: NutritionPlanDocument): DeclaredRestrictions | null {
  return readNutrition(plan).profile?.datos ?? null;
}

/** The food ids the plan's stored menu uses. */
export function menuFoodIds(plan: NutritionPlanDocument): Set<string> {
  const menu = MenuPlanSchema.safeParse(plan.nutrition.menu_plan);
  const ids = new Set<string>();
  if (!menu.success) return ids;
  for (const day of menu.data.menus)
    for (const meal of day.comidas)
      for (const dish of meal.platos)
        for (const ingredient of dish.ingredientes)
          if (ingredient.alimento_id) ids.add(ingredient.alimento_id);
  return ids;
}

function excludedBy(food: Food, restriction: Restriction): Bilingual | null {
  const group = restriction.groups.find((id) => food.groups.includes(id));
  const what: Bilingual | null = group
    ? (GROUP_LABELS[group]?.label ?? { es: group, en: group })
    : ((word) => (word ? { es: word.source, en: word.source } : null))(
        mentionedRestrictionWord(food, restriction),
      );
  if (!what) return null;
  const kind = KIND[restriction.kind];
  return {
    es: `contiene ${what.es} (${kind.es}: «${restriction.declared}»)`,
    en: `contains ${what.en} (${kind.en}: «${restriction.declared}»)`,
  };
}

/**
 * The policy for one plan and the client's restrictions (`clientRestrictions(plan)` for those the
 * plan stored). With none (null) nothing can be checked, so only the menu's own foods are allowed.
 */
export function foodPolicy(plan: NutritionPlanDocument, declared: DeclaredRestrictions | null): FoodPolicy {
  const onMenu = menuFoodIds(plan);
  const unchecked: string[] = [];
  let restrictions: Restriction[] = [];
  if (!declared) unchecked.push('perfil del cliente sin leer');
  else {
    const resolved = resolveRestrictions(declared);
    restrictions = resolved.restrictions;
    unchecked.push(
      ...resolved.unverifiable,
      ...resolved.unresolved,
      ...unreadDeclarations(declared).map((text) => `«${text}»`),
    );
  }
  return (food) => {
    const reasons = restrictions.map((r) => excludedBy(food, r)).filter((r): r is Bilingual => r !== null);
    if (reasons.length > 0) {
      return {
        allowed: false,
        reason: {
          es: `${food.name.es}: ${reasons.map((r) => r.es).join('; ')}`,
          en: `${food.name.en}: ${reasons.map((r) => r.en).join('; ')}`,
        },
      };
    }
    if (unchecked.length > 0 && !onMenu.has(food.id)) {
      const list = unchecked.join(', ');
      return {
        allowed: false,
        reason: {
          es: `${food.name.es}: no se puede comprobar frente a ${list}; solo se admiten los alimentos que ya tiene el menú auditado`,
          en: `${food.name.en}: cannot be checked against ${list}; only foods the audited menu already uses are allowed`,
        },
      };
    }
    return { allowed: true };
  };
}

/**
 * The table's foods a coach may pick for this client's menu, each allowed or not with the reason.
 * `declared`: the client's restrictions, e.g. `clientRestrictions(plan)`; null when unknown.
 */
export function foodOptions(
  plan: NutritionPlanDocument,
  declared: DeclaredRestrictions | null,
): FoodOption[] {
  const policy = foodPolicy(plan, declared);
  return FOODS.map((food) => {
    const verdict = policy(food);
    return {
      id: food.id,
      name_es: food.name.es,
      name_en: food.name.en,
      allowed: verdict.allowed,
      ...(verdict.allowed ? {} : { reason: verdict.reason }),
    };
  });
}
