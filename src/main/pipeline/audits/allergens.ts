import { foodById, FOODS, type Food } from '@shared/foods';
import type { ReviewItemFact } from '@shared/plan-content';
import {
  foodPhrases,
  intoleranceGroups,
  mentionedPhrase,
  patternGroups,
  readAnswer,
  wordPhrases,
} from '@shared/reading';
import type { Phrase } from '@shared/reading/text-match';
import { findTokenRun, tokens } from './text';
import { FOOD_GROUP_IDS, FOOD_GROUPS, type FoodGroupId, type FoodRule } from './food-groups';

export { FOOD_GROUPS, type FoodGroup, type FoodGroupId } from './food-groups';

/*
 * Finds the food groups a client must not eat (EU-14 allergens, intolerances, dietary patterns) in
 * the ingredient names of a menu (NUT-14, docs/AUDITS.md "3. Nutrition audit (NUT-\*) — N8"). The LLM writes ingredients freely, in
 * Spanish or English ("Yogur griego natural 0 %", "pan integral de centeno", "oat milk"), so each
 * group of resources/lexicons/food-groups.json lists the food words in the singular (plurals are
 * matched by `wordMatches`) and the qualifiers that turn the word into something else ("leche de
 * almendra" and "almond milk" are not milk, "nuez moscada" is not a tree nut, "avena sin gluten" is
 * safe for a celiac). When in doubt a word stays in the list: a false alarm costs the coach a
 * glance, a miss can cost the client an anaphylaxis.
 */

export type RestrictionKind = 'alergia' | 'intolerancia' | 'patron' | 'por_revisar';

/** A client restriction: the food groups it rules out, and for foods outside them, their words. */
export interface Restriction {
  readonly kind: RestrictionKind;
  /** As declared, for the reason text ("lactosa", "vegano", "alimento:kiwi"). */
  readonly declared: string;
  readonly groups: readonly FoodGroupId[];
  /** Words of a food outside the groups ("kiwi", "peach") or of an open question. */
  readonly words: readonly Phrase[];
}

const isGroup = (id: string): id is FoodGroupId => (FOOD_GROUP_IDS as readonly string[]).includes(id);

export interface ResolvedRestrictions {
  restrictions: Restriction[];
  /** Declared restrictions no word list covers (FODMAP-type intolerances): checked by hand. */
  unverifiable: string[];
  /** Open allergy questions without a word to match: no menu is safe until the coach answers. */
  unresolved: string[];
  /** Kosher also forbids meat with dairy in the same meal. */
  separateMeatAndDairy: boolean;
}

export interface DeclaredRestrictions {
  alergias: readonly string[];
  intolerancias: readonly string[];
  patron_alimentario: string;
  /** The reader's open allergy and intolerance questions (NutritionFacts.por_revisar). */
  por_revisar?: readonly ReviewItemFact[];
}

const UNRESTRICTED_PATTERNS = new Set(['', 'omnivoro', 'flexitariano']);

/** Codes the reader gives a declaration written in free text (plans stored before it existed). */
function readCodes(field: string, declared: string, topic: 'alergia' | 'intolerancia' | 'patron'): string[] {
  const { detected } = readAnswer(field, declared);
  return detected.findings.filter((finding) => finding.topic === topic).map((finding) => finding.code);
}

function allergyRestriction(declared: string): Restriction | null {
  const codes =
    isGroup(declared) || declared.startsWith('alimento:')
      ? [declared]
      : readCodes('alergias', declared, 'alergia');
  const groups = codes.filter(isGroup);
  const words = codes
    .filter((code) => code.startsWith('alimento:'))
    .flatMap((code) => foodPhrases(code.slice('alimento:'.length)));
  return groups.length > 0 || words.length > 0 ? { kind: 'alergia', declared, groups, words } : null;
}

function intoleranceRestriction(declared: string): Restriction | null | 'unverifiable' {
  const ids = intoleranceGroups(declared) ? [declared] : readCodes('intolerancias', declared, 'intolerancia');
  if (ids.length === 0) return null;
  const groups = ids.flatMap((id) => intoleranceGroups(id) ?? []).filter(isGroup);
  return groups.length > 0 ? { kind: 'intolerancia', declared, groups, words: [] } : 'unverifiable';
}

/**
 * The client's restrictions as food groups and words: the reader's facts (EU-14 ids,
 * `alimento:<food>`, intolerance and pattern ids) and its open questions. Free text stored by older
 * versions is read with the same reader, so it means the same thing.
 */
