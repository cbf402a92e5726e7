import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { mainWindowWebPreferences } from './security';
import { fitWindowState, MIN_HEIGHT, MIN_WIDTH, readWindowState, writeWindowState, type WindowState } from './windowState';

export interface WindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  screen: {
    getAllDisplays(): { workArea: Rectangle }[];
    getPrimaryDisplay(): { workArea: Rectangle };
  };
  userDataDir: string;
  preloadPath: string;
  iconPath?: string;
  /** DevTools in the window: development (electron-vite dev) only, see mainWindowWebPreferences. */
  devTools?: boolean;
}

/** The window's construction options from the remembered (and re-fitted) state. */
export function mainWindowOptions(deps: Pick<WindowDeps, 'screen' | 'preloadPath' | 'iconPath' | 'devTools'>, state: WindowState): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: Math.min(MIN_WIDTH, state.width),
    minHeight: Math.min(MIN_HEIGHT, state.height),
    show: false,
    title: 'QCDC Desk',
    backgroundColor: '#f8f9fa',
    ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    webPreferences: mainWindowWebPreferences(deps.preloadPath, { devTools: deps.devTools === true }),
  };
}

/**
 * Creates the main window where it was last time (fitted to today's screens) and remembers its
 * normal bounds and maximised flag when it closes.
 */
export function createMainWindow(deps: WindowDeps): BrowserWindow {
  const displays = deps.screen.getAllDisplays().map((d) => d.workArea);
  const state = fitWindowState(readWindowState(deps.userDataDir), displays, deps.screen.getPrimaryDisplay().workArea);
  const win = deps.createWindow(mainWindowOptions(deps, state));
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    writeWindowState(deps.userDataDir, {
      x: bounds.x,
      y: bounds.y,
      width: bounds.width,
      height: bounds.height,
      maximized: win.isMaximized(),
    });
  });
  return win;
}
