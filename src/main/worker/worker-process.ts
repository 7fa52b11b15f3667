import type { HostToWorker } from '@shared/worker-protocol';

export interface WorkerExit {
  code: number | null;
  signal: string | null;
  /** The last lines the process wrote to stderr: usually the reason it died. */
  stderrTail: string;
}

/** A running worker process, whatever started it (child_process.fork or Electron utilityProcess). */
export interface WorkerProcess {
  readonly pid: number | undefined;
  send(message: HostToWorker): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  kill(): void;
}

export type SpawnWorker = () => WorkerProcess;

/** Keeps the last lines of a stream for exit reports without holding unbounded output. */
export class LineTail {
  private lines: string[] = [];
  private partial = '';

  constructor(private readonly max = 20) {}

  push(chunk: string): string[] {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    const complete = parts.filter((line) => line.trim() !== '');
    this.lines.push(...complete);
    if (this.lines.length > this.max) this.lines = this.lines.slice(-this.max);
    return complete;
  }

  text(): string {
    return [...this.lines, this.partial].filter(Boolean).join('\n');
  }
}
