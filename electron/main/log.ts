import path from 'node:path';
import log from 'electron-log/main';
import type { Logger } from '../core/log';

/**
 * The core's Logger on electron-log: `<data>/logs/main.log`, rotated at 5 MB (one old file kept,
 * like the harness's logger). Only index.ts imports this (electron-log loads Electron itself).
 */
export function electronLogger(logsDir: string): Logger {
  log.transports.file.resolvePathFn = () => path.join(logsDir, 'main.log');
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.ELECTRON_RENDERER_URL ? 'info' : 'warn';
  log.errorHandler.startCatching({ showDialog: false });
  const detail = (extra: unknown): unknown[] => (extra === undefined ? [] : [extra]);
  return {
    info: (message, extra) => log.info(message, ...detail(extra)),
    warn: (message, extra) => log.warn(message, ...detail(extra)),
    error: (message, extra) => log.error(message, ...detail(extra)),
  };
}
