/**
 * `npm run bench [-- --quick] [-- --json <file>] [-- --only queue,pipeline,editor] [-- --force-agenda]`
 *
 * Prints one JSON document and one markdown table. Every figure is a distribution (p50/p95/p99) or
 * a ratio measured side by side in this one run — machines here are noisy, so absolute numbers are
 * for reading, ratios for comparing. `--quick` (< 2 min) takes fewer samples; see docs/BENCHMARKS.md.
 */
import { parseArgs } from 'node:util';
import { startTestBackend } from '../test/support/mongo-backend';
import { BenchContext } from './lib/context';
import { emit, machineInfo, type Figure } from './lib/report';
import { round } from './lib/stats';
import { backupFigures } from './backup';
import { editorFigures } from './figures/editor';
import { eventFigures } from './figures/events';
import { httpFigures } from './figures/http';
import { microFigures } from './figures/micro';
import { pipelineFigures } from './figures/pipeline';
import { queueFigures } from './figures/queue-throughput';

const SECTIONS: Record<string, (ctx: BenchContext) => Promise<Figure[]>> = {
  micro: microFigures,
  http: httpFigures,
  events: eventFigures,
  queue: queueFigures,
  pipeline: pipelineFigures,
  editor: editorFigures,
  backup: backupFigures,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
    'force-agenda': { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

async function main(): Promise<number> {
  const quick = values.quick ?? false;
  const wanted = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(SECTIONS);
  const unknown = wanted.filter((name) => !SECTIONS[name]);
  if (unknown.length > 0)
    throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  const started = new Date();
  const backend = await startTestBackend();
  const ctx = await BenchContext.open(quick, backend, { forceAgenda: values['force-agenda'] ?? false });
  ctx.log(`MongoDB backend: ${backend.kind} — ${backend.detail}`);
  const figures: Figure[] = [];
  let failed = false;
  try {
    for (const name of wanted) {
      const t0 = performance.now();
      ctx.log(`${name}…`);
      try {
        figures.push(...(await SECTIONS[name]!(ctx)));
      } catch (error) {
        // One broken section must not hide the others' figures; the run still exits non-zero.
        failed = true;
        ctx.log(`${name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        figures.push({
          section: name,
          name: '(section failed)',
          unit: '',
          skipped: `failed: ${String(error)}`,
        });
      }
      ctx.log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await ctx.close();
    await backend.stop();
  }
  const finished = new Date();
  emit(
    {
      started_at: started.toISOString(),
      finished_at: finished.toISOString(),
      duration_s: round((finished.getTime() - started.getTime()) / 1000, 1),
      mode: quick ? 'quick' : 'full',
      machine: machineInfo(),
      backend: { kind: backend.kind, detail: backend.detail },
      parameters: ctx.parameters,
      figures,
    },
    values.json ?? null,
  );
  return failed ? 1 : 0;
}

main().then(
  // Exit explicitly: a peer library's timers (agenda's poll) must not keep a finished run alive.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
