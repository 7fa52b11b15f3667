/**
 * `npm run bench [-- --quick] [-- --json <file>]`: prints a JSON document and a markdown table.
 * Figures are distributions or ratios measured side by side in one run (machines here are noisy).
 * Queue, pickup, progress and pipeline figures join this file with their issues (3, 4, 8).
 */
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { validateQuestionnaire } from '../src/shared/questionnaire-validation';
import { buildPendingJob } from '../src/main/db/repositories/jobs-repository';
import { enqueue } from '../src/main/queue';
import { ensureIndexes } from '../src/main/db/indexes';
import type { GenerationJob } from '../src/shared/job';
import { getCollections } from '../src/main/db/collections';
import sample from '../resources/samples/cuestionario-original.json';
import { startTestBackend } from '../test/support/mongo-backend';
import { distribution } from './lib/stats';
import { emit, machineInfo, type Figure, type Report } from './lib/report';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, json: { type: 'string' } },
  allowPositionals: true,
});
const quick = values.quick ?? false;

function timeEach(iterations: number, fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) * 1000);
  }
  return samples;
}

async function timeEachAsync(iterations: number, fn: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function main(): Promise<void> {
  const figures: Figure[] = [];
  const now = new Date('2026-11-28T12:00:00Z');

  timeEach(500, () => validateQuestionnaire(sample, { now })); // warm-up
  figures.push({
    name: 'validateQuestionnaire (original-format submission)',
    unit: 'µs',
    distribution: distribution(timeEach(quick ? 2000 : 20000, () => validateQuestionnaire(sample, { now }))),
  });

  const backend = await startTestBackend();
  const client = await MongoClient.connect(backend.uri);
  try {
    const db = client.db(`edn_bench_${Date.now()}`);
    await ensureIndexes(db);
    const jobs = getCollections(db).jobs;
    const raw = db.collection<GenerationJob>('bench_raw_inserts');
    const n = quick ? 200 : 2000;
    // Interleave the two so drift on a noisy machine hits both equally.
    const repoSamples: number[] = [];
    const rawSamples: number[] = [];
    await timeEachAsync(50, async () => {
      const warm = buildPendingJob({ user_id: 'warm', submission_id: 'warm', type: 'full' });
      await raw.insertOne(warm);
    });
    for (let i = 0; i < n; i++) {
      // enqueue builds and validates the document itself; the raw insert gets a ready-made one.
      const copy = buildPendingJob({ user_id: 'bench', submission_id: 'bench', type: 'full' });
      repoSamples.push(
        ...(await timeEachAsync(
          1,
          async () => void (await enqueue(jobs, { user_id: 'bench', submission_id: 'bench', type: 'full' })),
        )),
      );
      rawSamples.push(...(await timeEachAsync(1, async () => void (await raw.insertOne(copy)))));
    }
    const repo = distribution(repoSamples);
    const plain = distribution(rawSamples);
    figures.push({
      name: 'enqueue (build + validate + insert a pending job)',
      unit: 'ms',
      distribution: repo,
    });
    figures.push({
      name: 'raw insertOne of the same document',
      unit: 'ms',
      distribution: plain,
      ratio: { value: repo.p50 / plain.p50, of: 'enqueue p50 / raw insertOne p50' },
    });
    for (const name of ['generation_jobs', 'bench_raw_inserts']) await db.collection(name).deleteMany({});
  } finally {
    await client.close();
    await backend.stop();
  }

  const report: Report = {
    started_at: new Date().toISOString(),
    machine: machineInfo(),
    backend: backend.kind,
    figures,
  };
  emit(report, values.json ?? null);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
