import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS, canInstall, checkSystem, missingLine, which } from '../../scripts/check-system.mjs';

/**
 * `npm test` on a machine without the system programs must stop at once with one line naming the
 * packages. The check is run as its own process with a PATH that holds stand-ins for every program
 * except the ones a case hides, so the outcome does not depend on what this machine has installed.
 */
const ROOT = path.resolve(__dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-check-system-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const ALL_PROGRAMS = ['chromium', ...REQUIREMENTS.flatMap((r) => r.programs ?? [])];

/** A folder of executable stand-ins (the check only looks for them, it never runs them). */
function binDir(name: string, programs: string[]): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const p of programs) fs.writeFileSync(path.join(dir, p), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return dir;
}

function fontDir(withTinos: boolean): string {
  const dir = path.join(tmp, withTinos ? 'fonts' : 'no-fonts', 'truetype', 'croscore');
  fs.mkdirSync(dir, { recursive: true });
  if (withTinos) fs.writeFileSync(path.join(dir, 'Tinos-Regular.ttf'), '');
  return path.dirname(path.dirname(dir));
}

/** An environment with nothing of this machine's PATH, browser or fonts, and installing forbidden. */
function env(programs: string[], tinos = true, name = programs.join('_') || 'none'): NodeJS.ProcessEnv {
  const rest = { ...process.env };
  delete rest.QCDC_CHROMIUM;
  return { ...rest, PATH: binDir(name, programs), QCDC_FONT_DIRS: fontDir(tinos), QCDC_NO_INSTALL: '1' };
}

function runNode(script: string, e: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [path.join(ROOT, script)], { cwd: ROOT, env: e, encoding: 'utf8', timeout: 60000 });
}

describe('system check before the tests (scripts/check-system.mjs)', () => {
  it('stops with one Vietnamese + English line naming chromium when PATH hides it', () => {
    const result = runNode('scripts/check-system.mjs', env(ALL_PROGRAMS.filter((p) => p !== 'chromium')));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(missingLine(['chromium']));
    expect(lines[0]).toMatch(/^Thiếu chương trình hệ thống .* \/ Missing system programs .*chromium/);
    expect(lines[0]).toContain('apt-get install -y --no-install-recommends chromium');
  });

  it('names every missing package, in one line, with the Debian names', () => {
    const result = runNode('scripts/check-system.mjs', env([], false));
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([missingLine(['chromium', 'poppler-utils', 'unzip', 'fonts-croscore', 'libreoffice-writer-nogui'])]);
  });

  it('says nothing and exits 0 when every program and the fonts are there', () => {
    const result = runNode('scripts/check-system.mjs', env(ALL_PROGRAMS));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('counts poppler-utils as missing when one of its programs is', () => {
    expect(checkSystem(env(ALL_PROGRAMS.filter((p) => p !== 'pdffonts'))).missing).toEqual(['poppler-utils']);
  });

  it('reports the Chromium it found, so the tests use exactly that one', () => {
    const e = env(ALL_PROGRAMS);
    expect(checkSystem(e).chromium).toBe(path.join(e.PATH ?? '', 'chromium'));
    expect(checkSystem({ ...e, QCDC_CHROMIUM: path.join(tmp, 'nowhere', 'chrome') }).missing).toEqual(['chromium']);
  });

  it('never installs with QCDC_NO_INSTALL=1, nor without apt-get on PATH', () => {
    expect(canInstall(env(ALL_PROGRAMS))).toBe(false);
    const noFlag = env(ALL_PROGRAMS);
    delete noFlag.QCDC_NO_INSTALL;
    expect(canInstall(noFlag)).toBe(false); // root on Debian here, but this PATH has no apt-get
  });

  it('npm test (scripts/test.mjs) stops before building anything when Chromium is missing', () => {
    const e = env(ALL_PROGRAMS.filter((p) => p !== 'chromium'), true, 'test-mjs');
    const result = runNode('scripts/test.mjs', e);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(''); // electron-vite and vitest print to stdout: neither ran
    expect(result.stderr.trimEnd().split('\n')).toEqual([missingLine(['chromium'])]);
  });
});

describe('the two commands', () => {
  it('CI installs through the same check and keeps calling the README test command', () => {
    const ci = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm install && npm test');
    expect(readme).toContain('npm install && npm start');
    expect(ci).toMatch(/^node scripts\/check-system\.mjs$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});

const rootOnDebian =
  process.platform === 'linux' && process.getuid?.() === 0 && /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '');

describe('installing on Debian as root', () => {
  // Only where the script would really install (CI runs as root on Debian); apt-get is a stand-in
  // that records its arguments and "installs" Chromium into the same PATH folder.
  it.skipIf(!rootOnDebian)('runs apt-get update, then install -y --no-install-recommends with exactly the missing packages', () => {
    const e = env(ALL_PROGRAMS.filter((p) => p !== 'chromium'), true, 'apt');
    delete e.QCDC_NO_INSTALL;
    const dir = e.PATH ?? '';
    const log = path.join(tmp, 'apt.log');
    // The stand-in's PATH is the test folder alone: it needs chmod by its full path.
    const chmod = which('chmod') ?? '/bin/chmod';
    fs.writeFileSync(
      path.join(dir, 'apt-get'),
      `#!/bin/sh\necho "$@" >> '${log}'\nif [ "$1" = install ]; then printf '#!/bin/sh\\nexit 0\\n' > '${dir}/chromium'; '${chmod}' +x '${dir}/chromium'; fi\n`,
      { mode: 0o755 },
    );
    const result = runNode('scripts/check-system.mjs', e);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toEqual(['update', 'install -y --no-install-recommends chromium']);
    expect(result.stdout).toContain('chromium');
  });
});
