/**
 * The bundled print font: Tinos (OFL, metric-compatible with Times New Roman) in regular, bold,
 * italic and bold italic, latin + latin-ext + vietnamese subsets, as woff2 files in
 * `resources/fonts/` (copied from @fontsource/tinos).
 *
 * Print HTML asks for "Times New Roman" first (Windows office PCs have it) and falls back to the
 * embedded "QCDC Tinos" faces as data URLs, so bold and italic are real faces (never synthesised)
 * and Vietnamese looks the same on any machine.
 *
 * Finding the files does not depend on `import.meta` or `__dirname` (the main process is bundled):
 * 1. `setPrintFontDir(dir)` — Electron main calls it with `path.join(process.resourcesPath, 'fonts')`
 *    when packaged (electron-builder `extraResources: [{ from: resources/fonts, to: fonts }]`);
 * 2. `QCDC_FONT_DIR`;
 * 3. `<process.resourcesPath>/fonts` when Electron provides it, else `@fontsource/tinos/files` inside
 *    `app.asar` (a runtime dependency, so it is always packaged — no builder change needed);
 * 4. `resources/fonts` under the working directory and its parents (dev, harness, tests);
 * 5. `node_modules/@fontsource/tinos/files` resolved from the working directory.
 * When nothing is found the HTML still works with the system's fonts (no embedded faces).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const EMBEDDED_FONT_FAMILY = 'QCDC Tinos';
/** The CSS font stack for print: Times New Roman, then the embedded Tinos. */
export const PRINT_FONT_STACK = `"Times New Roman", "${EMBEDDED_FONT_FAMILY}", Tinos, "Liberation Serif", serif`;

const SUBSETS: { name: string; range: string }[] = [
  {
    name: 'vietnamese',
    range: 'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  },
  {
    name: 'latin-ext',
    range: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  },
  {
    name: 'latin',
    range: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  },
];
const FACES: { weight: 400 | 700; style: 'normal' | 'italic' }[] = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'italic' },
];
const PROBE = 'tinos-vietnamese-700-normal.woff2';

let configuredDir: string | null = null;
let cachedCss: { dir: string | null; css: string } | null = null;

/** Tells the print module where the font files are (Electron main, packaged app). */
export function setPrintFontDir(dir: string | null): void {
  configuredDir = dir;
  cachedCss = null;
}

function hasFonts(dir: string | null | undefined): dir is string {
  return !!dir && fs.existsSync(path.join(dir, PROBE));
}

/** The folder holding the woff2 files, or null when none can be found. */
export function findPrintFontDir(): string | null {
  if (hasFonts(configuredDir)) return configuredDir;
  if (hasFonts(process.env.QCDC_FONT_DIR)) return process.env.QCDC_FONT_DIR!;
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    const packaged = path.join(resourcesPath, 'fonts');
    if (hasFonts(packaged)) return packaged;
    // Packaged without extra resources: the dependency inside app.asar (Electron's fs reads asar).
    for (const app of ['app.asar', 'app']) {
      const inApp = path.join(resourcesPath, app, 'resources', 'fonts');
      if (hasFonts(inApp)) return inApp;
      const inModules = path.join(resourcesPath, app, 'node_modules', '@fontsource', 'tinos', 'files');
      if (hasFonts(inModules)) return inModules;
    }
  }
  let dir = process.cwd();
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'resources', 'fonts');
    if (hasFonts(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  try {
    const req = createRequire(path.join(process.cwd(), 'package.json'));
    const fromPackage = path.dirname(req.resolve(`@fontsource/tinos/files/${PROBE}`));
    if (hasFonts(fromPackage)) return fromPackage;
  } catch {
    /* not installed here */
  }
  return null;
}

/** `@font-face` rules for the embedded Tinos (data URLs), cached per process. Empty if not found. */
export function embeddedFontFaceCss(): string {
  const dir = findPrintFontDir();
  if (cachedCss && cachedCss.dir === dir) return cachedCss.css;
  let css = '';
  if (dir) {
    for (const face of FACES) {
      for (const subset of SUBSETS) {
        const file = path.join(dir, `tinos-${subset.name}-${face.weight}-${face.style}.woff2`);
        if (!fs.existsSync(file)) continue;
        const data = fs.readFileSync(file).toString('base64');
        css +=
          `@font-face{font-family:"${EMBEDDED_FONT_FAMILY}";font-style:${face.style};font-weight:${face.weight};` +
          `font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${subset.range};}\n`;
      }
    }
  }
  cachedCss = { dir, css };
  return css;
}
