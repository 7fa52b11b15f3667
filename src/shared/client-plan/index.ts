/*
 * The client version of a plan (issue #15): what the client reads, built from the stored plans.
 */
export * from './schema';
export { buildClientPlan, type BuildClientPlanInput } from './build-client-plan';
export { findInternalMarkers, findClientMarkers, collectStrings } from './internal-markers';
export { householdMeasure } from './household-measures';
export { shoppingGrams } from './shopping-list';
