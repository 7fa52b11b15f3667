import type OpenAI from 'openai';
import { APIError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ZodType } from 'zod';
import { JobFailure } from '../job-errors';
import { backoffDelay } from '../../util/backoff';
import { classifyLlmError } from '../llm-errors';
import { abortableSleep } from '../../util/abortable-sleep';
import { streamCompletion } from './stream-completion';

export interface CallUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
}

export interface StructuredCallOptions<T> {
  client: OpenAI;
  model: string;
  /** Names the response format (`edn360_<agent>`): providers and our fake route on it. */
  schemaName: string;
  schema: ZodType<T>;
  messages: ChatCompletionMessageParam[];
  signal: AbortSignal;
  /** Checks zod cannot express (catalog ids, sums); returned messages go back to the model. */
  validate?: (output: T) => string[];
  /** Each transient-failure retry is reported here (the job's execution_log). */
  onRetry?: (message: string) => Promise<void> | void;
  maxRetries?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  timeoutMs?: number;
  /**
   * Tokens received so far (content chunks, about one token each), over every request of the call:
   * the job's progress within the agent while the answer streams in.
   */
  onTokens?: (received: number) => void;
}

/** Longest silence in a streamed answer when no timeout is configured. */
const DEFAULT_IDLE_MS = 120_000;

export interface StructuredCallResult<T> {
  output: T;
  usage: CallUsage;
  model: string;
  repaired: boolean;
  retries: number;
}

/** `Retry-After` (seconds or an HTTP date) or `retry-after-ms`, capped so a bad header cannot stall a job. */
export function retryAfterMs(error: unknown, capMs: number): number | null {
  if (!(error instanceof APIError) || !error.headers) return null;
  const ms = Number(error.headers.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return Math.min(ms, capMs);
  const raw = error.headers.get('retry-after');
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.min(Math.max(0, seconds * 1000), capMs);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.min(Math.max(0, date - Date.now()), capMs);
}

/**
 * A server that ignores `stream_options` sends no usage: what was sent and received is still paid
 * for, so it is estimated (about 4 characters per prompt token, one token per content chunk)
 * rather than counted as 0 and priced as free.
 */
function estimatedUsage(
  messages: readonly ChatCompletionMessageParam[],
  chunks: number,
): OpenAI.CompletionUsage {
  const prompt = Math.ceil(JSON.stringify(messages).length / 4);
  return { prompt_tokens: prompt, completion_tokens: chunks, total_tokens: prompt + chunks };
}

function addUsage(total: CallUsage, usage: OpenAI.CompletionUsage | undefined): void {
  if (!usage) return;
  total.prompt_tokens += usage.prompt_tokens;
  total.completion_tokens += usage.completion_tokens;
  total.total_tokens += usage.total_tokens;
  total.cached_tokens += usage.prompt_tokens_details?.cached_tokens ?? 0;
  total.reasoning_tokens += usage.completion_tokens_details?.reasoning_tokens ?? 0;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function parseOutput<T>(
  content: string | null | undefined,
  schema: ZodType<T>,
  validate?: (o: T) => string[],
): Parsed<T> {
  if (!content) return { ok: false, problems: ['respuesta vacía'] };
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return {
      ok: false,
      problems: [`JSON mal formado: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.slice(0, 15).map((i) => `${i.path.join('.') || '(raíz)'}: ${i.message}`),
    };
  }
  const extra = validate?.(result.data) ?? [];
  return extra.length > 0 ? { ok: false, problems: extra } : { ok: true, value: result.data };
}

/**
 * One agent's LLM call with a strict JSON-schema response format, streamed (stream-completion.ts),
 * validated with zod once complete. A malformed or
 * schema-violating answer gets ONE repair round that sends the problems back; transient errors
 * (429, 5xx, timeouts) are retried with exponential backoff and jitter, honouring `Retry-After`.
 * Token usage adds up across every request made, since every request is paid for.
 */
export async function callStructured<T>(options: StructuredCallOptions<T>): Promise<StructuredCallResult<T>> {
  const usage: CallUsage = {
    prompt_tokens: 0,
    completion_tokens: 0,
    total_tokens: 0,
    cached_tokens: 0,
    reasoning_tokens: 0,
  };
  const maxRetries = options.maxRetries ?? 4;
  const baseMs = options.retryBaseMs ?? 1_000;
  const maxMs = options.retryMaxMs ?? 30_000;
  let retries = 0;
  let model = options.model;
  // Over every request of this call (a repair round writes the answer again): the agent's progress.
  let received = 0;

  const request = async (messages: ChatCompletionMessageParam[]): Promise<string | null> => {
    for (;;) {
      // Chunks of this request so far: a stream cut half-way was still paid for.
      let streamed = 0;
      try {
        const completion = await streamCompletion(
          options.client,
          {
            model: options.model,
            messages,
            response_format: zodResponseFormat(options.schema, options.schemaName),
          },
          {
            signal: options.signal,
            ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
            idleMs: options.timeoutMs ?? DEFAULT_IDLE_MS,
            onChunk: (chunks) => {
              streamed = chunks;
              options.onTokens?.(received + chunks);
            },
          },
        );
        received += completion.chunks;
        addUsage(usage, completion.usage ?? estimatedUsage(messages, completion.chunks));
        model = completion.model || model;
        return completion.content;
      } catch (error) {
        // The provider bills the prompt and what it sent before the cut; it sends no usage for it.
        if (streamed > 0) addUsage(usage, estimatedUsage(messages, streamed));
        const classified = classifyLlmError(error);
        if (
          !(classified instanceof JobFailure) ||
          !classified.transient ||
          classified.reason === 'llm_unavailable'
        ) {
          throw classified;
        }
        if (retries >= maxRetries) throw classified;
        retries += 1;
        const delay = retryAfterMs(error, maxMs) ?? backoffDelay(retries, baseMs, maxMs);
        await options.onRetry?.(
          `${classified.message}; reintento ${retries}/${maxRetries} en ${Math.round(delay)} ms`,
        );
        await abortableSleep(delay, options.signal);
      }
    }
  };

  const first = await request(options.messages);
  const parsed = parseOutput(first, options.schema, options.validate);
  if (parsed.ok) return { output: parsed.value, usage, model, repaired: false, retries };

  await options.onRetry?.(`Salida no válida (${parsed.problems.length} problemas); ronda de reparación`);
  const repairMessages: ChatCompletionMessageParam[] = [
    ...options.messages,
    { role: 'assistant', content: first ?? '' },
    {
      role: 'user',
      content: `Tu respuesta no cumple el formato pedido:\n- ${parsed.problems.join('\n- ')}\nDevuelve el JSON completo corregido, sin texto adicional.`,
    },
  ];
  const second = await request(repairMessages);
  const repaired = parseOutput(second, options.schema, options.validate);
  if (repaired.ok) return { output: repaired.value, usage, model, repaired: true, retries };
  throw new JobFailure(
    'invalid_output',
    `El agente devolvió una salida no válida incluso tras la reparación: ${repaired.problems.slice(0, 5).join('; ')}`,
    true,
  );
}
