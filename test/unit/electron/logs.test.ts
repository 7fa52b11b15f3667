import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLogLine, tailLog } from '../../../src/main/electron/logs/log-tail';
import { LOG_FILE_NAME, openRotatingLog } from '../../../src/main/electron/logs/rotating-log';
import { createLogger } from '../../../src/main/log/logger';

// Plain files in a temporary folder; no Electron involved.
const line = (level: number, msg: string, time: number): string =>
  JSON.stringify({ level, time, msg, component: 'ipc' });

describe('tailLog', () => {
  it('returns the last lines, oldest first, filtered by level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edn-logs-'));
    const file = join(dir, 'edn360.log');
    writeFileSync(file, [1, 2, 3, 4].map((i) => line(i % 2 ? 30 : 50, `m${i}`, i)).join('\n') + '\n');
    const tail = await tailLog([file], 3);
    expect(tail.file).toBe(file);
    expect(tail.entries.map((e) => e.message)).toEqual(['m2', 'm3', 'm4']);
    expect(tail.entries[0]).toMatchObject({ level: 'error', component: 'ipc', at: new Date(2) });
    const errors = await tailLog([file], 10, 'error');
    expect(errors.entries.map((e) => e.message)).toEqual(['m2', 'm4']);
  });

  it('continues into the previous rotated file and tolerates missing files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edn-logs-'));
    writeFileSync(join(dir, 'edn360.log'), line(30, 'new', 2) + '\n');
    writeFileSync(join(dir, 'edn360.log.1'), line(30, 'old', 1) + '\n');
    const tail = await tailLog(
      [join(dir, 'edn360.log'), join(dir, 'edn360.log.1'), join(dir, 'edn360.log.2')],
      5,
    );
    expect(tail.entries.map((e) => e.message)).toEqual(['old', 'new']);
    expect((await tailLog([join(dir, 'none.log')], 5)).entries).toEqual([]);
  });

  it('shows lines that are not JSON as they are', () => {
    expect(parseLogLine('Segmentation fault')).toMatchObject({
      level: 'unknown',
      message: 'Segmentation fault',
      at: null,
    });
  });

  it('reads only the end of a large file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edn-logs-'));
    const file = join(dir, 'big.log');
    const chunk =
      Array.from({ length: 5_000 }, (_, i) => line(30, `line ${i} ${'x'.repeat(200)}`, i)).join('\n') + '\n';
    appendFileSync(file, chunk);
    const tail = await tailLog([file], 2);
    expect(tail.entries.map((e) => e.message.split(' ').slice(0, 2).join(' '))).toEqual([
      'line 4998',
      'line 4999',
    ]);
  });
});

describe('openRotatingLog', () => {
  it('is the pino destination: lines land in logs/edn360.log with secrets redacted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edn-logs-'));
    const log = openRotatingLog(dir);
    const logger = createLogger({ dataDir: dir, destination: log.stream });
    logger.info({ apiKey: 'sk-secret' }, 'hola');
    await log.close();
    const text = readFileSync(join(dir, LOG_FILE_NAME), 'utf8');
    expect(text).toContain('"msg":"hola"');
    expect(text).not.toContain('sk-secret');
    expect(log.files.slice(0, 2)).toEqual([join(dir, 'edn360.log'), join(dir, 'edn360.log.1')]);
  });
});
