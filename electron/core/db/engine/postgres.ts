import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../schema';
import type { StorageEngine } from './index';

/**
 * pg returns bigint (count(*), sum()) and numeric as strings, to be safe beyond 2^53. Every count the
 * app reads is far below that, and the repositories (written for SQLite) expect numbers: parse them
 * on this pool only, never through pg's process-wide type table.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

export interface PostgresOptions {
  /** Connections kept open; an office of five PCs needs few, the tests one or two. */
  max?: number;
}

export function createPostgresKysely(url: string, options: PostgresOptions = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, types, application_name: 'qcdc-desk' });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The server engine: a small pool through Kysely's Postgres dialect. */
export function postgresEngine(url: string, options: PostgresOptions = {}): StorageEngine {
  const db = createPostgresKysely(url, options);
  return {
    kind: 'postgres',
    db,
    async refreshStatistics(when) {
      // autovacuum keeps statistics current on a server; at open a plain ANALYZE makes sure a freshly
      // migrated or copied database is planned on real numbers (SQLite's optimize=0x10002 does the same).
      if (when === 'atOpen') await sql`ANALYZE`.execute(db);
    },
    // The server checks its own pages (data checksums, WAL); reaching it and reading is the check here.
    async quickCheck() {
      await db.selectFrom('settings').select('key').limit(1).execute();
      return 'ok';
    },
    close: () => db.destroy(), // ends the pool
  };
}
