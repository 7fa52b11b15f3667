import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO = resolve(__dirname, '../..');
export const BUILT_CLI = resolve(REPO, 'out/main/cli.js');
export const BUILT_WORKER = resolve(REPO, 'out/main/worker.js');

/** Resident set size of a process in MiB (Linux /proc), or null where that cannot be read. */
export function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** The host figures run the built CLI and worker, as users do; build once when they are missing. */
export function ensureBuilt(log: (m: string) => void): void {
  if (existsSync(BUILT_CLI) && existsSync(BUILT_WORKER)) return;
  log('out/ is missing: building (electron-vite build)…');
  const build = spawnSync(
    process.execPath,
    [resolve(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (build.status !== 0) throw new Error('electron-vite build failed');
}
