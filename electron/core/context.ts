import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { createKysely, openSqlite, quickCheck, type SqliteHandle } from './db/open';
import { ensureDataDir, lockDataDir, type DataDirLayout, type DataDirLock } from './db/dataDir';
import { migrateToLatest, pendingMigrations } from './db/migrate';
import { backupDatabase, fileStamp } from './db/backupFile';
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
  const lock: DataDirLock | null = options.lock === false ? null : lockDataDir(layout.root);
  const log = options.log ?? silentLogger;
  let sqlite: SqliteHandle | null = null;
  try {
    const existed = fs.existsSync(layout.databaseFile) && fs.statSync(layout.databaseFile).size > 0;
    sqlite = openSqlite(layout.databaseFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    const startupIntegrity = existed ? quickCheck(sqlite) : 'ok';
    if (startupIntegrity !== 'ok') log.error('quick_check failed at start', startupIntegrity);
    const db = createKysely(sqlite);
    const clock = options.clock ?? systemClock;

    const pending = await pendingMigrations(db);
    if (existed && pending.length > 0 && startupIntegrity === 'ok') {
      const target = path.join(layout.backupsDir, `truoc-nang-cap-${fileStamp(clock.now())}.sqlite`);
      await backupDatabase(sqlite, target, options.nativeBinding);
      log.info('backup before migration', { target, pending });
    }
    if (startupIntegrity === 'ok') await migrateToLatest(db);
    const names = Object.keys(migrations).sort();

    const events = new EventBus();
    const handle = sqlite;
    let closed = false;
    return {
      db,
      sqlite: handle,
      layout,
      clock,
      events,
      jobs: new JobRegistry(events),
      platform: options.platform,
      actor: options.actor ?? defaultActor(),
      log,
      appVersion: options.appVersion ?? '0.0.0',
      startupIntegrity,
      schemaVersion: names[names.length - 1] ?? '',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      async close() {
        if (closed) return;
        closed = true;
        await db.destroy(); // closes the better-sqlite3 handle too
        lock?.release();
      },
    };
  } catch (err) {
    sqlite?.close();
    lock?.release();
    throw err;
  }
}
