import { IPC_EVENT_CONTRACT, type IpcEventName, type IpcEventPayload } from '@shared/ipc-contract';
import type { Logger } from '../../log/logger';
import { RendererEventQueue, type EventTarget } from './renderer-event-queue';

/**
 * Main → renderer pushes to every window. Each payload is checked against the contract before it
 * leaves (what the preload hands the page is exactly what the contract says), then queued per
 * window until that window is ready.
 */
export class RendererEvents {
  private readonly windows = new Map<number, RendererEventQueue>();

  constructor(private readonly logger: Logger) {}

  attach(id: number, target: EventTarget): RendererEventQueue {
    const queue = new RendererEventQueue(target);
    this.windows.set(id, queue);
    return queue;
  }

  detach(id: number): void {
    this.windows.delete(id);
  }

  markReady(id: number): void {
    this.windows.get(id)?.markReady();
  }

  reset(id: number): void {
    this.windows.get(id)?.reset();
  }

  /** `key`: events with the same key coalesce while a window is not ready; null keeps every one. */
  broadcast<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>, key: string | null): void {
    const spec = IPC_EVENT_CONTRACT[event];
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) {
      this.logger.error(
        { event, issues: parsed.error.issues.slice(0, 5) },
        'event payload does not match the contract',
      );
      return;
    }
    for (const queue of this.windows.values())
      queue.send({ channel: spec.channel, payload: parsed.data, key });
  }
}
