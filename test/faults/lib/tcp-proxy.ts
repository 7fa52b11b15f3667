import { createServer, Socket, type AddressInfo, type Server } from 'node:net';

/**
 * How an outage looks from the app's side:
 * - `refuse`: nothing listens any more — new connections fail at once (ECONNREFUSED), like a
 *   stopped server on a live machine;
 * - `blackhole`: connections are accepted but nothing ever comes back — what a dead network, a
 *   pulled cable or a frozen VM looks like; the driver only finds out through its own timeouts.
 */
export type OutageMode = 'refuse' | 'blackhole';

export interface PauseOptions {
  mode?: OutageMode;
  /**
   * What happens to the connections open when the outage starts: `reset` (RST now, the driver
   * sees a network error at once) or `freeze` (they stay open and silent; the driver waits for its
   * timeouts). Frozen connections are reset when the outage ends, as the server would answer a
   * peer whose TCP state it lost.
   */
  existing?: 'reset' | 'freeze';
}

export interface ProxyCounters {
  /** Connections accepted (including the ones black-holed during an outage). */
  accepted: number;
  /** Connections forwarded to the target. */
  forwarded: number;
  /** Connections reset on purpose (outage start/end, `resetRandom`, `resetAll`). */
  reset: number;
  /** Connections that ended on their own (either side closed or failed). */
  closed: number;
  /** Connections accepted while black-holed (never forwarded). */
  blackholed: number;
  /** Connections reset by `setChaos` as a request or a reply passed. */
  chaosResets: number;
  /** Outages started. */
  outages: number;
  /** Bytes forwarded client → server and server → client. */
  bytesUp: number;
  bytesDown: number;
}

interface Pair {
  client: Socket;
  server: Socket | null;
  frozen: boolean;
}

