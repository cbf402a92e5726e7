// The system programs `npm test` needs, checked before anything is built or run. Without them 19 tests
// used to fail deep inside with "INTERNAL Đã xảy ra lỗi không mong muốn" and no word of what to install.
//
// - On Debian/Ubuntu as root the missing packages are installed (apt-get update, then
//   apt-get install -y --no-install-recommends …), as `.ci/run` does on a fresh CI machine.
// - Anywhere else (or with QCDC_NO_INSTALL=1) it stops with ONE line, Vietnamese then English, that
//   names the exact packages.
//
// Run alone: `node scripts/check-system.mjs` (exit 0 = all there). `scripts/test.mjs` imports it.
// Everything is looked up through the `env` passed in (PATH, QCDC_CHROMIUM, QCDC_FONT_DIRS), so a test
// can hide a program by handing it another PATH.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * What the tests call, and the Debian package that brings it. The list comes from the tests themselves:
 * Chromium (playwright-core: e2e flows and every PDF the harness renders), poppler's pdftotext /
 * pdftoppm / pdffonts / pdfinfo (PDFs read back), unzip (DOCX/XLSX read back), and fonts-croscore
 * (Tinos/Arimo: "Times New Roman" and Arial resolve to metric-compatible faces in Chromium), and
 * LibreOffice Writer (`soffice`: DOCX converted to PDF and compared with the app's PDF).
 */
export const REQUIREMENTS = [
  { pkg: 'chromium', what: 'Chromium', kind: 'chromium' },
  { pkg: 'poppler-utils', what: 'pdftotext, pdftoppm, pdffonts, pdfinfo', kind: 'programs', programs: ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfinfo'] },
  { pkg: 'unzip', what: 'unzip', kind: 'programs', programs: ['unzip'] },
  { pkg: 'fonts-croscore', what: 'Tinos, Arimo', kind: 'font', file: 'Tinos-Regular.ttf' },
  // The issued papers' DOCX is opened as a clerk without Word would: converted by LibreOffice Writer
  // and compared line by line with the app's own PDF (tests/core/export/layout.test.ts).
  { pkg: 'libreoffice-writer-nogui', what: 'soffice (LibreOffice Writer)', kind: 'programs', programs: ['soffice'] },
];

/** Browser names playwright-core can drive, in the order electron/harness/chromium.ts prefers them. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

function isExecutable(file) {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Full path of `name` on the PATH of `env`, or null. */
export function which(name, env = process.env) {
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const file = path.join(dir, name + ext);
      if (isExecutable(file)) return file;
    }
  }
  return null;
}

/**
 * The browser the tests will use: QCDC_CHROMIUM when set (and real), else the first Chromium on PATH.
 * test.mjs hands the result to vitest as QCDC_CHROMIUM, so the tests use exactly what was checked.
 */
export function findChromium(env = process.env) {
  if (env.QCDC_CHROMIUM) return isExecutable(env.QCDC_CHROMIUM) ? env.QCDC_CHROMIUM : null;
  for (const name of CHROMIUM_NAMES) {
    const found = which(name, env);
    if (found) return found;
  }
  return null;
}

function fontDirs(env) {
  if (env.QCDC_FONT_DIRS) return env.QCDC_FONT_DIRS.split(path.delimiter).filter(Boolean);
  const home = os.homedir();
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.join(home, '.local/share/fonts'), path.join(home, '.fonts')];
}

/** Whether a font file of that name sits in one of the font folders (searched a few levels deep). */
function hasFont(file, env) {
  const search = (dir, depth) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    if (entries.some((e) => e.name === file)) return true;
    return depth > 0 && entries.some((e) => e.isDirectory() && search(path.join(dir, e.name), depth - 1));
  };
  return fontDirs(env).some((dir) => search(dir, 3));
}

/** `{ missing: ['chromium', …] (Debian package names), chromium: path | null }`. */
export function checkSystem(env = process.env) {
  const chromium = findChromium(env);
  const missing = [];
  for (const req of REQUIREMENTS) {
    const present =
      req.kind === 'chromium' ? chromium !== null : req.kind === 'programs' ? req.programs.every((p) => which(p, env)) : hasFont(req.file, env);
    if (!present) missing.push(req.pkg);
  }
  return { missing, chromium };
}

/** The one line printed when the tests cannot run here: Vietnamese, then English, the exact packages. */
export function missingLine(missing) {
  const list = missing.join(' ');
  return (
    `Thiếu chương trình hệ thống cho bộ kiểm thử, hãy cài các gói: ${list} / ` +
    `Missing system programs for the tests, install the packages: ${list} ` +
    `(Debian/Ubuntu: apt-get install -y --no-install-recommends ${list})`
  );
}

function isDebianLike() {
  try {
    const release = fs.readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return fs.existsSync('/etc/debian_version');
  }
}

/** Installing is allowed only as root on Debian/Ubuntu with apt-get, and never with QCDC_NO_INSTALL=1. */
export function canInstall(env = process.env) {
  if (env.QCDC_NO_INSTALL === '1') return false;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  return isDebianLike() && which('apt-get', env) !== null;
}

function aptGet(args, env) {
  const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/**
 * Checks, installs when allowed, checks again. Returns `{ ok: true, chromium }` or
 * `{ ok: false, line }` with the one line to print; it never exits by itself.
 */
export function ensureSystem(env = process.env, log = (text) => process.stdout.write(text)) {
  let result = checkSystem(env);
  if (result.missing.length > 0 && canInstall(env)) {
    log(`Cài các gói hệ thống còn thiếu / installing missing system packages: ${result.missing.join(' ')}\n`);
    if (aptGet(['update'], env)) aptGet(['install', '-y', '--no-install-recommends', ...result.missing], env);
    result = checkSystem(env);
  }
  if (result.missing.length > 0) return { ok: false, line: missingLine(result.missing) };
  return { ok: true, chromium: result.chromium };
}

// `node scripts/check-system.mjs`: the check alone (the test of this module runs it so).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = ensureSystem();
  if (!outcome.ok) {
    process.stderr.write(`${outcome.line}\n`);
    process.exit(1);
  }
}
