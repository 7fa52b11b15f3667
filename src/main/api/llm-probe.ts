import type { LlmHealth } from '@shared/api';

/** Where the `openai` SDK goes when no endpoint is configured (README.md "Configuration": OpenAI's). */
export const DEFAULT_LLM_BASE_URL = 'https://api.openai.com/v1';

export interface LlmSettings {
  baseUrl: string | null;
  apiKey: string | null;
}

export interface ProbeResult {
  reachable: boolean;
  /** HTTP status of the answer; any answer (even 401/404) means the endpoint is there. */
  httpStatus: number | null;
  latencyMs: number | null;
  error: string | null;
}

/**
 * One quick GET to `<base>/models`: enough to know whether the endpoint answers at all (DNS,
 * network, server up). /health never sends the key, so nothing can leak through it; `edn360 doctor`
 * passes it (`apiKey`) to the endpoint the jobs use anyway, to learn whether it is accepted.
 */
export async function probeEndpoint(
  baseUrl: string,
  timeoutMs: number,
  apiKey: string | null = null,
): Promise<ProbeResult> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/models`, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      ...(apiKey ? { headers: { authorization: `Bearer ${apiKey}` } } : {}),
    });
    await response.body?.cancel();
    return {
      reachable: true,
      httpStatus: response.status,
      latencyMs: Math.round(performance.now() - started),
      error: null,
    };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? `sin respuesta en ${timeoutMs} ms`
        : (cause ?? (error instanceof Error ? error.message : String(error)));
    return { reachable: false, httpStatus: null, latencyMs: null, error: message };
  }
}

/** What /health reports about the LLM endpoint: reachability and whether a key exists, never the key. */
export async function llmHealth(settings: LlmSettings, timeoutMs: number): Promise<LlmHealth> {
  const endpoint = settings.baseUrl ? 'custom' : 'default';
  const api_key_configured = Boolean(settings.apiKey);
  if (!settings.baseUrl && !settings.apiKey) {
    return { status: 'not_configured', endpoint, api_key_configured, latency_ms: null, error: null };
  }
  const probe = await probeEndpoint(settings.baseUrl ?? DEFAULT_LLM_BASE_URL, timeoutMs);
  return {
    status: probe.reachable ? 'reachable' : 'unreachable',
    endpoint,
    api_key_configured,
    latency_ms: probe.latencyMs,
    error: probe.error,
  };
}

/** /health is public and may be polled: one probe per interval at most, shared by concurrent callers. */
export function cachedLlmHealth(
  settings: LlmSettings,
  options: { timeoutMs: number; ttlMs: number },
): () => Promise<LlmHealth> {
  let cached: { at: number; value: Promise<LlmHealth> } | null = null;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > options.ttlMs) {
      cached = { at: now, value: llmHealth(settings, options.timeoutMs) };
    }
    return cached.value;
  };
}
