import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPendingJob } from '../../../src/main/queue/enqueue';
import { toPublicJob, type GenerationJob } from '../../../src/shared/job';
import { progressLine } from '../../../src/renderer/src/components/progress-line';
import { appTranslators } from '../../support/i18n';

const base = buildPendingJob({ user_id: 'u-1', submission_id: 's-1', type: 'full' }, new Date(0));
const job = (changes: Partial<GenerationJob>) => toPublicJob({ ...base, ...changes });
const running = (agents: string[], done: number, message: string) =>
  job({
    status: 'running',
    progress: {
      ...base.progress,
      current_agent: agents.join(', ') || null,
      running_agents: agents,
      completed_steps: done,
      message,
    },
  });

let tEs: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  ({ es: tEs, en: tEn } = await appTranslators());
});

describe('progress line (generation modal)', () => {
  it('says what is happening in the coach language, not the server Spanish text', () => {
    const e1 = running(['E1'], 0, 'Agente E1 en curso');
    expect(progressLine(e1, tEn, 'en')).toBe('Running: E1 · Athlete analyst');
    expect(progressLine(e1, tEs, 'es')).toBe('En curso: E1 · Analista del atleta');
    // The DAG runs several at once: every one is named, not the last one finished.
    const both = running(['E7', 'N3'], 9, 'Agente N3 en curso');
    expect(progressLine(both, tEs, 'es')).toMatch(/^En curso: E7 · .+, N3 · .+$/);
    expect(progressLine(running([], 0, 'Iniciando…'), tEn, 'en')).toBe('Starting…');
    expect(progressLine(job({}), tEn, 'en')).toMatch(/^Queued/);
    expect(progressLine(job({ progress: { ...base.progress, completed_steps: 4 } }), tEs, 'es')).toMatch(
      /continuar/,
    );
    expect(progressLine(job({ status: 'running', cancel_requested: true }), tEn, 'en')).toBe('Cancelling…');
    expect(progressLine(job({ status: 'completed' }), tEn, 'en')).toBe('Plan generated');
    expect(progressLine(job({ status: 'failed' }), tEn, 'en')).toBeNull();
  });

  it('falls back to the server message only in Spanish, for a state it does not name', () => {
    const resumed = running([], 3, 'Reanudando tras una interrupción…');
    expect(progressLine(resumed, tEs, 'es')).toBe('Reanudando tras una interrupción…');
    expect(progressLine(resumed, tEn, 'en')).toBeNull();
  });
});
