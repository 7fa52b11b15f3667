import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MongoMemoryServer } from 'mongodb-memory-server';
import { locateCachedMongod } from '../../src/main/db/mongod-binary';

/**
 * The MongoDB the tests talk to, in the order of docs/ARCHITECTURE.md "Processes": `MONGO_URL` → a real mongod that can be had
 * without a network → the `jongodb` wire-protocol server from the npm registry.
 */
export type BackendKind = 'MONGO_URL' | 'mongod' | 'jongodb';

export interface TestBackend {
  kind: BackendKind;
  uri: string;
  detail: string;
  stop(): Promise<void>;
}

export async function findOfflineMongod(): Promise<string | null> {
  const system = process.env['MONGOMS_SYSTEM_BINARY']?.trim();
  if (system && existsSync(system)) return system;
  for (const dir of (process.env['PATH'] ?? '').split(':')) {
    const candidate = join(dir, 'mongod');
    if (dir && existsSync(candidate)) return candidate;
  }
  return locateCachedMongod();
}

export function jongodbBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@jongodb/memory-server-bin-linux-x64-gnu/package.json');
    const bin = join(dirname(pkg), 'bin', 'jongodb');
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** Spawns jongodb on a free port and waits for its `JONGODB_URI=` line. */
export async function startJongodb(
  binary: string,
  timeoutMs = 20_000,
): Promise<{ uri: string; child: ChildProcess }> {
  const child = spawn(binary, ['--port=0', '--host=127.0.0.1', '--database=edn360_test'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const uri = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`jongodb did not report a URI within ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /JONGODB_URI=(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jongodb exited with code ${code}:\n${output}`));
    });
  });
  // Drain output so a chatty server can never block on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return { uri, child };
}

export async function startTestBackend(): Promise<TestBackend> {
  const url = process.env['MONGO_URL']?.trim();
  if (url) return { kind: 'MONGO_URL', uri: url, detail: 'MONGO_URL', stop: async () => undefined };

  const mongod = await findOfflineMongod();
  if (mongod) {
    // A throwaway standalone mongod: real MongoDB semantics (atomic findOneAndUpdate, $push) offline.
    const server = await MongoMemoryServer.create({
      binary: { systemBinary: mongod },
      instance: { ip: '127.0.0.1' },
    });
    return {
      kind: 'mongod',
      uri: server.getUri(),
      detail: mongod,
      stop: async () => void (await server.stop()),
    };
  }

  const jongodb = jongodbBinary();
  if (jongodb) {
    const { uri, child } = await startJongodb(jongodb);
    return {
      kind: 'jongodb',
      uri,
      detail: `${jongodb} (known gaps: non-atomic findOneAndUpdate, no $push, $group only $sum — see test/README.md)`,
      stop: async () => {
        child.kill('SIGTERM');
      },
    };
  }
  throw new Error(
    'No MongoDB for the tests: set MONGO_URL, install mongod (or MONGOMS_SYSTEM_BINARY), or `npm ci` on linux-x64 so the optional @jongodb/memory-server-bin-linux-x64-gnu is installed.',
  );
}