/**
 * A small TCP proxy between the app and MongoDB for fault injection: listens on 127.0.0.1 (a free
 * port unless one is given), forwards every connection to `target`, and can cut the link the ways
 * real deployments lose their database — an outage (`pause`/`resume`), connections reset at random
 * (`resetRandom`) or all at once (`resetAll`). Point the app at `proxy.url(originalUrl)`.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<Pair>();
  private outage: Required<PauseOptions> | null = null;
  private listenPort = 0;
  private chaos: { request: number; reply: number; random: () => number } | null = null;
  readonly counters: ProxyCounters = {
    accepted: 0,
    forwarded: 0,
    reset: 0,
    closed: 0,
    blackholed: 0,
    chaosResets: 0,
    outages: 0,
    bytesUp: 0,
    bytesDown: 0,
  };

  constructor(
    readonly target: { host: string; port: number },
    private readonly host = '127.0.0.1',
  ) {}

  /** A proxy for the host:port of a `mongodb://` URL (one host; a replica set needs one per member). */
  static forMongoUrl(mongoUrl: string): TcpProxy {
    const url = new URL(mongoUrl);
    if (url.host.includes(',')) throw new Error('TcpProxy.forMongoUrl: one host only');
    return new TcpProxy({ host: url.hostname, port: Number(url.port || 27017) });
  }

  get port(): number {
    return this.listenPort;
  }

  get live(): number {
    return this.pairs.size;
  }

  get paused(): boolean {
    return this.outage !== null;
  }

  /**
   * `originalUrl` with its host:port replaced by the proxy's, and `directConnection=true`: the
   * driver must not discover the real address (hello's `me`/`hosts`) and go round the proxy.
   */
  url(originalUrl: string): string {
    const url = new URL(originalUrl);
    url.hostname = this.host;
    url.port = String(this.listenPort);
    url.searchParams.delete('replicaSet');
    url.searchParams.set('directConnection', 'true');
    return url.toString();
  }

  async start(port = this.listenPort): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: this.host, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.listenPort = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Starts an outage. Idempotent; a second call changes nothing. */
  async pause(options: PauseOptions = {}): Promise<void> {
    if (this.outage) return;
    this.outage = { mode: options.mode ?? 'blackhole', existing: options.existing ?? 'reset' };
    this.counters.outages += 1;
    for (const pair of [...this.pairs]) {
      if (this.outage.existing === 'reset') this.destroy(pair);
      else this.freeze(pair);
    }
    if (this.outage.mode === 'refuse') await this.closeListener();
  }

  /** Ends the outage: frozen and black-holed connections are reset, new ones are forwarded again. */
  async resume(): Promise<void> {
    if (!this.outage) return;
    const wasRefusing = this.outage.mode === 'refuse';
    this.outage = null;
    for (const pair of [...this.pairs]) if (pair.frozen) this.destroy(pair);
    if (wasRefusing) await this.start(this.listenPort);
  }

  /** Resets each live connection with probability `p`; returns how many were reset. */
  resetRandom(p: number, random: () => number = Math.random): number {
    let n = 0;
    for (const pair of [...this.pairs]) {
      if (random() < p) {
        this.destroy(pair);
        n += 1;
      }
    }
    return n;
  }

  resetAll(): number {
    return this.resetRandom(1);
  }

  /**
   * Resets a connection, with the given chance, as traffic passes through it: `request` — the
   * app's bytes never reach the server; `reply` — the server acted (a write is applied) but its
   * answer is lost, the ambiguous failure retryable writes exist for. `null` turns it off.
   */
  setChaos(chaos: { request?: number; reply?: number; random?: () => number } | null): void {
    this.chaos = chaos && {
      request: chaos.request ?? 0,
      reply: chaos.reply ?? 0,
      random: chaos.random ?? Math.random,
    };
  }

  async stop(): Promise<void> {
    this.outage = null;
    this.chaos = null;
    for (const pair of [...this.pairs]) this.destroy(pair, false);
    await this.closeListener();
  }

  /**
   * Stops listening at once. `close()`'s callback waits for every accepted connection to end, so it
   * is awaited only when none is left (at `stop()`): frozen connections outlive a `refuse` pause.
   */
  private async closeListener(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    if (this.pairs.size === 0) await closed;
  }

  private accept(client: Socket): void {
    this.counters.accepted += 1;
    client.setNoDelay(true);
    const pair: Pair = { client, server: null, frozen: false };
    this.pairs.add(pair);
    client.on('error', () => this.destroy(pair, false));
    client.on('close', () => this.destroy(pair, false));
    if (this.outage) {
      // Accepted, never answered: bytes sent to a black hole just vanish.
      this.counters.blackholed += 1;
      this.freeze(pair);
      return;
    }
    this.counters.forwarded += 1;
    const server = new Socket();
    pair.server = server;
    server.setNoDelay(true);
    server.on('error', () => this.destroy(pair, false));
    server.on('close', () => this.destroy(pair, false));
    client.on('data', (chunk: Buffer) => {
      if (pair.frozen) return;
      if (this.chaos && this.chaos.random() < this.chaos.request) return this.chaosReset(pair);
      this.counters.bytesUp += chunk.length;
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (pair.frozen) return;
      if (this.chaos && this.chaos.random() < this.chaos.reply) return this.chaosReset(pair);
      this.counters.bytesDown += chunk.length;
      client.write(chunk);
    });
    server.connect(this.target.port, this.target.host);
  }

  private chaosReset(pair: Pair): void {
    this.counters.chaosResets += 1;
    this.destroy(pair);
  }

  private freeze(pair: Pair): void {
    pair.frozen = true;
    // Keep reading (and dropping) so the app's writes do not back up into an error of their own.
    pair.client.resume();
    pair.server?.resume();
  }

  /** RST both sides (the abrupt end a crashed peer or a middlebox gives), once. */
  private destroy(pair: Pair, deliberate = true): void {
    if (!this.pairs.delete(pair)) return;
    if (deliberate) this.counters.reset += 1;
    else this.counters.closed += 1;
    for (const socket of [pair.client, pair.server]) {
      if (!socket || socket.destroyed) continue;
      try {
        socket.resetAndDestroy();
      } catch {
        socket.destroy();
      }
    }
  }
}
