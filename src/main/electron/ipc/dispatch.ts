import {
  IPC_CONTRACT,
  type IpcEnvelope,
  type IpcMethod,
  type IpcParsedArgs,
  type IpcResult,
} from '@shared/ipc-contract';
import { parseFields } from '@shared/zod-field-errors';
import { DomainError } from '../../application/domain-error';
import type { Logger } from '../../log/logger';
import type { RendererLocation } from '../trusted-url';
import { errorEnvelope, IpcFailure, okEnvelope, validationFailure } from './errors';
import { isTrustedSender, type FrameLike } from './sender';

/** Who called: the window's webContents id (events are queued per window until it is ready). */
export interface IpcCaller {
  webContentsId: number;
}

export type IpcHandler<M extends IpcMethod> = (
  args: IpcParsedArgs<M>,
  caller: IpcCaller,
) => Promise<IpcResult<M>> | IpcResult<M>;

/** One handler per contract method: a missing one fails to compile. */
export type IpcHandlers = { [M in IpcMethod]: IpcHandler<M> };

export interface DispatchOptions {
  location: RendererLocation;
  logger: Logger;
}

/**
 * One call, Electron-free: sender check, argument validation, the handler, result validation, and
 * every outcome as an envelope. Results are parsed too, so a handler can never send the renderer a
 * field the contract does not list (the settings view is strict: no secret can slip out).
 */
export async function dispatch<M extends IpcMethod>(
  method: M,
  /** The positional arguments as received: the contract allows one argument object, or none. */
  rawArgs: readonly unknown[],
  frame: FrameLike | null | undefined,
  caller: IpcCaller,
  handlers: IpcHandlers,
  options: DispatchOptions,
): Promise<IpcEnvelope<IpcResult<M>>> {
  const spec = IPC_CONTRACT[method];
  if (!isTrustedSender(frame, options.location)) {
    options.logger.warn({ method, frame: frame?.url ?? null }, 'IPC call from an untrusted frame refused');
    return errorEnvelope(
      new IpcFailure('forbidden_sender', 'Llamada rechazada: no procede de la ventana de la aplicación.'),
    );
  }
  if (rawArgs.length > 1) {
    return errorEnvelope(
      new IpcFailure('validation_error', `Datos no válidos — ${method} recibe un solo objeto de argumentos`, [
        {
          field: 'args',
          code: 'too_many_arguments',
          message: `se esperaba 1 argumento; recibidos ${rawArgs.length}`,
        },
      ]),
    );
  }
  const parsed = parseFields(spec.args, rawArgs[0], 'args');
  if (!parsed.success) return errorEnvelope(validationFailure(parsed.errors));
  try {
    const handler = handlers[method] as IpcHandler<M>;
    const result = await handler(parsed.data as IpcParsedArgs<M>, caller);
    const checked = spec.result.safeParse(result);
    if (!checked.success) {
      options.logger.error(
        { method, issues: checked.error.issues.slice(0, 5) },
        'IPC result does not match the contract',
      );
      return errorEnvelope(new Error('contract'));
    }
    return okEnvelope(checked.data as IpcResult<M>);
  } catch (error) {
    if (!(error instanceof IpcFailure) && !(error instanceof DomainError))
      options.logger.error({ err: error, method }, 'IPC handler failed');
    return errorEnvelope(error);
  }
}

/** The part of Electron's ipcMain the registration uses; tests pass a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (
      event: { senderFrame: FrameLike | null; sender: { id: number } },
      ...args: unknown[]
    ) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** Registers every contract channel; returns a function that removes them again. */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: DispatchOptions,
): () => void {
  const methods = Object.keys(IPC_CONTRACT) as IpcMethod[];
  for (const method of methods) {
    ipcMain.handle(IPC_CONTRACT[method].channel, (event, ...args) =>
      dispatch(method, args, event.senderFrame, { webContentsId: event.sender.id }, handlers, options),
    );
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(IPC_CONTRACT[method].channel);
  };
}
