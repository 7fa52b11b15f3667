export * from './training-edit-schema';
export * from './training-edits';
export * from './training-options';
export { NutritionEditSchema, type NutritionEdit, type NutritionEditType } from './nutrition-edit-schema';
export { applyNutritionEdit, type NutritionEditResult } from './nutrition-edits';
export { clientRestrictions, foodOptions, foodPolicy, type FoodOption } from './nutrition-food-options';
export { dayTotalsAgainstTargets, type DayTotalsAgainstTargets } from './nutrition-targets';
export {
  PLAN_CHANGE_CODES,
  PlanChangeSchema,
  type LocalizedText,
  type PlanChange,
  type PlanChangeCode,
} from './plan-diff-schema';
export { diffTrainingPlans } from './training-diff';
export { diffNutritionPlans } from './nutrition-diff';
