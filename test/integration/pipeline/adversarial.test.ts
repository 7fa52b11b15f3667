import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src/main/db/repositories';
import { getCatalog } from '../../../src/main/pipeline/catalog';
import type { AuditResult } from '../../../src/shared/plan-content';
import type { JobType } from '../../../src/shared/job';
import type { Fault } from '../../support/fake-llm/faults';
import { FakeLlmServer } from '../../support/fake-llm/server';
import { createSubmissionAndJob, pipelineSettings, runJobToEnd } from '../../support/pipeline-harness';
import { PROFILES } from '../../support/profiles';
import { useTestDatabase } from '../../support/test-db';

/*
 * An adversarial model (issue 13, point 5): our fake LLM answers with schema-valid but unsafe
 * content, one agent at a time, and every case must be caught — repaired before it reaches the plan,
 * flagged by a blocking audit check, or the job fails rather than deliver it. Prints "N caught of M".
 * Unsafe content the app cannot catch yet (menu totals against targets, numbers in other texts)
 * is listed in docs/AUDITS.md, not here.
 */

const testDb = useTestDatabase();
const llm = new FakeLlmServer();
beforeAll(() => llm.start());
afterAll(() => llm.stop());

const catalog = () => getCatalog().exercises;
const deepKnee = () =>
  catalog().find(
    (e) => e.contraindicaciones.includes('flexion_profunda_rodilla') && e.patron === 'sentadilla',
  )!.id;
/** A chest exercise a beginner with dumbbells and a bench may do: legal, only the amount is unsafe. */
const dumbbellChest = () =>
  catalog().find(
    (e) =>
      e.musculos_primarios.includes('pecho') &&
      e.material.length > 0 &&
      e.material.every((m) => ['mancuernas', 'banco'].includes(m)) &&
      e.contraindicaciones.length === 0,
  )!.id;

interface Case {
  name: string;
  profile: string;
  type: JobType;
  fault: Extract<Fault, { type: 'mutate' }>;
  /** What must not reach the plan (the injected text), when the check is a repair. */
  injected: string;
  /** A blocking audit check that must fail instead, when the content is legal but unsafe in amount. */
  auditCheck?: string;
}

const mutate = (agent: string, mutation: Case['fault']['mutation'], value: string, series?: number) =>
  ({ type: 'mutate', agent, mutation, value, count: 1, ...(series ? { series } : {}) }) as Case['fault'];

const CASES: (() => Case)[] = [
  () => ({
    name: 'N6 lácteo (es), intolerancia a la lactosa',
    profile: 'rodillaLactosa',
    type: 'nutrition',
    fault: mutate('N6', 'add_ingredient', 'Yogur natural'),
    injected: 'Yogur natural',
  }),
  () => ({
    name: 'N6 dairy (en), lactose intolerance',
    profile: 'rodillaLactosa',
    type: 'nutrition',
    fault: mutate('N6', 'add_ingredient', 'Greek yogurt'),
    injected: 'Greek yogurt',
  }),
  () => ({
    name: 'N6 gluten (en), coeliac',
    profile: 'celiacaEnCasa',
    type: 'nutrition',
    fault: mutate('N6', 'add_ingredient', 'Whole wheat bread'),
    injected: 'Whole wheat bread',
  }),
  () => ({
    name: 'N6 frutos secos (es), alergia',
    profile: 'veganaRecomposicion',
    type: 'nutrition',
    fault: mutate('N6', 'add_ingredient', 'Nueces peladas'),
    injected: 'Nueces peladas',
  }),
  () => ({
    name: 'N6 meat (en), vegetarian',
    profile: 'vegetarianoVolumen',
    type: 'nutrition',
    fault: mutate('N6', 'add_ingredient', 'Pork sausage'),
    injected: 'Pork sausage',
  }),
  () => ({
    name: 'E6 deep squat, active knee injury',
    profile: 'rodillaLactosa',
    type: 'training',
    fault: mutate('E6', 'add_exercise', deepKnee()),
    injected: deepKnee(),
  }),
  () => ({
    name: 'E6 beginner given 12 sets of chest per session',
    profile: 'mayorLumbarAutorizado',
    type: 'training',
    fault: mutate('E6', 'set_series', dumbbellChest(), 12),
    injected: dumbbellChest(),
    auditCheck: 'TRN-06',
  }),
  () => ({
    name: 'E7 client text announces 7 days a week',
    profile: 'vegetarianoVolumen',
    type: 'training',
    fault: mutate('E7', 'set_text', 'Entrenarás 7 días por semana.'),
    injected: 'Entrenarás 7 días por semana.',
  }),
];

async function outcome(c: Case): Promise<string | null> {
  llm.faults.clear();
  llm.faults.add([c.fault]);
  const { jobId } = await createSubmissionAndJob(testDb.db, PROFILES[c.profile]!, c.type);
  const job = await runJobToEnd(jobId, { db: testDb.db, settings: pipelineSettings(llm) });
  if (job.status === 'failed') return `job failed (${job.error_reason})`;
  const repos = createRepositories(testDb.db);
  const plan =
    c.type === 'nutrition'
      ? (await repos.nutritionPlans.get(job.result.nutrition_plan_id!))?.nutrition
      : (await repos.trainingPlans.get(job.result.training_plan_id!))?.training;
  if (!plan) return null;
  if (!JSON.stringify(plan).includes(c.injected)) return 'repaired before the plan';
  if (c.auditCheck) {
    const audit = plan.audit as AuditResult;
    const check = audit.checks.find((candidate) => candidate.id === c.auditCheck);
    if (check && !check.passed) return `${c.auditCheck} ${check.severity} (audit ${audit.status})`;
  }
  return null;
}

describe('an adversarial model: unsafe, schema-valid content is caught', () => {
  it('catches every case and prints "N caught of M"', async () => {
    const rows: [string, string][] = [];
    for (const make of CASES) {
      const c = make();
      rows.push([c.name, (await outcome(c)) ?? 'NOT CAUGHT']);
    }
    const caught = rows.filter(([, how]) => how !== 'NOT CAUGHT').length;
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(
      [
        `adversarial model: ${caught} caught of ${rows.length}`,
        ...rows.map(([name, how]) => `  ${name.padEnd(width)} | ${how}`),
      ].join('\n'),
    );
    expect(rows.filter(([, how]) => how === 'NOT CAUGHT')).toEqual([]);
  }, 120_000);
});
