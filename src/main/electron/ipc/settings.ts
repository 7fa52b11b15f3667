import type { ApiAccess } from '@shared/ipc-contract';
import { testDatabaseConnection } from '../../application/database-check';
import type { SettingsService } from '../settings/settings-service';
import type { IpcHandlers } from './dispatch';
import { requireCore, type IpcCore } from './host';

function apiAccess(core: IpcCore): ApiAccess {
  return { url: core.apiUrl, token: core.config.api.token, source: core.config.api.tokenSource };
}

type SettingsHandlers = Pick<
  IpcHandlers,
  | 'getSettings'
  | 'updateSettings'
  | 'setLlmApiKey'
  | 'testDatabaseConnection'
  | 'getApiAccess'
  | 'regenerateApiToken'
>;

export function settingsHandlers(settings: SettingsService, core: () => IpcCore | null): SettingsHandlers {
  return {
    getSettings: () => settings.view(),
    updateSettings: (args) => settings.update(args),
    setLlmApiKey: (args) => settings.setLlmApiKey(args.api_key),
    testDatabaseConnection: (args) => testDatabaseConnection(core()?.database ?? null, args?.mongo_url),
    getApiAccess: () => apiAccess(requireCore(core())),
    regenerateApiToken: async () => {
      const running = requireCore(core());
      await settings.regenerateApiToken();
      return apiAccess(running);
    },
  };
}
