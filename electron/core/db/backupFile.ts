import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteHandle } from './open';
import { integrityCheck } from './open';

/**
 * Consistent copy of a live database: SQLite's online backup API into a temporary file, a full
 * `integrity_check` on the copy, then an atomic rename. Never copy the live file (its -wal holds
 * the latest commits).
 */
export async function backupDatabase(source: SqliteHandle, destination: string, nativeBinding?: string): Promise<void> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const temp = `${destination}.partial`;
  fs.rmSync(temp, { force: true });
  await source.backup(temp);
  const copy = new BetterSqlite3(temp, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const result = integrityCheck(copy);
    if (result !== 'ok') throw new Error(`Bản sao lưu không vượt qua kiểm tra toàn vẹn: ${result}`);
  } finally {
    copy.close();
  }
  fs.renameSync(temp, destination);
}

/** File-name-safe timestamp: 2026-11-27T08-41-25Z. */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}
