import type { WorkerToHost } from '@shared/worker-protocol';

/** The worker's link to its host, the same whether it runs as an Electron utilityProcess or a Node child. */
export interface ParentChannel {
  send(message: WorkerToHost): void;
  onMessage(listener: (message: unknown) => void): void;
  /** The host went away (Node child only; Electron ends utility processes with their parent). */
  onDisconnect(listener: () => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function parentChannel(): ParentChannel {
  const parentPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
      onDisconnect: () => undefined,
    };
  }
  const send = process.send?.bind(process);
  if (send) {
    return {
      send: (message) => {
        if (process.connected) send(message);
      },
      onMessage: (listener) => process.on('message', listener),
      onDisconnect: (listener) => process.on('disconnect', listener),
    };
  }
  throw new Error('The worker must run as an Electron utilityProcess or a forked Node child process.');
}
