import { join } from 'node:path';
import { readEnvSettings, resolveSettings, type Env } from './load-config';
import { readSettingsFile } from './settings-store';

export interface BackupSchedule {
  /** Where the daily automatic backups go. */
  folder: string;
  /** How many are kept; 0 turns them off. */
  keep: number;
}

/** The automatic backups' settings as they are now (environment > settings file): they apply live. */
export async function readBackupSchedule(dataDir: string, env: Env = process.env): Promise<BackupSchedule> {
  const values = resolveSettings(readEnvSettings(env), await readSettingsFile(dataDir));
  return { folder: values.backup_dir ?? join(dataDir, 'backups'), keep: values.backup_keep };
}
