import type {
  Edn360Api,
  IpcArgs,
  IpcErrorReason,
  IpcEventName,
  IpcEventPayload,
  IpcFieldError,
  IpcMethod,
  IpcResult,
} from '@shared/ipc-contract';

/**
 * The renderer's side of the Electron IPC bridge (`window.edn360`, built by the preload). Stores call
 * `ipcCall` / `ipcSubscribe` instead of touching `window.edn360`, so failures arrive as `IpcError`s
 * with a `reason`, and main learns when the UI is ready for pushed events.
 */

/** A failed IPC call: `reason` is one of the contract's reasons; `fields` names bad fields. */
export class IpcError extends Error {
  override readonly name = 'IpcError';
  constructor(
    readonly reason: IpcErrorReason,
    message: string,
    readonly fields: IpcFieldError[] = [],
  ) {
    super(message);
  }
}

/** True inside Electron; false in the browser build served by `edn360 serve` (use HTTP there). */
export function hasIpcBridge(): boolean {
  return typeof window !== 'undefined' && window.edn360 !== undefined;
}

function bridge(): Edn360Api {
  const api = typeof window !== 'undefined' ? window.edn360 : undefined;
  if (!api)
    throw new IpcError('internal_error', 'La aplicación de escritorio no expuso su API (window.edn360).');
  return api;
}

function toIpcError(rejection: unknown): IpcError {
  if (
    typeof rejection === 'object' &&
    rejection !== null &&
    'reason' in rejection &&
    'message' in rejection
  ) {
    const { reason, message, fields } = rejection as {
      reason: IpcErrorReason;
      message: string;
      fields?: IpcFieldError[];
    };
    return new IpcError(reason, String(message), Array.isArray(fields) ? fields : []);
  }
  const message = rejection instanceof Error ? rejection.message : String(rejection);
  return new IpcError('internal_error', message);
}

/** Calls one contract method; rejects with an `IpcError`. */
export async function ipcCall<M extends IpcMethod>(
  method: M,
  ...args: undefined extends IpcArgs<M> ? [args?: IpcArgs<M>] : [args: IpcArgs<M>]
): Promise<IpcResult<M>> {
  const fn = bridge()[method] as (args?: IpcArgs<M>) => Promise<IpcResult<M>>;
  try {
    return await fn(args[0]);
  } catch (rejection) {
    throw toIpcError(rejection);
  }
}

let readySignalled = false;

/**
 * Subscribes to a pushed event. Main holds events for a window until it says it is ready; the first
 * subscription says so (once per page load), after the listener is in place so nothing is lost.
 */
export function ipcSubscribe<E extends IpcEventName>(
  event: E,
  callback: (payload: IpcEventPayload<E>) => void,
): () => void {
  const unsubscribe = bridge().on(event, callback);
  if (!readySignalled) {
    readySignalled = true;
    void bridge()
      .rendererReady()
      .catch(() => {
        // A later subscription tries again.
        readySignalled = false;
      });
  }
  return unsubscribe;
}
