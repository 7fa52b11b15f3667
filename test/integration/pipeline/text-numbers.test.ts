import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/main/db/repositories';
import type { AuditResult } from '../../../src/shared/plan-content';
import { useFakeLlm } from '../../support/fake-llm/use-fake-llm';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';

/*
 * "Text agrees with numbers" (docs/AUDITS.md §9) end to end: a text with general advice (water,
 * creatine, hours) is left alone and reaches the plan without a repair round; the same field with a
 * kcal figure the plan does not have is repaired (adversarial.test.ts). Checked figures are counted
 * in NUT-20 / TRN-15, so a pass is not a check that read nothing.
 */

const testDb = useTestDatabase();
const llm = useFakeLlm();

const run = (jobId: string) => runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });

describe('texts with general advice are not flagged', () => {
  it('N7 hydration with litres, ml/kg and hours reaches the plan unrepaired', async () => {
    const advice =
      'Bebe unos 2–2,5 L de agua al día, 5–7 ml por kg unas 4 h antes de entrenar y 500 ml más por hora de entreno.';
    llm.faults.add([
      { type: 'mutate', agent: 'N7', mutation: 'set_field', field: 'hidratacion', value: advice, count: 1 },
    ]);
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'nutrition');
    const job = await run(jobId);
    expect(job.status).toBe('completed');
    expect(llm.requests.filter((r) => r.repair)).toEqual([]);
    const plan = await createRepositories(testDb.db).nutritionPlans.get(job.result.nutrition_plan_id!);
    expect((plan!.nutrition.adherence_report as { hidratacion: string }).hidratacion).toBe(advice);
    const nut20 = (plan!.nutrition.audit as AuditResult).checks.find((c) => c.id === 'NUT-20');
    expect(nut20).toMatchObject({ passed: true, severity: 'block' });
    // The fake's N1–N4 state their computed kcal, grams and days: the check compared them.
    expect(Number(/^(\d+) cifras/.exec(nut20!.reason)?.[1])).toBeGreaterThan(5);
  });

  it('E7 text with the right weekly count, warm-up minutes and rest advice passes TRN-15', async () => {
    const text =
      'Entrenarás 3 días por semana. Calienta 10 minutos y descansa al menos 1 día entre sesiones.';
    llm.faults.add([{ type: 'mutate', agent: 'E7', mutation: 'set_text', value: text, count: 1 }]);
    const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES['rodillaLactosa']!, 'training');
    const job = await run(jobId);
    expect(job.status).toBe('completed');
    expect(llm.requests.filter((r) => r.repair)).toEqual([]);
    const plan = await createRepositories(testDb.db).trainingPlans.get(job.result.training_plan_id!);
    expect((plan!.training.formatted_plan as { introduccion: string }).introduccion).toBe(text);
    const trn15 = (plan!.training.audit as AuditResult).checks.find((c) => c.id === 'TRN-15');
    expect(trn15).toMatchObject({ passed: true, severity: 'block' });
  });
});
