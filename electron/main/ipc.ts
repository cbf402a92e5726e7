import type { Envelope } from '../../shared/contract';
import type { Invoke } from '../core/registry';
import type { EventBus } from '../core/events';
import type { Logger } from '../core/log';

import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/bridge';

/** The two IPC channel names the preload uses (one definition, in the preload); nothing else is listened to. */
export { EVENT_CHANNEL, INVOKE_CHANNEL };

/** What we read of an IPC event's sender frame. */
export interface SenderFrameLike {
  url: string;
  /** `null` for a top-level frame. */
  parent?: SenderFrameLike | null;
  processId?: number;
  routingId?: number;
}

export interface InvokeEventLike {
  senderFrame: SenderFrameLike | null;
  sender?: unknown;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface TrustedWindow {
  /** The webContents of the main window. */
  contents: unknown;
  /** Its main (top) frame. */
  mainFrame: SenderFrameLike;
}

function sameFrame(a: SenderFrameLike, b: SenderFrameLike): boolean {
  if (a === b) return true;
  // WebFrameMain wrappers are normally cached, but compare the frame's ids too rather than rely on it.
  return a.processId !== undefined && a.routingId !== undefined && a.processId === b.processId && a.routingId === b.routingId;
}

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của QCDC Desk nên bị từ chối.' },
};

function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // `new URL('app://qcdc/x').origin` is "null" for non-special schemes: build it ourselves.
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/**
 * Only the main window's top frame, showing our own origin, may call the core. An iframe, a page
 * that somehow navigated away, or another webContents gets a FORBIDDEN envelope.
 */
export function isTrustedSender(event: InvokeEventLike, window: TrustedWindow | null, allowedOrigins: readonly string[]): boolean {
  if (!window) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  if (event.sender !== undefined && event.sender !== window.contents) return false;
  if (frame.parent) return false; // an iframe, even one of ours
  if (!sameFrame(frame, window.mainFrame)) return false;
  const origin = originOf(frame.url);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * Binds the registry to `ipcMain.handle(INVOKE_CHANNEL)`. Errors never cross as exceptions: the
 * invoker always answers with an envelope, and anything thrown here becomes an INTERNAL envelope.
 */
export function bindRegistry(options: {
  ipcMain: IpcMainLike;
  invoke: Invoke;
  window: () => TrustedWindow | null;
  allowedOrigins: readonly string[];
  log: Logger;
}): () => void {
  const { ipcMain, invoke, log } = options;
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel, input) => {
    if (!isTrustedSender(event, options.window(), options.allowedOrigins)) {
      log.warn('IPC call from an untrusted sender refused', {
        channel: typeof channel === 'string' ? channel.slice(0, 80) : typeof channel,
        url: event.senderFrame?.url?.slice(0, 200) ?? null,
      });
      return FORBIDDEN;
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'Tên chức năng không hợp lệ.' } };
    }
    try {
      return await invoke(channel, input);
    } catch (err) {
      log.error(`IPC ${channel} failed outside the registry`, err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn; chi tiết đã được ghi vào nhật ký.' } };
    }
  });
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Forwards core events (job progress, notifications) to the main window. */
export function forwardEvents(events: EventBus, target: () => EventTarget | null): () => void {
  return events.subscribe((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
}
