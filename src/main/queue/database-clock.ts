import type { Db } from 'mongodb';

/**
 * The time every queue write is stamped with. Instances of a clinic share one database but not one
 * clock: a laptop a minute off must not make other instances think its leases expired (or their own
 * jobs overdue). docs/ARCHITECTURE.md "Time and leases".
 */
export interface QueueClock {
  now(): Date;
  /** True when `now()` follows the database server's clock; false when only this machine's is known. */
  readonly serverTime: boolean;
}

export interface ClockStatus {
  source: 'server' | 'local';
  /** Server time minus this machine's, as last measured (0 when the server gives no time). */
  offset_ms: number;
  /** Round trip of the last measurement: the offset is known to within half of it. */
  uncertainty_ms: number;
  synced_at: Date | null;
}

/** This machine's clock: for tests and for code that has no database at hand. */
export function localClock(localNow: () => number = Date.now): QueueClock {
  return { now: () => new Date(localNow()), serverTime: false };
}

interface HelloReply {
  localTime?: unknown;
}

export interface DatabaseClockOptions {
  /** Re-measure the offset this often (clocks drift, NTP steps them). */
  refreshMs?: number;
  /** This machine's wall clock; injectable so a test can skew one instance. */
  localNow?: () => number;
  onError?: (error: unknown) => void;
}

/**
 * The database server's clock, read from `hello.localTime` (MongoDB answers it on every server,
 * replica set member and mongos) and kept as an offset from this machine's clock, measured at the
 * middle of the round trip. A server that sends no `localTime` (some MongoDB-compatible servers,
 * the jongodb test server) leaves the clock local: then lease expiry and the watchdog rely on what
 * needs no shared clock at all (src/main/queue/lease-observer.ts, the owner's `run_ms`).
 */
export class DatabaseClock implements QueueClock {
  private offsetMs = 0;
  private uncertaintyMs = 0;
  private syncedAt: Date | null = null;
  private fromServer = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly localNow: () => number;

  constructor(
    private readonly db: Db,
    private readonly options: DatabaseClockOptions = {},
  ) {
    this.localNow = options.localNow ?? Date.now;
  }

  get serverTime(): boolean {
    return this.fromServer;
  }

  now(): Date {
    return new Date(this.localNow() + this.offsetMs);
  }

  status(): ClockStatus {
    return {
      source: this.fromServer ? 'server' : 'local',
      offset_ms: this.offsetMs,
      uncertainty_ms: this.uncertaintyMs,
      synced_at: this.syncedAt,
    };
  }

  /** Measures the offset once; a failed measurement keeps the previous one (the network may be down). */
  async sync(): Promise<void> {
    const sent = this.localNow();
    const reply = (await this.db.admin().command({ hello: 1 })) as HelloReply;
    const received = this.localNow();
    if (!(reply.localTime instanceof Date)) {
      this.fromServer = false;
      this.offsetMs = 0;
      this.uncertaintyMs = 0;
      return;
    }
    this.offsetMs = Math.round(reply.localTime.getTime() - (sent + received) / 2);
    this.uncertaintyMs = Math.ceil((received - sent) / 2);
    this.fromServer = true;
    this.syncedAt = this.now();
  }

  /** First measurement now (errors reported, not thrown), then every `refreshMs`. */
  async start(): Promise<this> {
    await this.syncQuietly();
    const every = this.options.refreshMs ?? 60_000;
    this.timer = setInterval(() => void this.syncQuietly(), every);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async syncQuietly(): Promise<void> {
    try {
      await this.sync();
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
