import type { Logger } from '../log/logger';

/**
 * SIGINT/SIGTERM run `stop` once (running jobs checkpoint and release their leases), then exit 0;
 * a failed stop exits 1. A second signal while stopping is ignored rather than cutting the stop short.
 */
export function exitOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
