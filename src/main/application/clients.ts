import type { NewUserInput, User, UserUpdate } from '@shared/user';
import type { Repositories } from '../db/repositories';
import { isDuplicateKeyError } from '../db/repositories/duplicate-key';
import type { Page, PageRequest } from '../db/repositories/paging';
import { DomainError, fieldError } from './domain-error';

/*
 * Clients (collection `users`), one set of use cases behind both doors (HTTP `/admin/users…`, IPC
 * `listClients`, `createClient`, `getClient`, `updateClient`, `archiveClient`): list with search,
 * create (a taken id is `user_exists`), read, update, archive.
 */

type UserRepos = Pick<Repositories, 'users'>;

/** `field`: the input field that named the client, when the use case takes it as one of several ids. */
export function clientNotFound(id: string, field?: string): DomainError {
  return new DomainError(
    'user_not_found',
    `No existe ningún cliente con id «${id}». Búscalo por nombre o email en la lista de clientes.`,
    field ? [fieldError(field, 'not_found', 'cliente no encontrado')] : [],
  );
}

/** The client, or `user_not_found`. */
export async function requireClient(repos: UserRepos, id: string, field?: string): Promise<User> {
  const user = await repos.users.get(id);
  if (!user) throw clientNotFound(id, field);
  return user;
}

export interface ClientListQuery extends PageRequest {
  search?: string | undefined;
  include_archived?: boolean | undefined;
}

export function listClients(repos: UserRepos, query: ClientListQuery = {}): Promise<Page<User>> {
  return repos.users.list({
    ...(query.search !== undefined ? { search: query.search } : {}),
    ...(query.include_archived !== undefined ? { includeArchived: query.include_archived } : {}),
    ...(query.limit !== undefined ? { limit: query.limit } : {}),
    ...(query.offset !== undefined ? { offset: query.offset } : {}),
  });
}

export async function createClient(repos: UserRepos, input: NewUserInput): Promise<User> {
  try {
    return await repos.users.create(input);
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    throw new DomainError(
      'user_exists',
      `Ya existe un cliente con id «${input._id ?? ''}». Cambia sus datos en esa ficha, u omite el id para generar uno nuevo.`,
      [fieldError('_id', 'duplicate', 'ese id ya está en uso')],
    );
  }
}

export async function updateClient(repos: UserRepos, id: string, changes: UserUpdate): Promise<User> {
  // An empty change is a mistake of the caller (a form that sent nothing), whichever door it came by.
  if (Object.keys(changes).length === 0) {
    throw new DomainError(
      'validation_error',
      'Indica al menos un campo que cambiar (nombre_completo, email, telefono, notas o archived).',
    );
  }
  const user = await repos.users.update(id, changes);
  if (!user) throw clientNotFound(id);
  return user;
}

/** Archived clients leave the default list but keep their questionnaires and plans. */
export function archiveClient(repos: UserRepos, id: string, archived = true): Promise<User> {
  return updateClient(repos, id, { archived });
}
