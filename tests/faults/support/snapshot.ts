import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * A content hash of every table (every row, every column) and of the files in the data folder
 * that calls may create (backups, attachments, exports). Two equal hashes mean a call changed
 * nothing a user could see or restore; row counts alone would miss an UPDATE. Logs are left out:
 * a refused call is rightly logged.
 */
export interface ContentHash {
  /** table (or `files:<folder>`) → hash of its content */
  parts: Record<string, string>;
  digest: string;
}

export function contentHash(db: BetterSqlite3.Database, dataDir?: string): ContentHash {
  const parts: Record<string, string> = {};
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  for (const { name } of tables) {
    const h = createHash('sha256');
    // Unordered scan: an unchanged table scans in the same order, and ordering would cost a sort.
    for (const row of db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate() as Iterable<unknown[]>) {
      for (const value of row) {
        if (Buffer.isBuffer(value)) h.update('b').update(value);
        else h.update(`${typeof value}:${String(value)}`);
        h.update('\u0001');
      }
      h.update('\u0002');
    }
    parts[name] = h.digest('hex');
  }
  if (dataDir) {
    for (const folder of ['backups', 'attachments', 'exports']) {
      const dir = path.join(dataDir, folder);
      const h = createHash('sha256');
      for (const file of listFiles(dir)) h.update(`${file.rel}:${file.size}\u0001`);
      parts[`files:${folder}`] = h.digest('hex');
    }
  }
  const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  return { parts, digest };
}

/**
 * A cheap proof that nothing changed: rows changed by this connection (total_changes counts even
 * rolled-back statements, so it can only over-report), commits by other connections (data_version),
 * and the file names and sizes in the data folder. Equal stamps → equal content; unequal stamps
 * → take the full hash to see whether anything really differs.
 */
const handleIds = new WeakMap<BetterSqlite3.Database, number>();
let nextHandleId = 1;
export function changeStamp(db: BetterSqlite3.Database, dataDir: string): string {
  // A restore reopens the database: a new handle restarts total_changes, so the handle is part of the stamp.
  let id = handleIds.get(db);
  if (id === undefined) handleIds.set(db, (id = nextHandleId++));
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const version = Number(db.pragma('data_version', { simple: true }));
  const files = ['backups', 'attachments', 'exports'].map((f) => listFiles(path.join(dataDir, f)).map((x) => `${x.rel}:${x.size}`).join('|'));
  return `${id}/${changes}/${version}/${files.join('//')}`;
}

function listFiles(dir: string, prefix = ''): Array<{ rel: string; size: number }> {
  if (!fs.existsSync(dir)) return [];
  const out: Array<{ rel: string; size: number }> = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...listFiles(path.join(dir, entry.name), rel + '/'));
    else out.push({ rel, size: fs.statSync(path.join(dir, entry.name)).size });
  }
  return out;
}

/** The names of the parts that differ between two hashes. */
export function changedParts(before: ContentHash, after: ContentHash): string[] {
  const keys = new Set([...Object.keys(before.parts), ...Object.keys(after.parts)]);
  return [...keys].filter((k) => before.parts[k] !== after.parts[k]).sort();
}
