import type { IpcRendererEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNELS, IPC_METHOD_CHANNELS, IPC_METHODS } from '../../../src/shared/ipc-channels';
import { createBridge, type IpcRendererLike } from '../../../src/preload/bridge';

/*
 * ipcRenderer and contextBridge are faked at the boundary: the fake ipcRenderer answers `invoke`
 * with envelopes and records listeners; the fake contextBridge records what is exposed.
 */
type Listener = (event: IpcRendererEvent, payload: unknown) => void;

function fakeIpc(reply: (channel: string, args: unknown) => unknown) {
  const listeners = new Map<string, Set<Listener>>();
  const calls: Array<[string, unknown[]]> = [];
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      calls.push([channel, args]);
      return reply(channel, args[0]);
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? [])
      listener({ sender: 'secret' } as unknown as IpcRendererEvent, payload);
  };
  return { ipc, calls, emit, listeners };
}

describe('createBridge', () => {
  it('exposes exactly one function per contract method plus on', () => {
    const bridge = createBridge(fakeIpc(() => ({ ok: true, data: null })).ipc);
    expect(Object.keys(bridge).sort()).toEqual([...IPC_METHODS, 'on'].sort());
    for (const key of Object.keys(bridge))
      expect(typeof (bridge as unknown as Record<string, unknown>)[key]).toBe('function');
  });

  it('invokes the method’s channel with one argument and unwraps the data', async () => {
    const fake = fakeIpc(() => ({ ok: true, data: { id: 'x' } }));
    const bridge = createBridge(fake.ipc);
    await expect(bridge.getClient({ id: 'c-1' })).resolves.toEqual({ id: 'x' });
    expect(fake.calls).toEqual([[IPC_METHOD_CHANNELS.getClient, [{ id: 'c-1' }]]]);
  });

  it('rejects with a plain object carrying the reason (an Error would lose it crossing contextBridge)', async () => {
    const error = {
      reason: 'validation_error',
      message: 'Datos no válidos',
      fields: [{ field: 'args.id', code: 'c', message: 'm' }],
    };
    const bridge = createBridge(fakeIpc(() => ({ ok: false, error })).ipc);
    await expect(bridge.getClient({ id: '' })).rejects.toEqual({ name: 'IpcError', ...error });
  });

  it('turns a reply that is not an envelope into internal_error', async () => {
    const bridge = createBridge(fakeIpc(() => 'surprise').ipc);
    await expect(bridge.listClients()).rejects.toMatchObject({ reason: 'internal_error' });
  });

  it('on() delivers only the payload and returns an unsubscribe', () => {
    const fake = fakeIpc(() => null);
    const bridge = createBridge(fake.ipc);
    const seen: unknown[][] = [];
    const off = bridge.on('worker-status', (...args: unknown[]) => seen.push(args));
    fake.emit(IPC_EVENT_CHANNELS['worker-status'], { state: 'running' });
    off();
    fake.emit(IPC_EVENT_CHANNELS['worker-status'], { state: 'stopped' });
    expect(seen).toEqual([[{ state: 'running' }]]);
    expect(fake.listeners.get(IPC_EVENT_CHANNELS['worker-status'])?.size).toBe(0);
  });

  it('refuses unknown event names', () => {
    const bridge = createBridge(fakeIpc(() => null).ipc);
    expect(() => bridge.on('secrets' as 'job', () => undefined)).toThrow(/desconocido/);
  });
});

describe('preload entry', () => {
  it('exposes the bridge as window.edn360 through contextBridge and nothing else', async () => {
    const exposed: Array<[string, unknown]> = [];
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
      ipcRenderer: { invoke: async () => null, on: () => undefined, removeListener: () => undefined },
    }));
    await import('../../../src/preload/index');
    expect(exposed.map(([key]) => key)).toEqual(['edn360']);
    const api = exposed[0]![1] as Record<string, unknown>;
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.keys(api).sort()).toEqual([...IPC_METHODS, 'on'].sort());
    vi.doUnmock('electron');
  });
});
