import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { shot, startElectronHarness, type ElectronHarness } from './harness';

/*
 * The desktop app end to end (Playwright-Electron): real Electron main process, preload bridge,
 * utilityProcess worker and renderer, against a test MongoDB and the fake LLM. Selectors are the
 * data-testids listed in test/e2e-electron/README.md.
 */
let h: ElectronHarness;
let page: Page;

beforeAll(async () => {
  h = await startElectronHarness();
  page = h.page;
});
afterAll(async () => {
  await h?.stop();
});

async function pick(testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function createClientWithQuestionnaire(name: string): Promise<void> {
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('client-new').click();
  await page.getByTestId('client-name').fill(name);
  await page.getByTestId('client-save').click();
  await page.getByTestId('client-title').waitFor();
  await page.getByTestId('questionnaire-new').click();
  await page.getByTestId('q-fecha_nacimiento').fill('1990-04-12');
  await pick('q-sexo', 'Mujer');
  await page.getByTestId('q-peso').fill('62');
  await page.getByTestId('q-altura_cm').fill('165');
  await page.getByTestId('q-objetivo_fisico').fill('Perder grasa y ganar fuerza');
  await pick('q-nivel_experiencia', 'Intermedio');
  await page.getByTestId('q-dias_disponibles').fill('3');
  await page.getByTestId('q-duracion_sesion_min').fill('60');
  await page.getByTestId('questionnaire-submit').click();
  await page.getByTestId('questionnaires-table').waitFor();
}

async function startGeneration(type: string): Promise<void> {
  await page.getByTestId('generate-open').click();
  await page.getByText(type, { exact: true }).click();
  await page.getByTestId('generate-start').click();
  await page.getByTestId('generation-progress-modal').getByTestId('progress-percentage').waitFor();
}

function percentage(): Promise<number> {
  return page
    .getByTestId('generation-progress-modal')
    .getByTestId('progress-percentage')
    .textContent()
    .then((text) => Number.parseFloat((text ?? '0').replace(',', '.')));
}

describe('desktop app (Playwright-Electron)', () => {
  it('gives the page no Node, no eval (CSP) and only the bridge', async () => {
    const page_ = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown> & { edn360?: Record<string, unknown> };
      let evalBlocked = false;
      try {
        // The CSP (script-src 'self', no 'unsafe-eval') must refuse this.
        new Function('return 1')();
      } catch {
        evalBlocked = true;
      }
      return {
        require: typeof g['require'],
        process: typeof g['process'],
        bridge: typeof g.edn360?.['on'],
        ipcRenderer: typeof g.edn360?.['ipcRenderer'],
        evalBlocked,
      };
    });
    expect(page_).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: 'function',
      ipcRenderer: 'undefined',
      evalBlocked: true,
    });
    const windows = await h.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
    expect(windows).toBe(1);
  });

  it('creates a client, fills the questionnaire, generates a full plan and opens it', async () => {
    await createClientWithQuestionnaire('Laura Gómez Ruiz');
    await startGeneration('Completo (entrenamiento + nutrición)');
    const modal = page.getByTestId('generation-progress-modal');
    await shot(page, 'generation-progress');
    // Done: the plan opens, the modal steps aside and a closable notice says the plan is ready.
    await page.getByTestId('plan-screen').waitFor({ timeout: 120_000 });
    await modal.waitFor({ state: 'detached' });
    await page.getByTestId('generation-done-notice').waitFor();
    await page.getByTestId('training-plan').waitFor();
    await shot(page, 'plan');
  });

  it('survives a worker crash mid-job: the worker restarts and the job still completes', async () => {
    const before = await h.workerOverview();
    const pid = before.worker?.pid;
    expect(before.worker?.state).toBe('running');
    expect(pid).toBeTypeOf('number');

    h.llm.setLatency({ ttftMs: 1_500, tokensPerSecond: 0 });
    await createClientWithQuestionnaire('Marta Crash');
    await startGeneration('Entrenamiento');
    await expect.poll(percentage, { timeout: 60_000 }).toBeGreaterThan(0);

    process.kill(pid!, 'SIGKILL');
    h.llm.setLatency({ ttftMs: 60, tokensPerSecond: 0 });

    // The window stays alive and answers; the supervisor restarts the worker with a new pid.
    await expect
      .poll(
        async () => {
          const now = await h.workerOverview();
          return now.worker?.state === 'running' && now.worker.pid !== pid && now.worker.restarts >= 1;
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    const after = await h.workerOverview();
    expect(after.worker?.last_exit).not.toBeNull();
    // The lease of the killed worker expires; the new worker resumes the job from its last agent.
    await page.getByTestId('plan-screen').waitFor({ timeout: 120_000 });
    await page.getByTestId('generation-done-notice').waitFor();
    await shot(page, 'after-worker-crash');
  });
});
