import { describe, expect, it } from 'vitest';
import { StreamProgress } from '../../../../src/main/worker/stream-progress';

/** A clock the test moves by hand. */
function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('StreamProgress', () => {
  it('asks for a write at most once per interval; the fraction moves in between', () => {
    const time = clock();
    const progress = new StreamProgress(1000, time.now);
    progress.begin('E5');
    expect(progress.advanced('E5', 0.1)).toBe(true);
    expect(progress.partial()).toBeCloseTo(0.1);
    time.advance(400);
    expect(progress.advanced('E5', 0.3)).toBe(false);
    expect(progress.partial()).toBeCloseTo(0.3);
    time.advance(600);
    expect(progress.advanced('E5', 0.5)).toBe(true);
    expect(progress.partial()).toBeCloseTo(0.5);
  });

  it('never goes back: a repair round writing its answer again from the start keeps the agent’s share', () => {
    const progress = new StreamProgress(0, clock().now);
    progress.begin('N6');
    progress.advanced('N6', 0.5);
    expect(progress.advanced('N6', 0.05)).toBe(false);
    expect(progress.partial()).toBeCloseTo(0.5);
  });

  it('adds up the running agents; a finished one leaves (its share is now a completed step)', () => {
    const progress = new StreamProgress(0, clock().now);
    progress.begin('E7');
    progress.begin('N3');
    progress.advanced('E7', 0.5);
    progress.advanced('N3', 0.25);
    expect(progress.partial()).toBeCloseTo(0.75);
    progress.end('E7');
    expect(progress.partial()).toBeCloseTo(0.25);
    // An agent that is not running counts for nothing.
    expect(progress.advanced('E7', 0.9)).toBe(false);
    expect(progress.partial()).toBeCloseTo(0.25);
  });

  it('asks for no write while one is on its way (a slow database gets no queue of them)', async () => {
    const progress = new StreamProgress(0, clock().now);
    progress.begin('E1');
    let release!: () => void;
    const writing = progress.write(() => new Promise<void>((resolve) => (release = resolve)));
    expect(progress.advanced('E1', 0.25)).toBe(false);
    expect(progress.partial()).toBeCloseTo(0.25);
    release();
    await writing;
    expect(progress.advanced('E1', 0.5)).toBe(true);
  });
});
