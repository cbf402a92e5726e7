import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../schema';

/*
 * Storage engines (issue #19). The core runs on embedded SQLite (the default: one file in the data
 * folder) or on a shared PostgreSQL server. Repositories stay the only query code and are written
 * once; what truly differs by engine — opening, planner statistics, checks, the search index built by
 * the migrations — lives in one module per engine (sqlite.ts, postgres.ts) behind this interface,
 * chosen once at start (context.ts). docs/architecture.md ("Engines") lists every SQLite-only place.
 */

export type EngineKind = 'sqlite' | 'postgres';

export interface StorageEngine {
  readonly kind: EngineKind;
  readonly db: Kysely<Database>;
  /** Keeps the planner's statistics current (SQLite: pragma optimize; PostgreSQL: ANALYZE). */
  refreshStatistics(when: 'atOpen' | 'atClose'): Promise<void>;
  /** `ok`, or what the engine's own consistency check reported. */
  quickCheck(): Promise<string>;
  /** Closes the Kysely instance and the driver under it. */
  close(): Promise<void>;
}

/**
 * The engine a Kysely instance speaks. Migrations take `Kysely<any>` and branch on this where SQL
 * must differ (FTS5, triggers, identity columns); what they do on SQLite never changes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function engineOf(db: Kysely<any>): EngineKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * `QCDC_DATABASE_URL=postgres://user:pass@host:port/db` selects PostgreSQL for the harness, the
 * tests and the bench; unset (or empty) keeps SQLite in the data folder.
 */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.QCDC_DATABASE_URL?.trim();
  if (!url) return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`QCDC_DATABASE_URL must start with postgres:// (got ${url.split('://')[0]}://…)`);
  return url;
}
