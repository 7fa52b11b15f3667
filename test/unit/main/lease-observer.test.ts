import { describe, expect, it } from 'vitest';
import { LeaseObserver } from '../../../src/main/queue/lease-observer';

// Pure bookkeeping on an injected monotonic clock: how long a lease has been seen unchanged.
const lease = (beat: number) => ({ token: 't', expires_at: new Date(1_000 + beat) });
const LEASE_MS = 1_000;

function observerAt(): { observer: LeaseObserver; at: (ms: number) => void } {
  let now = 0;
  return { observer: new LeaseObserver(() => now), at: (ms) => (now = ms) };
}

describe('LeaseObserver', () => {
  it('counts the time a lease stays unchanged between regular looks, and starts again at a heartbeat', () => {
    const { observer, at } = observerAt();
    for (const t of [0, 250, 500, 750, 1_000]) {
      at(t);
      observer.looked(LEASE_MS);
      expect(observer.silentFor('j', lease(0))).toBe(t);
    }
    at(1_250);
    observer.looked(LEASE_MS);
    expect(observer.silentFor('j', lease(1))).toBe(0);
  });

  it('a look that failed (database away) does not count as silence: the count starts again', () => {
    const { observer, at } = observerAt();
    at(0);
    observer.looked(LEASE_MS);
    observer.silentFor('j', lease(0));
    at(250);
    observer.looked(LEASE_MS);
    observer.markBlind(); // the next looks fail for the whole outage
    at(500);
    observer.looked(LEASE_MS);
    expect(observer.silentFor('j', lease(0))).toBe(0);
  });

  it('a gap far longer than usual (this process stalled, or could not look) starts the count again', () => {
    const { observer, at } = observerAt();
    for (const t of [0, 100, 200]) {
      at(t);
      observer.looked(LEASE_MS);
      observer.silentFor('j', lease(0));
    }
    at(5_000);
    observer.looked(LEASE_MS);
    expect(observer.silentFor('j', lease(0))).toBe(0);
  });

  it('looks as far apart as half a lease or more, every time, still let a dead lease expire', () => {
    const { observer, at } = observerAt();
    let silent = 0;
    for (const t of [0, 700, 1_400, 2_100]) {
      at(t);
      observer.looked(LEASE_MS);
      silent = observer.silentFor('j', lease(0));
    }
    expect(silent).toBeGreaterThanOrEqual(LEASE_MS);
  });
});
