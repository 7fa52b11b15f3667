import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { round, type Distribution } from './stats';

export interface Figure {
  name: string;
  unit: string;
  distribution?: Distribution;
  ratio?: { value: number; of: string };
  note?: string;
}

export interface Report {
  started_at: string;
  machine: { cpus: number; cpu_model: string; memory_gib: number; node: string };
  backend: string;
  figures: Figure[];
}

export function machineInfo(): Report['machine'] {
  return {
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model ?? 'unknown',
    memory_gib: round(totalmem() / 2 ** 30, 1),
    node: process.version,
  };
}

export function markdownTable(report: Report): string {
  const rows = report.figures.map((f) => {
    const d = f.distribution;
    const cells = d ? [d.n, round(d.p50), round(d.p95), round(d.p99)].map(String) : ['', '', '', ''];
    const ratio = f.ratio ? `${round(f.ratio.value, 2)}× ${f.ratio.of}` : '';
    return `| ${f.name} | ${f.unit} | ${cells.join(' | ')} | ${ratio} | ${f.note ?? ''} |`;
  });
  return [
    '| figure | unit | n | p50 | p95 | p99 | ratio | note |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function emit(report: Report, jsonPath: string | null): void {
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  console.log(`\n${markdownTable(report)}`);
  if (jsonPath) writeFileSync(jsonPath, `${json}\n`);
}
