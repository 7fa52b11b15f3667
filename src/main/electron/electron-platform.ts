import { app, BrowserWindow, dialog, shell, webContents, type WebContents } from 'electron';
import type { DesktopPlatform, DesktopWindowContents, SaveFileKind } from './desktop-platform';
import { utilityWorkerSpawner } from './utility-worker-process';
import type { ChildProcessGoneRouter } from './worker-exit';

/** Each kind of file's filter in the save and open dialogs. */
const SAVE_FILTERS: Record<SaveFileKind, Electron.FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  zip: { name: 'Zip', extensions: ['zip'] },
  backup: { name: 'Copia de seguridad de EDN360', extensions: ['edn360bak'] },
};

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
        filters: [SAVE_FILTERS[kind]],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    async showOpenDialog(webContentsId, kind) {
      const contents = webContents.fromId(webContentsId);
      const window = contents ? BrowserWindow.fromWebContents(contents) : null;
      const options: Electron.OpenDialogOptions = {
        defaultPath: app.getPath('documents'),
        filters: [SAVE_FILTERS[kind]],
        properties: ['openFile'],
      };
      const choice = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return choice.canceled ? null : (choice.filePaths[0] ?? null);
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
