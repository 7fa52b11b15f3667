import type { IpcRendererEvent } from 'electron';
import {
  IPC_EVENT_CHANNELS,
  IPC_METHOD_CHANNELS,
  IPC_METHODS,
  type IpcEventName,
} from '@shared/ipc-channels';
import type { Edn360Api, IpcErrorPayload } from '@shared/ipc-contract';

/** The part of ipcRenderer the bridge uses; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, payload: unknown) => void): unknown;
}

/**
 * What a failed call rejects with. contextBridge copies a thrown Error with its message only (custom
 * properties such as `reason` are dropped, electron#28346), so the rejection is this plain object,
 * which crosses intact; the renderer's ipc-transport turns it into an `IpcError` (an Error with
 * `reason` and `fields`).
 */
export interface BridgeRejection extends IpcErrorPayload {
  name: 'IpcError';
}

function isEnvelope(
  value: unknown,
): value is { ok: true; data: unknown } | { ok: false; error: IpcErrorPayload } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

async function call(ipc: IpcRendererLike, channel: string, args: unknown): Promise<unknown> {
  const reply = await ipc.invoke(channel, args);
  if (!isEnvelope(reply)) {
    const rejection: BridgeRejection = {
      name: 'IpcError',
      reason: 'internal_error',
      message: `Respuesta inesperada del proceso principal en ${channel}`,
    };
    throw rejection;
  }
  if (reply.ok) return reply.data;
  const rejection: BridgeRejection = { name: 'IpcError', ...reply.error };
  throw rejection;
}

/** Builds `window.edn360` from the channel list: one invoke function per method, plus `on`. */
export function createBridge(ipc: IpcRendererLike): Edn360Api {
  const methods: Record<string, (args?: unknown) => Promise<unknown>> = {};
  for (const method of IPC_METHODS) {
    const channel = IPC_METHOD_CHANNELS[method];
    methods[method] = (args?: unknown) => call(ipc, channel, args);
  }
  const on = (event: IpcEventName, callback: (payload: unknown) => void): (() => void) => {
    const channel = IPC_EVENT_CHANNELS[event];
    if (!channel) throw new Error(`Evento IPC desconocido: ${String(event)}`);
    // Hand the page the payload only, never the IpcRendererEvent (it exposes `sender`).
    const listener = (_event: IpcRendererEvent, payload: unknown): void => callback(payload);
    ipc.on(channel, listener);
    return () => {
      ipc.removeListener(channel, listener);
    };
  };
  // Main validated every result and payload against the contract before sending it.
  return { ...methods, on } as unknown as Edn360Api;
}
