import type { EraseClientArgs, ErasureRecord } from '@shared/client-erasure';
import type { Repositories } from '../db/repositories';
import { requireClient } from './clients';
import { DomainError, fieldError } from './domain-error';

type ErasureRepos = Pick<Repositories, 'users' | 'clientData'>;

const normalized = (text: string): string => text.trim().toLocaleLowerCase('es');

/**
 * Erases a client and everything derived from them — questionnaires, plans and their versions,
 * jobs with their logs and token counts, checkpoints — leaving only an anonymous record (date,
 * door, documents per kind). One use case for IPC `eraseClient` and HTTP
 * `POST /admin/users/{id}/erase` (issue #18 point 3).
 *
 * The coach confirms by typing the client's name (or id). A client with jobs queued or running is
 * refused: a worker would otherwise write new plans for them while they are being erased.
 */
export async function eraseClient(
  repos: ErasureRepos,
  args: EraseClientArgs,
  via: ErasureRecord['via'],
): Promise<ErasureRecord> {
  const client = await requireClient(repos, args.id, 'id');
  const typed = normalized(args.confirm);
  if (typed !== normalized(client.nombre_completo) && typed !== normalized(client._id)) {
    throw new DomainError(
      'validation_error',
      `confirm: para borrar los datos escribe el nombre del cliente tal como aparece («${client.nombre_completo}»).`,
      [fieldError('confirm', 'mismatch', `escribe «${client.nombre_completo}» para confirmar`)],
    );
  }
  const active = await repos.clientData.activeJobCount(client._id);
  if (active > 0) {
    throw new DomainError(
      'client_has_active_jobs',
      `El cliente tiene ${active} trabajo(s) en cola o en curso: cancélalos o espera a que terminen antes de borrar sus datos.`,
    );
  }
  const documents = await repos.clientData.eraseAll(client._id);
  return repos.clientData.recordErasure(via, documents);
}