export function resolveRestrictions(input: DeclaredRestrictions): ResolvedRestrictions {
  const restrictions: Restriction[] = [];
  const unverifiable: string[] = [];
  const unresolved: string[] = [];
  for (const declared of input.alergias) {
    const restriction = allergyRestriction(declared);
    if (restriction) restrictions.push(restriction);
    else if (readAnswer('alergias', declared).status !== 'none') unverifiable.push(`alergia «${declared}»`);
  }
  for (const declared of input.intolerancias) {
    const restriction = intoleranceRestriction(declared);
    if (restriction === 'unverifiable') unverifiable.push(`intolerancia «${declared}»`);
    else if (restriction) restrictions.push(restriction);
    else if (readAnswer('intolerancias', declared).status !== 'none')
      unverifiable.push(`intolerancia «${declared}»`);
  }
  const pattern = input.patron_alimentario.trim();
  let separateMeatAndDairy = false;
  if (!UNRESTRICTED_PATTERNS.has(pattern)) {
    const ids = patternGroups(pattern) ? [pattern] : readCodes('dieta', pattern, 'patron');
    const groups = ids.flatMap((id) => patternGroups(id) ?? []).filter(isGroup);
    if (groups.length > 0) restrictions.push({ kind: 'patron', declared: pattern, groups, words: [] });
    else if (!ids.some((id) => UNRESTRICTED_PATTERNS.has(id)))
      unverifiable.push(`patrón alimentario «${pattern}»`);
    separateMeatAndDairy = ids.includes('kosher');
  }
  for (const item of input.por_revisar ?? []) {
    const words = wordPhrases(item.palabras);
    if (words.length > 0) restrictions.push({ kind: 'por_revisar', declared: item.texto, groups: [], words });
    else unresolved.push(`${item.tema} sin especificar («${item.texto.trim()}», ${item.campo})`);
  }
  return { restrictions, unverifiable, unresolved, separateMeatAndDairy };
}

interface CompiledRule {
  readonly terms: readonly (readonly string[])[];
  readonly unlessFollowedBy: readonly (readonly string[])[];
  readonly unlessPrecededBy: readonly (readonly string[])[];
  readonly unlessContains: readonly (readonly string[])[];
}

const compiled = new Map<FoodGroupId, readonly CompiledRule[]>();

function compile(groupId: FoodGroupId): readonly CompiledRule[] {
  const cached = compiled.get(groupId);
  if (cached) return cached;
  const rules = FOOD_GROUPS[groupId].rules.map((rule: FoodRule) => ({
    terms: rule.terms.map(tokens),
    unlessFollowedBy: (rule.unlessFollowedBy ?? []).map(tokens),
    unlessPrecededBy: (rule.unlessPrecededBy ?? []).map(tokens),
    unlessContains: (rule.unlessContains ?? []).map(tokens),
  }));
  compiled.set(groupId, rules);
  return rules;
}

function startsAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return findTokenRun(words.slice(at, at + phrase.length), phrase) === 0;
}

/**
 * The food word of `group` found in an ingredient name, or null. "Leche semidesnatada" → "leche";
 * "Bebida de avena" → null for `leche` and "avena" for `gluten`.
 */
export function findGroupTerm(ingredient: string, group: FoodGroupId): string | null {
  const words = tokens(ingredient);
  for (const rule of compile(group)) {
    if (rule.unlessContains.some((phrase) => findTokenRun(words, phrase) >= 0)) continue;
    for (const term of rule.terms) {
      let at = findTokenRun(words, term);
      while (at >= 0) {
        const end = at + term.length;
        const followed = rule.unlessFollowedBy.some((phrase) => startsAt(words, phrase, end));
        const preceded = rule.unlessPrecededBy.some(
          (phrase) => at - phrase.length >= 0 && startsAt(words, phrase, at - phrase.length),
        );
        if (!followed && !preceded) return term.join(' ');
        at = findTokenRun(words, term, at + 1);
      }
    }
  }
  return null;
}

/** An ingredient of a menu that a client restriction rules out. */
export interface RestrictedIngredient {
  tipo_dia: string;
  /** Meal name ("Desayuno"). */
  comida: string;
  /** Dish name ("Tostadas con tomate"). */
  dish: string;
  /** The food's Spanish name from the table, the free text of an older plan, or the dish name. */
  ingredient: string;
  /** The food word that matched ("pan"), or the table food's name when its groups decided. */
  term: string;
  /** What it breaks, for the coach: "cereales con gluten (alergia: gluten)". */
  restriction: string;
}

const KIND_LABEL: Record<RestrictionKind, string> = {
  alergia: 'alergia',
  intolerancia: 'intolerancia',
  patron: 'patrón',
  por_revisar: 'respuesta por confirmar',
};

interface IngredientLike {
  alimento_id?: string;
  alimento?: string;
}

interface MenuLike {
  menus: readonly {
    tipo_dia: string;
    comidas: readonly {
      nombre: string;
      platos: readonly { nombre: string; ingredientes: readonly IngredientLike[] }[];
    }[];
  }[];
}

