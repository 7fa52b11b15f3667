import { join } from 'node:path';
import type {
  BackupStatus,
  BackupSummary,
  MoveArgs,
  MoveOutcome,
  RestoreOutcome,
  TransferPreview,
} from '@shared/backup';
import { readBackupSchedule } from '../config/backup-schedule';
import type { AppConfig } from '../config/load-config';
import { readSettingsFile, writeSettingsFile } from '../config/settings-store';
import type { DatabaseHandle } from '../db/connect';
import { openMoveTarget } from '../db/move-target';
import type { Logger } from '../log/logger';
import {
  automaticBackupIfDue,
  backupStatus,
  prepareBackupFolder,
  safetyBackupName,
} from './automatic-backups';
import { createBackup, type BackupArgs, type BackupDeps } from './database-backup';
import { requestMove } from './database-move';
import {
  previewRestore,
  restoreBackup,
  type RestoreApplyArgs,
  type RestoreArgs,
  type RestoreDeps,
} from './database-restore';
import type { ProgressListener } from './document-transfer';

/*
 * The database's care — backups, restores, moves (issue #18 points 1, 2, 4) — bound once to the
 * database and settings of this instance, so each door (IPC, HTTP, CLI, the daily timer) is one call.
 */

export interface DatabaseCareContext {
  database: Pick<DatabaseHandle, 'db' | 'mode' | 'url'>;
  dbName: string;
  dataDir: string;
  resourcesDir: string | null;
  repoResourcesDir: string;
  packaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  logger: Logger;
  instanceName: string;
  version: string;
  /**
   * Called once a move has switched the setting to its target: a host that can reopen itself on it
   * does (the desktop app); without one, the answer says to restart.
   */
  onSwitched?: () => void;
}

export interface DatabaseCare {
  backup(args: BackupArgs, onProgress?: ProgressListener): Promise<BackupSummary>;
  status(): Promise<BackupStatus>;
  previewRestore(args: RestoreArgs, onProgress?: ProgressListener): Promise<TransferPreview>;
  restore(args: RestoreApplyArgs, onProgress?: ProgressListener): Promise<RestoreOutcome>;
  move(args: MoveArgs, onProgress?: ProgressListener): Promise<MoveOutcome>;
  /** The daily automatic backup if it is due (null if not, or if they are off). */
  automaticIfDue(now?: Date): Promise<BackupSummary | null>;
}

/** The context of a host from its configuration: the same for the app, `edn360 serve` and the CLI. */
export function careContextOf(
  config: Pick<AppConfig, 'dbName' | 'dataDir' | 'resourcesDir' | 'packaged' | 'worker'>,
  database: DatabaseCareContext['database'],
  host: Pick<DatabaseCareContext, 'repoResourcesDir' | 'env' | 'logger' | 'version' | 'onSwitched'>,
): DatabaseCareContext {
  return {
    database,
    dbName: config.dbName,
    dataDir: config.dataDir,
    resourcesDir: config.resourcesDir,
    packaged: config.packaged === true,
    instanceName: config.worker.instanceName,
    ...host,
  };
}

export function databaseCare(ctx: DatabaseCareContext): DatabaseCare {
  const readSettings = () => readSettingsFile(ctx.dataDir);
  const writeSettings = (settings: Parameters<typeof writeSettingsFile>[1]) =>
    writeSettingsFile(ctx.dataDir, settings);
  const backupDeps: BackupDeps = {
    db: ctx.database.db,
    mode: ctx.database.mode,
    dbName: ctx.dbName,
    version: ctx.version,
    readSettings,
    instanceName: ctx.instanceName,
  };
  const restoreDeps: RestoreDeps = {
    db: ctx.database.db,
    logger: ctx.logger,
    readSettings,
    writeSettings,
    safetyBackup: async () => {
      const { folder } = await readBackupSchedule(ctx.dataDir, ctx.env);
      await prepareBackupFolder(folder);
      return createBackup(backupDeps, {
        file: join(folder, safetyBackupName(new Date())),
        passphrase: null,
        kind: 'manual',
      });
    },
  };
  return {
    backup: (args, onProgress) => createBackup(backupDeps, args, onProgress),
    status: async () => backupStatus(ctx.database.db, await readBackupSchedule(ctx.dataDir, ctx.env)),
    previewRestore: (args, onProgress) => previewRestore(restoreDeps, args, onProgress),
    restore: (args, onProgress) => restoreBackup(restoreDeps, args, onProgress),
    move: async (args, onProgress) => {
      const outcome = await requestMove(
        {
          source: {
            db: ctx.database.db,
            url: ctx.database.mode === 'embedded' ? null : ctx.database.url,
            dbName: ctx.dbName,
            mode: ctx.database.mode,
          },
          version: ctx.version,
          logger: ctx.logger,
          readSettings,
          writeSettings,
          env: ctx.env,
          reopensOnSwitch: ctx.onSwitched !== undefined,
          openTarget: (target) =>
            openMoveTarget(target, {
              dataDir: ctx.dataDir,
              resourcesDir: ctx.resourcesDir,
              repoResourcesDir: ctx.repoResourcesDir,
              env: ctx.env,
              packaged: ctx.packaged,
              embeddedDbName: ctx.dbName,
              logger: ctx.logger,
            }),
        },
        args,
        onProgress,
      );
      // Every door's move (Ajustes, the HTTP API, …) reaches the host: nothing more goes to the old database.
      if (!outcome.dry_run && outcome.result.switched) ctx.onSwitched?.();
      return outcome;
    },
    automaticIfDue: async (now) =>
      automaticBackupIfDue(backupDeps, await readBackupSchedule(ctx.dataDir, ctx.env), now),
  };
}
