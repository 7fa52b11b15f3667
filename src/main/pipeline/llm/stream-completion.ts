import { APIError, APIUserAbortError, type OpenAI } from 'openai';
import type { ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import { JobFailure } from '../job-errors';

export interface StreamedCompletion {
  content: string | null;
  /** The endpoint's usage chunk (`stream_options.include_usage`); null when it sent none. */
  usage: OpenAI.CompletionUsage | null;
  model: string | null;
  /** Content chunks received: providers send about one token per chunk. */
  chunks: number;
}

export interface StreamOptions {
  signal: AbortSignal;
  /** Time allowed until the response starts (the SDK's own timeout). */
  timeoutMs?: number;
  /**
   * Longest silence allowed once the answer has started. The SDK's timeout stops at the response
   * headers, so without this a stream that stalls half-way would hold the agent forever.
   */
  idleMs: number;
  /** After each content chunk, with the count so far (progress within an agent, issue #19 point 3). */
  onChunk?: (chunks: number) => void;
}

/**
 * One chat completion, streamed: the answer arrives chunk by chunk so the job can show progress
 * while the model writes (docs/ARCHITECTURE.md "Progress within an agent"). Aborting `signal`
 * (cancel, watchdog, shutdown) cuts the stream at once and rethrows the SDK's abort error; a
 * stream that falls silent for `idleMs` fails as a transient `llm_error`, which the caller retries.
 */
export async function streamCompletion(
  client: OpenAI,
  params: Omit<ChatCompletionCreateParamsStreaming, 'stream' | 'stream_options'>,
  options: StreamOptions,
): Promise<StreamedCompletion> {
  const controller = new AbortController();
  const forward = (): void => controller.abort(options.signal.reason);
  if (options.signal.aborted) forward();
  options.signal.addEventListener('abort', forward, { once: true });
  let silent = false;
  let timer: NodeJS.Timeout | undefined;
  const watch = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      silent = true;
      controller.abort();
    }, options.idleMs);
  };
  const result: StreamedCompletion = { content: null, usage: null, model: null, chunks: 0 };
  let finished = false;
  try {
    // Errors before the answer starts (unreachable, 429, 5xx, the SDK's timeout) are the SDK's own,
    // classified by the caller as for any request.
    const stream = await client.chat.completions.create(
      { ...params, stream: true, stream_options: { include_usage: true } },
      { signal: controller.signal, ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}) },
    );
    watch();
    try {
      for await (const chunk of stream) {
        watch();
        if (chunk.model) result.model = chunk.model;
        if (chunk.usage) result.usage = chunk.usage;
        const choice = chunk.choices?.[0];
        if (choice?.finish_reason) finished = true;
        const delta = choice?.delta?.content;
        if (!delta) continue;
        result.content = (result.content ?? '') + delta;
        result.chunks += 1;
        options.onChunk?.(result.chunks);
      }
    } catch (error) {
      // An abort, or an error the endpoint sent inside the stream (the caller classifies it as any
      // API error: a refusal is not retried).
      if (controller.signal.aborted || error instanceof APIError) throw error;
      // Half an answer lost in transport (a reset connection): retried like a 5xx.
      throw new JobFailure('llm_error', 'El servicio de IA cortó la respuesta a mitad', true, {
        cause: error,
      });
    }
    // The SDK ends the iteration quietly when its signal aborts: a cut answer must not pass for a
    // complete one (it would go to the repair round, or worse, be parsed).
    if (controller.signal.aborted) throw new APIUserAbortError();
    // A connection closed before the last chunk also ends it quietly: the answer is incomplete.
    if (!finished)
      throw new JobFailure('llm_error', 'La respuesta del servicio de IA llegó incompleta', true);
    return result;
  } catch (error) {
    if (silent && !options.signal.aborted) {
      throw new JobFailure(
        'llm_error',
        `El servicio de IA dejó de enviar la respuesta a mitad (${Math.round(options.idleMs / 1000)} s sin datos)`,
        true,
        { cause: error },
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', forward);
  }
}
