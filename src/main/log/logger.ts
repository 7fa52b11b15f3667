import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { readEnvSetting, SECRET_SETTING_NAMES, SETTINGS } from '@shared/settings-descriptor';

export type { Logger } from 'pino';

/**
 * pino: structured JSON logs, cheap enough for a hot path, with built-in redaction so secrets
 * (API keys, tokens, Authorization headers) never reach a log file.
 */
const REDACT = [
  'apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'api_token',
  '*.api_token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  // A backup's passphrase (never logged today; a safeguard should one ever reach a log line).
  'passphrase',
  '*.passphrase',
  'req.headers["x-backup-passphrase"]',
  'headers["x-backup-passphrase"]',
  // The embedded mongod's root password, and the URL that carries it (if an environment is ever logged).
  'password',
  '*.password',
  'EDN_MONGO_URL',
  '*.EDN_MONGO_URL',
  // Every secret of the settings descriptor (keys and their environment variables).
  ...SECRET_SETTING_NAMES.flatMap((name) => [name, `*.${name}`]),
].filter((path, index, all) => all.indexOf(path) === index);

/**
 * `EDN_LOG_LEVEL` as the settings descriptor parses it. A misspelt level falls back to the default here:
 * the logger may be built before the configuration is read, and loadConfig refuses it with a clear message.
 */
function envLogLevel(): string {
  const read = readEnvSetting('log_level', process.env);
  return read?.ok ? read.value : SETTINGS.log_level.default;
}

export function logsDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

export const LOG_FILE_NAME = 'edn360.log';

/** Owner-only: logs name clients, jobs and paths, and must not be readable by other accounts. */
export const LOG_FILE_MODE = 0o600;
export const LOG_DIR_MODE = 0o700;

/**
 * The logs folder, created 0700, and a log file in it created (or, from an older version, chmod-ed
 * back to) 0600 — before any line is written to it. No-op for modes on Windows (per-user profile ACLs).
 */
export function preparePrivateLogFile(dir: string, name = LOG_FILE_NAME): string {
  mkdirSync(dir, { recursive: true, mode: LOG_DIR_MODE });
  const file = join(dir, name);
  // 'a' creates with the mode (umask permitting) and leaves an existing file's content alone.
  closeSync(openSync(file, 'a', LOG_FILE_MODE));
  if (process.platform !== 'win32') {
    chmodSync(dir, LOG_DIR_MODE);
    chmodSync(file, LOG_FILE_MODE);
  }
  return file;
}

export interface LoggerOptions {
  dataDir: string | null;
  level?: string;
  /** Also print to stdout (headless); the file is always written when a data dir is known. */
  stdout?: boolean;
  name?: string;
  /** Replaces the plain log file (the desktop app passes a size-rotated stream in the same folder). */
  destination?: pino.DestinationStream;
}

/**
 * Log files written by an older version (or rotated from one) that are readable by others: set to
 * 0600. Missing files are skipped; nothing is created. For the desktop app's rotated set.
 */
export function restrictExistingLogFiles(files: readonly string[]): void {
  if (process.platform === 'win32') return;
  for (const file of files) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, LOG_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const streams: pino.StreamEntry[] = [];
  if (options.destination) {
    streams.push({ stream: options.destination });
  } else if (options.dataDir) {
    const dest = preparePrivateLogFile(logsDir(options.dataDir));
    // Synchronous writes: log volume is low, and a process that exits on a start-up error must not lose
    // (or crash flushing) its last lines. `mode`: were the file recreated (deleted while running), 0600 again.
    streams.push({ stream: pino.destination({ dest, mkdir: true, sync: true, mode: LOG_FILE_MODE }) });
  }
  if (options.stdout ?? !options.dataDir) streams.push({ stream: process.stdout });
  return pino(
    {
      name: options.name ?? 'edn360',
      level: options.level ?? envLogLevel(),
      redact: { paths: REDACT, censor: '[redactado]' },
    },
    pino.multistream(streams),
  );
}

/** For tests and tools that must not write anywhere. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
