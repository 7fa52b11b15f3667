import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { MongoClient } from 'mongodb';
import { FakeLlmServer } from '../support/fake-llm/server';
import { startTestBackend, type TestBackend } from '../support/mongo-backend';
import { REPO_ROOT, startCli, type RunningCli } from '../support/spawn-cli';

export const CHROMIUM = process.env['EDN_E2E_CHROMIUM'] ?? '/usr/bin/chromium';
export const SHOTS = join(REPO_ROOT, 'test-results/e2e-web');

/** Debian's Chromium, headless, quiet (no background traffic: this machine is offline). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export interface WebHarness {
  backend: TestBackend;
  llm: FakeLlmServer;
  cli: RunningCli;
  browser: Browser;
  page: Page;
  token: string;
  dbName: string;
  mongo: MongoClient;
  stop(): Promise<void>;
}

/**
 * Test MongoDB + fake LLM + built `edn360 serve` + Chromium with the coach signed in. `env`: more
 * settings for `edn360 serve` (e.g. its instance name).
 */
export async function startWebHarness(env: Record<string, string> = {}): Promise<WebHarness> {
  mkdirSync(SHOTS, { recursive: true });
  const backend = await startTestBackend();
  const llm = new FakeLlmServer({ ttftMs: 120, tokensPerSecond: 0 });
  await llm.start();
  const token = 'e2e-web-token-0123456789';
  const dbName = `e2e_web_${Date.now()}`;
  const cli = await startCli(['serve'], {
    EDN_DATA_DIR: mkdtempSync(join(tmpdir(), 'edn360-e2e-')),
    EDN_MONGO_URL: backend.uri,
    EDN_DB_NAME: dbName,
    EDN_API_PORT: '0',
    EDN_API_TOKEN: token,
    EDN_LLM_BASE_URL: llm.baseUrl,
    EDN_LLM_API_KEY: 'fake',
    EDN_LOG_LEVEL: 'warn',
    EDN_POLL_INTERVAL_MS: '200',
    EDN_HEARTBEAT_MS: '200',
    EDN_OFFLINE_BACKOFF_MS: '300',
    EDN_OFFLINE_BACKOFF_MAX_MS: '600',
    EDN_RETRY_BACKOFF_MS: '50',
    EDN_RETRY_BACKOFF_MAX_MS: '100',
    EDN_LLM_MAX_RETRIES: '0',
    ...env,
  });
  const mongo = await MongoClient.connect(backend.uri);
  const browser = await launchChromium();
  const context = await browser.newContext({
    locale: 'es-ES',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(cli.url);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('token-submit').click();
  await page.getByTestId('nav-clients').waitFor();
  return {
    backend,
    llm,
    cli,
    browser,
    page,
    token,
    dbName,
    mongo,
    async stop() {
      await browser.close().catch(() => undefined);
      await mongo.close().catch(() => undefined);
      await cli.stop().catch(() => undefined);
      await llm.stop().catch(() => undefined);
      await backend.stop().catch(() => undefined);
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
}

/**
 * A screenshot of the docs (`docs/screenshots/<folder>/<name>.png`), refreshed only when asked
 * (`EDN_DOC_SCREENSHOTS=1 npm run test:e2e`), so ordinary runs leave the working tree as it was;
 * always copied to test-results like any other shot.
 */
export async function docShot(page: Page, folder: string, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  if (process.env['EDN_DOC_SCREENSHOTS'] === '1') {
    const dir = join(REPO_ROOT, 'docs/screenshots', folder);
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
  }
  await shot(page, `${folder}-${name}`);
}

/**
 * A barbell chest exercise of the catalog: the fake LLM raises its sets past the weekly limit to
 * make E8 block a plan (TRN-06) in the browser tests.
 */
export function benchPressId(): string {
  const catalog = JSON.parse(
    readFileSync(join(REPO_ROOT, 'resources/exercise-catalog.json'), 'utf8'),
  ) as Array<{
    id: string;
    musculos_primarios: string[];
    material: string[];
  }>;
  return catalog.find((e) => e.musculos_primarios.includes('pecho') && e.material.includes('barra'))!.id;
}
