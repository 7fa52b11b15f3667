import foodGroupsJson from '../../../resources/lexicons/food-groups.json';
import type { ReviewItemFact } from '../plan-content';
import {
  foodPhrases,
  intoleranceGroups,
  mentionedPhrase,
  patternGroups,
  readAnswer,
  wordPhrases,
} from '../reading';
import type { Phrase } from '../reading/text-match';
import { FOOD_GROUP_IDS, FOODS, type Food } from './food-table';

/*
 * What a client must not eat, read once from the declared allergies, intolerances, diet pattern and
 * open allergy questions. The menu audit (NUT-14, N6's food list) and the client version's swaps
 * both ask this module, so a food the audit would block is never the one a client is offered
 * instead. Matching words inside free-text ingredient names stays with the audit
 * (src/main/pipeline/audits/allergens.ts); a table food is judged here by its groups and names.
 */

/** A group of resources/lexicons/food-groups.json ("leche", "gluten", "carne"…). */
export type RestrictedGroupId = keyof typeof foodGroupsJson.groups;

export type RestrictionKind = 'alergia' | 'intolerancia' | 'patron' | 'por_revisar';

/** A client restriction: the food groups it rules out, and for foods outside them, their words. */
export interface Restriction {
  readonly kind: RestrictionKind;
  /** As declared, for the reason text ("lactosa", "vegano", "alimento:kiwi"). */
  readonly declared: string;
  readonly groups: readonly RestrictedGroupId[];
  /** Words of a food outside the groups ("kiwi", "peach") or of an open question. */
  readonly words: readonly Phrase[];
}

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

const isGroup = (id: string): id is RestrictedGroupId => FOOD_GROUP_IDS.includes(id);

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

function resolve(input: DeclaredRestrictions): { resolved: ResolvedRestrictions; unread: string[] } {
  const restrictions: Restriction[] = [];
  const unverifiable: string[] = [];
  const unresolved: string[] = [];
  const unread: string[] = [];
  for (const declared of input.alergias) {
    const restriction = allergyRestriction(declared);
    if (restriction) restrictions.push(restriction);
    else if (readAnswer('alergias', declared).status !== 'none') unverifiable.push(`alergia «${declared}»`);
    else unread.push(declared);
  }
  for (const declared of input.intolerancias) {
    const restriction = intoleranceRestriction(declared);
    if (restriction === 'unverifiable') unverifiable.push(`intolerancia «${declared}»`);
    else if (restriction) restrictions.push(restriction);
    else if (readAnswer('intolerancias', declared).status !== 'none')
      unverifiable.push(`intolerancia «${declared}»`);
    else unread.push(declared);
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
  return { resolved: { restrictions, unverifiable, unresolved, separateMeatAndDairy }, unread };
}

/**
 * The client's restrictions as food groups and words: the reader's facts (EU-14 ids,
 * `alimento:<food>`, intolerance and pattern ids) and its open questions. Free text stored by older
 * versions is read with the same reader, so it means the same thing.
 */
export function resolveRestrictions(input: DeclaredRestrictions): ResolvedRestrictions {
  return resolve(input).resolved;
}

/**
 * Listed allergies and intolerances the reader finds no restriction in ("Ninguna" stored by an
 * older version, or words it cannot place). NUT-14 has nothing to match them against, so whoever
 * offers a food the audited menu does not already have must treat them as unknown.
 */
export function unreadDeclarations(input: DeclaredRestrictions): string[] {
  return resolve(input).unread;
}

/** Every name of a table food, so a food a client named in any language ("kiwi", "shrimp") is found. */
export function foodNames(food: Food): string[] {
  return [food.name.es, food.name.en, ...food.synonyms.es, ...food.synonyms.en];
}

/**
 * The word of `restriction` one of a table food's names mentions, or null. Named foods and open
 * questions are words, not groups, so a food is checked by all its names in both languages.
 */
export function mentionedRestrictionWord(food: Food, restriction: Restriction): Phrase | null {
  for (const name of foodNames(food)) {
    const hit = mentionedPhrase(name, restriction.words);
    if (hit) return hit;
  }
  return null;
}

/**
 * Whether a restriction rules a table food out. Ids beat words: "bebida de almendra" is a tree nut
 * and not milk whatever its name says, and a name the lexicon has never seen still carries its
 * groups.
 */
export function restrictionExcludes(food: Food, restriction: Restriction): boolean {
  return (
    restriction.groups.some((group) => food.groups.includes(group)) ||
    mentionedRestrictionWord(food, restriction) !== null
  );
}

/**
 * The table's foods a client may eat: what N6 is offered to choose from, so a restricted food is
 * never on the menu agent's list in the first place. The audit still checks what comes back.
 */
export function allowedFoods(declared: DeclaredRestrictions): Food[] {
  const { restrictions } = resolveRestrictions(declared);
  return FOODS.filter((food) => !restrictions.some((restriction) => restrictionExcludes(food, restriction)));
}
