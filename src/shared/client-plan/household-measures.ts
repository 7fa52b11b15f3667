import { foodById, type FoodCategory } from '../foods';
import { formatNumber } from './format';
import type { ClientPlanLanguage } from './schema';

/*
 * Household measures next to the grams, so a client without a scale can follow the menu. Weights
 * are typical edible portions (a medium egg without shell ≈ 55 g, a tablespoon of oil ≈ 14 g, a cup
 * of cooked rice ≈ 160 g); they are approximations by design, which is why the grams stay the
 * reference. A food without a sensible measure gets none rather than an odd one.
 */

interface Unit {
  g: number;
  es: readonly [string, string];
  en: readonly [string, string];
  /**
   * The most of this unit one meal says before the count stops helping ("30 dientes de ajo",
   * "5 puñados" of chard): past it the grams alone are clearer.
   */
  max: number;
}

const u = (g: number, es: [string, string], en: [string, string], max = 6): Unit => ({ g, es, en, max });

const CUP = (g: number) => u(g, ['taza', 'tazas'], ['cup', 'cups'], 4);
const TBSP = (g: number) => u(g, ['cucharada', 'cucharadas'], ['tablespoon', 'tablespoons']);
const TSP = (g: number) => u(g, ['cucharadita', 'cucharaditas'], ['teaspoon', 'teaspoons']);
const PIECE = (g: number, es: [string, string], en: [string, string], max = 6) => u(g, es, en, max);
const PALM = u(
  110,
  ['palma de la mano', 'palmas de la mano'],
  ['palm-sized portion', 'palm-sized portions'],
  3,
);
const HANDFUL = u(30, ['puñado', 'puñados'], ['handful', 'handfuls'], 4);
const GLASS = u(200, ['vaso', 'vasos'], ['glass', 'glasses'], 3);
const SLICE = (g: number) => u(g, ['loncha', 'lonchas'], ['slice', 'slices'], 10);
/** A week's shopping in units reads well up to about a unit a meal for a week. */
const WEEK_MEALS = 7;

