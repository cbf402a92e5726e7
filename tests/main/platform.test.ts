import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { electronPlatform, type PlatformDeps } from '../../electron/main/platform';
import { EventBus } from '../../electron/core/events';
import { BrowserWindow as FakeWindow, dialog, resetFakeElectron, shell } from './fake-electron';
import { tempDir } from './tmp';

let dir: string;
let shown: { title: string; body: string }[];
let events: EventBus;

function platform(overrides: Partial<PlatformDeps> = {}) {
  return electronPlatform({
    dialog: dialog as unknown as PlatformDeps['dialog'],
    shell: shell as unknown as PlatformDeps['shell'],
    createWindow: (o) => new FakeWindow(o as Record<string, unknown>) as unknown as BrowserWindow,
    notification: { isSupported: () => true, show: (o) => shown.push({ title: String(o.title), body: String(o.body) }) },
    mainWindow: () => null,
    documentsDir: () => path.join(dir, 'Documents'),
    events: () => events,
    tempDir: dir,
    ...overrides,
  });
}

beforeEach(() => {
  dir = tempDir('qcdc-platform-');
  resetFakeElectron(dir);
  shown = [];
  events = new EventBus();
});

describe('Electron platform', () => {
  it('saves through the OS dialog, offering the Documents folder and the right filter', async () => {
    const target = path.join(dir, 'chosen.pdf');
    dialog.saveResult = { canceled: false, filePath: target };
    const result = await platform().saveFile('Bien ban.pdf', new Uint8Array([37, 80, 68, 70]));
    expect(result).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target)).toEqual(Buffer.from('%PDF'));
    expect(dialog.saveCalls[0]).toMatchObject({
      defaultPath: path.join(dir, 'Documents', 'Bien ban.pdf'),
      filters: [{ name: 'Tệp PDF', extensions: ['pdf'] }, { name: 'Tất cả các tệp', extensions: ['*'] }],
    });
    expect(fs.readdirSync(dir).filter((f) => f.includes('qcdc-tmp'))).toEqual([]);
  });

  it('writes nothing when the user cancels, and strips folders from the suggested name', async () => {
    const result = await platform().saveFile('../../etc/passwd', new Uint8Array([1]));
    expect(result).toEqual({ saved: false, path: null });
    expect((dialog.saveCalls[0] as { defaultPath: string }).defaultPath).toBe(path.join(dir, 'Documents', 'passwd'));
  });

  it('prints A4 PDFs in a hidden sandboxed window without preload, and cleans up', async () => {
    const html = '<!doctype html><p>Biên bản hội nghị</p>';
    const pdf = await platform().renderPdf(html, { landscape: true });
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');
    const win = FakeWindow.instances.at(-1)!;
    expect(win.options.show).toBe(false);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBeUndefined();
    expect(win.loadedFileContent).toBe(html);
    expect(win.webContents.printToPdfOptions).toEqual([{ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, landscape: true }]);
    expect(win.webContents.executed[0]).toContain('document.fonts.ready');
    expect(win.isDestroyed()).toBe(true);
    expect(fs.existsSync(win.loadedFile!)).toBe(false);
    await platform().renderPdf(html);
    expect(FakeWindow.instances.at(-1)!.webContents.printToPdfOptions[0]).toMatchObject({ landscape: false });
  });

  it('notifies in the OS and in the window', () => {
    const got: unknown[] = [];
    events.subscribe((name, payload) => got.push([name, payload]));
    platform().notify('Nhiệm vụ quá hạn', '3 nhiệm vụ đã quá hạn');
    expect(shown).toEqual([{ title: 'Nhiệm vụ quá hạn', body: '3 nhiệm vụ đã quá hạn' }]);
    expect(got).toEqual([['app.notify', { title: 'Nhiệm vụ quá hạn', body: '3 nhiệm vụ đã quá hạn' }]]);
  });

  it('opens files with the shell and reports failures in Vietnamese', async () => {
    await platform().openPath('/tmp/x.pdf');
    expect(shell.paths).toEqual(['/tmp/x.pdf']);
    const failing = platform({ shell: { openPath: async () => 'no application' } });
    await expect(failing.openPath('/tmp/y.xyz')).rejects.toThrow('Không mở được tệp');
  });
});

describe('Electron platform: opening files (#18 row 5)', () => {
  it('never hands a program or script to shell.openPath; documents and folders still open; showInFolder selects the file', async () => {
    const exe = path.join(dir, '01abc.exe');
    const lnk = path.join(dir, '01abd.lnk');
    const pdf = path.join(dir, '01abe.pdf');
    for (const f of [exe, lnk, pdf]) fs.writeFileSync(f, 'x');
    const p = platform();
    await expect(p.openPath(exe)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(p.openPath(lnk)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(shell.paths).toEqual([]);
    await p.openPath(pdf);
    await p.openPath(dir); // the data folder ("Mở thư mục dữ liệu")
    expect(shell.paths).toEqual([pdf, dir]);
    await p.showInFolder?.(exe);
    expect(shell.shownInFolder).toEqual([exe]);
  });
});
