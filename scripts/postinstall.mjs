// npm postinstall. npm's allowScripts denies electron's own postinstall (it fails the whole install
// when offline); here we try the same download with a time limit and, when it cannot happen, print
// ONE line and succeed, so `npm install` works on offline build machines. Never rebuilds
// better-sqlite3 for Electron: tests need the Node build (see scripts/electron-sqlite.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { ROOT, electronBinary } from './lib.mjs';

const installer = path.join(ROOT, 'node_modules/electron/install.js');
if (!fs.existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || electronBinary()) process.exit(0);

const result = spawnSync(process.execPath, [installer], {
  cwd: path.dirname(installer),
  encoding: 'utf8',
  timeout: Number(process.env.QCDC_ELECTRON_DOWNLOAD_TIMEOUT_MS ?? 180_000),
});
if (result.status === 0 && electronBinary()) {
  process.stdout.write('QCDC Desk: đã tải Electron / Electron binary downloaded.\n');
} else {
  const why = result.error?.code === 'ETIMEDOUT' ? 'hết thời gian chờ / timed out' : 'không có mạng / offline';
  process.stdout.write(
    `QCDC Desk: chưa tải được Electron (${why}) — "npm start" sẽ mở ứng dụng trong trình duyệt; no Electron binary, "npm start" will use the browser.\n`,
  );
}
process.exit(0);
