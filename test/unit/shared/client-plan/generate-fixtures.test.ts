import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../../src/main/db/repositories';
import { FakeLlmServer } from '../../../support/fake-llm/server';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../../support/pipeline-harness';
import { PROFILES } from '../../../support/profiles';
import { useTestDatabase } from '../../../support/test-db';
import { FIXTURE_PROFILES } from './stored-plans';

/*
 * Regenerates the stored plans the client-plan tests read: the real pipeline on the fake LLM, as
 * test/integration/pipeline does, written as JSON so the unit tests need neither MongoDB nor the
 * fake LLM. Skipped unless asked for:
 *   REGENERATE_CLIENT_PLAN_FIXTURES=1 npx vitest run test/unit/shared/client-plan/generate-fixtures.test.ts
 *   npx prettier --write test/unit/shared/client-plan/fixtures
 * The plans' created_at is the run's date, so the dates in the fixtures change on every run.
 */

const regenerate = process.env['REGENERATE_CLIENT_PLAN_FIXTURES'] === '1';

describe.skipIf(!regenerate)('client-plan fixtures', () => {
  const testDb = useTestDatabase();
  const llm = new FakeLlmServer();
  beforeAll(() => llm.start());
  afterAll(() => llm.stop());

  for (const [profile, language] of FIXTURE_PROFILES) {
    it(`stores the ${profile} plans (${language})`, async () => {
      const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES[profile]!, 'full');
      const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm, { language }) });
      expect(job.status).toBe('completed');
      const repositories = createRepositories(testDb.db);
      const training = await repositories.trainingPlans.get(job.result!.training_plan_id!);
      const nutrition = await repositories.nutritionPlans.get(job.result!.nutrition_plan_id!);
      const file = join(__dirname, 'fixtures', `${profile}.${language}.json`);
      writeFileSync(file, `${JSON.stringify({ training, nutrition }, null, 2)}\n`);
    });
  }
});
