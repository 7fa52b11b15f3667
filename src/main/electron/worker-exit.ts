import type { WorkerExit } from '../worker/worker-process';

/** `app`'s `child-process-gone` details for a utility process (the fields used here). */
export interface ChildGoneDetails {
  type: string;
  reason: string;
  exitCode: number;
  serviceName?: string | undefined;
}

/**
 * Electron reports a utility process's end twice: `exit` on the process (lifecycle; its exit code has
 * been wrong for crashes, electron#42283/#42290) and `child-process-gone` on `app` (the reason:
 * `crashed`, `oom`, `killed`, `launch-failed`…). Either may come first, and a failed launch may bring
 * only one. This merges them into one WorkerExit for the supervisor: delivered once, when both have
 * arrived or `graceMs` after the first.
 */
export class WorkerExitSignals {
  private code: number | null = null;
  private gone: ChildGoneDetails | null = null;
  private timer: NodeJS.Timeout | null = null;
  private delivered = false;

  constructor(
    private readonly deliver: (exit: WorkerExit) => void,
    private readonly stderrTail: () => string,
    private readonly graceMs = 250,
  ) {}

  exited(code: number): void {
    this.code = code;
    this.settle();
  }

  goneWith(details: ChildGoneDetails): void {
    this.gone = details;
    this.settle();
  }

  private settle(): void {
    if (this.delivered) return;
    if (this.code !== null && this.gone !== null) {
      this.finish();
      return;
    }
    this.timer ??= setTimeout(() => this.finish(), this.graceMs);
  }

  private finish(): void {
    if (this.delivered) return;
    this.delivered = true;
    if (this.timer) clearTimeout(this.timer);
    const tail = this.stderrTail();
    // A clean exit is the normal end of a shutdown: nothing to add to what the worker said.
    const reason =
      this.gone && this.gone.reason !== 'clean-exit' ? `proceso terminado: ${this.gone.reason}` : '';
    this.deliver({
      code: this.code ?? this.gone?.exitCode ?? null,
      signal: null,
      stderrTail: [tail, reason].filter(Boolean).join('\n'),
    });
  }
}

/** Routes `app`'s `child-process-gone` to the utility process it concerns (by its service name). */
export class ChildProcessGoneRouter {
  private readonly routes = new Map<string, (details: ChildGoneDetails) => void>();

  route(serviceName: string, listener: (details: ChildGoneDetails) => void): () => void {
    this.routes.set(serviceName, listener);
    return () => {
      this.routes.delete(serviceName);
    };
  }

  /** Returns false for processes nobody routed (the GPU process, other utilities): logged by the caller. */
  dispatch(details: ChildGoneDetails): boolean {
    if (details.type !== 'Utility' || !details.serviceName) return false;
    const listener = this.routes.get(details.serviceName);
    listener?.(details);
    return listener !== undefined;
  }
}
