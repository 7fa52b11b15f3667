import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { preparePrivateLogFile, restrictExistingLogFiles } from '../../log/logger';

export const LOG_FILE_NAME = 'edn360.log';
/** Rotated files kept besides the current one: `edn360.log.1` (newest) … `edn360.log.5`. */
export const ROTATED_LOGS = 5;
const ROTATE_AT = '10M';

export interface RotatingLog {
  stream: RotatingFileStream;
  /** Current file first, then the rotated ones, newest first (what the log viewer reads). */
  files: string[];
  close(): Promise<void>;
}

/**
 * The desktop app's log file, rotated by size so a laptop that runs for months keeps at most ~60 MB.
 * rotating-file-stream: a plain Writable on the main thread with no dependencies and classical
 * logrotate naming. pino's own rotating transport (pino-roll) runs in a worker thread through
 * thread-stream, which breaks once the main process is bundled (pinojs/pino#1465); pino writes to
 * this stream directly instead.
 */
export function openRotatingLog(dir: string): RotatingLog {
  // 0700 folder, 0600 file — also when an older version left them readable by others.
  preparePrivateLogFile(dir, LOG_FILE_NAME);
  const stream = createStream(LOG_FILE_NAME, {
    path: dir,
    size: ROTATE_AT,
    rotate: ROTATED_LOGS,
    mode: 0o600,
  });
  const files = [
    LOG_FILE_NAME,
    ...Array.from({ length: ROTATED_LOGS }, (_, i) => `${LOG_FILE_NAME}.${i + 1}`),
  ].map((name) => join(dir, name));
  restrictExistingLogFiles(files);
  return {
    stream,
    files,
    close: () =>
      new Promise<void>((resolve) => {
        stream.end(() => resolve());
      }),
  };
}
