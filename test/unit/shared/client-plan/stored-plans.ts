import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NutritionPlanDocumentSchema,
  TrainingPlanDocumentSchema,
  type NutritionPlanDocument,
  type PlanLanguage,
  type TrainingPlanDocument,
} from '../../../../src/shared/plans';

/** Profiles of test/support/profiles.ts whose stored plans are kept as fixtures, with the plan language. */
export const FIXTURE_PROFILES: readonly (readonly [string, PlanLanguage])[] = [
  ['rodillaLactosa', 'es'],
  ['vegetarianoVolumen', 'es'],
  ['mayorLumbarAutorizado', 'es'],
  ['celiacaEnCasa', 'en'],
];

export interface StoredPlans {
  training: TrainingPlanDocument;
  nutrition: NutritionPlanDocument;
}

/** The stored plans of a fixture profile, parsed by the app's own schemas (dates revived). */
export function storedPlans(profile: string, language: PlanLanguage): StoredPlans {
  const raw = JSON.parse(
    readFileSync(join(__dirname, 'fixtures', `${profile}.${language}.json`), 'utf8'),
  ) as { training: Record<string, unknown>; nutrition: Record<string, unknown> };
  const revive = (doc: Record<string, unknown>) => ({
    ...doc,
    created_at: new Date(String(doc['created_at'])),
  });
  return {
    training: TrainingPlanDocumentSchema.parse(revive(raw.training)),
    nutrition: NutritionPlanDocumentSchema.parse(revive(raw.nutrition)),
  };
}
