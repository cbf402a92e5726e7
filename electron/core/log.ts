import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

function line(level: string, message: string, extra?: unknown): string {
  const detail =
    extra === undefined ? '' : ' ' + (extra instanceof Error ? `${extra.message}\n${extra.stack ?? ''}` : JSON.stringify(extra));
  return `${new Date().toISOString()} [${level}] ${message}${detail}\n`;
}

/** Appends to `<data>/logs/<name>.log` (rotated at 5 MB, one old file kept). Used by the harness and tests. */
export function fileLogger(logsDir: string, name: string, echo = false): Logger {
  const file = path.join(logsDir, `${name}.log`);
  const write = (level: string, message: string, extra?: unknown) => {
    const text = line(level, message, extra);
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > 5 * 1024 * 1024) fs.renameSync(file, `${file}.1`);
      fs.appendFileSync(file, text);
    } catch {
      /* logging must never break a call */
    }
    if (echo) process.stderr.write(text);
  };
  return {
    info: (m, e) => write('info', m, e),
    warn: (m, e) => write('warn', m, e),
    error: (m, e) => write('error', m, e),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