interface Break {
  term: string;
  restriction: string;
}

/** Every name of a table food, so a food a client named in any language ("kiwi", "shrimp") is found. */
function namesOf(food: Food): string[] {
  return [food.name.es, food.name.en, ...food.synonyms.es, ...food.synonyms.en];
}

/** The names an ingredient goes by: all of its table food's, or the free text of an older plan. */
export function ingredientNames(ingredient: IngredientLike): string[] {
  const food = ingredient.alimento_id ? foodById(ingredient.alimento_id) : undefined;
  return food ? namesOf(food) : [ingredient.alimento ?? ''];
}

/**
 * The restrictions one ingredient breaks. A food of the table is judged by its groups — ids beat
 * words: "bebida de almendra" is a tree nut and not milk whatever its name says, and a name the
 * lexicon has never seen still carries its allergens — and by all its names for the client's
 * named foods and open questions. Free text (older plans, dish names) goes through the lexicon.
 */
function breaksOf(text: string, food: Food | undefined, restrictions: readonly Restriction[]): Break[] {
  const found: Break[] = [];
  for (const restriction of restrictions) {
    for (const group of restriction.groups) {
      const term = food ? (food.groups.includes(group) ? food.name.es : null) : findGroupTerm(text, group);
      if (term === null) continue;
      found.push({
        term,
        restriction: `${FOOD_GROUPS[group].label.es} (${KIND_LABEL[restriction.kind]}: ${restriction.declared})`,
      });
    }
    const names = food ? namesOf(food) : [text];
    const word = names.map((name) => mentionedPhrase(name, restriction.words)).find((hit) => hit !== null);
    if (word) {
      found.push({
        term: word.source.replace(/\*$/, ''),
        restriction: `${KIND_LABEL[restriction.kind]}: ${restriction.declared}`,
      });
    }
  }
  return found;
}

function hasGroup(text: string, food: Food | undefined, group: FoodGroupId): string | null {
  if (food) return food.groups.includes(group) ? food.name.es : null;
  return findGroupTerm(text, group);
}

/**
 * The table's foods a client may eat: what N6 is offered to choose from, so a restricted food is
 * never on the menu agent's list in the first place. The audit still checks what comes back.
 */
export function allowedFoods(declared: DeclaredRestrictions): Food[] {
  const { restrictions } = resolveRestrictions(declared);
  return FOODS.filter((food) => breaksOf(food.name.es, food, restrictions).length === 0);
}

/**
 * Every ingredient of the menus that contains a declared allergen, intolerance or a food the
 * dietary pattern excludes (NUT-14), every dish whose name does, plus dairy served with meat in
 * one meal for kosher clients. Used by the N8 audit and by N6's repair round, so both see the same
 * list.
 */
export function findRestrictedIngredients(
  menu: MenuLike,
  declared: DeclaredRestrictions,
): RestrictedIngredient[] {
  const { restrictions, separateMeatAndDairy } = resolveRestrictions(declared);
  const hits: RestrictedIngredient[] = [];
  for (const day of menu.menus) {
    for (const meal of day.comidas) {
      const meat: RestrictedIngredient[] = [];
      const dairy: RestrictedIngredient[] = [];
      for (const dish of meal.platos) {
        const place = { tipo_dia: day.tipo_dia, comida: meal.nombre, dish: dish.nombre };
        const inDish: RestrictedIngredient[] = [];
        for (const ingredient of dish.ingredientes) {
          const food = ingredient.alimento_id ? foodById(ingredient.alimento_id) : undefined;
          const text = food?.name.es ?? ingredient.alimento ?? ingredient.alimento_id ?? '';
          const at = { ...place, ingredient: text };
          for (const hit of breaksOf(text, food, restrictions)) inDish.push({ ...at, ...hit });
          if (separateMeatAndDairy) {
            const meatTerm = hasGroup(text, food, 'carne');
            const dairyTerm = hasGroup(text, food, 'leche');
            const restriction = 'carne y lácteos en la misma comida (patrón: kosher)';
            if (meatTerm) meat.push({ ...at, term: meatTerm, restriction });
            if (dairyTerm) dairy.push({ ...at, term: dairyTerm, restriction });
          }
        }
        // The client reads the dish name too: "Tostada con mantequilla" is an instruction even when
        // no ingredient is butter. Named once: an ingredient hit already names the dish.
        const named = new Set(inDish.map((hit) => hit.restriction));
        for (const hit of breaksOf(dish.nombre, undefined, restrictions))
          if (!named.has(hit.restriction)) inDish.push({ ...place, ingredient: dish.nombre, ...hit });
        hits.push(...inDish);
      }
      if (meat.length > 0 && dairy.length > 0) hits.push(...dairy);
    }
  }
  return hits;
}
