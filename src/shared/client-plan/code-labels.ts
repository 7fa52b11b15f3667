import injuriesJson from '../../../resources/lexicons/injuries.json';
import type { ClientPlanLanguage } from './schema';

/*
 * Client-facing names of the codes the stored plans carry (lower case, no accents, Spanish): a code
 * is never printed as it is ("muneca", "rodilla" in an English document). A code without a label
 * here is left out of the client version rather than printed.
 */

export type Bilingual = Readonly<Record<ClientPlanLanguage, string>>;

/** Body zones of resources/lexicons/injuries.json, with the label each zone carries there. */
export const ZONE_LABELS: Readonly<Record<string, Bilingual>> = Object.freeze(
  Object.fromEntries(
    (injuriesJson.zones as readonly { zone: string; label: Bilingual }[]).map((z) => [z.zone, z.label]),
  ),
);

export function zoneLabel(code: string, language: ClientPlanLanguage): string | undefined {
  return Object.prototype.hasOwnProperty.call(ZONE_LABELS, code) ? ZONE_LABELS[code]?.[language] : undefined;
}

/**
 * Foods outside the EU-14 that a fact names as `alimento:<food>` (resources/lexicons/
 * food-declarations.json, `other_foods`), in lower case to sit inside a sentence.
 */
export const OTHER_FOOD_LABELS: Readonly<Record<string, Bilingual>> = {
  kiwi: { es: 'kiwi', en: 'kiwi' },
  melocoton: { es: 'melocotón', en: 'peach' },
  nectarina: { es: 'nectarina', en: 'nectarine' },
  albaricoque: { es: 'albaricoque', en: 'apricot' },
  cereza: { es: 'cereza', en: 'cherries' },
  ciruela: { es: 'ciruela', en: 'plums' },
  fresa: { es: 'fresa', en: 'strawberries' },
  platano: { es: 'plátano', en: 'banana' },
  pina: { es: 'piña', en: 'pineapple' },
  manzana: { es: 'manzana', en: 'apple' },
  pera: { es: 'pera', en: 'pear' },
  mango: { es: 'mango', en: 'mango' },
  aguacate: { es: 'aguacate', en: 'avocado' },
  tomate: { es: 'tomate', en: 'tomato' },
  naranja: { es: 'naranja', en: 'orange' },
  citricos: { es: 'cítricos', en: 'citrus fruit' },
  mandarina: { es: 'mandarina', en: 'mandarin' },
  limon: { es: 'limón', en: 'lemon' },
  uva: { es: 'uva', en: 'grapes' },
  sandia: { es: 'sandía', en: 'watermelon' },
  melon: { es: 'melón', en: 'melon' },
  papaya: { es: 'papaya', en: 'papaya' },
  coco: { es: 'coco', en: 'coconut' },
  maiz: { es: 'maíz', en: 'maize (corn)' },
  arroz: { es: 'arroz', en: 'rice' },
  garbanzo: { es: 'garbanzos', en: 'chickpeas' },
  lenteja: { es: 'lentejas', en: 'lentils' },
  legumbres: { es: 'legumbres', en: 'pulses' },
  guisante: { es: 'guisantes', en: 'peas' },
  judia: { es: 'judías', en: 'beans' },
  alubia: { es: 'alubias', en: 'beans' },
  pimiento: { es: 'pimiento', en: 'peppers' },
  berenjena: { es: 'berenjena', en: 'aubergine' },
  zanahoria: { es: 'zanahoria', en: 'carrot' },
  ajo: { es: 'ajo', en: 'garlic' },
  cebolla: { es: 'cebolla', en: 'onion' },
  cerdo: { es: 'cerdo', en: 'pork' },
  pollo: { es: 'pollo', en: 'chicken' },
  ternera: { es: 'ternera', en: 'beef' },
  chocolate: { es: 'chocolate', en: 'chocolate' },
  cacao: { es: 'cacao', en: 'cocoa' },
  cafe: { es: 'café', en: 'coffee' },
  picante: { es: 'picante', en: 'spicy food' },
  especias: { es: 'especias', en: 'spices' },
  canela: { es: 'canela', en: 'cinnamon' },
  pipas: { es: 'pipas', en: 'seeds' },
  girasol: { es: 'pipas de girasol', en: 'sunflower seeds' },
  chia: { es: 'chía', en: 'chia seeds' },
  lino: { es: 'lino', en: 'flaxseed' },
  quinoa: { es: 'quinoa', en: 'quinoa' },
  avena: { es: 'avena', en: 'oats' },
  levadura: { es: 'levadura', en: 'yeast' },
  fruta: { es: 'fruta', en: 'fruit' },
  rosaceas: {
    es: 'frutas rosáceas (melocotón, manzana, pera, cereza…)',
    en: 'stone and pome fruit (peach, apple, pear, cherry…)',
  },
  ltp: {
    es: 'alimentos con LTP (proteína transportadora de lípidos)',
    en: 'foods with LTP (lipid transfer protein)',
  },
  profilina: { es: 'alimentos con profilina', en: 'foods with profilin' },
};

export function otherFoodLabel(code: string, language: ClientPlanLanguage): string | undefined {
  return Object.prototype.hasOwnProperty.call(OTHER_FOOD_LABELS, code)
    ? OTHER_FOOD_LABELS[code]?.[language]
    : undefined;
}
