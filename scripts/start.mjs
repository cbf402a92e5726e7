// `npm start`: the desktop app when the Electron binary is here; otherwise (offline install) ONE
// line saying so, then the same app in the browser through the harness (`npm run web`).
import { spawn } from 'node:child_process';
import { ROOT, buildApp, electronBinary } from './lib.mjs';
import { ensureElectronSqlite } from './electron-sqlite.mjs';
import { web } from './web.mjs';

async function fallBackToBrowser(reason) {
  process.stdout.write(`${reason} — mở ứng dụng trong trình duyệt: địa chỉ in ra bên dưới / opening it in the browser instead (URL below).\n`);
  process.exit(await web());
}

const exe = electronBinary();
if (!exe) {
  await fallBackToBrowser('Chưa có Electron trên máy này (cài đặt ngoại tuyến) / no Electron binary here (offline install)');
}
const binding = await ensureElectronSqlite();
if (!binding) {
  await fallBackToBrowser('Chưa có better-sqlite3 cho Electron / no Electron build of better-sqlite3');
}
await buildApp();

const env = { ...process.env, QCDC_SQLITE_BINDING: binding };
delete env.ELECTRON_RUN_AS_NODE; // would start Electron as plain Node
const args = ['.'];
// Chromium refuses to start as root on Linux without this; dev convenience only (never in the package).
if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
const child = spawn(exe, args, { cwd: ROOT, stdio: 'inherit', env });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
