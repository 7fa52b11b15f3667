import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Edn360Api } from '../../../src/shared/ipc-contract';

/*
 * The renderer-side client, with `window.edn360` faked (the object the preload would expose). Each
 * test re-imports the module so its once-per-page "ready" flag starts fresh.
 */
function installBridge(partial: Partial<Record<keyof Edn360Api, unknown>>): void {
  vi.stubGlobal('window', { edn360: partial });
}

/** The module's surface as used here (it belongs to the renderer's tsconfig, not this one). */
interface TransportModule {
  ipcCall(method: string, args?: unknown): Promise<unknown>;
  ipcSubscribe(event: string, callback: (payload: unknown) => void): () => void;
  hasIpcBridge(): boolean;
  IpcError: new (...args: never[]) => Error;
}
const TRANSPORT = '../../../src/renderer/src/api/ipc-transport';

async function load(): Promise<TransportModule> {
  vi.resetModules();
  return (await import(/* @vite-ignore */ TRANSPORT)) as TransportModule;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ipc-transport', () => {
  it('resolves with the data', async () => {
    installBridge({ getClient: async (args: { id: string }) => ({ _id: args.id }) });
    const { ipcCall } = await load();
    await expect(ipcCall('getClient', { id: 'c-1' })).resolves.toEqual({ _id: 'c-1' });
  });

  it('turns the preload’s rejection into an IpcError with reason and fields', async () => {
    const fields = [{ field: 'args.id', code: 'too_small', message: 'no puede estar vacío' }];
    installBridge({
      getClient: async () => {
        throw { name: 'IpcError', reason: 'validation_error', message: 'Datos no válidos', fields };
      },
    });
    const { ipcCall, IpcError } = await load();
    const error = await ipcCall('getClient', { id: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ reason: 'validation_error', message: 'Datos no válidos', fields });
  });

  it('maps anything else to internal_error', async () => {
    installBridge({
      listJobs: async () => {
        throw new Error('Error invoking remote method');
      },
    });
    const { ipcCall } = await load();
    await expect(ipcCall('listJobs')).rejects.toMatchObject({
      reason: 'internal_error',
      message: 'Error invoking remote method',
    });
  });

  it('signals ready once, after the first listener is in place', async () => {
    const order: string[] = [];
    installBridge({
      on: (event: string) => {
        order.push(`on:${event}`);
        return () => order.push(`off:${event}`);
      },
      rendererReady: async () => {
        order.push('ready');
        return null;
      },
    });
    const { ipcSubscribe } = await load();
    const off = ipcSubscribe('job', () => undefined);
    ipcSubscribe('startup', () => undefined);
    off();
    await Promise.resolve();
    expect(order).toEqual(['on:job', 'ready', 'on:startup', 'off:job']);
  });

  it('reports whether the bridge exists (Electron) or not (browser build)', async () => {
    vi.stubGlobal('window', {});
    const { hasIpcBridge, ipcCall } = await load();
    expect(hasIpcBridge()).toBe(false);
    await expect(ipcCall('getAppInfo')).rejects.toMatchObject({ reason: 'internal_error' });
  });
});
