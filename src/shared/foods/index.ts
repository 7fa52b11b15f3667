/*
 * The food-composition table and what code computes from it (resources/foods/README.md). Menus
 * name foods by id with grams; kcal, macronutrients, fibre and allergen groups come from here.
 */
export {
  ENERGY_FACTORS,
  ENERGY_TOLERANCE,
  FOOD_CATEGORIES,
  FOOD_DATABASES,
  FOOD_GROUP_IDS,
  FOOD_IDS,
  FOOD_TABLE,
  FOODS,
  FoodSchema,
  atwaterKcal,
  energyProblem,
  foodById,
  foodName,
  massProblem,
  parseFoodTable,
  type Food,
  type FoodCategory,
  type FoodTable,
  type Nutrients,
  type Per100g,
} from './food-table';
export { nutrientsFor, roundNutrients, sumNutrients } from './nutrients';
export { findFoodsInText } from './find-foods';