/** By food id; what is not here falls back to its category. */
const BY_FOOD: Readonly<Record<string, Unit>> = {
  huevo_crudo: PIECE(55, ['huevo', 'huevos'], ['egg', 'eggs']),
  huevo_cocido: PIECE(55, ['huevo', 'huevos'], ['egg', 'eggs']),
  clara_huevo_cruda: PIECE(33, ['clara', 'claras'], ['egg white', 'egg whites']),
  pan_blanco: PIECE(30, ['rebanada', 'rebanadas'], ['slice', 'slices']),
  pan_integral: PIECE(30, ['rebanada', 'rebanadas'], ['slice', 'slices']),
  pan_sin_gluten: PIECE(30, ['rebanada', 'rebanadas'], ['slice', 'slices']),
  tortitas_arroz: PIECE(8, ['tortita', 'tortitas'], ['rice cake', 'rice cakes']),
  copos_avena: TBSP(8),
  arroz_blanco_cocido: CUP(160),
  arroz_integral_cocido: CUP(160),
  pasta_cocida: CUP(140),
  pasta_integral_cocida: CUP(140),
  quinoa_cocida: CUP(185),
  cuscus_cocido: CUP(160),
  maiz_dulce_conserva: CUP(165),
  patata_cocida: PIECE(170, ['patata mediana', 'patatas medianas'], ['medium potato', 'medium potatoes']),
  patata_cruda: PIECE(170, ['patata mediana', 'patatas medianas'], ['medium potato', 'medium potatoes']),
  boniato_asado: PIECE(
    200,
    ['boniato mediano', 'boniatos medianos'],
    ['medium sweet potato', 'medium sweet potatoes'],
  ),
  boniato_crudo: PIECE(
    200,
    ['boniato mediano', 'boniatos medianos'],
    ['medium sweet potato', 'medium sweet potatoes'],
  ),
  jamon_serrano: SLICE(15),
  jamon_cocido: SLICE(20),
  panceta_cruda: SLICE(20),
  chorizo: SLICE(5),
  salmon_ahumado: SLICE(20),
  queso_oveja_curado: SLICE(15),
  atun_natural_conserva: PIECE(56, ['lata pequeña', 'latas pequeñas'], ['small can', 'small cans']),
  atun_aceite_conserva: PIECE(56, ['lata pequeña', 'latas pequeñas'], ['small can', 'small cans']),
  sardinas_aceite_conserva: PIECE(85, ['lata', 'latas'], ['can', 'cans']),
  yogur_natural: PIECE(125, ['yogur', 'yogures'], ['pot of yogurt', 'pots of yogurt']),
  yogur_natural_desnatado: PIECE(125, ['yogur', 'yogures'], ['pot of yogurt', 'pots of yogurt']),
  yogur_griego: PIECE(125, ['yogur', 'yogures'], ['pot of yogurt', 'pots of yogurt']),
  yogur_griego_desnatado: PIECE(125, ['yogur', 'yogures'], ['pot of yogurt', 'pots of yogurt']),
  queso_batido_0: TBSP(15),
  queso_cottage: TBSP(15),
  requeson: TBSP(15),
  parmesano: TBSP(5),
  mozzarella: PIECE(125, ['bola', 'bolas'], ['ball', 'balls']),
  proteina_suero: PIECE(30, ['cacito', 'cacitos'], ['scoop', 'scoops']),
  hummus: TBSP(15),
  soja_texturizada: TBSP(6),
  manzana: PIECE(180, ['manzana', 'manzanas'], ['apple', 'apples']),
  pera: PIECE(170, ['pera', 'peras'], ['pear', 'pears']),
  platano: PIECE(120, ['plátano', 'plátanos'], ['banana', 'bananas']),
  naranja: PIECE(150, ['naranja', 'naranjas'], ['orange', 'oranges']),
  mandarina: PIECE(80, ['mandarina', 'mandarinas'], ['mandarin', 'mandarins']),
  kiwi: PIECE(75, ['kiwi', 'kiwis'], ['kiwi', 'kiwis']),
  melocoton: PIECE(150, ['melocotón', 'melocotones'], ['peach', 'peaches']),
  nectarina: PIECE(140, ['nectarina', 'nectarinas'], ['nectarine', 'nectarines']),
  ciruela: PIECE(65, ['ciruela', 'ciruelas'], ['plum', 'plums']),
  aguacate: PIECE(150, ['aguacate', 'aguacates'], ['avocado', 'avocados']),
  datiles: PIECE(8, ['dátil', 'dátiles'], ['date', 'dates'], 8),
  higos: PIECE(50, ['higo', 'higos'], ['fig', 'figs']),
  tomate: PIECE(120, ['tomate', 'tomates'], ['tomato', 'tomatoes']),
  zanahoria: PIECE(70, ['zanahoria', 'zanahorias'], ['carrot', 'carrots']),
  cebolla: PIECE(110, ['cebolla', 'cebollas'], ['onion', 'onions']),
  ajo: PIECE(5, ['diente de ajo', 'dientes de ajo'], ['garlic clove', 'garlic cloves'], 4),
  acelgas: HANDFUL,
  espinacas: HANDFUL,
  canonigos: HANDFUL,
  rucula: HANDFUL,
  kale: HANDFUL,
  lechuga: HANDFUL,
  lechuga_iceberg: HANDFUL,
  aceitunas_negras: PIECE(4, ['aceituna', 'aceitunas'], ['olive', 'olives'], 15),
  aceitunas_verdes: PIECE(4, ['aceituna', 'aceitunas'], ['olive', 'olives'], 15),
  crema_almendras: TBSP(16),
  crema_cacahuete: TBSP(16),
  tahini: TBSP(15),
  chia: TBSP(12),
  lino: TBSP(10),
  sesamo: TBSP(9),
  semillas_canamo: TBSP(10),
  pipas_calabaza: TBSP(9),
  pipas_girasol: TBSP(9),
  miel: TBSP(21),
  mermelada: TBSP(20),
  azucar: TSP(4),
  cacao_polvo: TBSP(5),
  chocolate_negro: PIECE(10, ['onza', 'onzas'], ['square', 'squares'], 4),
  sal: TSP(6),
  salsa_soja: TBSP(16),
  vinagre: TBSP(15),
  limon_zumo: TBSP(15),
  mostaza: TSP(5),
  caldo_verduras: CUP(240),
  cafe: CUP(150),
};

