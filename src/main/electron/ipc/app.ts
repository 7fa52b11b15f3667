import type { IpcHandlers } from './dispatch';
import { IpcFailure } from './errors';
import type { AppHost } from './host';
import { isSafeExternalUrl } from '../trusted-url';
import { tailLog } from '../logs/log-tail';

type AppHandlers = Pick<
  IpcHandlers,
  'getStartupState' | 'rendererReady' | 'getAppInfo' | 'openExternal' | 'tailLogs'
>;

export const DEFAULT_TAIL_LINES = 200;

export function appHandlers(host: AppHost, logFiles: () => readonly string[]): AppHandlers {
  return {
    getStartupState: () => host.startupState(),
    rendererReady: (_args, caller) => {
      host.rendererReady(caller.webContentsId);
      return null;
    },
    getAppInfo: () => host.appInfo(),
    openExternal: async (args) => {
      if (!isSafeExternalUrl(args.url)) {
        throw new IpcFailure('forbidden_url', 'Solo se abren enlaces https en el navegador del sistema.', [
          { field: 'args.url', code: 'forbidden_url', message: 'se esperaba una URL https sin credenciales' },
        ]);
      }
      await host.openExternal(args.url);
      return null;
    },
    tailLogs: (args) => tailLog(logFiles(), args?.lines ?? DEFAULT_TAIL_LINES, args?.min_level ?? 'trace'),
  };
}
