import { sql } from 'kysely';
import type { Db } from '../../db/audit';

/**
 * Generic reads and writes over any soft-deletable table. The table and column names come from
 * sqlite_master / table_info (see ../tables.ts), never from input, and still go through
 * `sql.table`/`sql.ref` so they are quoted; values are parameters.
 */
export interface DeletedRow {
  id: string;
  title: string | null;
  deleted_at: string;
}

/** `title`: a column of the table, or one of the fixed expressions of labels.ts (TITLE_EXPRESSIONS). */
export async function listDeleted(db: Db, table: string, title: { column: string } | { expression: string } | null, limit: number): Promise<DeletedRow[]> {
  const titleSql = !title
    ? sql<null>`NULL`
    : 'column' in title
      ? sql<string | null>`CAST(${sql.ref(title.column)} AS TEXT)`
      : sql<string | null>`CAST((${sql.raw(title.expression)}) AS TEXT)`;
  const result = await sql<DeletedRow>`
    SELECT CAST(id AS TEXT) AS id, ${titleSql} AS title, deleted_at
    FROM ${sql.table(table)}
    WHERE deleted_at IS NOT NULL
    ORDER BY deleted_at DESC
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

export async function countDeleted(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE deleted_at IS NOT NULL`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

export async function readRow(db: Db, table: string, id: string): Promise<Record<string, unknown> | null> {
  const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} WHERE id = ${id}`.execute(db);
  return result.rows[0] ?? null;
}

export async function clearDeletedAt(db: Db, table: string, id: string, at: string, hasUpdatedAt: boolean): Promise<void> {
  if (hasUpdatedAt) {
    await sql`UPDATE ${sql.table(table)} SET deleted_at = NULL, updated_at = ${at} WHERE id = ${id}`.execute(db);
  } else {
    await sql`UPDATE ${sql.table(table)} SET deleted_at = NULL WHERE id = ${id}`.execute(db);
  }
}
