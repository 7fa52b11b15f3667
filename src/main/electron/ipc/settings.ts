import type { ApiAccess, IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import { connectClient } from '../../db/connect';
import { redactMongoUrl } from '../../db/errors';
import type { SettingsService } from '../settings/settings-service';
import type { IpcHandlers } from './dispatch';
import { requireCore, type IpcCore } from './host';

const TEST_TIMEOUT_MS = 5_000;

/**
 * Pings a MongoDB without changing anything: the URL typed in Ajustes before saving it, or the
 * database in use. The answer never contains credentials.
 */
export async function testDatabaseConnection(
  core: IpcCore | null,
  args: IpcParsedArgs<'testDatabaseConnection'>,
): Promise<IpcResult<'testDatabaseConnection'>> {
  const started = Date.now();
  const url = args?.mongo_url;
  if (!url) {
    if (!core)
      return { ok: false, latency_ms: null, url: '', message: 'La base de datos aún no está conectada.' };
    const display = core.database.displayUrl;
    try {
      await core.database.client.db('admin').command({ ping: 1 });
      return { ok: true, latency_ms: Date.now() - started, url: display, message: 'MongoDB responde.' };
    } catch (error) {
      return { ok: false, latency_ms: null, url: display, message: describe(error) };
    }
  }
  try {
    const client = await connectClient(url, TEST_TIMEOUT_MS);
    const latency = Date.now() - started;
    await client.close().catch(() => undefined);
    return { ok: true, latency_ms: latency, url: redactMongoUrl(url), message: 'MongoDB responde.' };
  } catch (error) {
    return { ok: false, latency_ms: null, url: redactMongoUrl(url), message: describe(error) };
  }
}

function describe(error: unknown): string {
  // connectClient's message already names the (redacted) URL and what to check.
  return error instanceof Error ? error.message : String(error);
}

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
    testDatabaseConnection: (args) => testDatabaseConnection(core(), args),
    getApiAccess: () => apiAccess(requireCore(core())),
    regenerateApiToken: async () => {
      const running = requireCore(core());
      await settings.regenerateApiToken();
      return apiAccess(running);
    },
  };
}
