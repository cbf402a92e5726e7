/**
 * The bridge exposed as `window.qcdc` (type `QcdcBridge` in renderer/src/lib/api.ts). It accepts only
 * contract channel and event names and never hands the page `ipcRenderer` or an IPC event object.
 * Pure and dependency-free: a sandboxed preload can require nothing but 'electron'.
 */
export const INVOKE_CHANNEL = 'qcdc:invoke';
export const EVENT_CHANNEL = 'qcdc:event';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface Bridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export function createBridge(ipc: IpcRendererLike, channelNames: readonly string[], eventNames: readonly string[]): Bridge {
  const channels = new Set(channelNames);
  const eventsAllowed = new Set(eventNames);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let attached = false;

  // One IPC listener for all events, attached lazily; page listeners get the payload only.
  const dispatch = (_event: unknown, name: unknown, payload: unknown) => {
    if (typeof name !== 'string') return;
    listeners.get(name)?.forEach((listener) => {
      try {
        listener(payload);
      } catch {
        /* a page listener's error must not stop the others */
      }
    });
  };

  return Object.freeze({
    invoke(channel: string, input: unknown): Promise<unknown> {
      if (typeof channel !== 'string' || !channels.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'UNKNOWN_CHANNEL', message: `Không có chức năng "${String(channel).slice(0, 80)}".` },
        });
      }
      return ipc.invoke(INVOKE_CHANNEL, channel, input);
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || !eventsAllowed.has(event) || typeof listener !== 'function') {
        return () => undefined;
      }
      if (!attached) {
        ipc.on(EVENT_CHANNEL, dispatch as (event: unknown, ...args: unknown[]) => void);
        attached = true;
      }
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
  });
}
