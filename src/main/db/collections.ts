import type { Collection, Db } from 'mongodb';
import type { GenerationJob } from '@shared/job';
import type { User } from '@shared/user';
import type { QuestionnaireSubmission } from '@shared/questionnaire';
import type { NutritionPlanDocument, TrainingPlanDocument } from '@shared/plans';
import type { GenerationStep } from '@shared/generation-step';

/** Collection names are the original system's, so a clinic's existing data and tools keep working. */
export const COLLECTIONS = {
  users: 'users',
  submissions: 'nutrition_questionnaire_submissions',
  jobs: 'generation_jobs',
  steps: 'generation_steps',
  trainingPlans: 'training_plans',
  nutritionPlans: 'nutrition_plans',
} as const;

export interface Collections {
  users: Collection<User>;
  submissions: Collection<QuestionnaireSubmission>;
  jobs: Collection<GenerationJob>;
  steps: Collection<GenerationStep>;
  trainingPlans: Collection<TrainingPlanDocument>;
  nutritionPlans: Collection<NutritionPlanDocument>;
}

export function getCollections(db: Db): Collections {
  return {
    users: db.collection<User>(COLLECTIONS.users),
    submissions: db.collection<QuestionnaireSubmission>(COLLECTIONS.submissions),
    jobs: db.collection<GenerationJob>(COLLECTIONS.jobs),
    steps: db.collection<GenerationStep>(COLLECTIONS.steps),
    trainingPlans: db.collection<TrainingPlanDocument>(COLLECTIONS.trainingPlans),
    nutritionPlans: db.collection<NutritionPlanDocument>(COLLECTIONS.nutritionPlans),
  };
}
