import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

// The rule `npm run lint` applies: docs/ARCHITECTURE.md "Layers and their rule".
const config = createRequire(import.meta.url)('../../../.dependency-cruiser.cjs') as IConfiguration;
const repoRoot = join(import.meta.dirname, '../../..');

/** Violations as `rule: from → to`, cruising `files` (path → source) laid out in a scratch tree. */
async function violationsOf(files: Record<string, string>): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), 'edn360-layers-'));
  roots.push(root);
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const result = await cruise(['src'], {
    ...options,
    baseDir: root,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  return messagesOf(result.output as ICruiseResult);
}

function messagesOf(result: ICruiseResult): string[] {
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const leaf = 'export const x = 1;\n';

describe('layer rule', () => {
  it('accepts imports that point down, and src/shared from anywhere', async () => {
    expect(
      await violationsOf({
        'src/shared/job.ts': leaf,
        'src/main/util/backoff.ts': leaf,
        'src/main/db/ids.ts': "import { x } from '../util/backoff';\nexport const y = x;\n",
        'src/main/queue/enqueue.ts': "import { y } from '../db/ids';\nexport const z = y;\n",
        'src/main/pipeline/job-errors.ts': "import { z } from '../queue/enqueue';\nexport const e = z;\n",
        'src/main/worker/job-run.ts':
          "import type { e } from '../pipeline/job-errors';\nexport type R = typeof e;\n",
        'src/main/electron/ipc.ts': "import type { R } from '../worker/job-run';\nexport type I = R;\n",
        'src/main/index.ts': "import type { I } from './electron/ipc';\nexport type M = I;\n",
        'src/renderer/src/app.ts': "import { x } from '../../shared/job';\nexport const a = x;\n",
      }),
    ).toEqual([]);
  });

  it('fails a wrong-way import, a type-only one too', async () => {
    expect(
      await violationsOf({
        'src/main/worker/pipeline-types.ts': 'export interface JobPipeline { run(): void }\n',
        'src/main/pipeline/agent-pipeline.ts':
          "import type { JobPipeline } from '../worker/pipeline-types';\nexport type P = JobPipeline;\n",
        'src/main/db/repo.ts': "import { x } from '../queue/enqueue';\nexport const r = x;\n",
        'src/main/queue/enqueue.ts': leaf,
      }),
    ).toEqual([
      'layer-db: src/main/db/repo.ts → src/main/queue/enqueue.ts',
      'layer-pipeline: src/main/pipeline/agent-pipeline.ts → src/main/worker/pipeline-types.ts',
    ]);
  });

  it('keeps doors and hosts apart, shared and renderer off main, and every folder in a layer', async () => {
    expect(
      await violationsOf({
        'src/main/api/errors.ts': leaf,
        'src/main/cli/main.ts': leaf,
        'src/main/electron/ipc.ts': "import { x } from '../api/errors';\nexport const y = x;\n",
        'src/main/electron/quit.ts': "import { x } from '../cli/main';\nexport const q = x;\n",
        'src/main/newfolder/thing.ts': "import { x } from '../api/errors';\nexport const t = x;\n",
        'src/shared/rule.ts': "import { x } from '../main/api/errors';\nexport const s = x;\n",
        'src/renderer/src/app.ts': "import { x } from '../../main/api/errors';\nexport const a = x;\n",
      }),
    ).toEqual([
      'doors-meet-in-application: src/main/electron/ipc.ts → src/main/api/errors.ts',
      'layer-electron-no-sibling: src/main/electron/quit.ts → src/main/cli/main.ts',
      'main-folder-has-a-layer: src/main/newfolder/thing.ts → src/main/api/errors.ts',
      'renderer-not-to-main: src/renderer/src/app.ts → src/main/api/errors.ts',
      'shared-stands-alone: src/shared/rule.ts → src/main/api/errors.ts',
    ]);
  });

  it('holds for the repository as it is', { timeout: 60_000 }, async () => {
    const result = await cruise(['src'], {
      ...config.options,
      baseDir: repoRoot,
      validate: true,
      ruleSet: config,
    });
    expect(messagesOf(result.output as ICruiseResult)).toEqual([]);
  });
});
