/** A minimal Server-Sent Events reader over fetch, for the SSE tests (Node has no EventSource). */
export interface SseMessage {
  event: string;
  data: string;
}

export interface SseConnection {
  /** Resolves when the server ends the stream, with every message received. */
  done: Promise<SseMessage[]>;
  messages: SseMessage[];
  /** Raw text received, comments (heartbeats) included. */
  raw: () => string;
  abort(): void;
}

export async function openSse(url: string): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) {
    throw new Error(`SSE ${url} → ${response.status}: ${await response.text()}`);
  }
  const messages: SseMessage[] = [];
  let raw = '';
  let buffer = '';
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        buffer += text;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) messages.push({ event, data });
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    return messages;
  })();
  return { done, messages, raw: () => raw, abort: () => controller.abort() };
}
