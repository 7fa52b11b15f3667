import { createRepositories } from '../../src/main/db/repositories';
import { previewPlanEdits } from '../../src/main/application/plan-editing';
import { editCatalog } from '../../src/main/application/plan-editing';
import { reauditNutritionPlan, reauditTrainingPlan } from '../../src/main/pipeline/audits';
import {
  applyNutritionEdit,
  applyTrainingEdit,
  type NutritionEdit,
  type TrainingEdit,
} from '../../src/shared/plan-edits';
import { storedPlans } from '../../test/unit/shared/client-plan/stored-plans';
import type { BenchContext } from '../lib/context';
import type { Figure } from '../lib/report';
import { distribution } from '../lib/stats';

const SECTION = 'editor';

/**
 * The coach's editor re-audits every edit (issue 16 point 3: "in milliseconds"): one edit applied
 * and the E8/N8 checks re-run on a real stored plan, in the process, and the whole preview round
 * trip through the application layer on the database (what each door adds is its transport).
 */
export async function editorFigures(ctx: BenchContext): Promise<Figure[]> {
  const { training, nutrition } = storedPlans('rodillaLactosa', 'es');
  const catalog = editCatalog();
  const trainingEdit: TrainingEdit = { type: 'set_prescription', session: 0, exercise: 0, series: 4 };
  const nutritionEdit: NutritionEdit = {
    type: 'set_grams',
    day_type: 'medio',
    meal: 1,
    dish: 0,
    item: 0,
    grams: 90,
  };
  const n = ctx.quick ? 200 : 2_000;
  ctx.param(SECTION, { edits: n, plan: 'rodillaLactosa (es)' });

  const time = (run: () => void): number[] => {
    for (let i = 0; i < 50; i++) run(); // JIT warm-up
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      run();
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  const trainingSamples = time(() => {
    const edited = applyTrainingEdit(training, trainingEdit, catalog);
    if (!edited.ok) throw new Error('bench edit refused');
    reauditTrainingPlan(edited.plan);
  });
  const nutritionSamples = time(() => {
    const edited = applyNutritionEdit(nutrition, nutritionEdit);
    if (!edited.ok) throw new Error('bench edit refused');
    reauditNutritionPlan(edited.plan);
  });

  const db = await ctx.freshDb('editor');
  const repos = createRepositories(db);
  await repos.trainingPlans.saveOnce(training);
  const rounds = ctx.quick ? 50 : 300;
  const previewSamples: number[] = [];
  for (let i = 0; i < rounds + 10; i++) {
    const t0 = performance.now();
    await previewPlanEdits(repos, {
      kind: 'training',
      plan_id: training._id,
      base_version: 1,
      edits: [trainingEdit],
    });
    if (i >= 10) previewSamples.push(performance.now() - t0);
  }
  return [
    {
      section: SECTION,
      name: 'training edit + E8 re-audit (set series, knee-injury plan)',
      unit: 'ms',
      distribution: distribution(trainingSamples),
    },
    {
      section: SECTION,
      name: 'nutrition edit + N8 re-audit (set grams, lactose-intolerant plan)',
      unit: 'ms',
      distribution: distribution(nutritionSamples),
    },
    {
      section: SECTION,
      name: 'previewPlanEdits round trip (read plan, apply, re-audit, diff) on the database',
      unit: 'ms',
      distribution: distribution(previewSamples),
    },
  ];
}
