import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { embeddedFontFaceCss, findPrintFontDir, setPrintFontDir } from '../../../electron/core/export/print';

const cwd = process.cwd();

afterEach(() => {
  process.chdir(cwd);
  Reflect.deleteProperty(process, 'resourcesPath');
  setPrintFontDir(null);
});

describe('print font lookup', () => {
  it('finds the bundled faces in the repository and embeds all four styles', () => {
    expect(findPrintFontDir()).toBe(path.join(cwd, 'resources', 'fonts'));
    const css = embeddedFontFaceCss();
    for (const face of ['font-style:normal;font-weight:400', 'font-style:normal;font-weight:700', 'font-style:italic;font-weight:400', 'font-style:italic;font-weight:700']) {
      expect(css).toContain(face);
    }
    expect(css.match(/@font-face/g)).toHaveLength(12); // 4 faces × (vietnamese, latin-ext, latin)
  });

  it('finds the faces inside a packaged app (node_modules in app.asar) whatever the working folder', () => {
    const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-res-'));
    const files = path.join(resources, 'app.asar', 'node_modules', '@fontsource', 'tinos', 'files');
    fs.mkdirSync(files, { recursive: true });
    for (const f of fs.readdirSync(path.join(cwd, 'resources', 'fonts'))) fs.copyFileSync(path.join(cwd, 'resources', 'fonts', f), path.join(files, f));
    process.chdir(os.tmpdir());
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true, writable: true });
    expect(findPrintFontDir()).toBe(files);
    setPrintFontDir(path.join(cwd, 'resources', 'fonts'));
    expect(findPrintFontDir()).toBe(path.join(cwd, 'resources', 'fonts'));
  });
});
