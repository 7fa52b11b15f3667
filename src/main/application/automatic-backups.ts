import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupRun, BackupStatus, BackupSummary } from '@shared/backup';
import { lastBackupRun } from '../db/backup/backup-runs';
import { createBackup, type BackupDeps } from './database-backup';

/*
 * The daily automatic backup (issue #18 point 1): once a day per database — on a clinic's shared
 * server the instances read one log of backups (`backup_runs`), so the first one due takes it and
 * the others see it done — into a folder that keeps the newest N files. docs/ARCHITECTURE.md "Backups".
 */

export const AUTOMATIC_BACKUP_EVERY_MS = 24 * 60 * 60 * 1000;
const AUTOMATIC_PREFIX = 'edn360-auto-';
export const BACKUP_EXTENSION = '.edn360bak';

export interface AutomaticBackupSettings {
  folder: string;
  keep: number;
}

/** `edn360-auto-2026-12-02T06-00-00Z.edn360bak`: names sort by time, and say when without opening them. */
export function automaticBackupName(at: Date): string {
  return `${AUTOMATIC_PREFIX}${at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')}${BACKUP_EXTENSION}`;
}

/** The copy of a database taken just before an `exact` restore empties it. */
export function safetyBackupName(at: Date): string {
  // Milliseconds too: two restores within a second must not write the same file.
  return `edn360-antes-de-restaurar-${at.toISOString().replaceAll(/[:.]/g, '-')}${BACKUP_EXTENSION}`;
}

/** The backups folder, created if needed, the coach's alone (health data), like the database's own folder. */
export async function prepareBackupFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(folder, 0o700).catch(() => undefined);
}

/** A manual backup's suggested name (the coach may choose another). */
export function manualBackupName(at: Date): string {
  return `edn360-${at.toISOString().slice(0, 16).replaceAll(':', '-')}${BACKUP_EXTENSION}`;
}

/** Deletes all but the newest `keep` automatic backups of the folder; the coach's own files are never touched. */
export async function pruneAutomaticBackups(folder: string, keep: number): Promise<string[]> {
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter((name) => name.startsWith(AUTOMATIC_PREFIX) && name.endsWith(BACKUP_EXTENSION))
    .sort();
  const removed = names.slice(0, Math.max(0, names.length - keep));
  for (const name of removed) await rm(join(folder, name), { force: true });
  // An automatic backup cut short (the process killed mid-write) leaves its `.partial`: gone after a day.
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.startsWith(AUTOMATIC_PREFIX) || !name.endsWith(`${BACKUP_EXTENSION}.partial`)) continue;
    const info = await stat(join(folder, name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > AUTOMATIC_BACKUP_EVERY_MS) {
      await rm(join(folder, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

export function automaticBackupDue(last: BackupRun | null, now: Date): boolean {
  return !last || now.getTime() - last.at.getTime() >= AUTOMATIC_BACKUP_EVERY_MS;
}

/** Takes the automatic backup if a day has passed since the last one (of any instance); null if not due. */
export async function automaticBackupIfDue(
  deps: BackupDeps,
  settings: AutomaticBackupSettings,
  now = new Date(),
): Promise<BackupSummary | null> {
  if (settings.keep <= 0) return null;
  if (!automaticBackupDue(await lastBackupRun(deps.db, 'automatic'), now)) return null;
  await prepareBackupFolder(settings.folder);
  const summary = await createBackup(
    deps,
    { file: join(settings.folder, automaticBackupName(now)), passphrase: null, kind: 'automatic' },
    undefined,
    now,
  );
  await pruneAutomaticBackups(settings.folder, settings.keep);
  return summary;
}

/** Ajustes' panel: the last backups and when the next automatic one is due. */
export async function backupStatus(
  db: BackupDeps['db'],
  settings: AutomaticBackupSettings,
): Promise<BackupStatus> {
  const [last, lastAutomatic] = await Promise.all([lastBackupRun(db), lastBackupRun(db, 'automatic')]);
  return {
    last,
    last_automatic: lastAutomatic,
    automatic: {
      folder: settings.folder,
      keep: settings.keep,
      next_due_at:
        settings.keep <= 0
          ? null
          : new Date(lastAutomatic ? lastAutomatic.at.getTime() + AUTOMATIC_BACKUP_EVERY_MS : Date.now()),
    },
  };
}
