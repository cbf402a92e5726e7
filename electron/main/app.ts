import fs from 'node:fs';
import path from 'node:path';
import type * as ElectronModule from 'electron';
import type { BrowserWindow } from 'electron';
import { createAppContext, STARTUP_CHECK_DELAY_MS, type AppContext } from '../core/context';
import { createInvoker } from '../core/registry';
import { AppError } from '../core/errors';
import { dataDirLayout } from '../core/db/dataDir';
import type { Logger } from '../core/log';
import { DATA_LOCATION_FILE, resolveDataDir } from './dataLocation';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol';
import { bindRegistry, forwardEvents } from './ipc';
import { electronPlatform } from './platform';
import { buildMenuTemplate } from './menu';
import { createMainWindow } from './window';
import { denyAllPermissions, hardenWebContents } from './security';
import { beforeQuit } from './beforeQuit';
import { startBackupScheduler } from '../core/safety/backup/service';
import { scheduleDueNotice } from '../core/tasks/notify';

/** The parts of the `electron` module main uses (the real one, or tests/main/fake-electron.ts). */
export type ElectronApi = Pick<
  typeof ElectronModule,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'screen' | 'shell' | 'dialog' | 'Menu' | 'Notification'
>;

export interface StartOptions {
  electron: ElectronApi;
  /** Folder of the built main bundle (out/main): the preload and renderer are found beside it. */
  mainDir: string;
  env?: NodeJS.ProcessEnv;
  createLogger: (logsDir: string) => Logger;
  platform?: NodeJS.Platform;
}

export interface RunningApp {
  ctx: AppContext;
  window(): BrowserWindow | null;
  /** Resolves when the quit sequence (beforeQuit → close) has finished. */
  quitting(): Promise<void> | null;
}

/** Same as `appId` in electron-builder.yml. */
export const APP_USER_MODEL_ID = 'vn.qcdc.desk';

function originOf(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}

/**
 * Boots the desktop app. The synchronous part (single-instance lock, privileged scheme) runs
 * before `app.ready` as Electron requires; the rest after it. Resolves to null when another
 * instance owns the app or start-up failed (the user has been told why).
 */
