import type { Logger } from '../log/logger';

/** The part of Electron's `app` the quit sequence uses; tests pass a fake. */
export interface QuittableApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): void;
  exit(code: number): void;
}

/**
 * Graceful quit under a deadline. `before-quit` must be cancelled synchronously (a preventDefault
 * after an await has no effect, electron#17125); then the cleanup runs — the worker stops claiming,
 * lets running jobs checkpoint and releases their leases, the API closes, the embedded mongod stops —
 * and `app.exit` ends the process, which skips `before-quit` so it cannot loop. Whatever is still
 * running at the deadline is abandoned: leases expire and another worker resumes those jobs.
 */
export function installGracefulQuit(
  app: QuittableApp,
  stop: () => Promise<void>,
  options: { deadlineMs: number; logger: Logger },
): void {
  let stopping = false;
  app.on('before-quit', (event) => {
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    let timer: NodeJS.Timeout | null = null;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), options.deadlineMs);
    });
    const cleanup = stop().then(
      () => 'stopped' as const,
      (error: unknown) => {
        options.logger.error({ err: error }, 'graceful stop failed');
        return 'failed' as const;
      },
    );
    void Promise.race([cleanup, deadline]).then((outcome) => {
      if (timer) clearTimeout(timer);
      if (outcome === 'deadline')
        options.logger.warn({ deadlineMs: options.deadlineMs }, 'quit deadline reached');
      else options.logger.info({ ms: Date.now() - started, outcome }, 'stopped; quitting');
      app.exit(outcome === 'stopped' ? 0 : 1);
    });
  });
}
