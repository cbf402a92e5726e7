import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { createKysely, openSqlite, quickCheck, refreshPlannerStatistics, type SqliteHandle } from './db/open';
import { ensureDataDir, lockDataDir, type DataDirLayout, type DataDirLock } from './db/dataDir';
import { migrateToLatest, pendingMigrations } from './db/migrate';
import { backupDatabase, fileStamp, removeUnfinishedCopies } from './db/backupFile';
import { checkDatabaseInWorker, settleRunningCopies, WORKER_UNAVAILABLE } from './db/backupWorker';
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
  /** The start-up check is still running in a worker (see ContextOptions.deferStartupCheckMs). */
  integrityChecking: boolean;
  /**
   * Starts the deferred start-up check now if it is still waiting, and resolves once its result is
   * applied (at once when there is none). The registry awaits it before any write.
   */
  startupChecked?(): Promise<void>;
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
  /**
   * The desktop app and the harness: when no migration is pending, the start-up quick_check runs in
   * a worker this many milliseconds after opening, instead of before anything is shown (10–12 s for a
   * 2.7 GB national register; < 1 s at province size). A damaged result then switches the app to
   * the recovery screen (event `integrity.changed`). Without it (tests), the check runs at open.
   */
  deferStartupCheckMs?: number;
}

/**
 * How long after start the desktop app (and the harness, the bench) waits before checking the
 * database in the background. Checking a 2.7 GB register keeps one of a typical office PC's two
 * cores busy for ~10 s: started 3 s after opening, it slowed the first screen and the first scroll
 * by a third. A minute later the officer is at work; damage found then still stops every change
 * and offers the newest good backup (a province's register is checked in under a second).
 */
export const STARTUP_CHECK_DELAY_MS = 60_000;

/** True when the file has migrations still to apply (or no migration table yet). */
function hasPendingMigrations(handle: SqliteHandle): boolean {
  const table = handle.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'kysely_migration'").get();
  if (!table) return true;
  const done = new Set(handle.prepare('SELECT name FROM kysely_migration').pluck().all() as string[]);
  return Object.keys(migrations).some((name) => !done.has(name));
}

/**
 * Runs the start-up quick_check in a worker after `delayMs` (the first screen is drawn meanwhile).
 * Damage found switches the context to its recovery state exactly as a check at open would, tells
 * the window (`integrity.changed`) and the user (a notification in Vietnamese).
 *
 * `now()` starts the check at once if it has not started and resolves when its result is applied:
 * the registry calls it before the first write (see checkAccess), so a write is never accepted on
 * a database whose check has not finished. Reading stays instant from the first second; only a
 * write in the first minute waits for the check (under a second at a province's 300 MB, 10–12 s
 * at a national 2.7 GB register — once, against a write landing on a damaged file).
 */
function startDeferredCheck(ctx: AppContext, delayMs: number): { cancel(): void; now(): Promise<void> } {
  let check: { cancel(): void } | null = null;
  let cancelled = false;
  let finished: Promise<void> | null = null;
  const run = (): Promise<void> => {
    if (finished) return finished;
    clearTimeout(timer);
    const file = ctx.layout.databaseFile;
    const running = checkDatabaseInWorker(file, { nativeBinding: ctx.nativeBinding, check: 'quick' });
    check = running;
    finished = running.result.then((reported) => {
      if (cancelled) return;
      // No worker could load the driver (a packaging fault): check on this thread, as before workers.
      if (reported === WORKER_UNAVAILABLE) ctx.log.warn('worker-unavailable: start-up check run on the main thread', file);
      const result = reported === WORKER_UNAVAILABLE ? quickCheck(ctx.sqlite) : reported;
      ctx.integrityChecking = false;
      if (result === null) {
        ctx.log.warn('start-up check did not finish', file);
        return;
      }
      if (result === 'ok') return;
      ctx.startupIntegrity = result;
      ctx.log.error('quick_check failed after start', result);
      ctx.events.emit('integrity.changed', { ok: false });
      ctx.platform.notify('Dữ liệu bị hỏng', 'Kiểm tra khi khởi động phát hiện tệp dữ liệu bị hỏng. Phần mềm tạm dừng việc sửa dữ liệu; hãy phục hồi từ bản sao lưu ở mục "Sao lưu, dữ liệu".');
    });
    return finished;
  };
  const timer = setTimeout(() => void run(), delayMs);
  timer.unref();
  return {
    cancel() {
      cancelled = true;
      clearTimeout(timer);
      check?.cancel();
    },
    now: () => (cancelled ? Promise.resolve() : run()),
  };
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
  async function openDatabase(
    target: DataDirLayout,
    mayDeferCheck = false,
  ): Promise<{ sqlite: SqliteHandle; db: Kysely<Database>; startupIntegrity: string; checkDeferred: boolean }> {
    const existed = fs.existsSync(target.databaseFile) && fs.statSync(target.databaseFile).size > 0;
    const native = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    let handle: SqliteHandle | null = null;
    let startupIntegrity = 'ok';
    let checkDeferred = false;
    try {
      handle = openSqlite(target.databaseFile, native);
      // The check may run after start (in a worker, see startDeferredCheck) only when nothing is
      // about to be migrated: a damaged file must never be migrated.
      if (existed && mayDeferCheck && !hasPendingMigrations(handle)) checkDeferred = true;
      else if (existed) startupIntegrity = quickCheck(handle);
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
        try {
          refreshPlannerStatistics(handle, 'atOpen');
        } catch (err) {
          if (!checkDeferred) throw err;
          // Reading the statistics met a damaged page before the deferred check ran: check now.
          checkDeferred = false;
          startupIntegrity = quickCheck(handle);
          if (startupIntegrity === 'ok') throw err;
          log.error('quick_check failed at start', startupIntegrity);
        }
      }
      return { sqlite: handle, db, startupIntegrity, checkDeferred };
    } catch (err) {
      handle.close();
      throw err;
    }
  }

  try {
    const unfinished = removeUnfinishedCopies(layout.backupsDir);
    if (unfinished.length) log.warn('removed backups left unfinished by the last run', unfinished);
    const opened = await openDatabase(layout, options.deferStartupCheckMs !== undefined);
    sqlite = opened.sqlite;
    const db = opened.db;
    const names = Object.keys(migrations).sort();

    const events = new EventBus();
    let closed = false;
    let deferredCheck: { cancel(): void; now(): Promise<void> } | null = null;
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
      integrityChecking: opened.checkDeferred,
      schemaVersion: names[names.length - 1] ?? '',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      startupChecked: () => (ctx.integrityChecking && deferredCheck ? deferredCheck.now() : Promise.resolve()),
      async reopen(reopenOptions = {}) {
        if (closed) throw new Error('context is closed');
        deferredCheck?.cancel(); // the files are about to change: the next open checks them itself
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
          Object.assign(ctx, { db: again.db, sqlite: again.sqlite, startupIntegrity: again.startupIntegrity, integrityChecking: false });
          throw err;
        }
        const next = await openDatabase(nextLayout);
        if (nextLock !== lock) {
          lock?.release();
          lock = nextLock;
        }
        Object.assign(ctx, { db: next.db, sqlite: next.sqlite, layout: nextLayout, startupIntegrity: next.startupIntegrity, integrityChecking: false });
      },
      async close() {
        if (closed) return;
        closed = true;
        deferredCheck?.cancel();
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
    if (opened.checkDeferred) deferredCheck = startDeferredCheck(ctx, options.deferStartupCheckMs ?? 0);
    return ctx;
  } catch (err) {
    sqlite?.close();
    lock?.release();
    throw err;
  }
}