export async function startApp(options: StartOptions): Promise<RunningApp | null> {
  const { electron } = options;
  const { app } = electron;
  const env = options.env ?? process.env;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  electron.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  // Windows shows notifications only for an app whose id matches its Start-menu shortcut (electron-builder appId).
  if ((options.platform ?? process.platform) === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();

  const userDataDir = app.getPath('userData');
  const location = resolveDataDir(userDataDir, env);
  const layout = dataDirLayout(location.dataDir);
  let log: Logger;
  try {
    fs.mkdirSync(layout.logsDir, { recursive: true });
    log = options.createLogger(layout.logsDir);
  } catch {
    log = options.createLogger(path.join(userDataDir, 'logs'));
  }
  log.info('starting', { version: app.getVersion(), dataDir: location.dataDir, source: location.source });

  // Dev server only for an unpackaged app started by electron-vite dev.
  const devUrl = !app.isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : null;
  const allowedOrigins = devUrl ? [APP_ORIGIN, originOf(devUrl)] : [APP_ORIGIN];
  const rendererDir = path.resolve(options.mainDir, '../renderer');
  const preloadPath = path.resolve(options.mainDir, '../preload/index.cjs');

  denyAllPermissions(electron.session.defaultSession);
  electron.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, electron.shell, (message, extra) => log.warn(message, extra));
  });

  let ctxRef: AppContext | null = null;
  const platform = electronPlatform({
    dialog: electron.dialog,
    shell: electron.shell,
    createWindow: (o) => new electron.BrowserWindow(o),
    notification: {
      isSupported: () => electron.Notification.isSupported(),
      show: (o) => new electron.Notification(o).show(),
    },
    mainWindow: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null),
    documentsDir: () => app.getPath('documents'),
    events: () => ctxRef?.events ?? null,
    dataLocationFile: path.join(userDataDir, DATA_LOCATION_FILE),
  });

  let ctx: AppContext;
  try {
    ctx = await createAppContext({
      dataDir: location.dataDir,
      platform,
      log,
      appVersion: app.getVersion(),
      deferStartupCheckMs: STARTUP_CHECK_DELAY_MS,
      // Development only (scripts/start.mjs): a packaged app never loads native code named by the environment.
      ...(!app.isPackaged && env.QCDC_SQLITE_BINDING ? { nativeBinding: env.QCDC_SQLITE_BINDING } : {}),
    });
  } catch (err) {
    log.error('cannot open the data folder', err);
    const reason = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
    electron.dialog.showErrorBox(
      'QCDC Desk không khởi động được',
      `Không mở được thư mục dữ liệu:\n${location.dataDir}\n\n${reason}\n\nChi tiết trong nhật ký: ${layout.logsDir}`,
    );
    app.quit();
    return null;
  }
  ctxRef = ctx;

  const invoke = createInvoker(ctx, { validateOutput: devUrl !== null });
  const unbind = bindRegistry({
    ipcMain: electron.ipcMain as unknown as Parameters<typeof bindRegistry>[0]['ipcMain'],
    invoke,
    window: () =>
      mainWindow && !mainWindow.isDestroyed() ? { contents: mainWindow.webContents, mainFrame: mainWindow.webContents.mainFrame } : null,
    allowedOrigins,
    log,
  });

  const openFolder = (dir: string) => {
    electron.shell.openPath(dir).catch(() => undefined);
  };
  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: (options.platform ?? process.platform) === 'darwin',
        isDev: devUrl !== null,
        actions: {
          openDataFolder: () => openFolder(ctx.layout.root),
          openLogsFolder: () => openFolder(ctx.layout.logsDir),
          showAbout: () => {
            const info = {
              type: 'info' as const,
              title: 'Giới thiệu QCDC Desk',
              message: `QCDC Desk ${app.getVersion()}`,
              detail: `Phần mềm văn phòng cho Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào "Dân vận khéo".\n\nThư mục dữ liệu: ${ctx.layout.root}`,
              buttons: ['Đóng'],
            };
            const parent = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
            (parent ? electron.dialog.showMessageBox(parent, info) : electron.dialog.showMessageBox(info)).catch(() => undefined);
          },
          quit: () => app.quit(),
        },
      }),
    ),
  );

  const iconPath = path.resolve(options.mainDir, '../../resources/icon.png');
  mainWindow = createMainWindow({
    createWindow: (o) => new electron.BrowserWindow(o),
    screen: electron.screen,
    userDataDir,
    preloadPath,
    devTools: devUrl !== null, // electron-vite dev only; never in a packaged or `npm start` window
    ...(fs.existsSync(iconPath) ? { iconPath } : {}),
  });
  const unforward = forwardEvents(ctx.events, () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null));
  // Automatic backups on their schedule, and the start-up notice of overdue / due-soon tasks.
  const stopBackups = startBackupScheduler(ctx);
  const cancelDueNotice = scheduleDueNotice(ctx);
  app.on('before-quit', cancelDueNotice);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('window-all-closed', () => app.quit());

  // Quit sequence: stop taking calls, run the beforeQuit hook, close the database, then really quit.
  let quitting: Promise<void> | null = null;
  let quitDone = false;
  app.on('before-quit', (event) => {
    if (quitDone) return;
    event.preventDefault();
    if (quitting) return;
    quitting = (async () => {
      unforward();
      unbind();
      stopBackups();
      try {
        await beforeQuit(ctx);
      } catch (err) {
        log.error('beforeQuit failed', err);
      }
      try {
        await ctx.close();
      } catch (err) {
        log.error('closing the database failed', err);
      }
    })().finally(() => {
      quitDone = true;
      app.quit();
    });
  });

  await mainWindow.loadURL(devUrl ?? APP_ENTRY_URL).catch((err: unknown) => log.error('loading the window failed', err));
  return { ctx, window: () => mainWindow, quitting: () => quitting };
}
