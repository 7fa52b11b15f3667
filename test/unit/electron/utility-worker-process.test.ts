import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerExit } from '../../../src/main/worker/worker-process';

/*
 * Electron's utilityProcess is faked at the boundary: fork() returns an EventEmitter child whose
 * exit, messages and kill are driven by the test.
 */
class FakeChild extends EventEmitter {
  pid: number | undefined = 4242;
  stdout = new EventEmitter();
  stderr = new EventEmitter();
  posted: unknown[] = [];
  killed = 0;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed += 1;
    return true;
  }
}
const forks: Array<{
  entry: string;
  options: { serviceName: string; env: NodeJS.ProcessEnv };
  child: FakeChild;
}> = [];
vi.mock('electron', () => ({
  utilityProcess: {
    fork: (entry: string, _args: string[], options: { serviceName: string; env: NodeJS.ProcessEnv }) => {
      const child = new FakeChild();
      forks.push({ entry, options, child });
      return child;
    },
  },
}));

const { utilityWorkerSpawner } = await import('../../../src/main/electron/utility-worker-process');
const { ChildProcessGoneRouter } = await import('../../../src/main/electron/worker-exit');
const { silentLogger } = await import('../../../src/main/log/logger');

describe('utilityWorkerSpawner', () => {
  beforeEach(() => {
    forks.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('forks the entry with a unique service name and the environment of that moment', () => {
    let key = 'first';
    const spawn = utilityWorkerSpawner(
      '/out/main/worker.js',
      () => ({ EDN_LLM_API_KEY: key }),
      silentLogger(),
      new ChildProcessGoneRouter(),
    );
    spawn();
    key = 'second';
    spawn();
    expect(forks.map((f) => f.entry)).toEqual(['/out/main/worker.js', '/out/main/worker.js']);
    expect(forks.map((f) => f.options.env['EDN_LLM_API_KEY'])).toEqual(['first', 'second']);
    expect(new Set(forks.map((f) => f.options.serviceName)).size).toBe(2);
  });

  it('reports one exit with the crash reason from child-process-gone and the stderr tail', () => {
    const gone = new ChildProcessGoneRouter();
    const worker = utilityWorkerSpawner('/w.js', () => ({}), silentLogger(), gone)();
    const { child, options } = forks[0]!;
    const exits: WorkerExit[] = [];
    worker.onExit((exit) => exits.push(exit));
    child.stderr.emit('data', Buffer.from('TypeError: x is undefined\n'));
    expect(
      gone.dispatch({ type: 'Utility', serviceName: options.serviceName, reason: 'crashed', exitCode: 139 }),
    ).toBe(true);
    child.emit('exit', 139);
    expect(exits).toEqual([
      { code: 139, signal: null, stderrTail: 'TypeError: x is undefined\nproceso terminado: crashed' },
    ]);
    // The route is gone with the process.
    expect(
      gone.dispatch({ type: 'Utility', serviceName: options.serviceName, reason: 'crashed', exitCode: 1 }),
    ).toBe(false);
  });

  it('never posts to or kills a process that has exited', () => {
    const worker = utilityWorkerSpawner('/w.js', () => ({}), silentLogger(), new ChildProcessGoneRouter())();
    const { child } = forks[0]!;
    worker.send({ type: 'nudge' });
    child.emit('exit', 0);
    worker.send({ type: 'shutdown' });
    worker.kill();
    expect(child.posted).toEqual([{ type: 'nudge' }]);
    expect(child.killed).toBe(0);
  });

  it('relays messages from the worker', () => {
    const worker = utilityWorkerSpawner('/w.js', () => ({}), silentLogger(), new ChildProcessGoneRouter())();
    const seen: unknown[] = [];
    worker.onMessage((m) => seen.push(m));
    forks[0]!.child.emit('message', { type: 'ready', pid: 1, owner: 'o', concurrency: 2 });
    expect(seen).toEqual([{ type: 'ready', pid: 1, owner: 'o', concurrency: 2 }]);
    expect(worker.pid).toBe(4242);
  });
});
