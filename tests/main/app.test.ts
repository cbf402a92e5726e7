import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as electron from 'electron';
import { startApp, type ElectronApi, type RunningApp } from '../../electron/main/app';
import { INVOKE_CHANNEL, EVENT_CHANNEL } from '../../electron/main/ipc';
import { silentLogger } from '../../electron/core/log';
import { channelNames, type Envelope } from '../../shared/contract';
import { DEFAULT_PROFILE } from '../../shared/schemas/settings';
import { tempDir } from './tmp';
import { BrowserWindow, FakeFrame, app, dialog, fakeEvent, ipcMain, protocol, resetFakeElectron, session, shell, type FakeWebContents } from './fake-electron';

const fake = electron as unknown as ElectronApi;

let root: string;
let running: RunningApp | null;

async function boot(env: Record<string, string> = {}): Promise<RunningApp> {
  const result = await startApp({
    electron: fake,
    mainDir: path.join(root, 'out', 'main'),
    env: { QCDC_DATA_DIR: path.join(root, 'data'), ...env },
    createLogger: () => silentLogger,
    platform: 'win32',
  });
  if (!result) throw new Error('app did not start');
  running = result;
  return result;
}

function mainWindow(): BrowserWindow {
  const win = BrowserWindow.instances[0];
  if (!win) throw new Error('no window');
  return win;
}

/** An IPC event as Electron builds it for a call from `frame` of `sender`. */
function ipcEvent(frame: FakeFrame | null, sender: FakeWebContents = mainWindow().webContents) {
  return { senderFrame: frame, sender };
}

async function call(event: unknown, channel: unknown, input: unknown): Promise<Envelope<unknown>> {
  const handler = ipcMain.handlers.get(INVOKE_CHANNEL);
  if (!handler) throw new Error('no IPC handler');
  return (await handler(event, channel, input)) as Envelope<unknown>;
}

const trusted = () => ipcEvent(mainWindow().webContents.mainFrame);

beforeEach(() => {
  root = tempDir('qcdc-main-');
  running = null;
  resetFakeElectron(path.join(root, 'userData'));
});

