import type { Db } from 'mongodb';
import { BackupRunSchema, type BackupRun } from '@shared/backup';
import { newId } from '../ids';

/**
 * The log of backups taken, in the database itself: Ajustes shows the last one, and on a clinic's
 * shared server the daily automatic backup is taken once a day, not once per instance.
 * Not part of a backup (a restored log would claim backups this database never had).
 */
export const BACKUP_RUNS_COLLECTION = 'backup_runs';

export async function recordBackupRun(db: Db, run: Omit<BackupRun, '_id'>): Promise<BackupRun> {
  const record = BackupRunSchema.parse({ _id: newId(), ...run });
  await db.collection<BackupRun>(BACKUP_RUNS_COLLECTION).insertOne(record);
  return record;
}

/** The newest backup of the given kind (any kind when omitted), or null. */
export async function lastBackupRun(db: Db, kind?: BackupRun['kind']): Promise<BackupRun | null> {
  const found = await db
    .collection<BackupRun>(BACKUP_RUNS_COLLECTION)
    .find(kind ? { kind } : {}, { sort: { at: -1 }, limit: 1 })
    .toArray();
  const [newest] = found;
  return newest ? BackupRunSchema.parse(newest) : null;
}
