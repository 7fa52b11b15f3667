import { utilityProcess } from 'electron';
import { LineTail, type SpawnWorker, type WorkerExit, type WorkerProcess } from '../worker/worker-process';
import type { Logger } from '../log/logger';
import { WorkerExitSignals, type ChildProcessGoneRouter } from './worker-exit';

let spawned = 0;

/**
 * The desktop app runs the worker as an Electron utilityProcess (a Node process Electron manages,
 * with structured-clone messaging). The supervision logic (ready handshake with timeout, restart with
 * backoff, graceful shutdown) lives in the Electron-free WorkerSupervisor; this adapter only forks,
 * relays messages and reports the exit, merging `exit` with `child-process-gone`.
 *
 * `env` is read at every spawn, so a restart picks up a newly stored LLM API key.
 */
export function utilityWorkerSpawner(
  entry: string,
  env: () => NodeJS.ProcessEnv,
  logger: Logger,
  gone: ChildProcessGoneRouter,
): SpawnWorker {
  return (): WorkerProcess => {
    // A unique service name per process: it is how child-process-gone says which process it means.
    const serviceName = `EDN360 Worker ${++spawned}`;
    const child = utilityProcess.fork(entry, [], { serviceName, env: env(), stdio: 'pipe' });
    const stderr = new LineTail();
    const log = logger.child({ component: 'worker', service: serviceName });
    child.stdout?.on('data', (chunk: Buffer) => log.info(chunk.toString().trim()));
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of stderr.push(chunk.toString())) log.warn(line);
    });
    child.on('error', (type, location) => log.error({ type, location }, 'worker fatal error'));

    let alive = true;
    const exitListeners: Array<(exit: WorkerExit) => void> = [];
    const signals = new WorkerExitSignals(
      (exit) => {
        unroute();
        for (const listener of exitListeners) listener(exit);
      },
      () => stderr.text(),
    );
    const unroute = gone.route(serviceName, (details) => {
      alive = false;
      log.warn({ reason: details.reason, exitCode: details.exitCode }, 'worker process gone');
      signals.goneWith(details);
    });
    child.once('exit', (code) => {
      alive = false;
      signals.exited(code);
    });

    return {
      get pid() {
        return child.pid;
      },
      // postMessage to a dead utility process crashed the main process in older Electron versions.
      send: (message) => {
        if (alive) child.postMessage(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => {
        exitListeners.push(listener);
      },
      // SIGKILL, like the headless worker's: `child.kill()` sends SIGTERM, which a hung or stopped
      // (SIGSTOP, laptop debugger) process never acts on, and the supervisor kills only such workers.
      kill: () => {
        if (!alive) return;
        try {
          if (child.pid) process.kill(child.pid, 'SIGKILL');
          else child.kill();
        } catch {
          child.kill();
        }
      },
    };
  };
}
