import { open } from 'node:fs/promises';
import { LOG_LEVELS, type LogEntry, type LogTail } from '@shared/ipc-contract';

/** pino's numeric levels. */
const PINO_LEVELS: Record<number, (typeof LOG_LEVELS)[number]> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Enough for 2 000 ordinary lines; a tail never reads a whole (up to 10 MB) log file. */
const MAX_TAIL_BYTES = 1024 * 1024;

async function readLastBytes(file: string, maxBytes: number): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    // Started mid-file: the first line is partial.
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } finally {
    await handle.close();
  }
}

export function parseLogLine(raw: string): LogEntry {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      const level =
        typeof record['level'] === 'number' ? (PINO_LEVELS[record['level']] ?? 'unknown') : 'unknown';
      const time = typeof record['time'] === 'number' ? new Date(record['time']) : null;
      return {
        at: time && !Number.isNaN(time.getTime()) ? time : null,
        level,
        message: typeof record['msg'] === 'string' ? record['msg'] : '',
        component: typeof record['component'] === 'string' ? record['component'] : null,
        raw,
      };
    }
  } catch {
    // Not JSON (a crash dump, a line from an older version): shown as is.
  }
  return { at: null, level: 'unknown', message: raw, component: null, raw };
}

/**
 * The last `lines` entries of the log at or above `minLevel`, oldest first. Reads only the file's end,
 * then the previous rotated file when the current one is short (just after a rotation).
 */
export async function tailLog(
  files: readonly string[],
  lines: number,
  minLevel: (typeof LOG_LEVELS)[number] = 'trace',
): Promise<LogTail> {
  const threshold = LOG_LEVELS.indexOf(minLevel);
  const keep = (entry: LogEntry): boolean =>
    entry.level === 'unknown' || LOG_LEVELS.indexOf(entry.level) >= threshold;
  let entries: LogEntry[] = [];
  for (const file of files) {
    const text = await readLastBytes(file, MAX_TAIL_BYTES);
    const fromFile = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(parseLogLine)
      .filter(keep);
    entries = [...fromFile, ...entries];
    if (entries.length >= lines) break;
  }
  return { file: files[0] ?? null, entries: entries.slice(-lines) };
}
