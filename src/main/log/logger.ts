import { mkdirSync } from 'node:fs';
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

export interface LoggerOptions {
  dataDir: string | null;
  level?: string;
  /** Also print to stdout (headless); the file is always written when a data dir is known. */
  stdout?: boolean;
  name?: string;
  /** Replaces the plain log file (the desktop app passes a size-rotated stream in the same folder). */
  destination?: pino.DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const streams: pino.StreamEntry[] = [];
  if (options.destination) {
    streams.push({ stream: options.destination });
  } else if (options.dataDir) {
    const dir = logsDir(options.dataDir);
    mkdirSync(dir, { recursive: true });
    // Synchronous writes: log volume is low, and a process that exits on a start-up error must not lose
    // (or crash flushing) its last lines.
    streams.push({ stream: pino.destination({ dest: join(dir, 'edn360.log'), mkdir: true, sync: true }) });
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
