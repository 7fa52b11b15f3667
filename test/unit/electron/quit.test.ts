import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installGracefulQuit, type QuittableApp } from '../../../src/main/electron/quit';
import { silentLogger } from '../../../src/main/log/logger';

// Electron's `app` is faked: a before-quit emitter that records preventDefault and exit codes.
function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | null = null;
  const exits: number[] = [];
  const app: QuittableApp = {
    on: (_event, l) => {
      listener = l;
    },
    exit: (code) => exits.push(code),
  };
  const quit = (): boolean => {
    let prevented = false;
    listener?.({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { app, exits, quit };
}

describe('installGracefulQuit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds the quit synchronously, stops once, then exits 0', async () => {
    const { app, exits, quit } = fakeApp();
    let stops = 0;
    let finish = (): void => undefined;
    installGracefulQuit(
      app,
      () => {
        stops += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { deadlineMs: 15_000, logger: silentLogger() },
    );
    expect(quit()).toBe(true);
    expect(quit()).toBe(true);
    expect(stops).toBe(1);
    finish();
    await vi.runAllTimersAsync();
    expect(exits).toEqual([0]);
  });

  it('exits at the deadline when the stop hangs', async () => {
    const { app, exits, quit } = fakeApp();
    installGracefulQuit(app, () => new Promise<void>(() => undefined), {
      deadlineMs: 15_000,
      logger: silentLogger(),
    });
    quit();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(exits).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
  });

  it('exits 1 when the stop fails', async () => {
    const { app, exits, quit } = fakeApp();
    installGracefulQuit(app, () => Promise.reject(new Error('mongod')), {
      deadlineMs: 15_000,
      logger: silentLogger(),
    });
    quit();
    await vi.runAllTimersAsync();
    expect(exits).toEqual([1]);
  });
});
