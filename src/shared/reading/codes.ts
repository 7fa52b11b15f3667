import {
  ALERGENOS_EU14,
  INTOLERANCIA_VALUES,
  OBJETIVO_PRINCIPAL_VALUES,
  PATOLOGIA_VALUES,
  PATRON_ALIMENTARIO_VALUES,
} from '../questionnaire';
import { FOOD, INJURY } from './lexicon';
import type { ReadingTopic } from './reading-schema';

/*
 * The codes a fact may carry, per topic: what the reader produces and all a coach's correction may
 * state. A correction with any other code is refused by name, so a typo cannot silently close an
 * open question ("objetivo: perdre_grasa" would otherwise leave the goal as it was).
 */

/** Body zones of resources/lexicons/injuries.json, in lexicon order. */
export const INJURY_ZONE_IDS: readonly string[] = [...new Set(INJURY.zones.map((zone) => zone.zone))];
/** Non-food allergens of food-declarations.json (`no_alimentaria:<kind>`). */
export const NON_FOOD_KINDS: readonly string[] = [
  ...new Set(FOOD.nonFoodAllergens.map((entry) => entry.value)),
];
/** Foods outside the EU-14 the lexicon names (`alimento:<food>`). */
export const KNOWN_FOODS: readonly string[] = [...new Set(FOOD.otherFoods.map((entry) => entry.value))];

const ZONES = new Set(INJURY_ZONE_IDS);
const NON_FOOD = new Set(NON_FOOD_KINDS);
/** A food the client names outside the EU-14: lower case words, as the lexicon writes them. */
const FOOD_CODE = /^alimento:[a-z0-9ñ]+(?: [a-z0-9ñ]+){0,3}$/;

const FIXED: Readonly<Record<ReadingTopic, readonly string[]>> = {
  alergia: ALERGENOS_EU14,
  intolerancia: INTOLERANCIA_VALUES,
  patron: PATRON_ALIMENTARIO_VALUES,
  lesion: [...ZONES],
  patologia: PATOLOGIA_VALUES,
  medicacion: ['hipoglucemiante', 'otra'],
  cirugia: ['cirugia'],
  embarazo: ['embarazo', 'posparto_6m', 'lactancia', 'complicacion'],
  parq: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'],
  tca: ['signo'],
  objetivo: OBJETIVO_PRINCIPAL_VALUES,
};

export function isKnownCode(topic: ReadingTopic, code: string): boolean {
  if (FIXED[topic].includes(code)) return true;
  if (topic !== 'alergia') return false;
  if (FOOD_CODE.test(code)) return true;
  return code.startsWith('no_alimentaria:') && NON_FOOD.has(code.slice('no_alimentaria:'.length));
}
