import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * Damages the pages of one table and its indexes, the way a failing disk sector would: the file
 * still opens (so the app shell can draw), quick_check reports the damage.
 */
export function corruptTable(file: string, table: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  const roots = db.prepare('SELECT rootpage FROM sqlite_master WHERE tbl_name = ? AND rootpage > 0').all(table) as Array<{ rootpage: number }>;
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  db.close();
  const bytes = fs.readFileSync(file);
  for (const { rootpage } of roots) {
    const off = (rootpage - 1) * pageSize;
    bytes.fill(0xa5, off + 8, off + pageSize - 8);
  }
  fs.writeFileSync(file, bytes);
}
