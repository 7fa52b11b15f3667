import type { Db } from 'mongodb';
import {
  NutritionPlanDocumentSchema,
  TrainingPlanDocumentSchema,
  type NutritionPlanDocument,
  type TrainingPlanDocument,
} from '@shared/plans';
import { deliveryOf } from '@shared/plan-delivery';
import { getCollections } from '../collections';
import { ClientDataRepository } from './client-data-repository';
import { JobsRepository } from './jobs-repository';
import { PlansRepository } from './plans-repository';
import { PlanVersionsRepository } from './plan-versions-repository';
import { StepsRepository } from './steps-repository';
import { SubmissionsRepository } from './submissions-repository';
import { UsersRepository } from './users-repository';

export interface Repositories {
  users: UsersRepository;
  submissions: SubmissionsRepository;
  jobs: JobsRepository;
  steps: StepsRepository;
  trainingPlans: PlansRepository<TrainingPlanDocument>;
  nutritionPlans: PlansRepository<NutritionPlanDocument>;
  planVersions: PlanVersionsRepository;
  /** Every document about one client at once (erasure). */
  clientData: ClientDataRepository;
}

export function createRepositories(db: Db): Repositories {
  const c = getCollections(db);
  return {
    users: new UsersRepository(c.users),
    submissions: new SubmissionsRepository(c.submissions),
    jobs: new JobsRepository(c.jobs),
    steps: new StepsRepository(c.steps),
    trainingPlans: new PlansRepository(c.trainingPlans, TrainingPlanDocumentSchema, deliveryOf),
    nutritionPlans: new PlansRepository(c.nutritionPlans, NutritionPlanDocumentSchema, deliveryOf),
    planVersions: new PlanVersionsRepository(c.planVersions),
    clientData: new ClientDataRepository(db),
  };
}
