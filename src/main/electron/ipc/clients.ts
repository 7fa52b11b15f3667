import {
  archiveClient,
  createClient,
  listClients,
  requireClient,
  updateClient,
} from '../../application/clients';
import { eraseClient } from '../../application/client-erasure';
import type { IpcHandlers } from './dispatch';
import { requireCore, type IpcCore } from './host';

type Repos = IpcCore['repositories'];

// A thin door onto application/clients.ts: `dispatch` maps each `DomainError` to its IPC reason.

type ClientHandlers = Pick<
  IpcHandlers,
  'listClients' | 'createClient' | 'getClient' | 'updateClient' | 'archiveClient' | 'eraseClient'
>;

export function clientHandlers(core: () => IpcCore | null): ClientHandlers {
  const repos = (): Repos => requireCore(core()).repositories;
  return {
    listClients: (args) => listClients(repos(), args),
    createClient: (args) => createClient(repos(), args),
    getClient: (args) => requireClient(repos(), args.id),
    updateClient: (args) => updateClient(repos(), args.id, args.changes),
    archiveClient: (args) => archiveClient(repos(), args.id, args.archived),
    eraseClient: (args) => eraseClient(repos(), args, 'ipc'),
  };
}
