import { describe, expect, it } from 'vitest';
import pino from 'pino';
import type { BackupSummary } from '../../../src/shared/backup';
import { startAutomaticBackups } from '../../../src/main/core/automatic-backup-timer';

/*
 * The daily backup's clock: checks run one at a time (a slow backup is not started twice), a failure
 * is logged and retried at the next check, stop waits for a running backup. The use case itself
 * (due or not, the folder, pruning) is tested on a real database in
 * test/integration/application/database-move.test.ts; here it is replaced by a function we control.
 */
function recordingLogger(): { logger: pino.Logger; lines: Array<{ msg: string }> } {
  const lines: Array<{ msg: string }> = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as { msg: string }) },
  );
  return { logger, lines };
}

describe('startAutomaticBackups', () => {
  it('runs one check at a time, logs what it wrote, retries after a failure, and stop waits', async () => {
    const { logger, lines } = recordingLogger();
    let calls = 0;
    let release: () => void = () => undefined;
    const outcomes: Array<() => Promise<BackupSummary | null>> = [
      () => Promise.reject(new Error('disco lleno')),
      () =>
        new Promise((resolve) => {
          release = () =>
            resolve({
              file: '/x/edn360-auto.edn360bak',
              total_documents: 3,
              bytes: 10,
              duration_ms: 1,
            } as BackupSummary);
        }),
    ];
    const timer = startAutomaticBackups({ automaticIfDue: () => outcomes[calls++]!() }, logger, {
      firstAfterMs: 60_000,
      everyMs: 60_000,
    });
    await timer.checkNow();
    expect(lines.map((l) => l.msg)).toEqual(['automatic backup failed; tried again at the next check']);
    const first = timer.checkNow();
    const second = timer.checkNow();
    expect(calls).toBe(2);
    const stopped = timer.stop();
    release();
    await Promise.all([first, second, stopped]);
    expect(lines.at(-1)?.msg).toBe('automatic backup written');
    await timer.checkNow();
    expect(calls).toBe(2);
  });
});