const BY_CATEGORY: Readonly<Partial<Record<FoodCategory, Unit>>> = {
  proteina_animal: PALM,
  pescado_marisco: PALM,
  proteina_vegetal: PALM,
  lacteo: CUP(245),
  legumbre: CUP(170),
  cereal: TBSP(15),
  verdura: CUP(100),
  fruta: CUP(150),
  fruto_seco_semilla: HANDFUL,
  grasa: TBSP(14),
  condimento: TSP(2),
  bebida: GLASS,
};

/**
 * The next larger household measure of the same kind, by volume (3 teaspoons = 1 tablespoon,
 * 16 tablespoons = 1 cup) or, for leafy greens, a plate (5 handfuls).
 */
function largerUnit(unit: Unit): Unit | undefined {
  switch (unit.es[0]) {
    case 'cucharadita':
      return TBSP(unit.g * 3);
    case 'cucharada':
      return CUP(unit.g * 16);
    case 'puñado':
      return u(unit.g * 5, ['plato', 'platos'], ['plate', 'plates'], 3);
    default:
      return undefined;
  }
}

function fraction(n: number): string {
  const whole = Math.floor(n);
  const rest = n - whole;
  const part = rest === 0.25 ? '¼' : rest === 0.5 ? '½' : rest === 0.75 ? '¾' : '';
  return whole === 0 ? part : `${whole}${part}`;
}

/**
 * "2 huevos", "1½ tazas", "3 cucharadas" for `grams` of a table food; undefined when the food has
 * no measure or the amount is too small to say in one.
 */
export function householdMeasure(
  foodId: string | undefined,
  grams: number,
  language: ClientPlanLanguage,
): string | undefined {
  const food = foodId ? foodById(foodId) : undefined;
  if (!food) return undefined;
  let unit = BY_FOOD[food.id] ?? BY_CATEGORY[food.category];
  if (!unit) return undefined;
  // Too many small spoons or handfuls: say it in the next larger measure ("½ taza", "1 plato").
  for (let next = largerUnit(unit); next && grams / unit.g > unit.max; next = largerUnit(unit)) unit = next;
  // Cups divide into quarters, everything else into halves.
  const step = unit.es[0] === 'taza' ? 4 : 2;
  const count = Math.round((grams / unit.g) * step) / step;
  if (count <= 0 || count > unit.max) return undefined;
  const [singular, plural] = unit[language];
  const amount = count >= 10 ? formatNumber(Math.round(count), language) : fraction(count);
  const noun = count <= 1 ? singular : plural;
  // "¾ de taza", "¼ de taza" but "½ taza" (media taza) and "½ cacito": Spanish puts "de" only
  // after a quarter fraction of a cup.
  return language === 'es' && count < 1 && step === 4 && count !== 0.5
    ? `${amount} de ${noun}`
    : `${amount} ${noun}`;
}

/** The unit weight of a countable food (eggs, fruit, cans), for the shopping list; undefined otherwise. */
export function countableUnit(
  foodId: string | undefined,
  language: ClientPlanLanguage,
): { grams: number; singular: string; plural: string; max: number } | undefined {
  const unit = foodId ? BY_FOOD[foodId] : undefined;
  if (!unit || unit.es[0].startsWith('cuchar') || unit.es[0] === 'taza' || unit.es[0] === 'puñado')
    return undefined;
  if (unit.es[0] === 'loncha') return undefined;
  const [singular, plural] = unit[language];
  return { grams: unit.g, singular, plural, max: unit.max * WEEK_MEALS };
}
