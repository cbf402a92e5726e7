import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserWindow, BrowserWindowConstructorOptions, Dialog, NotificationConstructorOptions, Shell } from 'electron';
import type { Platform } from '../core/platform';
import type { EventBus } from '../core/events';
import { AppError } from '../core/errors';
import { mayOpenWithOs } from '../core/attachments/openable';
import { printWindowWebPreferences } from './security';

/** The slice of Electron the platform needs; passed in so it runs against fakes in tests. */
export interface PlatformDeps {
  dialog: Pick<Dialog, 'showSaveDialog'> & Partial<Pick<Dialog, 'showOpenDialog'>>;
  shell: Pick<Shell, 'openPath'> & Partial<Pick<Shell, 'showItemInFolder'>>;
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  notification: { isSupported(): boolean; show(options: NotificationConstructorOptions): void };
  /** The main window, parent of dialogs. */
  mainWindow: () => BrowserWindow | null;
  /** Default folder for the save dialog (the user's Documents). */
  documentsDir: () => string;
  events: () => EventBus | null;
  tempDir?: string;
  /** `<userData>/data-location.json`, written when the user moves the data folder. */
  dataLocationFile?: string;
}

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.pdf': { name: 'Tệp PDF', extensions: ['pdf'] },
  '.docx': { name: 'Văn bản Word', extensions: ['docx'] },
  '.xlsx': { name: 'Bảng tính Excel', extensions: ['xlsx'] },
  '.csv': { name: 'Tệp CSV', extensions: ['csv'] },
  '.zip': { name: 'Tệp nén ZIP', extensions: ['zip'] },
  '.sqlite': { name: 'Bản sao lưu QCDC', extensions: ['sqlite'] },
};

/** Print HTML of a few hundred pages with embedded fonts exceeds the data: URL limit, so use a temp file. */
async function withTempHtml<T>(dir: string, html: string, use: (file: string) => Promise<T>): Promise<T> {
  const file = path.join(dir, `qcdc-print-${randomUUID()}.html`);
  await fs.writeFile(file, html, 'utf8');
  try {
    return await use(file);
  } finally {
    await fs.rm(file, { force: true });
  }
}

export function electronPlatform(deps: PlatformDeps): Platform {
  return {
    kind: 'electron',
    ...(deps.dataLocationFile ? { dataLocationFile: deps.dataLocationFile } : {}),

    async chooseDirectory(title) {
      if (!deps.dialog.showOpenDialog) return null;
      const options = { title, buttonLabel: 'Chọn thư mục', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const parent = deps.mainWindow();
      const result = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    async saveFile(fileName, bytes) {
      const safeName = path.basename(fileName);
      const filter = FILTERS[path.extname(safeName).toLowerCase()];
      const options = {
        title: 'Lưu tệp',
        buttonLabel: 'Lưu',
        defaultPath: path.join(deps.documentsDir(), safeName),
        filters: [...(filter ? [filter] : []), { name: 'Tất cả các tệp', extensions: ['*'] }],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const parent = deps.mainWindow();
      const result = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false, path: null };
      // Write beside, then rename: a half-written file never replaces a good one.
      const temp = `${result.filePath}.qcdc-tmp`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, result.filePath);
      return { saved: true, path: result.filePath };
    },

    async renderPdf(html, options = {}) {
      const win = deps.createWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: printWindowWebPreferences(),
      });
      try {
        const contents = win.webContents;
        // The print page is ours and static: it never navigates or opens anything.
        contents.on('will-navigate', (event) => event.preventDefault());
        contents.setWindowOpenHandler(() => ({ action: 'deny' }));
        return await withTempHtml(deps.tempDir ?? os.tmpdir(), html, async (file) => {
          await win.loadFile(file);
          // Embedded print fonts load asynchronously; lay out only once they are in.
          await contents.executeJavaScript('document.fonts.ready.then(() => true)');
          const pdf = await contents.printToPDF({
            pageSize: 'A4',
            preferCSSPageSize: true,
            printBackground: true,
            landscape: options.landscape ?? false,
          });
          return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        });
      } finally {
        if (!win.isDestroyed()) win.destroy();
      }
    },

    async openPath(filePath) {
      // Second guard (the attachments service checks first): a file of a type the OS would run is
      // never handed to shell.openPath, whoever asks. Folders (the data folder) open as before.
      const isFile = await fs.stat(filePath).then((st) => st.isFile(), () => false);
      if (isFile && !mayOpenWithOs(filePath)) {
        throw new AppError('FORBIDDEN', 'Phần mềm không mở tệp chương trình hoặc mã lệnh; hãy xem tệp trong thư mục của nó.');
      }
      const error = await deps.shell.openPath(filePath);
      if (error) throw new AppError('UNAVAILABLE', `Không mở được tệp bằng chương trình mặc định: ${error}`);
    },

    async showInFolder(filePath) {
      deps.shell.showItemInFolder?.(filePath);
    },

    notify(title, body) {
      if (deps.notification.isSupported()) deps.notification.show({ title, body });
      // Also in the window, so the message is seen when OS notifications are off.
      deps.events()?.emit('app.notify', { title, body });
    },
  };
}
