import type { DatabaseCare } from '../application/database-care';
import type { Logger } from '../log/logger';

/** How often a host asks whether the daily backup is due: an hour, so a laptop opened late still gets it. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
/** The first check waits for start-up to settle (the worker, the window) before reading every collection. */
const FIRST_CHECK_AFTER_MS = 2 * 60 * 1000;

export interface AutomaticBackupTimer {
  /** Runs one check now (tests; the timer's own checks run the same). */
  checkNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The daily automatic backup's clock (docs/ARCHITECTURE.md "Backups"): every host that serves the
 * app (desktop, `edn360 serve`) checks each hour; the use case decides whether one is due for the
 * database (one a day, whichever instance comes first). A failure is logged and tried at the next check.
 */
export function startAutomaticBackups(
  care: Pick<DatabaseCare, 'automaticIfDue'>,
  logger: Logger,
  timing: { firstAfterMs?: number; everyMs?: number } = {},
): AutomaticBackupTimer {
  let running: Promise<void> | null = null;
  let stopped = false;
  const check = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    // One at a time: a slow backup is not started again by the next tick.
    running ??= care
      .automaticIfDue()
      .then((summary) => {
        if (summary)
          logger.info(
            {
              file: summary.file,
              documents: summary.total_documents,
              bytes: summary.bytes,
              ms: summary.duration_ms,
            },
            'automatic backup written',
          );
      })
      .catch((error: unknown) =>
        logger.warn({ err: error }, 'automatic backup failed; tried again at the next check'),
      )
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = setTimeout(() => void check(), timing.firstAfterMs ?? FIRST_CHECK_AFTER_MS);
  const every = setInterval(() => void check(), timing.everyMs ?? CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return {
    checkNow: check,
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
