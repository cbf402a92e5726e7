// Helpers shared by the npm scripts (plain Node ESM: they run before anything is built).
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Version of the installed `electron` package, or null. */
export function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** Path of the Electron executable when its binary was downloaded, else null (offline install). */
export function electronBinary() {
  const pkgDir = path.join(ROOT, 'node_modules/electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

/** Runs a command with inherited stdio; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (err) => {
      process.stderr.write(`${command}: ${err.message}\n`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs a package's bin with the current Node (no .cmd shims, works the same on Windows). */
export function runBin(pkg, binName, args, options = {}) {
  // Some packages (e.g. @electron/rebuild) do not export ./package.json: look in node_modules first.
  const direct = path.join(ROOT, 'node_modules', pkg, 'package.json');
  const pkgJsonPath = fs.existsSync(direct) ? direct : require.resolve(`${pkg}/package.json`);
  const pkgJson = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8'));
  const bin = typeof pkgJson.bin === 'string' ? pkgJson.bin : pkgJson.bin[binName];
  return run(process.execPath, [path.join(path.dirname(pkgJsonPath), bin), ...args], options);
}

/** `electron-vite build` (main, preload, renderer into out/). */
export async function buildApp() {
  const code = await runBin('electron-vite', 'electron-vite', ['build']);
  if (code !== 0) {
    process.stderr.write('Dựng ứng dụng thất bại (electron-vite build) / build failed.\n');
    process.exit(code);
  }
}
