/**
 * A small stand-in for the `electron` module (vitest aliases 'electron' to this file in the node
 * project). It records what main asks for — window options, IPC handlers, protocol handlers,
 * permission handlers, menus — so tests can assert the security policy and drive the app.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

type Listener = (...args: unknown[]) => void;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  const e = {
    defaultPrevented: false,
    preventDefault() {
      e.defaultPrevented = true;
    },
  };
  return e;
}

let nextId = 1;

export class FakeFrame {
  url = '';
  parent: FakeFrame | null = null;
  readonly processId: number;
  readonly routingId: number;
  constructor(url = '', parent: FakeFrame | null = null) {
    this.url = url;
    this.parent = parent;
    this.processId = 1000 + nextId;
    this.routingId = nextId++;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame();
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;
  printToPdfOptions: unknown[] = [];
  executed: string[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  async executeJavaScript(code: string): Promise<unknown> {
    this.executed.push(code);
    return true;
  }
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printToPdfOptions.push(options);
    return Buffer.from('%PDF-1.7 fake');
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  loadedFile: string | null = null;
  loadedFileContent: string | null = null;
  maximized = false;
  destroyed = false;
  bounds = { x: 0, y: 0, width: 0, height: 0 };

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.bounds = {
      x: typeof options.x === 'number' ? options.x : 100,
      y: typeof options.y === 'number' ? options.y : 100,
      width: Number(options.width ?? 800),
      height: Number(options.height ?? 600),
    };
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  async loadFile(file: string): Promise<void> {
    this.loadedFile = file;
    this.loadedFileContent = fs.readFileSync(file, 'utf8');
    this.webContents.mainFrame.url = `file://${file}`;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return false;
  }
  focused = 0;
  restore(): void {}
  focus(): void {
    this.focused++;
  }
  show(): void {}
  getNormalBounds() {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
}

class FakeApp extends EventEmitter {
  singleInstance = true;
  isPackaged = false;
  quitCalls = 0;
  appUserModelId: string | null = null;
  userData = path.join(os.tmpdir(), 'qcdc-fake-userdata');
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    if (name === 'userData') return this.userData;
    if (name === 'documents') return path.join(this.userData, 'Documents');
    return path.join(this.userData, name);
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  quit(): void {
    this.quitCalls++;
    const event = fakeEvent();
    this.emit('before-quit', event);
  }
  exit(): void {}
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
}

export const app = new FakeApp();

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
    this.handlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    requestHandler: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
    checkHandler: null as null | ((wc: unknown, permission: string) => boolean),
    setPermissionRequestHandler(h: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void): void {
      this.requestHandler = h;
    },
    setPermissionCheckHandler(h: (wc: unknown, permission: string) => boolean): void {
      this.checkHandler = h;
    },
  },
};

export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }],
  getAllDisplays() {
    return this.displays;
  },
  getPrimaryDisplay() {
    return this.displays[0]!;
  },
};

export const shell = {
  opened: [] as string[],
  paths: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
  async openPath(p: string): Promise<string> {
    this.paths.push(p);
    return '';
  },
  shownInFolder: [] as string[],
  showItemInFolder(p: string): void {
    this.shownInFolder.push(p);
  },
};

export const dialog = {
  saveResult: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  saveCalls: [] as unknown[],
  errors: [] as { title: string; content: string }[],
  async showSaveDialog(...args: unknown[]) {
    this.saveCalls.push(args[args.length - 1]);
    return this.saveResult;
  },
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
  async showMessageBox() {
    return { response: 0, checkboxChecked: false };
  },
};

export const Menu = {
  current: null as unknown,
  buildFromTemplate(template: unknown) {
    return { template };
  },
  setApplicationMenu(menu: unknown): void {
    this.current = menu;
  },
};

export class Notification {
  static shown: { title: string; body: string }[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show(): void {
    Notification.shown.push(this.options);
  }
}

/** Preload side. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as unknown[][],
  async invoke(...args: unknown[]): Promise<unknown> {
    ipcRenderer.invoked.push(args);
    return { ok: true, data: null };
  },
});

/** Puts every recorder back to its initial state between tests. */
export function resetFakeElectron(userData: string): void {
  app.removeAllListeners();
  app.singleInstance = true;
  app.isPackaged = false;
  app.quitCalls = 0;
  app.appUserModelId = null;
  app.userData = userData;
  BrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  session.defaultSession.requestHandler = null;
  session.defaultSession.checkHandler = null;
  shell.opened.length = 0;
  shell.paths.length = 0;
  shell.shownInFolder.length = 0;
  dialog.saveResult = { canceled: true, filePath: '' };
  dialog.saveCalls.length = 0;
  dialog.errors.length = 0;
  Menu.current = null;
  Notification.shown.length = 0;
  screen.displays = [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }];
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked.length = 0;
}

export type { Listener };
