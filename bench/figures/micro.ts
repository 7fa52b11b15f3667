import { validateQuestionnaire } from '../../src/shared/questionnaire-validation';
import { buildPendingJob } from '../../src/main/queue/enqueue';
import { getCollections } from '../../src/main/db/collections';
import { enqueue } from '../../src/main/queue';
import type { GenerationJob } from '../../src/shared/job';
import sample from '../../resources/samples/cuestionario-original.json';
import type { BenchContext } from '../lib/context';
import type { Figure } from '../lib/report';
import { distribution } from '../lib/stats';

const SECTION = 'micro';

/** Validation of one original-format questionnaire, and what enqueue adds over a bare insert. */
export async function microFigures(ctx: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  const now = new Date('2026-11-28T12:00:00Z');
  const validations = ctx.quick ? 2_000 : 20_000;
  for (let i = 0; i < 500; i++) validateQuestionnaire(sample, { now }); // JIT warm-up
  const validationSamples: number[] = [];
  for (let i = 0; i < validations; i++) {
    const t0 = performance.now();
    validateQuestionnaire(sample, { now });
    validationSamples.push((performance.now() - t0) * 1000);
  }
  figures.push({
    section: SECTION,
    name: 'validateQuestionnaire (original-format submission)',
    unit: 'µs',
    distribution: distribution(validationSamples),
  });

  const db = await ctx.freshDb('micro');
  const jobs = getCollections(db).jobs;
  const raw = db.collection<GenerationJob>('bench_raw_inserts');
  const n = ctx.quick ? 200 : 2_000;
  ctx.param(SECTION, { validations, inserts: n });
  for (let i = 0; i < 50; i++)
    await raw.insertOne(buildPendingJob({ user_id: 'w', submission_id: 'w', type: 'full' }));
  const repoSamples: number[] = [];
  const rawSamples: number[] = [];
  // Interleaved so drift on a noisy machine hits both equally.
  for (let i = 0; i < n; i++) {
    // Keep both collections small: on jongodb an insert slows down as its collection grows.
    if (i % 200 === 0) await Promise.all([jobs.deleteMany({}), raw.deleteMany({})]);
    const copy = buildPendingJob({ user_id: 'bench', submission_id: 'bench', type: 'full' });
    let t0 = performance.now();
    await enqueue(jobs, { user_id: 'bench', submission_id: 'bench', type: 'full' });
    repoSamples.push(performance.now() - t0);
    t0 = performance.now();
    await raw.insertOne(copy);
    rawSamples.push(performance.now() - t0);
  }
  const repo = distribution(repoSamples);
  const plain = distribution(rawSamples);
  figures.push(
    {
      section: SECTION,
      name: 'enqueue (build + validate + insert a pending job)',
      unit: 'ms',
      distribution: repo,
    },
    {
      section: SECTION,
      name: 'raw insertOne of the same document',
      unit: 'ms',
      distribution: plain,
      ratio: { value: repo.p50 / plain.p50, of: 'enqueue p50 / raw insertOne p50' },
    },
  );
  return figures;
}
