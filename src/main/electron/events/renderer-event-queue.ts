/** The part of a webContents the queue sends through; tests pass a fake. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

export interface QueuedEvent {
  channel: string;
  payload: unknown;
  /** Events with the same key replace each other while queued (only the newest state matters); null never coalesces. */
  key: string | null;
}

/** Bound on what one window holds before it is ready; coalescing keeps it far below in practice. */
const MAX_QUEUED = 1_000;

/**
 * Events for one window, held until its renderer says it is ready (it has subscribed), then sent in
 * order. Without this, progress pushed while React mounts would be lost (Podman Desktop's
 * `getApiSender` solves the same problem). A reload makes the window "not ready" again.
 */
export class RendererEventQueue {
  private ready = false;
  private readonly queued = new Map<string, QueuedEvent>();
  private sequence = 0;

  constructor(
    private readonly target: EventTarget,
    private readonly maxQueued = MAX_QUEUED,
  ) {}

  get isReady(): boolean {
    return this.ready;
  }

  get size(): number {
    return this.queued.size;
  }

  send(event: QueuedEvent): void {
    if (this.target.isDestroyed()) return;
    if (this.ready) {
      this.target.send(event.channel, event.payload);
      return;
    }
    const key = event.key ?? `#${this.sequence++}`;
    // Delete first so a replacement moves to the end: the newest state must arrive after older ones.
    this.queued.delete(key);
    this.queued.set(key, event);
    if (this.queued.size > this.maxQueued) {
      const oldest = this.queued.keys().next().value;
      if (oldest !== undefined) this.queued.delete(oldest);
    }
  }

  markReady(): void {
    this.ready = true;
    const events = [...this.queued.values()];
    this.queued.clear();
    for (const event of events) {
      if (this.target.isDestroyed()) return;
      this.target.send(event.channel, event.payload);
    }
  }

  /** The page is loading again: hold events until the new page subscribes. */
  reset(): void {
    this.ready = false;
  }
}
