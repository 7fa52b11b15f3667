import type { Collection, Db } from 'mongodb';
import type { GenerationJob } from '@shared/job';
import type { User } from '@shared/user';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { GenerationStep } from '@shared/generation-step';
import { PLAN_VERSIONS_COLLECTION, type PlanVersionDocument } from '@shared/plan-versions';

/** Collection names are the original system's, so a clinic's existing data and tools keep working. */
export const COLLECTIONS = {
  users: 'users',
  submissions: 'nutrition_questionnaire_submissions',
  jobs: 'generation_jobs',
  steps: 'generation_steps',
  trainingPlans: 'training_plans',
  nutritionPlans: 'nutrition_plans',
  /** New in this app (the original system kept one copy of each plan). */
  planVersions: PLAN_VERSIONS_COLLECTION,
} as const;

export interface Collections {
  users: Collection<User>;
  submissions: Collection<QuestionnaireSubmission>;
  jobs: Collection<GenerationJob>;
  steps: Collection<GenerationStep>;
  trainingPlans: Collection<TrainingPlanDocument>;
  nutritionPlans: Collection<NutritionPlanDocument>;
  planVersions: Collection<PlanVersionDocument>;
}

export function getCollections(db: Db): Collections {
  return {
    users: db.collection<User>(COLLECTIONS.users),
    submissions: db.collection<QuestionnaireSubmission>(COLLECTIONS.submissions),
    jobs: db.collection<GenerationJob>(COLLECTIONS.jobs),
    steps: db.collection<GenerationStep>(COLLECTIONS.steps),
    trainingPlans: db.collection<TrainingPlanDocument>(COLLECTIONS.trainingPlans),
    nutritionPlans: db.collection<NutritionPlanDocument>(COLLECTIONS.nutritionPlans),
    planVersions: db.collection<PlanVersionDocument>(COLLECTIONS.planVersions),
  };
}
