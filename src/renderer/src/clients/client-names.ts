import type { User } from '@shared/user';

/** The two calls the directory needs (a `CoachClient` has both). */
export interface ClientNameSource {
  listClients(args: {
    include_archived: boolean;
    limit: number;
    offset: number;
  }): Promise<{ items: User[]; total: number }>;
  getClient(id: string): Promise<User>;
}

export interface ClientNameOptions {
  /** Clients listed per request when loading the directory (the API's maximum is 500). */
  pageSize: number;
  /** Past this many clients the directory is not loaded whole: unknown ids are asked one by one. */
  maxDirectory: number;
  /** At least this long between two directory loads. */
  minReloadMs: number;
  /** Ids asked for within this window go in one lookup. */
  batchMs: number;
  /** An id found to have no client is looked up again after this long (it may have been created). */
  missingTtlMs: number;
  /** Parallel `getClient` calls in the one-by-one mode. */
  concurrency: number;
  /** After a failed directory load, the next try waits this long. */
  failureBackoffMs: number;
  now(): number;
}

const DEFAULTS: ClientNameOptions = {
  pageSize: 500,
  maxDirectory: 2000,
  minReloadMs: 3000,
  batchMs: 25,
  missingTtlMs: 60_000,
  concurrency: 4,
  failureBackoffMs: 15_000,
  now: () => Date.now(),
};

/**
 * Client names by id, for screens that show many ids (Trabajos): ids asked for together are resolved
 * together, each at most once, and shared by every screen. A coach's client list is small, so a
 * lookup loads it whole (a few `listClients` pages) and every id it does not hold has no client (a
 * job of a client deleted or written by another system): the screen shows the id. With more clients
 * than `maxDirectory`, only the ids asked for are fetched, one `getClient` each, never twice.
 */
export class ClientNameDirectory {
  private readonly options: ClientNameOptions;
  private readonly names = new Map<string, string>();
  /** Id → when a lookup found no client for it. */
  private readonly missing = new Map<string, number>();
  /** Id → when it was first asked for and is still unresolved. */
  private readonly wanted = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** No directory load before this time (throttle, and back-off after a failure). */
  private nextLoad = Number.NEGATIVE_INFINITY;
  /** Set once the directory turned out too large to load whole. */
  private oneByOne = false;

  constructor(
    private readonly source: ClientNameSource,
    options: Partial<ClientNameOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** The client's name, or undefined while unknown (or when there is no such client). */
  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }

  /** Changes whenever a name arrives (for `useSyncExternalStore`). */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** A client saved or listed elsewhere: its name, without a request. */
  remember(user: Pick<User, '_id' | 'nombre_completo'>): void {
    this.missing.delete(user._id);
    this.wanted.delete(user._id);
    if (this.names.get(user._id) === user.nombre_completo) return;
    this.names.set(user._id, user.nombre_completo);
    this.notify();
  }

  /** Asks for the names of these ids; those not known yet are looked up in one batch. */
  request(ids: Iterable<string>): void {
    const now = this.options.now();
    let added = false;
    for (const id of ids) {
      if (!id || this.names.has(id) || this.wanted.has(id)) continue;
      const missingSince = this.missing.get(id);
      if (missingSince !== undefined && now - missingSince < this.options.missingTtlMs) continue;
      this.wanted.set(id, now);
      added = true;
    }
    if (added) this.schedule(this.options.batchMs);
  }

  private schedule(delay: number): void {
    if (this.timer !== null || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private async flush(): Promise<void> {
    if (this.wanted.size === 0) return;
    const wait = this.oneByOne ? 0 : this.nextLoad - this.options.now();
    if (wait > 0) return this.schedule(wait);
    this.running = true;
    try {
      if (this.oneByOne) await this.lookUpEach([...this.wanted.keys()]);
      else await this.loadDirectory();
    } finally {
      this.running = false;
      if (this.wanted.size > 0) this.schedule(this.options.batchMs);
    }
  }

  /** Every client, a few pages; ids asked for before the load began and not in it have no client. */
  private async loadDirectory(): Promise<void> {
    const started = this.options.now();
    this.nextLoad = started + this.options.minReloadMs;
    const { pageSize, maxDirectory } = this.options;
    const found = new Map<string, string>();
    let total = 0;
    try {
      for (let offset = 0; offset < maxDirectory; offset += pageSize) {
        const page = await this.source.listClients({ include_archived: true, limit: pageSize, offset });
        for (const user of page.items) found.set(user._id, user.nombre_completo);
        total = page.total;
        if (offset + pageSize >= total || page.items.length === 0) break;
      }
    } catch {
      // Names are a nicety: the screen keeps showing ids, and the lookup is tried again later.
      this.nextLoad = this.options.now() + this.options.failureBackoffMs;
      return;
    }
    let changed = false;
    for (const [id, name] of found) {
      if (this.names.get(id) === name) continue;
      this.names.set(id, name);
      changed = true;
    }
    if (total > found.size) this.oneByOne = true;
    const now = this.options.now();
    for (const [id, since] of this.wanted) {
      if (this.names.has(id)) this.wanted.delete(id);
      else if (!this.oneByOne && since <= started) {
        this.wanted.delete(id);
        this.missing.set(id, now);
      }
    }
    if (changed) this.notify();
  }

  /** Large directories: the ids asked for, `concurrency` at a time. */
  private async lookUpEach(ids: string[]): Promise<void> {
    for (const id of ids) this.wanted.delete(id);
    let next = 0;
    let changed = false;
    const worker = async (): Promise<void> => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        if (this.names.has(id)) continue;
        try {
          const user = await this.source.getClient(id);
          this.names.set(id, user.nombre_completo);
          changed = true;
        } catch {
          this.missing.set(id, this.options.now());
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency, ids.length) }, worker));
    if (changed) this.notify();
  }

  private notify(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
