import type { Db } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { DatabaseClock } from '../../../src/main/queue/database-clock';

/*
 * The server-time path of DatabaseClock. No server here answers `hello` with `localTime` (the
 * jongodb test server does not; no mongod can be had), so the server is faked at the driver
 * boundary: a Db whose admin command answers what a MongoDB server answers.
 */
function serverAnswering(reply: () => Record<string, unknown>): Db {
  return { admin: () => ({ command: async () => reply() }) } as unknown as Db;
}

const FIVE_MINUTES = 5 * 60_000;

describe('DatabaseClock', () => {
  it("follows the server's clock whatever this machine's says (±5 min)", async () => {
    for (const skew of [FIVE_MINUTES, -FIVE_MINUTES]) {
      const clock = new DatabaseClock(
        serverAnswering(() => ({ localTime: new Date() })),
        { localNow: () => Date.now() + skew },
      );
      await clock.sync();
      expect(clock.serverTime).toBe(true);
      expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(100);
      expect(Math.abs(clock.status().offset_ms + skew)).toBeLessThan(100);
      expect(clock.status()).toMatchObject({ source: 'server' });
    }
  });

  it("stays on this machine's clock, and says so, when the server gives no time", async () => {
    const clock = new DatabaseClock(
      serverAnswering(() => ({ ok: 1 })),
      { localNow: () => 42 },
    );
    await clock.sync();
    expect(clock.serverTime).toBe(false);
    expect(clock.now().getTime()).toBe(42);
    expect(clock.status()).toMatchObject({ source: 'local', offset_ms: 0, synced_at: null });
  });

  it('a failed measurement keeps the last offset (the network may be down for a moment)', async () => {
    let fail = false;
    const errors: unknown[] = [];
    const clock = new DatabaseClock(
      serverAnswering(() => {
        if (fail) throw new Error('ECONNRESET');
        return { localTime: new Date(Date.now() + 60_000) };
      }),
      { onError: (error) => errors.push(error), refreshMs: 20 },
    );
    await clock.start();
    fail = true;
    await new Promise((resolve) => setTimeout(resolve, 100)); // refreshes fail meanwhile
    clock.stop();
    expect(errors.length).toBeGreaterThan(0);
    expect(clock.serverTime).toBe(true);
    expect(Math.abs(clock.status().offset_ms - 60_000)).toBeLessThan(100);
  });
});
