import { fork } from 'node:child_process';
import type { Logger } from '../log/logger';
import { LineTail, type SpawnWorker, type WorkerProcess } from './worker-process';

export interface NodeWorkerOptions {
  entry: string;
  env: NodeJS.ProcessEnv;
  /** e.g. `['--import', 'tsx']` to run the TypeScript entry in tests. */
  execArgv?: string[];
  logger: Logger;
}

/** Headless hosts (`edn360 serve`, tests) run the worker as a forked Node child process. */
export function nodeWorkerSpawner(options: NodeWorkerOptions): SpawnWorker {
  return (): WorkerProcess => {
    const child = fork(options.entry, [], {
      env: options.env,
      execArgv: options.execArgv ?? [],
      // Structured clone keeps Dates in job events, as utilityProcess does.
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const stderr = new LineTail();
    const log = options.logger.child({ component: 'worker', pid: child.pid });
    child.stdout?.on('data', (chunk: Buffer) => log.info(chunk.toString().trim()));
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of stderr.push(chunk.toString())) log.warn(line);
    });
    return {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) =>
        child.once('exit', (code, signal) => listener({ code, signal, stderrTail: stderr.text() })),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
