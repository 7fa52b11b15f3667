import { z } from 'zod';
import lexicon from '../../../../resources/lexicons/food-groups.json';

/*
 * The food groups of resources/lexicons/food-groups.json, checked and resolved once at load. The
 * words are data so that a nutritionist can review and extend them (with their source) without
 * touching the matcher in allergens.ts. The file is imported statically, so it ships inside the
 * bundle and a broken edit fails every test and the app's start instead of one menu audit.
 */

/** A group of the lexicon ("leche", "gluten", "carne"…); the keys of the JSON are the ids. */
export type FoodGroupId = keyof typeof lexicon.groups;

export interface FoodRule {
  /** Food words, singular, as a person writes them; multi-word terms match as a phrase. */
  readonly terms: readonly string[];
  /** Phrases that, right after the term, make the food something else ("leche" + "de soja"). */
  readonly unlessFollowedBy?: readonly string[];
  /** Phrases that, right before the term, make the food something else ("huevo de" + "codorniz", "oat" + "milk"). */
  readonly unlessPrecededBy?: readonly string[];
  /** Phrases anywhere in the ingredient that make it safe ("pan de molde sin gluten"). */
  readonly unlessContains?: readonly string[];
}

export interface FoodGroup {
  readonly id: FoodGroupId;
  /** Shown to the coach: `es` "leche y derivados", `en` "milk and dairy products". */
  readonly label: { readonly es: string; readonly en: string };
  /** Where the group and its words come from (regulation, dietary pattern). */
  readonly source: string;
  readonly rules: readonly FoodRule[];
}

// The matcher compares normalised words (text.ts), so a term with a capital or an accent would never match.
const Phrase = z
  .string()
  .regex(/^[a-z0-9]+( [a-z0-9]+)*$/, 'lower case, no accents, words separated by one space');
const PhraseOrQualifier = z.union([Phrase, z.string().regex(/^@[a-z0-9_]+$/, '@qualifier_name')]);
const Phrases = z.array(PhraseOrQualifier).min(1);

const RuleSchema = z.strictObject({
  note: z.string().optional(),
  terms: z.array(Phrase).min(1),
  unlessFollowedBy: Phrases.optional(),
  unlessPrecededBy: Phrases.optional(),
  unlessContains: Phrases.optional(),
});

const GroupCommon = {
  label: z.strictObject({ es: z.string().min(1), en: z.string().min(1) }),
  source: z.string().min(1),
  note: z.string().optional(),
};

const GroupSchema = z.union([
  z.strictObject({ ...GroupCommon, rules: z.array(RuleSchema).min(1) }),
  z.strictObject({
    ...GroupCommon,
    derivedFrom: z.strictObject({ group: z.string(), unlessContains: Phrases }),
  }),
]);

const LexiconSchema = z.strictObject({
  description: z.string().min(1),
  qualifiers: z.record(z.string().regex(/^[a-z0-9_]+$/), z.array(Phrase).min(1)),
  groups: z.record(z.string().regex(/^[a-z_]+$/), GroupSchema),
});

type Lexicon = z.infer<typeof LexiconSchema>;
type RawRule = z.infer<typeof RuleSchema>;

function lexiconError(message: string): Error {
  return new Error(`resources/lexicons/food-groups.json: ${message}`);
}

function resolveGroups(file: Lexicon): Record<FoodGroupId, FoodGroup> {
  const unused = new Set(Object.keys(file.qualifiers));
  const expand = (phrases: readonly string[] | undefined, where: string): string[] =>
    (phrases ?? []).flatMap((phrase) => {
      if (!phrase.startsWith('@')) return [phrase];
      const name = phrase.slice(1);
      const list = file.qualifiers[name];
      if (!list) throw lexiconError(`${where} names the unknown qualifier list ${phrase}`);
      unused.delete(name);
      return list;
    });
  const resolveRule = (rule: RawRule, where: string): FoodRule => ({
    terms: rule.terms,
    unlessFollowedBy: expand(rule.unlessFollowedBy, where),
    unlessPrecededBy: expand(rule.unlessPrecededBy, where),
    unlessContains: expand(rule.unlessContains, where),
  });

  const groups: Partial<Record<string, FoodGroup>> = {};
  for (const [id, group] of Object.entries(file.groups)) {
    if (!('rules' in group)) continue;
    const rules = group.rules.map((rule, index) => resolveRule(rule, `groups.${id}.rules[${index}]`));
    groups[id] = { id: id as FoodGroupId, label: group.label, source: group.source, rules };
  }
  for (const [id, group] of Object.entries(file.groups)) {
    if (!('derivedFrom' in group)) continue;
    const base = groups[group.derivedFrom.group];
    if (!base) {
      throw lexiconError(`groups.${id}.derivedFrom names ${group.derivedFrom.group}, not a group with rules`);
    }
    const extra = expand(group.derivedFrom.unlessContains, `groups.${id}.derivedFrom`);
    const rules = base.rules.map((rule) => ({
      ...rule,
      unlessContains: [...(rule.unlessContains ?? []), ...extra],
    }));
    groups[id] = { id: id as FoodGroupId, label: group.label, source: group.source, rules };
  }
  // A list nobody references is most likely a misspelt reference somewhere else.
  if (unused.size > 0) throw lexiconError(`qualifier lists never referenced: ${[...unused].join(', ')}`);
  return groups as Record<FoodGroupId, FoodGroup>;
}

/** Checks and resolves a lexicon; exported so tests can feed it broken ones. */
export function loadFoodGroups(raw: unknown): Readonly<Record<FoodGroupId, FoodGroup>> {
  const parsed = LexiconSchema.safeParse(raw);
  if (!parsed.success) throw lexiconError(z.prettifyError(parsed.error));
  return Object.freeze(resolveGroups(parsed.data));
}

export const FOOD_GROUPS = loadFoodGroups(lexicon);

export const FOOD_GROUP_IDS = Object.keys(FOOD_GROUPS) as FoodGroupId[];
