import type { IpcParsedArgs, IpcResult } from '@shared/ipc-contract';
import { isDuplicateKeyError } from '../../db/repositories/duplicate-key';
import type { IpcHandlers } from './dispatch';
import { IpcFailure } from './errors';
import { requireCore, type IpcCore } from './host';

type Repos = IpcCore['repositories'];

export function clientNotFound(id: string): IpcFailure {
  return new IpcFailure('user_not_found', `No existe ningún cliente con id «${id}».`);
}

export async function listClients(
  repos: Repos,
  args: IpcParsedArgs<'listClients'>,
): Promise<IpcResult<'listClients'>> {
  return repos.users.list({
    ...(args?.search !== undefined ? { search: args.search } : {}),
    ...(args?.include_archived !== undefined ? { includeArchived: args.include_archived } : {}),
    ...(args?.limit !== undefined ? { limit: args.limit } : {}),
    ...(args?.offset !== undefined ? { offset: args.offset } : {}),
  });
}

export async function createClient(
  repos: Repos,
  args: IpcParsedArgs<'createClient'>,
): Promise<IpcResult<'createClient'>> {
  try {
    return await repos.users.create(args);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    throw new IpcFailure('user_exists', `Ya existe un cliente con id «${args._id ?? ''}».`, [
      { field: 'args._id', code: 'duplicate', message: 'ese id ya está en uso' },
    ]);
  }
}

export async function getClient(repos: Repos, id: string): Promise<IpcResult<'getClient'>> {
  const user = await repos.users.get(id);
  if (!user) throw clientNotFound(id);
  return user;
}

export async function updateClient(
  repos: Repos,
  args: IpcParsedArgs<'updateClient'>,
): Promise<IpcResult<'updateClient'>> {
  const user = await repos.users.update(args.id, args.changes);
  if (!user) throw clientNotFound(args.id);
  return user;
}

/** Archived clients leave the default list but keep their questionnaires and plans. */
export async function archiveClient(
  repos: Repos,
  args: IpcParsedArgs<'archiveClient'>,
): Promise<IpcResult<'archiveClient'>> {
  const user = await repos.users.update(args.id, { archived: args.archived });
  if (!user) throw clientNotFound(args.id);
  return user;
}

type ClientHandlers = Pick<
  IpcHandlers,
  'listClients' | 'createClient' | 'getClient' | 'updateClient' | 'archiveClient'
>;

export function clientHandlers(core: () => IpcCore | null): ClientHandlers {
  const repos = (): Repos => requireCore(core()).repositories;
  return {
    listClients: (args) => listClients(repos(), args),
    createClient: (args) => createClient(repos(), args),
    getClient: (args) => getClient(repos(), args.id),
    updateClient: (args) => updateClient(repos(), args),
    archiveClient: (args) => archiveClient(repos(), args),
  };
}
