import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBridge, EVENT_CHANNEL, INVOKE_CHANNEL } from '../../electron/preload/bridge';
import { contextBridge, ipcRenderer, resetFakeElectron } from './fake-electron';

const CHANNELS = ['settings.get', 'settings.update'];
const EVENTS = ['job.progress', 'app.notify'];

function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  return {
    invoked: [] as unknown[][],
    listeners,
    async invoke(...args: unknown[]) {
      this.invoked.push(args);
      return { ok: true, data: 'from main' };
    },
    on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
      listeners.get(channel)?.delete(listener);
    },
    emit(channel: string, ...args: unknown[]) {
      listeners.get(channel)?.forEach((l) => l({ sender: 'ipc event object' }, ...args));
    },
  };
}

describe('preload bridge', () => {
  it('forwards contract channels to the single invoke channel', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc, CHANNELS, EVENTS);
    expect(await bridge.invoke('settings.get', {})).toEqual({ ok: true, data: 'from main' });
    expect(ipc.invoked).toEqual([[INVOKE_CHANNEL, 'settings.get', {}]]);
  });

  it('refuses anything that is not a contract channel without touching IPC', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc, CHANNELS, EVENTS);
    for (const name of ['qcdc:invoke', 'qcdc:event', 'settings', '__proto__', 'constructor', 'toString', '']) {
      expect(await bridge.invoke(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(await bridge.invoke(42 as unknown as string, {})).toMatchObject({ ok: false });
    expect(ipc.invoked).toEqual([]);
  });

  it('delivers only contract events, payload only, and unsubscribes', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc, CHANNELS, EVENTS);
    const got: unknown[] = [];
    const off = bridge.on('job.progress', (payload) => got.push(payload));
    const ignored = bridge.on('not.an.event', (payload) => got.push(['wrong', payload]));
    ipc.emit(EVENT_CHANNEL, 'job.progress', { done: 1 });
    ipc.emit(EVENT_CHANNEL, 'not.an.event', { done: 2 });
    ipc.emit('other-channel', 'job.progress', { done: 3 });
    expect(got).toEqual([{ done: 1 }]);
    off();
    ignored();
    ipc.emit(EVENT_CHANNEL, 'job.progress', { done: 4 });
    expect(got).toEqual([{ done: 1 }]);
    expect(ipc.listeners.get(EVENT_CHANNEL)?.size).toBe(1); // one IPC listener however many subscribers
  });

  it('never exposes ipcRenderer: only invoke and on, frozen', () => {
    const bridge = createBridge(fakeIpc(), CHANNELS, EVENTS);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
  });
});

describe('preload entry', () => {
  beforeEach(() => resetFakeElectron('/tmp/qcdc-preload-test'));

  it('exposes window.qcdc with the channel list baked in at build time', async () => {
    vi.stubGlobal('__QCDC_CHANNELS__', CHANNELS);
    vi.stubGlobal('__QCDC_EVENTS__', EVENTS);
    await import('../../electron/preload/index');
    const api = contextBridge.exposed.get('qcdc') as { invoke(c: string, i: unknown): Promise<unknown> };
    expect([...contextBridge.exposed.keys()]).toEqual(['qcdc']);
    await api.invoke('settings.get', {});
    await api.invoke('evil.channel', {});
    expect(ipcRenderer.invoked).toEqual([[INVOKE_CHANNEL, 'settings.get', {}]]);
    vi.unstubAllGlobals();
  });
});

describe('built preload (out/preload/index.cjs, made by `npm test`)', async () => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { channelNames, events } = await import('../../shared/contract');
  const file = path.resolve(__dirname, '../../out/preload/index.cjs');
  // Checked only against a build newer than its sources (always so under `npm test`, which builds first).
  const newest = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs))
      .reduce((a, b) => Math.max(a, b), 0);
  const fresh =
    fs.existsSync(file) &&
    fs.statSync(file).mtimeMs >= Math.max(newest(path.resolve(__dirname, '../../electron/preload')), newest(path.resolve(__dirname, '../../shared')));
  it.skipIf(!fresh)('requires nothing but electron and carries every contract channel', () => {
    const code = fs.readFileSync(file, 'utf8');
    const requires = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*import\s/m); // CommonJS, as sandboxed preloads must be
    for (const name of [...channelNames, ...Object.keys(events)]) expect(code, name).toContain(`"${name}"`);
  });
});
