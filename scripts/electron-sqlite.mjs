// better-sqlite3 built for Electron, kept OUT of node_modules/better-sqlite3 (whose build stays the
// Node one that tests and the harness load). `npm start` passes the file to the main process in
// QCDC_SQLITE_BINDING, which hands it to better-sqlite3's `nativeBinding` option. So `npm start`
// and `npm test` can follow each other in any order without a rebuild.
//
//   node_modules/.qcdc-electron-sqlite/<electron version>-<better-sqlite3 version>-<platform>-<arch>/
//     build/Release/better_sqlite3.node
//
// Obtained with prebuild-install (better-sqlite3 publishes Electron prebuilds, no compiler needed),
// falling back to @electron/rebuild (compiles; needs Electron headers from the internet).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, electronVersion, runBin } from './lib.mjs';

const SOURCE = path.join(ROOT, 'node_modules/better-sqlite3');

export function electronSqliteDir() {
  const electron = electronVersion();
  const sqlite = JSON.parse(fs.readFileSync(path.join(SOURCE, 'package.json'), 'utf8')).version;
  return path.join(ROOT, 'node_modules/.qcdc-electron-sqlite', `${electron}-${sqlite}-${process.platform}-${process.arch}`);
}

export function electronSqliteBinding() {
  return path.join(electronSqliteDir(), 'build/Release/better_sqlite3.node');
}

/** Copies the package sources (not its Node build) into the private folder. */
function copySources(target) {
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of ['package.json', 'binding.gyp', 'lib', 'src', 'deps']) {
    const from = path.join(SOURCE, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
}

/** Ensures the Electron build exists; returns its path, or null (with one printed reason) on failure. */
export async function ensureElectronSqlite() {
  const binding = electronSqliteBinding();
  if (fs.existsSync(binding)) return binding;
  const dir = electronSqliteDir();
  const version = electronVersion();
  process.stdout.write(`QCDC Desk: chuẩn bị better-sqlite3 cho Electron ${version} / preparing better-sqlite3 for Electron…\n`);
  copySources(dir);
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
  let code = await runBin('prebuild-install', 'prebuild-install', ['--runtime', 'electron', '--target', version, '--arch', process.arch], {
    cwd: dir,
    ...quiet,
  });
  if (code !== 0 || !fs.existsSync(binding)) {
    code = await runBin('@electron/rebuild', 'electron-rebuild', ['--version', version, '--module-dir', dir, '--only', 'better-sqlite3', '--force'], {
      cwd: ROOT,
    });
  }
  if (code !== 0 || !fs.existsSync(binding)) {
    fs.rmSync(dir, { recursive: true, force: true });
    process.stderr.write('QCDC Desk: không chuẩn bị được better-sqlite3 cho Electron (cần mạng) / could not get the Electron build of better-sqlite3.\n');
    return null;
  }
  return binding;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binding = await ensureElectronSqlite();
  if (binding) process.stdout.write(`${binding}\n`);
  process.exit(binding ? 0 : 1);
}
