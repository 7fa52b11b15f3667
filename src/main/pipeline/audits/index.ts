/*
 * Safety checks done by code (docs/AUDITS.md, issue 4 point 5): screening before any token is
 * spent, E8's training checks, N8's nutrition checks and the plan's audit status. The LLM review
 * only adds warnings and recommendations; it can never pass a failed check. Documented check by
 * check in docs/AUDITS.md.
 */
export {
  allowedFoods,
  FOOD_GROUPS,
  findGroupTerm,
  findRestrictedIngredients,
  resolveRestrictions,
  type FoodGroupId,
  type ResolvedRestrictions,
  type RestrictedIngredient,
  type Restriction,
} from './allergens';
export { buildAudit } from './build-audit';
export { menuTargetProblems } from './menu-targets';
export {
  reauditNutritionPlan,
  reauditTrainingPlan,
  type NutritionReaudit,
  type NutritionReauditOptions,
  type TrainingReaudit,
  type TrainingReauditOptions,
} from './reaudit';
export { recoverLlmReview } from './reaudit-review';
export { MENU_TOLERANCES, menuDayTotals } from '@shared/menu-totals';
export { auditNutrition, type NutritionAuditInput } from './nutrition';
export {
  ADULT_CAFFEINE_LIMIT_MG,
  MINOR_CAFFEINE_MG_PER_KG,
  PREGNANCY_CAFFEINE_LIMIT_MG,
  readAndScreen,
  screenQuestionnaire,
  screeningMessage,
  type ScreeningOptions,
} from './screening';
export {
  auditTraining,
  estimateSessionMinutes,
  recomputeWeeklySets,
  type TrainingAuditInput,
} from './training';
export {
  findForbidden,
  findSupplement,
  SUPPLEMENT_CATALOG,
  type ForbiddenEntry,
  type SupplementEntry,
} from './supplement-catalog';
export { convertDose, parseDose, type ParsedDose } from './supplement-dose';
export {
  nut18,
  supplementFindings,
  supplementRepairProblems,
  supplementRestriction,
  type SupplementFinding,
} from './supplements';
export {
  adherenceFigures,
  adherenceTexts,
  energyFigures,
  macroFigures,
  metabolismFigures,
  timingFigures,
  timingTexts,
  triageFigures,
  weeklyFigures,
  withDifferences,
  type AdherenceTargets,
  type EnergyFigures,
} from './text-figures-nutrition';
export {
  bridgeFigures,
  capacityFigures,
  formattedPlanFigures,
  formattedPlanTexts,
  mesocycleFigures,
  mesocycleTexts,
  trainingFigures,
  type TrainingFigures,
} from './text-figures-training';
export { extractQuantities, parseNumber, type Quantity, type QuantityUnit } from './text-quantities';
export {
  formatEs,
  matchesValue,
  quantitiesByKey,
  textNumberProblems,
  TOLERANCE,
  type AllowedValues,
  type PlanText,
} from './text-numbers';
