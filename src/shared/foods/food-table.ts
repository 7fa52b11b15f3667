import { z } from 'zod';
import tableJson from '../../../resources/foods/food-table.json';
import foodGroupsJson from '../../../resources/lexicons/food-groups.json';

/*
 * The food-composition table (resources/foods/food-table.json), validated once at load. Menu
 * totals are computed from it by code so that no number a model wrote ever reaches a client's
 * plan. The JSON is compiled from a hand-transcribed CSV by scripts/build-food-table.mjs, which
 * makes the same checks; they are repeated here because the JSON is what ships, and a hand edit
 * or a bad merge must fail every test and the app's start rather than one client's menu.
 */

/** Allergen and diet groups: the keys of the lexicon the menu audit reads, so both speak of the same groups. */
export const FOOD_GROUP_IDS: readonly string[] = Object.freeze(Object.keys(foodGroupsJson.groups));

export const FOOD_CATEGORIES = [
  'proteina_animal',
  'pescado_marisco',
  'huevo',
  'lacteo',
  'proteina_vegetal',
  'legumbre',
  'cereal',
  'tuberculo',
  'verdura',
  'fruta',
  'fruto_seco_semilla',
  'grasa',
  'condimento',
  'bebida',
  'dulce',
] as const;
const CategorySchema = z.enum(FOOD_CATEGORIES);
export type FoodCategory = z.infer<typeof CategorySchema>;

export const FOOD_DATABASES = ['BEDCA', 'CIQUAL', 'USDA FDC SR Legacy', 'USDA FDC Foundation'] as const;

/** Atwater general factors (kcal/g); organic acids at the EU value of Regulation (EU) 1169/2011 Annex XIV. */
export const ENERGY_FACTORS = {
  proteina_g: 4,
  carbohidratos_g: 4,
  grasa_g: 9,
  fibra_g: 2,
  alcohol_g: 7,
  acidos_organicos_g: 3,
} as const;
/** Databases state energy from their own specific factors; a wider gap than this is a transcription slip. */
export const ENERGY_TOLERANCE = { kcal: 12, fraction: 0.08 } as const;
const MASS_TOLERANCE_G = 1;

export interface Nutrients {
  kcal: number;
  proteina_g: number;
  carbohidratos_g: number;
  grasa_g: number;
  fibra_g: number;
}

/**
 * Per 100 g, as the checks read it. `carbohidratos_g` is available carbohydrate: fibre is counted
 * apart, at 2 kcal/g. Organic acids matter only for vinegar; the table holds them for the energy
 * check (FOOD_TABLE) but `Food` leaves them out, so every key of `Food['per100g']` is a number.
 */
export type Per100g = Nutrients & { alcohol_g: number; acidos_organicos_g?: number };

export interface Food {
  id: string;
  name: { es: string; en: string };
  synonyms: { es: readonly string[]; en: readonly string[] };
  category: FoodCategory;
  per100g: Nutrients & { alcohol_g: number };
  groups: readonly string[];
  source: { database: string; description: string; code: string | null };
  /** Why a value or a group is what it is (a proxy food, a typical ingredient, a conversion). */
  note?: string | null;
}

/** kcal the composition implies. */
export function atwaterKcal(n: Per100g): number {
  return (
    ENERGY_FACTORS.proteina_g * n.proteina_g +
    ENERGY_FACTORS.carbohidratos_g * n.carbohidratos_g +
    ENERGY_FACTORS.grasa_g * n.grasa_g +
    ENERGY_FACTORS.fibra_g * n.fibra_g +
    ENERGY_FACTORS.alcohol_g * n.alcohol_g +
    ENERGY_FACTORS.acidos_organicos_g * (n.acidos_organicos_g ?? 0)
  );
}

/** Why the stated energy cannot be right for the stated composition, or null. */
export function energyProblem(n: Per100g): string | null {
  const computed = atwaterKcal(n);
  const allowed = Math.max(ENERGY_TOLERANCE.kcal, ENERGY_TOLERANCE.fraction * n.kcal);
  const diff = computed - n.kcal;
  if (Math.abs(diff) <= allowed) return null;
  return `energy ${n.kcal} kcal but the composition gives ${computed.toFixed(1)} kcal (difference ${diff.toFixed(1)}, allowed ±${allowed.toFixed(1)})`;
}

/** Why the grams cannot fit in 100 g, or null. */
export function massProblem(n: Per100g): string | null {
  const total =
    n.proteina_g + n.carbohidratos_g + n.grasa_g + n.fibra_g + n.alcohol_g + (n.acidos_organicos_g ?? 0);
  return total > 100 + MASS_TOLERANCE_G ? `nutrients add up to ${total.toFixed(1)} g per 100 g` : null;
}

