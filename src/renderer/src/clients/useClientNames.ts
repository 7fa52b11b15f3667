import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CoachClient } from '../api/coach-client';
import { useClient } from '../api/client-store';
import { ClientNameDirectory } from './client-names';

const directories = new WeakMap<CoachClient, ClientNameDirectory>();

/** The one name directory of this API client (one per sign-in), shared by every screen. */
export function clientNameDirectory(api: CoachClient): ClientNameDirectory {
  let directory = directories.get(api);
  if (!directory) {
    directory = new ClientNameDirectory(api);
    directories.set(api, directory);
  }
  return directory;
}

/**
 * Names for the client ids a screen shows: unknown ids are looked up together (see
 * `ClientNameDirectory`), and the returned function gives the name, or the id while there is none.
 */
export function useClientNames(ids: readonly string[]): (id: string) => string {
  const directory = clientNameDirectory(useClient());
  const version = useSyncExternalStore(directory.subscribe, directory.getVersion);
  // One key per set of ids, so scrolling within the same clients asks for nothing.
  const key = useMemo(() => [...new Set(ids)].sort().join('\n'), [ids]);
  useEffect(() => {
    if (key) directory.request(key.split('\n'));
  }, [directory, key]);
  return useCallback(
    (id: string) => directory.nameOf(id) ?? id,
    // `version` changes when a name arrives: a new function makes the rows render it.
    [directory, version],
  );
}
