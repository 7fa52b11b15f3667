/** A Server-Sent Events reader that stamps each message with its arrival time (Date.now()). */
export interface TimedSseMessage {
  event: string;
  data: string;
  receivedAt: number;
}

export interface TimedSse {
  messages: TimedSseMessage[];
  /** Resolves when the server ends the stream. */
  done: Promise<TimedSseMessage[]>;
  abort(): void;
}

export async function openTimedSse(url: string, onMessage?: (m: TimedSseMessage) => void): Promise<TimedSse> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) throw new Error(`SSE ${url} → ${response.status}`);
  const messages: TimedSseMessage[] = [];
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        // Stamp on arrival of the chunk, before parsing: parsing is the reader's cost, not the server's.
        const receivedAt = Date.now();
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) {
            const message = { event, data, receivedAt };
            messages.push(message);
            onMessage?.(message);
          }
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    }
    return messages;
  })();
  return { messages, done, abort: () => controller.abort() };
}
