import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as electron from 'electron';
import { startApp } from './app';
import { electronLogger } from './log';

/**
 * Entry of the desktop app (out/main/index.js). Kept thin: everything lives in small modules that
 * take Electron as a parameter (tests/main runs them against a fake electron).
 */
startApp({
  electron,
  mainDir: path.dirname(fileURLToPath(import.meta.url)),
  createLogger: electronLogger,
}).catch((err: unknown) => {
  process.stderr.write(`QCDC Desk: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  electron.app.exit(1);
});
