import { app, BrowserWindow, dialog, shell, webContents, type WebContents } from 'electron';
import type { DesktopPlatform, DesktopWindowContents } from './desktop-platform';
import { utilityWorkerSpawner } from './utility-worker-process';
import type { ChildProcessGoneRouter } from './worker-exit';

/** DesktopPlatform on Electron's APIs. Call after `app` is ready (dialogs, printToPDF, utilityProcess). */
export function electronPlatform(gone: ChildProcessGoneRouter): DesktopPlatform {
  return {
    appName: app.getName(),
    packaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: app.isPackaged ? process.resourcesPath : null,
    documentsDir: () => app.getPath('documents'),
    electronVersion: process.versions.electron ?? '',
    chromeVersion: process.versions.chrome ?? '',
    openExternal: (url) => shell.openExternal(url),
    workerSpawner: (entry, env, logger) => utilityWorkerSpawner(entry, env, logger, gone),
    async showSaveDialog(webContentsId, defaultPath, kind = 'pdf') {
      const contents = webContents.fromId(webContentsId);
      const window = contents ? BrowserWindow.fromWebContents(contents) : null;
      const options: Electron.SaveDialogOptions = {
        defaultPath,
        filters: [
          kind === 'zip' ? { name: 'Zip', extensions: ['zip'] } : { name: 'PDF', extensions: ['pdf'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    async printToPdf(webContentsId) {
      const contents = webContents.fromId(webContentsId);
      if (!contents) throw new Error(`no window with webContents ${webContentsId}`);
      return contents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    },
  };
}

/** A window's webContents as the host sees it. */
export function windowContents(contents: WebContents): DesktopWindowContents {
  return {
    id: contents.id,
    isDestroyed: () => contents.isDestroyed(),
    send: (channel, payload) => contents.send(channel, payload),
    onMainFrameNavigation: (listener) =>
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) listener();
      }),
    onceDestroyed: (listener) => contents.once('destroyed', listener),
  };
}
