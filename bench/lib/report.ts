import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { pretty, round, type Distribution } from './stats';

/**
 * One measured figure. A distribution (p50/p95/p99) for latencies and sizes, a ratio for the
 * side-by-side comparisons, a single value for throughputs, or `skipped` with the reason it could
 * not be measured on this machine — a skipped figure is printed, never silently left out.
 */
export interface Figure {
  section: string;
  name: string;
  unit: string;
  distribution?: Distribution;
  value?: number;
  ratio?: { value: number; of: string };
  /** What the original E.D.N.360 system promises or does for the same thing, when it says. */
  original?: string;
  note?: string;
  skipped?: string;
}

export interface Report {
  started_at: string;
  finished_at: string;
  duration_s: number;
  mode: 'quick' | 'full';
  machine: { cpus: number; cpu_model: string; memory_gib: number; node: string; platform: string };
  backend: { kind: string; detail: string };
  /** The parameters each section ran with (sample counts, latency model, concurrency). */
  parameters: Record<string, unknown>;
  figures: Figure[];
}

export function machineInfo(): Report['machine'] {
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    memory_gib: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function markdownTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const d = f.distribution;
    const stats = d ? [String(d.n), pretty(d.p50), pretty(d.p95), pretty(d.p99)] : ['', '', '', ''];
    const result = f.skipped
      ? `skipped: ${f.skipped}`
      : [
          f.value !== undefined ? pretty(f.value) : '',
          f.ratio ? `**${pretty(f.ratio.value)}×** ${f.ratio.of}` : '',
        ]
          .filter(Boolean)
          .join(' — ');
    return `| ${[f.section, f.name, f.unit, ...stats, result, f.original ?? '', f.note ?? ''].map(cell).join(' | ')} |`;
  });
  return [
    '| section | figure | unit | n | p50 | p95 | p99 | value / ratio | original system | note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** stdout gets the JSON document then the table; `jsonPath` also gets the JSON. */
export function emit(report: Report, jsonPath: string | null): void {
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  console.log(`\n${markdownTable(report.figures)}`);
  if (jsonPath) writeFileSync(jsonPath, `${json}\n`);
}
