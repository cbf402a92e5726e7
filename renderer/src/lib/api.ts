import {
  decodeWire,
  encodeWire,
  type AppErrorShape,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type Envelope,
  type EventName,
  type EventPayload,
} from '../../../shared/contract';

/** What the preload exposes (electron/preload): contract channels only, never a raw ipcRenderer. */
export interface QcdcBridge {
  invoke(channel: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    qcdc?: QcdcBridge;
  }
}

/** An error envelope turned into an exception for react-query; `message` is Vietnamese. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly fields: Record<string, string>;
  constructor(error: AppErrorShape) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

const TOKEN_KEY = 'qcdc.harnessToken';

/** The harness prints a URL with ?token=…: keep it for this tab and take it out of the address bar. */
function harnessToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export type Transport = 'electron' | 'harness';

export function currentTransport(): Transport {
  return typeof window !== 'undefined' && window.qcdc ? 'electron' : 'harness';
}

async function invokeHarness(channel: string, input: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${harnessToken()}` },
      body: encodeWire(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'Không kết nối được với máy chủ cục bộ của QCDC Desk.' } };
  }
  const text = await response.text();
  try {
    return decodeWire(text) as Envelope<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `Máy chủ trả lời không hợp lệ (mã ${response.status}).` } };
  }
}

/** Raw call: always resolves to an envelope. */
export function invokeRaw<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
  const bridge = typeof window !== 'undefined' ? window.qcdc : undefined;
  const pending = bridge ? bridge.invoke(channel, input) : invokeHarness(channel, input);
  return pending as Promise<Envelope<ChannelOutput<C>>>;
}

/** The one typed function the UI calls the main process with; throws `ApiError` on an error envelope. */
export async function api<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await invokeRaw(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}

type Listener = (payload: unknown) => void;
const harnessListeners = new Map<string, Set<Listener>>();
let eventStream: Promise<void> | null = null;

/** One Server-Sent Events block (`event: name` / `data: …` lines) handed to its listeners. */
function dispatchEventBlock(block: string): void {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return;
  const payload = decodeWire(data.join('\n'));
  harnessListeners.get(name)?.forEach((l) => l(payload));
}

/**
 * The harness's event stream, read with fetch so the token travels in the Authorization header:
 * EventSource cannot send headers, and the harness no longer accepts `?token=` (a token in a URL
 * leaks into logs and lets a foreign page's `<img>` carry it). Reconnects after a pause when the
 * stream ends (the harness restarted).
 */
function ensureEventStream(): void {
  if (eventStream || typeof fetch === 'undefined' || typeof TextDecoder === 'undefined') return;
  const run = async (): Promise<void> => {
    for (;;) {
      try {
        const response = await fetch('/events', { headers: { authorization: `Bearer ${harnessToken()}`, accept: 'text/event-stream' } });
        const reader = response.ok ? response.body?.getReader() : undefined;
        if (reader) {
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
            let end = buffer.indexOf('\n\n');
            while (end >= 0) {
              dispatchEventBlock(buffer.slice(0, end));
              buffer = buffer.slice(end + 2);
              end = buffer.indexOf('\n\n');
            }
          }
        }
      } catch {
        /* the harness is gone for now: try again below */
      }
      await new Promise((resolve) => setTimeout(resolve, 3000));
    }
  };
  eventStream = run();
}

/** Subscribes to a main-process event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  const bridge = typeof window !== 'undefined' ? window.qcdc : undefined;
  if (bridge) return bridge.on(name, listener as Listener);
  ensureEventStream();
  const set = harnessListeners.get(name) ?? new Set<Listener>();
  set.add(listener as Listener);
  harnessListeners.set(name, set);
  return () => set.delete(listener as Listener);
}

/** A fresh id for a long job, so the caller can cancel it and follow its progress. */
export function newJobId(): string {
  return `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
