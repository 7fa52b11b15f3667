import type { RendererLocation } from '../../../src/main/electron/trusted-url';
import type { FrameLike } from '../../../src/main/electron/ipc/sender';

/*
 * Fakes of Electron objects at the boundary (a frame, a renderer location). No Electron binary runs
 * in these unit tests: the modules under test take these shapes as interfaces.
 */

export const APP_INDEX = '/opt/EDN360 Coach/resources/app.asar/out/renderer/index.html';

export const builtLocation: RendererLocation = {
  fileUrl: `file://${APP_INDEX.replaceAll(' ', '%20')}`,
  devServerUrl: null,
};

export const devLocation: RendererLocation = { ...builtLocation, devServerUrl: 'http://localhost:5173/' };

export function frame(url: string, parent: FrameLike | null = null): FrameLike {
  return { url, parent };
}

export const appFrame = frame(builtLocation.fileUrl);