const Text = z
  .string()
  .min(1)
  .refine((s) => s.trim() === s, 'no leading or trailing spaces');
// Synonyms are compared after folding, but a capital here usually means a name pasted by mistake.
const Phrase = Text.refine((s) => s === s.toLowerCase() && !/\s{2}/.test(s), 'lower case, single-spaced');
const Amount = z.number().nonnegative();
const GroupId = z.string().refine((g) => FOOD_GROUP_IDS.includes(g), {
  message: 'not a group of resources/lexicons/food-groups.json',
});

export const FoodSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(_[a-z0-9]+)*$/),
    name: z.strictObject({ es: Text, en: Text }),
    synonyms: z.strictObject({ es: z.array(Phrase), en: z.array(Phrase) }),
    category: CategorySchema,
    per100g: z.strictObject({
      kcal: Amount,
      proteina_g: Amount,
      carbohidratos_g: Amount,
      grasa_g: Amount,
      fibra_g: Amount,
      alcohol_g: Amount,
      acidos_organicos_g: Amount,
    }),
    groups: z.array(GroupId),
    source: z.strictObject({ database: z.enum(FOOD_DATABASES), description: Text, code: Text.nullable() }),
    note: Text.nullable(),
  })
  .superRefine((food, ctx) => {
    for (const message of [energyProblem(food.per100g), massProblem(food.per100g)]) {
      if (message) ctx.addIssue({ code: 'custom', path: ['per100g'], message: `${food.id}: ${message}` });
    }
    if (new Set(food.groups).size !== food.groups.length) {
      ctx.addIssue({ code: 'custom', path: ['groups'], message: `${food.id}: a group is listed twice` });
    }
  });

const TableSchema = z
  .strictObject({
    description: Text,
    conventions: z.strictObject({
      per: Text,
      carbohidratos_g: Text,
      // The compiler checked the rows with these factors; other factors would mean another check.
      energy_factors_kcal_per_g: z.strictObject({
        proteina_g: z.literal(ENERGY_FACTORS.proteina_g),
        carbohidratos_g: z.literal(ENERGY_FACTORS.carbohidratos_g),
        grasa_g: z.literal(ENERGY_FACTORS.grasa_g),
        fibra_g: z.literal(ENERGY_FACTORS.fibra_g),
        alcohol_g: z.literal(ENERGY_FACTORS.alcohol_g),
        acidos_organicos_g: z.literal(ENERGY_FACTORS.acidos_organicos_g),
      }),
    }),
    sources: z
      .array(z.strictObject({ database: z.enum(FOOD_DATABASES), publisher: Text, url: z.url(), terms: Text }))
      .min(1),
    foods: z.array(FoodSchema).min(1),
  })
  .superRefine((table, ctx) => {
    const listed = new Set(table.sources.map((s) => s.database));
    table.foods.forEach((food, i) => {
      const previous = table.foods[i - 1];
      // Sorted strictly also means unique.
      if (previous && !(previous.id < food.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['foods', i, 'id'],
          message: `${food.id} is a duplicate or out of order after ${previous.id}`,
        });
      }
      if (!listed.has(food.source.database)) {
        ctx.addIssue({
          code: 'custom',
          path: ['foods', i, 'source'],
          message: `${food.id}: ${food.source.database} is not in sources`,
        });
      }
    });
  });

export type FoodTable = z.infer<typeof TableSchema>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Parses a table; exported so tests can feed it broken copies. Throws naming every problem. */
export function parseFoodTable(data: unknown): FoodTable {
  const parsed = TableSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`resources/foods/food-table.json is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return deepFreeze(parsed.data);
}

export const FOOD_TABLE: FoodTable = parseFoodTable(tableJson);

/** Every food, sorted by id. */
export const FOODS: readonly Food[] = FOOD_TABLE.foods;

function nonEmpty(ids: string[]): readonly [string, ...string[]] {
  const [first, ...rest] = ids;
  if (first === undefined) throw new Error('resources/foods/food-table.json has no foods');
  return Object.freeze([first, ...rest] as const);
}

/** The ids as a non-empty tuple, for `z.enum(FOOD_IDS)` in the menu schema. */
export const FOOD_IDS: readonly [string, ...string[]] = nonEmpty(FOODS.map((f) => f.id));

const BY_ID: ReadonlyMap<string, Food> = new Map(FOODS.map((f) => [f.id, f]));

export function foodById(id: string): Food | undefined {
  return BY_ID.get(id);
}

/** The food's name in `lang`; an unknown id is shown as itself so a stale menu still reads. */
export function foodName(id: string, lang: 'es' | 'en'): string {
  return BY_ID.get(id)?.name[lang] ?? id;
}
