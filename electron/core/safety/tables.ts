import type { SqliteHandle } from '../db/open';
import type { RecordCount } from '../../../shared/schemas/backup';
import { entityLabel, isBookkeepingTable, MAIN_TABLES } from './labels';

/**
 * Raw better-sqlite3 reads of a database's own catalogue (sqlite_master, table_info). They work on
 * the live handle and on backup files alike, and they discover tables added by any feature, so
 * counts and the trash cover new tables without edits here. Table names only ever come from
 * sqlite_master, never from input, so quoting them is safe.
 */
export interface TableInfo {
  name: string;
  columns: string[];
  softDelete: boolean;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function listTables(handle: SqliteHandle): TableInfo[] {
  const rows = handle
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string }>;
  const out: TableInfo[] = [];
  for (const { name } of rows) {
    if (isBookkeepingTable(name)) continue;
    let columns: string[];
    try {
      columns = (handle.prepare(`PRAGMA table_info(${quoteIdent(name)})`).all() as Array<{ name: string }>).map((c) => c.name);
    } catch {
      continue; // virtual tables of a missing module, etc.
    }
    out.push({ name, columns, softDelete: columns.includes('deleted_at') });
  }
  return out;
}

/** Live rows per table (rows in the trash are not counted), main kinds first. */
export function countRecords(handle: SqliteHandle): RecordCount[] {
  const counts: RecordCount[] = [];
  for (const t of listTables(handle)) {
    if (t.name === 'settings') continue;
    const where = t.softDelete ? ' WHERE deleted_at IS NULL' : '';
    try {
      const row = handle.prepare(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}${where}`).get() as { n: number };
      counts.push({ table: t.name, label: entityLabel(t.name), count: Number(row.n) });
    } catch {
      /* an unreadable table shows up in the integrity check instead */
    }
  }
  const rank = (name: string) => {
    const i = MAIN_TABLES.indexOf(name);
    return i < 0 ? MAIN_TABLES.length : i;
  };
  return counts.sort((a, b) => rank(a.table) - rank(b.table) || a.table.localeCompare(b.table));
}

export function totalRecords(counts: RecordCount[]): number {
  return counts.filter((c) => c.table !== 'audit_log').reduce((sum, c) => sum + c.count, 0);
}

export function maxAuditSeq(handle: SqliteHandle): number {
  try {
    const row = handle.prepare('SELECT coalesce(max(seq), 0) AS s FROM audit_log').get() as { s: number };
    return Number(row.s);
  } catch {
    return 0;
  }
}

export function migrationNames(handle: SqliteHandle): string[] {
  try {
    return (handle.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
  } catch {
    return [];
  }
}
