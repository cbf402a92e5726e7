import type { EventName, EventPayload } from '../../shared/contract';

type Listener = (name: EventName, payload: unknown) => void;

/** Events from core to whatever transport is attached (IPC webContents.send, harness SSE). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        /* a broken transport must not break the job that emits */
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
