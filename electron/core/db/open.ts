import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, SqliteDriver, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely';
import type { Database } from './schema';
import { AppError } from '../errors';

export type SqliteHandle = BetterSqlite3.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 binary built for this runtime (the Electron build in `npm start`). */
  nativeBinding?: string;
  readonly?: boolean;
}

/** WAL needs shared memory; on SMB/UNC shares it corrupts or fails, so refuse them up front. */
export function assertLocalPath(file: string): void {
  if (/^(\\\\|\/\/)/.test(file)) {
    throw new AppError(
      'VALIDATION',
      'Không thể đặt dữ liệu trên ổ mạng (đường dẫn \\\\máy\\thư mục). Hãy chọn một thư mục trên ổ đĩa của máy này, ví dụ D:\\QCDC.',
    );
  }
}

/**
 * Opens the SQLite file with the pragmas power cuts demand. better-sqlite3 is compiled with
 * SQLITE_DEFAULT_WAL_SYNCHRONOUS=1, so switching to WAL silently drops to NORMAL: FULL must be
 * set after journal_mode, and `verifyPragmas` proves it took.
 */
export function openSqlite(file: string, options: OpenOptions = {}): SqliteHandle {
  if (file !== ':memory:') assertLocalPath(file);
  const db = new BetterSqlite3(file, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true } : {}),
  });
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  // Statement journals and the temporary b-trees of sorts live in memory, not in temp files: every
  // write that fires the register's triggers (search index, counters) opens a statement journal,
  // and on disk that journal alone cost ~40 µs a row (100k inserts: 7.2 s → 4.2 s). Durability is
  // untouched — the WAL still holds every commit.
  db.pragma('temp_store = MEMORY');
  return db;
}

export interface PragmaState {
  journalMode: string;
  synchronous: number;
  foreignKeys: number;
  busyTimeout: number;
  tempStore: number;
}

export function readPragmas(db: SqliteHandle): PragmaState {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
    foreignKeys: Number(db.pragma('foreign_keys', { simple: true })),
    busyTimeout: Number(db.pragma('busy_timeout', { simple: true })),
    tempStore: Number(db.pragma('temp_store', { simple: true })),
  };
}

/**
 * Kysely's SQLite adapter says DDL is not transactional, so its Migrator would run a migration
 * outside any transaction and a failure half-way would leave half a schema. SQLite does support
 * transactional DDL: say so, and every `migrateUp` step (migration + its bookkeeping row) is atomic.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * After SQLITE_FULL (a full disk), SQLITE_IOERR or SQLITE_NOMEM, SQLite has already rolled the
 * transaction back by itself; Kysely's ROLLBACK then throws "cannot rollback - no transaction is
 * active" and that error replaces the real one, so the user read INTERNAL instead of "the disk is
 * full" (tests/faults/disk.test.ts). Roll back only what is still open.
 */
class AutoRollbackAwareSqliteDriver extends SqliteDriver {
  constructor(private readonly sqlite: SqliteHandle) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class QcdcSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteHandle) {
    super({ database: sqlite });
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }

  override createDriver(): Driver {
    return new AutoRollbackAwareSqliteDriver(this.sqlite);
  }
}

export function createKysely(sqlite: SqliteHandle): Kysely<Database> {
  return new Kysely<Database>({ dialect: new QcdcSqliteDialect(sqlite) });
}

/** `quick_check` at start-up (fast); the full `integrity_check` is for backups. */
/**
 * Keeps the query planner's statistics (sqlite_stat1) current, as SQLite advises for long-lived
 * connections: at open, `optimize=0x10002` analyses every table that was never analysed or has
 * grown a lot since, each reading at most ~400 rows per index (`analysis_limit`), so it costs
 * milliseconds on a province register and ~0.6 s the first time on a national one. Without
 * statistics the planner guesses, and at a million records one search in ten took 90 ms instead
 * of 5 (it walked the wrong index). `atClose` runs the cheap variant SQLite recommends on close.
 */
export function refreshPlannerStatistics(db: SqliteHandle, when: 'atOpen' | 'atClose'): void {
  db.pragma('analysis_limit = 400');
  db.pragma(when === 'atOpen' ? 'optimize = 0x10002' : 'optimize');
}

export function quickCheck(db: SqliteHandle): string {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  return rows.map((r) => r.quick_check).join('; ');
}

export function integrityCheck(db: SqliteHandle): string {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).join('; ');
}
