import type { SettingsService } from '../settings/settings-service';
import { appHandlers } from './app';
import { backupHandlers } from './backup';
import { catalogHandlers } from './catalog';
import { clientHandlers } from './clients';
import type { IpcHandlers } from './dispatch';
import type { AppHost, IpcCore } from './host';
import { jobHandlers } from './jobs';
import { fileExportHandlers } from './file-export';
import { planHandlers } from './plans';
import { planVersionHandlers } from './plan-versions';
import { questionnaireHandlers } from './questionnaires';
import { settingsHandlers } from './settings';
import { workerHandlers } from './worker';

export interface HandlerDependencies {
  /** Null while the core starts or after it failed: domain calls then fail with `not_ready`. */
  core: () => IpcCore | null;
  app: AppHost;
  settings: SettingsService;
  logFiles: () => readonly string[];
}

/** Every contract method's handler, grouped by domain. */
export function createIpcHandlers(deps: HandlerDependencies): IpcHandlers {
  return {
    ...appHandlers(deps.app, deps.logFiles),
    ...clientHandlers(deps.core),
    ...questionnaireHandlers(deps.core),
    ...jobHandlers(deps.core),
    ...planHandlers(deps.core),
    ...planVersionHandlers(deps.core),
    ...fileExportHandlers(deps.app, deps.core),
    ...workerHandlers(deps.core),
    ...settingsHandlers(deps.settings, deps.core),
    ...catalogHandlers(),
    ...backupHandlers(deps.app),
  };
}
