import { dirname, join, resolve } from 'node:path';

/** Packaged Electron apps expose their resources directory on `process` (no electron import needed). */
function packagedResourcesDir(): string | undefined {
  const dir = (process as NodeJS.Process & { resourcesPath?: unknown }).resourcesPath;
  return typeof dir === 'string' && dir.length > 0 ? dir : undefined;
}

function inAncestors(start: string, relative: string, maxLevels = 8): string[] {
  const out: string[] = [];
  let dir = resolve(start);
  for (let i = 0; i <= maxLevels; i += 1) {
    out.push(join(dir, 'resources', relative));
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

/**
 * Where something shipped under `resources/` may be, most specific first: the packaged app's
 * resources directory (electron-builder's extraResources), then `resources/<relative>` in any
 * ancestor of this module (a checkout, or `out/main/` in a build), then in any ancestor of the
 * working directory (the headless server started from the repository).
 */
export function resourceCandidates(relative: string): string[] {
  const candidates: string[] = [];
  const packaged = packagedResourcesDir();
  if (packaged) candidates.push(join(packaged, relative));
  if (typeof __dirname === 'string') candidates.push(...inAncestors(__dirname, relative));
  candidates.push(...inAncestors(process.cwd(), relative));
  return [...new Set(candidates)];
}
