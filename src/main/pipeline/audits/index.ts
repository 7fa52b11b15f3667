/*
 * Safety checks done by code (DOMAIN §2.7–2.8, issue 4 point 5): screening before any token is
 * spent, E8's training checks, N8's nutrition checks and the plan's audit status. The LLM review
 * only adds warnings and recommendations; it can never pass a failed check. Documented check by
 * check in docs/AUDITS.md.
 */
export {
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
export { auditNutrition, type NutritionAuditInput } from './nutrition';
export {
  ADULT_CAFFEINE_LIMIT_MG,
  MINOR_CAFFEINE_MG_PER_KG,
  PREGNANCY_CAFFEINE_LIMIT_MG,
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
