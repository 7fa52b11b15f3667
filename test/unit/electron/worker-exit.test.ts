import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerExit } from '../../../src/main/worker/worker-process';
import { ChildProcessGoneRouter, WorkerExitSignals } from '../../../src/main/electron/worker-exit';

// Electron's `exit` and `child-process-gone` signals are simulated by calling the adapter directly.
describe('WorkerExitSignals', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function signals() {
    const exits: WorkerExit[] = [];
    return {
      exits,
      s: new WorkerExitSignals(
        (e) => exits.push(e),
        () => 'Error: boom',
        250,
      ),
    };
  }

  it('merges exit and child-process-gone into one report with the reason', () => {
    const { exits, s } = signals();
    s.exited(0);
    s.goneWith({ type: 'Utility', reason: 'crashed', exitCode: 11 });
    expect(exits).toEqual([{ code: 0, signal: null, stderrTail: 'Error: boom\nproceso terminado: crashed' }]);
    vi.advanceTimersByTime(1_000);
    expect(exits).toHaveLength(1);
  });

  it('reports after the grace period when only one signal arrives', () => {
    const { exits, s } = signals();
    s.goneWith({ type: 'Utility', reason: 'launch-failed', exitCode: 2 });
    expect(exits).toHaveLength(0);
    vi.advanceTimersByTime(250);
    expect(exits).toEqual([
      { code: 2, signal: null, stderrTail: 'Error: boom\nproceso terminado: launch-failed' },
    ]);
  });

  it('adds nothing for a clean exit', () => {
    const { exits, s } = signals();
    s.exited(0);
    vi.advanceTimersByTime(250);
    s.goneWith({ type: 'Utility', reason: 'clean-exit', exitCode: 0 });
    expect(exits).toEqual([{ code: 0, signal: null, stderrTail: 'Error: boom' }]);
  });
});

describe('ChildProcessGoneRouter', () => {
  it('routes utility processes by service name and ignores the rest', () => {
    const router = new ChildProcessGoneRouter();
    const seen: string[] = [];
    const off = router.route('EDN360 Worker 1', (d) => seen.push(d.reason));
    expect(
      router.dispatch({ type: 'Utility', serviceName: 'EDN360 Worker 1', reason: 'oom', exitCode: 1 }),
    ).toBe(true);
    expect(router.dispatch({ type: 'GPU', reason: 'crashed', exitCode: 1 })).toBe(false);
    expect(router.dispatch({ type: 'Utility', serviceName: 'Other', reason: 'crashed', exitCode: 1 })).toBe(
      false,
    );
    off();
    expect(
      router.dispatch({ type: 'Utility', serviceName: 'EDN360 Worker 1', reason: 'oom', exitCode: 1 }),
    ).toBe(false);
    expect(seen).toEqual(['oom']);
  });
});
