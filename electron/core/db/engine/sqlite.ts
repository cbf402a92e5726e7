import type { StorageEngine } from './index';
import { createKysely, quickCheck, refreshPlannerStatistics, type SqliteHandle } from '../open';

/** The embedded engine: one better-sqlite3 handle, opened by `openSqlite` with the safe pragmas. */
export function sqliteEngine(handle: SqliteHandle): StorageEngine & { readonly sqlite: SqliteHandle } {
  const db = createKysely(handle);
  return {
    kind: 'sqlite',
    db,
    sqlite: handle,
    refreshStatistics(when) {
      refreshPlannerStatistics(handle, when);
      return Promise.resolve();
    },
    quickCheck: () => Promise.resolve(quickCheck(handle)),
    close: () => db.destroy(), // closes the better-sqlite3 handle too
  };
}
