import type { JobLease } from '@shared/job';

interface Sighting {
  mark: string;
  since: number;
}

/** A lease as it reads now: a heartbeat always changes it (expires_at moves strictly forward). */
export function leaseMark(lease: Pick<JobLease, 'token' | 'expires_at'>): string {
  return `${lease.token}@${lease.expires_at.getTime()}`;
}

/**
 * How long this process has seen each running job's lease without a heartbeat, measured by its
 * own monotonic clock. Deciding expiry this way compares no timestamps written by another machine,
 * so a skewed clock anywhere can neither steal a live lease nor keep a dead one
 * (docs/ARCHITECTURE.md "Time and leases"). The price: an instance that has just started waits one
 * lease period before it recovers anything.
 */
export class LeaseObserver {
  private readonly seen = new Map<string, Sighting>();
  private lastLookAt: number | null = null;
  private usualGap = 0;
  private blind = false;

  constructor(private readonly monotonicNow: () => number = () => performance.now()) {}

  /** A look at the queue failed (the database is away): what happened meanwhile was not seen. */
  markBlind(): void {
    this.blind = true;
  }

  /**
   * Call at every successful read of the running leases, before `silentFor`. After a failed look
   * or an unusually long gap (the database was away, or this process was stalled) the leases were
   * not watched — their owners may have been cut off just the same — so every sighting starts
   * again from now instead of counting the blind time as silence.
   */
  looked(leaseMs: number): void {
    const now = this.monotonicNow();
    const gap = this.lastLookAt === null ? 0 : now - this.lastLookAt;
    // The first gap sets what is usual; an outage right at start-up is caught by `markBlind`.
    const unusual = this.usualGap > 0 && gap > Math.max(leaseMs / 2, 2 * this.usualGap);
    if (this.blind || unusual) for (const sighting of this.seen.values()) sighting.since = now;
    else if (this.lastLookAt !== null) this.usualGap = gap;
    this.blind = false;
    this.lastLookAt = now;
  }

  /** Milliseconds the job's lease has stayed as it is now (0 at the first sighting or after a change). */
  silentFor(jobId: string, lease: Pick<JobLease, 'token' | 'expires_at'>): number {
    const mark = leaseMark(lease);
    const now = this.monotonicNow();
    const previous = this.seen.get(jobId);
    if (previous?.mark === mark) return now - previous.since;
    this.seen.set(jobId, { mark, since: now });
    return 0;
  }

  /** Forgets jobs that are no longer running, so a long session holds only the live ones. */
  retainOnly(jobIds: ReadonlySet<string>): void {
    for (const id of this.seen.keys()) if (!jobIds.has(id)) this.seen.delete(id);
  }
}
