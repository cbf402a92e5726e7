import BetterSqlite3 from 'better-sqlite3';
import type { Migration } from 'kysely';
import type { SqliteHandle } from './open';
import { createKysely } from './open';
import { migrateToLatest } from './migrate';
import { migrations as allMigrations } from './migrations';

/*
 * The schema fingerprint: what a database's tables, indexes, triggers and views are, as names and
 * normalised SQL. A backup brought from elsewhere (or changed on disk) is restored only when its
 * fingerprint is exactly the one this app's own migrations produce for the same migration list:
 * a planted trigger, view, index or table — which would run its own SQL inside the app after the
 * restore — is refused. The expected fingerprint is computed at run time by migrating a fresh
 * in-memory database with the same migration list (never a stored hash that goes stale when a
 * migration is added).
 */

/** One schema object, normalised: whitespace collapsed, quotes dropped, case folded. */
function normaliseSql(sql: string | null): string {
  if (!sql) return '';
  return sql
    .replace(/["`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;=])\s*/g, '$1')
    .trim()
    .toLowerCase();
}

/** Sorted `type name on table: sql` lines of every object but SQLite's own (sqlite_*: statistics, sequences). */
export function schemaFingerprint(handle: SqliteHandle): string[] {
  const rows = handle
    .prepare("SELECT type, name, tbl_name AS tbl, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name")
    .all() as Array<{ type: string; name: string; tbl: string; sql: string | null }>;
  return rows.map((r) => `${r.type} ${r.name.toLowerCase()} on ${r.tbl.toLowerCase()}: ${normaliseSql(r.sql)}`).sort();
}

const expected = new Map<string, Promise<string[]>>();

/**
 * The fingerprint of a fresh database migrated through `names` (the migrations a backup says it
 * has, in order). Null when one of them is not a migration of this app. Cached per list.
 */
export function expectedFingerprint(names: readonly string[], nativeBinding?: string): Promise<string[]> | null {
  const list: Record<string, Migration> = {};
  for (const name of names) {
    const migration = allMigrations[name];
    if (!migration) return null;
    list[name] = migration;
  }
  const key = [...names].sort().join('|');
  let pending = expected.get(key);
  if (!pending) {
    pending = (async () => {
      const handle = new BetterSqlite3(':memory:', nativeBinding ? { nativeBinding } : {});
      const db = createKysely(handle);
      try {
        await migrateToLatest(db, list);
        return schemaFingerprint(handle);
      } finally {
        await db.destroy();
      }
    })();
    pending.catch(() => expected.delete(key));
    expected.set(key, pending);
  }
  return pending;
}

/**
 * The objects in `file`'s schema that this app's migrations do not produce, and those missing
 * (each as one fingerprint line); both empty when the schema is exactly the app's own.
 */
export async function compareSchema(handle: SqliteHandle, migrationNames: readonly string[], nativeBinding?: string): Promise<{ extra: string[]; missing: string[] } | null> {
  const want = expectedFingerprint(migrationNames, nativeBinding);
  if (!want) return null;
  const wanted = new Set(await want);
  const actual = schemaFingerprint(handle);
  const have = new Set(actual);
  return { extra: actual.filter((line) => !wanted.has(line)), missing: [...wanted].filter((line) => !have.has(line)) };
}
