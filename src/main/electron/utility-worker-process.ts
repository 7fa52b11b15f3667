import { utilityProcess } from 'electron';
import { LineTail, type SpawnWorker, type WorkerProcess } from '../worker/worker-process';
import type { Logger } from '../log/logger';

/**
 * The desktop app runs the worker as an Electron utilityProcess (a Node process Electron manages,
 * with structured-clone messaging). Electron-only glue: covered by the Playwright-Electron suite
 * where an Electron binary exists; the same worker entry is tested here as a Node child process.
 */
export function utilityWorkerSpawner(entry: string, env: NodeJS.ProcessEnv, logger: Logger): SpawnWorker {
  return (): WorkerProcess => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'EDN360 Worker', env, stdio: 'pipe' });
    const stderr = new LineTail();
    const log = logger.child({ component: 'worker', pid: child.pid });
    child.stdout?.on('data', (chunk: Buffer) => log.info(chunk.toString().trim()));
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of stderr.push(chunk.toString())) log.warn(line);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.once('exit', (code) => listener({ code, signal: null, stderrTail: stderr.text() })),
      kill: () => void child.kill(),
    };
  };
}
