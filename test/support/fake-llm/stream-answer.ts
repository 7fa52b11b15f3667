import type { ServerResponse } from 'node:http';

export interface LatencyModel {
  /** Delay before the first token. */
  ttftMs: number;
  /** Completion speed; 0 = instantaneous. */
  tokensPerSecond: number;
}

export interface StreamedAnswer {
  id: string;
  model: string;
  created: number;
  content: string;
  /** The answer's length in tokens: it is sent as this many chunks, about one token each, as OpenAI does. */
  completionTokens: number;
  /** A reasoning model's thinking: time before the first chunk, at the latency model's pace. */
  reasoningTokens?: number;
  usage: Record<string, unknown>;
}

/** How the stream ended: every chunk sent, or the client went away first (a cancel). */
export interface StreamOutcome {
  chunksSent: number;
  cut: boolean;
}

/** What a misbehaving endpoint does to a stream (the fault suite's `stall`, `cut_stream`, `no_usage`). */
export interface StreamMisbehaviour {
  /** Falls silent after this many chunks, connection open, until the client gives up. */
  stallAfter?: number | null;
  /** Ends the answer after this many chunks: the socket reset, or (`cleanCut`) a quiet `[DONE]`. */
  cutAfter?: number | null;
  cleanCut?: boolean;
  /** Leaves out the usage chunk, as servers that ignore `stream_options` do. */
  noUsage?: boolean;
}

/** How often the fake writes the chunks due by then (a real endpoint flushes as tokens are ready). */
const TICK_MS = 20;

/** The answer split into `count` pieces of about equal length, never inside a character. */
function piecesOf(content: string, count: number): string[] {
  const chars = Array.from(content);
  const n = Math.max(1, Math.min(count, chars.length));
  return Array.from({ length: n }, (_, i) =>
    chars.slice(Math.floor((i * chars.length) / n), Math.floor(((i + 1) * chars.length) / n)).join(''),
  );
}

/**
 * An answer as OpenAI streams it (`stream: true`): server-sent events, one `chat.completion.chunk`
 * per token at the latency model's pace, a last chunk with `finish_reason`, the usage chunk
 * (`stream_options.include_usage`) and `[DONE]`. Stops writing the moment the client disconnects.
 */
export async function streamAnswer(
  res: ServerResponse,
  answer: StreamedAnswer,
  latency: LatencyModel,
  misbehave: StreamMisbehaviour = {},
): Promise<StreamOutcome> {
  const { stallAfter = null, cutAfter = null } = misbehave;
  let closed = false;
  res.on('close', () => (closed = !res.writableFinished));
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}): string =>
    `data: ${JSON.stringify({ id: answer.id, object: 'chat.completion.chunk', created: answer.created, model: answer.model, choices, ...extra })}\n\n`;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
  const pieces = piecesOf(answer.content, answer.completionTokens);
  const thinkingMs =
    latency.tokensPerSecond > 0 ? ((answer.reasoningTokens ?? 0) / latency.tokensPerSecond) * 1000 : 0;
  await new Promise((resolve) => setTimeout(resolve, latency.ttftMs + thinkingMs));
  const startedAt = Date.now();
  let sent = 0;
  while (sent < pieces.length) {
    if (closed) return { chunksSent: sent, cut: true };
    const due =
      latency.tokensPerSecond > 0
        ? Math.min(pieces.length, Math.floor(((Date.now() - startedAt) / 1000) * latency.tokensPerSecond))
        : pieces.length;
    let batch = '';
    const until = Math.min(due, stallAfter ?? due, cutAfter ?? due);
    for (; sent < until; sent += 1)
      batch += chunk([{ index: 0, delta: { content: pieces[sent] }, finish_reason: null }]);
    if (batch) res.write(batch);
    if (cutAfter !== null && sent >= cutAfter) {
      // What was written reaches the client before the cut (a reset drops unread data).
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
      if (misbehave.cleanCut) res.end('data: [DONE]\n\n');
      else res.destroy();
      return { chunksSent: sent, cut: true };
    }
    if (sent < pieces.length) await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  if (closed) return { chunksSent: sent, cut: true };
  res.write(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]));
  if (!misbehave.noUsage) res.write(chunk([], { usage: answer.usage }));
  res.end('data: [DONE]\n\n');
  return { chunksSent: sent, cut: false };
}
