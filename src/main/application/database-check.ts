import type { DatabaseTestResult } from '@shared/ipc-contract';
import { connectClient, type DatabaseHandle } from '../db/connect';
import { redactMongoUrl } from '../db/errors';

const TEST_TIMEOUT_MS = 5_000;

/**
 * Pings a MongoDB without changing anything: the URL typed in Ajustes before saving it, or the
 * database in use. The answer never contains credentials.
 */
export async function testDatabaseConnection(
  database: Pick<DatabaseHandle, 'client' | 'displayUrl'> | null,
  url?: string | null,
): Promise<DatabaseTestResult> {
  const started = Date.now();
  if (!url) {
    if (!database)
      return { ok: false, latency_ms: null, url: '', message: 'La base de datos aún no está conectada.' };
    const display = database.displayUrl;
    try {
      await database.client.db('admin').command({ ping: 1 });
      return { ok: true, latency_ms: Date.now() - started, url: display, message: 'MongoDB responde.' };
    } catch (error) {
      return { ok: false, latency_ms: null, url: display, message: describe(error) };
    }
  }
  try {
    const client = await connectClient(url, TEST_TIMEOUT_MS);
    const latency = Date.now() - started;
    await client.close().catch(() => undefined);
    return { ok: true, latency_ms: latency, url: redactMongoUrl(url), message: 'MongoDB responde.' };
  } catch (error) {
    return { ok: false, latency_ms: null, url: redactMongoUrl(url), message: describe(error) };
  }
}

function describe(error: unknown): string {
  // connectClient's message already names the (redacted) URL and what to check.
  return error instanceof Error ? error.message : String(error);
}
