import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { createKysely, openSqlite, quickCheck, refreshPlannerStatistics, type SqliteHandle } from './db/open';
import { ensureDataDir, lockDataDir, type DataDirLayout, type DataDirLock } from './db/dataDir';
import { migrateToLatest, pendingMigrations } from './db/migrate';
import { backupDatabase, fileStamp } from './db/backupFile';
import { settleRunningCopies } from './db/backupWorker';
import { migrations } from './db/migrations';
import { systemClock, type Clock } from './clock';
import { EventBus } from './events';
import { JobRegistry } from './jobs/jobs';
import { silentLogger, type Logger } from './log';
import type { Platform } from './platform';
import type { Actor } from './db/audit';

/** Everything a handler may use. Built once per process (or per test). */
export interface AppContext {
  db: Kysely<Database>;
  sqlite: SqliteHandle;
  layout: DataDirLayout;
  clock: Clock;
  events: EventBus;
  jobs: JobRegistry;
  platform: Platform;
  actor: Actor;
  log: Logger;
  appVersion: string;
  /** `ok`, or what quick_check reported when the app started. */
  startupIntegrity: string;
  schemaVersion: string;
  nativeBinding?: string;
  /**
   * Data safety (restore, moving the data folder, repairing a damaged start): closes the SQLite
   * handle, lets `swap` replace the files while nothing has them open, then opens again with the
   * same steps as at start (quick_check, backup before migrating, migrate) and replaces `db`,
   * `sqlite`, `layout`, `startupIntegrity` on this same object, so every holder of `ctx` sees the
   * new database. With `dataDir`, the new folder is locked and the old lock released. Calls in
   * flight while this runs fail cleanly with an error envelope (their handle is closed).
   */
  reopen(options?: { swap?: () => Promise<void> | void; dataDir?: string }): Promise<void>;
  close(): Promise<void>;
}

export interface ContextOptions {
  dataDir: string;
  platform: Platform;
  clock?: Clock;
  log?: Logger;
  appVersion?: string;
  actor?: Actor;
  nativeBinding?: string;
  /** Tests open many contexts on temporary folders; the lock is still taken unless disabled. */
  lock?: boolean;
}

function defaultActor(): Actor {
  try {
    return { name: os.userInfo().username || 'người dùng' };
  } catch {
    return { name: 'người dùng' };
  }
}

/**
 * Opens the data folder: lock, open with safe pragmas, quick check, backup before migrating an
 * existing database, migrate. The caller owns `close()`.
 */
export async function createAppContext(options: ContextOptions): Promise<AppContext> {
  const layout = ensureDataDir(options.dataDir);
  let lock: DataDirLock | null = options.lock === false ? null : lockDataDir(layout.root);
  const log = options.log ?? silentLogger;
  const clock = options.clock ?? systemClock;
  let sqlite: SqliteHandle | null = null;

  /** Open + quick check + backup before migrating + migrate; shared by start-up and `reopen`. */
  async function openDatabase(target: DataDirLayout): Promise<{ sqlite: SqliteHandle; db: Kysely<Database>; startupIntegrity: string }> {
    const existed = fs.existsSync(target.databaseFile) && fs.statSync(target.databaseFile).size > 0;
    const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    let handle: SqliteHandle | null = null;
    let startupIntegrity = 'ok';
    try {
      handle = openSqlite(target.databaseFile, native);
      if (existed) startupIntegrity = quickCheck(handle);
    } catch (err) {
      // A file too damaged to open (SQLITE_NOTADB/CORRUPT) must not stop the app: start on an empty
      // in-memory stand-in so the data-safety screens can explain and restore a backup (`reopen`).
      if (!String((err as { code?: unknown })?.code ?? '').startsWith('SQLITE_')) throw err;
      startupIntegrity = `Không mở được tệp dữ liệu: ${(err as Error).message}`;
      handle?.close();
      handle = openSqlite(':memory:', native);
    }
    try {
      if (startupIntegrity !== 'ok') log.error('quick_check failed at start', startupIntegrity);
      const db = createKysely(handle);
      const pending = startupIntegrity === 'ok' ? await pendingMigrations(db) : [];
      if (existed && pending.length > 0 && startupIntegrity === 'ok') {
        const file = path.join(target.backupsDir, `truoc-nang-cap-${fileStamp(clock.now())}.sqlite`);
        await backupDatabase(handle, file, options.nativeBinding);
        log.info('backup before migration', { target: file, pending });
      }
      if (startupIntegrity === 'ok') {
        await migrateToLatest(db);
        refreshPlannerStatistics(handle, 'atOpen');
      }
      return { sqlite: handle, db, startupIntegrity };
    } catch (err) {
      handle.close();
      throw err;
    }
  }

  try {
    const opened = await openDatabase(layout);
    sqlite = opened.sqlite;
    const db = opened.db;
    const names = Object.keys(migrations).sort();

    const events = new EventBus();
    let closed = false;
    const ctx: AppContext = {
      db,
      sqlite: opened.sqlite,
      layout,
      clock,
      events,
      jobs: new JobRegistry(events),
      platform: options.platform,
      actor: options.actor ?? defaultActor(),
      log,
      appVersion: options.appVersion ?? '0.0.0',
      startupIntegrity: opened.startupIntegrity,
      schemaVersion: names[names.length - 1] ?? '',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      async reopen(reopenOptions = {}) {
        if (closed) throw new Error('context is closed');
        // A backup still being copied (the one an import started) holds the file open in a worker.
        await settleRunningCopies();
        await ctx.db.destroy(); // closes the better-sqlite3 handle (and checkpoints the WAL)
        let nextLayout = ctx.layout;
        let nextLock = lock;
        try {
          if (reopenOptions.dataDir) {
            nextLayout = ensureDataDir(reopenOptions.dataDir);
            nextLock = options.lock === false ? null : lockDataDir(nextLayout.root);
          }
          await reopenOptions.swap?.();
        } catch (err) {
          if (nextLock !== lock) nextLock?.release();
          // Whatever happened, leave the context usable on the files it had.
          const again = await openDatabase(ctx.layout);
          Object.assign(ctx, { db: again.db, sqlite: again.sqlite, startupIntegrity: again.startupIntegrity });
          throw err;
        }
        const next = await openDatabase(nextLayout);
        if (nextLock !== lock) {
          lock?.release();
          lock = nextLock;
        }
        Object.assign(ctx, { db: next.db, sqlite: next.sqlite, layout: nextLayout, startupIntegrity: next.startupIntegrity });
      },
      async close() {
        if (closed) return;
        closed = true;
        await settleRunningCopies(); // never leave a backup half-written behind
        try {
          if (ctx.startupIntegrity === 'ok') refreshPlannerStatistics(ctx.sqlite, 'atClose');
        } catch (err) {
          log.warn('optimize at close failed', String(err)); // statistics only: never block closing
        }
        await ctx.db.destroy(); // closes the better-sqlite3 handle too
        lock?.release();
      },
    };
    return ctx;
  } catch (err) {
    sqlite?.close();
    lock?.release();
    throw err;
  }
}