afterEach(async () => {
  if (running && !running.quitting()) app.quit();
  await running?.quitting();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('Electron main: start-up', () => {
  it('creates the window with the full security policy in its web preferences', async () => {
    await boot();
    expect(BrowserWindow.instances).toHaveLength(1);
    const prefs = mainWindow().options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual({
      preload: path.join(root, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(mainWindow().options.title).toBe('QCDC Desk');
    expect(app.appUserModelId).toBe('vn.qcdc.desk'); // Windows notifications need it (same as appId)
    expect(mainWindow().options.show).toBe(false);
  });

  it('loads the renderer from the privileged app:// scheme, not file://', async () => {
    await boot();
    expect(mainWindow().loadedUrl).toBe('app://qcdc/index.html');
    expect(protocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('ignores ELECTRON_RENDERER_URL once packaged', async () => {
    app.isPackaged = true;
    await boot({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(mainWindow().loadedUrl).toBe('app://qcdc/index.html');
  });

  it('row 12: DevTools are off in a packaged window, even with a dev server URL in the environment', async () => {
    app.isPackaged = true;
    await boot({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect((mainWindow().options.webPreferences as Record<string, unknown>).devTools).toBe(false);
  });

  it('row 12: DevTools are on only for an unpackaged app on the electron-vite dev server', async () => {
    await boot({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect((mainWindow().options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('uses the dev server URL when unpackaged and accepts calls from that origin only', async () => {
    await boot({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' });
    expect(mainWindow().loadedUrl).toBe('http://localhost:5173/');
    expect((await call(trusted(), 'system.info', {})).ok).toBe(true);
  });

  it('loads the native binding named by QCDC_SQLITE_BINDING only when unpackaged (npm start)', async () => {
    const bogus = path.join(root, 'not-a-binding.node');
    const failed = await startApp({
      electron: fake,
      mainDir: path.join(root, 'out', 'main'),
      env: { QCDC_DATA_DIR: path.join(root, 'data'), QCDC_SQLITE_BINDING: bogus },
      createLogger: () => silentLogger,
    });
    expect(failed).toBeNull();
    expect(dialog.errors).toHaveLength(1);
    resetFakeElectron(app.userData);
    app.isPackaged = true;
    const started = await boot({ QCDC_SQLITE_BINDING: bogus });
    expect(started.ctx.nativeBinding).toBeUndefined();
    expect(dialog.errors).toHaveLength(0);
  });

  it('quits without a window when another instance holds the single-instance lock', async () => {
    app.singleInstance = false;
    const result = await startApp({
      electron: fake,
      mainDir: path.join(root, 'out', 'main'),
      env: { QCDC_DATA_DIR: path.join(root, 'data') },
      createLogger: () => silentLogger,
    });
    expect(result).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('opens the data folder from data-location.json when QCDC_DATA_DIR is not set', async () => {
    const moved = path.join(root, 'moved-data');
    fs.mkdirSync(app.userData, { recursive: true });
    fs.writeFileSync(path.join(app.userData, 'data-location.json'), JSON.stringify({ dataDir: moved }));
    const result = await startApp({ electron: fake, mainDir: path.join(root, 'out', 'main'), env: {}, createLogger: () => silentLogger });
    running = result;
    expect(result?.ctx.layout.root).toBe(moved);
    expect(fs.existsSync(path.join(moved, 'qcdc.sqlite'))).toBe(true);
  });

  it('tells the user in Vietnamese and quits when the data folder cannot be opened', async () => {
    const blocker = path.join(root, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const result = await startApp({
      electron: fake,
      mainDir: path.join(root, 'out', 'main'),
      env: { QCDC_DATA_DIR: path.join(blocker, 'data') },
      createLogger: () => silentLogger,
    });
    expect(result).toBeNull();
    expect(dialog.errors[0]?.title).toBe('QCDC Desk không khởi động được');
    expect(dialog.errors[0]?.content).toContain('Không mở được thư mục dữ liệu');
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('denies every permission request and check', async () => {
    await boot();
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      session.defaultSession.requestHandler?.(mainWindow().webContents, permission, (g) => granted.push(g));
      expect(session.defaultSession.checkHandler?.(mainWindow().webContents, permission)).toBe(false);
    }
    expect(granted).toEqual([false, false, false, false, false]);
  });

  it('installs a Vietnamese application menu with the editing shortcuts', async () => {
    await boot();
    type Item = { label?: string; role?: string; submenu?: Item[] };
    const template = (electron.Menu as unknown as { current: { template: Item[] } }).current.template;
    expect(template.map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Cửa sổ', 'Trợ giúp']);
    const edit = template[1]?.submenu ?? [];
    expect(edit.filter((i) => i.role).map((i) => `${i.role}:${i.label}`)).toEqual([
      'undo:Hoàn tác',
      'redo:Làm lại',
      'cut:Cắt',
      'copy:Sao chép',
      'paste:Dán',
      'delete:Xóa',
      'selectAll:Chọn tất cả',
    ]);
    // No developer tools in the menu of a normal start.
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await boot();
    app.emit('second-instance', fakeEvent(), []);
    expect(mainWindow().focused).toBe(1);
  });
});

describe('Electron main: IPC', () => {
  it('reaches every contract channel through the registered ipcMain handler', async () => {
    await boot();
    expect([...ipcMain.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    expect(channelNames.length).toBeGreaterThan(2);
    for (const channel of channelNames) {
      // A number is valid input for no channel: each call reaches the registry and stops at validation.
      const envelope = await call(trusted(), channel, 42);
      expect(envelope.ok ? 'ok' : envelope.error.code, channel).not.toMatch(/^(UNKNOWN_CHANNEL|FORBIDDEN)$/);
    }
    expect(await call(trusted(), 'no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('runs real calls against the data folder (transport "electron")', async () => {
    await boot();
    const info = await call(trusted(), 'system.info', {});
    expect(info).toMatchObject({ ok: true, data: { transport: 'electron', dataDir: path.join(root, 'data') } });
    const profile = { ...DEFAULT_PROFILE, parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', placeName: 'Bắc Kạn' };
    expect(await call(trusted(), 'settings.update', { profile })).toMatchObject({ ok: true });
    expect(await call(trusted(), 'settings.get', {})).toMatchObject({ ok: true, data: { profile: { parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN' } } });
  });

  it('refuses foreign senders with a FORBIDDEN envelope and runs nothing', async () => {
    await boot();
    const win = mainWindow();
    const profile = { ...DEFAULT_PROFILE, parentBody: 'KẺ LẠ', placeName: 'Hà Nội' };
    const iframe = new FakeFrame('app://qcdc/index.html', win.webContents.mainFrame);
    const other = new BrowserWindow({});
    await other.loadURL('app://qcdc/index.html');
    const impostor = new FakeFrame('app://qcdc/index.html');
    const foreignOrigin = win.webContents.mainFrame;
    const cases = [
      ipcEvent(null),
      ipcEvent(iframe),
      ipcEvent(other.webContents.mainFrame, other.webContents),
      ipcEvent(impostor),
    ];
    for (const event of cases) {
      expect(await call(event, 'settings.update', { profile })).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('từ chối') },
      });
    }
    // The main frame itself, once it shows another origin.
    foreignOrigin.url = 'https://evil.example/';
    expect(await call(ipcEvent(foreignOrigin), 'settings.update', { profile })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    foreignOrigin.url = 'file:///etc/passwd';
    expect(await call(ipcEvent(foreignOrigin), 'system.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    foreignOrigin.url = 'app://qcdc/index.html';
    const state = await call(trusted(), 'settings.get', {});
    expect(state).toMatchObject({ ok: true, data: { configured: false } });
    expect(JSON.stringify(state)).not.toContain('KẺ LẠ');
  });

  it('forwards core events to the window and stops when the window is gone', async () => {
    const started = await boot();
    started.ctx.events.emit('job.progress', { jobId: 'j1', phase: 'đọc tệp', done: 1, total: 3 });
    expect(mainWindow().webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, args: ['job.progress', { jobId: 'j1', phase: 'đọc tệp', done: 1, total: 3 }] },
    ]);
    mainWindow().destroy();
    started.ctx.events.emit('app.notify', { title: 'a', body: 'b' });
    expect(mainWindow().webContents.sent).toHaveLength(1);
  });
});

describe('Electron main: navigation policy', () => {
  it('prevents will-navigate and will-redirect', async () => {
    await boot();
    const contents = mainWindow().webContents;
    for (const name of ['will-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'app://qcdc/other.html', 'file:///etc/passwd']) {
        const event = fakeEvent();
        contents.emit(name, event, url);
        expect(event.defaultPrevented, `${name} ${url}`).toBe(true);
      }
    }
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies window.open; only allowlisted https links go to the OS browser', async () => {
    await boot();
    const open = mainWindow().webContents.windowOpenHandler;
    expect(open).not.toBeNull();
    const refused = [
      'https://evil.example/',
      'http://thuvienphapluat.vn/',
      'https://thuvienphapluat.vn.evil.example/',
      'https://user:pw@thuvienphapluat.vn/',
      'app://qcdc/index.html',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
    ];
    for (const url of refused) expect(open?.({ url })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual([]);
    expect(open?.({ url: 'https://thuvienphapluat.vn/van-ban/abc' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shell.opened).toEqual(['https://thuvienphapluat.vn/van-ban/abc']);
  });

  it('hardens every other webContents too (print windows)', async () => {
    await boot();
    const extra = new BrowserWindow({});
    const event = fakeEvent();
    extra.webContents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
    expect(extra.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('Electron main: window state and quit', () => {
  it('remembers the window bounds and restores them next time', async () => {
    await boot();
    const win = mainWindow();
    win.bounds = { x: 40, y: 30, width: 1200, height: 690 };
    win.maximized = true;
    win.emit('close');
    app.quit();
    await running?.quitting();
    running = null;
    resetFakeElectron(app.userData);
    await boot();
    expect(mainWindow().options).toMatchObject({ x: 40, y: 30, width: 1200, height: 690 });
    expect(mainWindow().maximized).toBe(true);
  });

  it('ignores a garbage window-state file', async () => {
    fs.mkdirSync(app.userData, { recursive: true });
    fs.writeFileSync(path.join(app.userData, 'window-state.json'), '{"width": "huge", "x": [1]}garbage');
    await boot();
    expect(mainWindow().options).toMatchObject({ center: true, width: 1366, height: 728 });
  });

  it('closes the database (and its lock) before really quitting', async () => {
    const started = await boot();
    const lockFile = path.join(root, 'data', 'qcdc.lock');
    expect(fs.existsSync(lockFile)).toBe(true);
    const event = fakeEvent();
    app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true); // held until the close finishes
    expect(ipcMain.handlers.size).toBe(0); // no new calls during shutdown
    await started.quitting();
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(app.quitCalls).toBe(1);
    const again = fakeEvent();
    app.emit('before-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});
