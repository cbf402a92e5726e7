import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteHandle } from '../../electron/core/db/open';
import { startBackupDatabase } from '../../electron/core/db/backupFile';
import { checkDatabaseInWorker, copyDatabaseInWorker, settleRunningCopies, useWorkerDriverForTests, WORKER_UNAVAILABLE } from '../../electron/core/db/backupWorker';
import { openTestApp, tempDir } from '../support/context';

let live: SqliteHandle | null = null;
afterEach(async () => {
  useWorkerDriverForTests(null);
  await settleRunningCopies();
  live?.close();
  live = null;
});

/** A file database big enough (~40 MB) that the copy is still running when the writes below start. */
function bigDatabase(): { file: string; db: SqliteHandle } {
  const file = path.join(tempDir(), 'live.sqlite');
  const db = openSqlite(file);
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, pad BLOB)');
  const insert = db.prepare('INSERT INTO t (pad) VALUES (randomblob(4000))');
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) insert.run();
  })();
  return { file, db };
}

function countIn(file: string): number {
  const copy = new BetterSqlite3(file, { readonly: true });
  try {
    return (copy.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c;
  } finally {
    copy.close();
  }
}

describe('backup copied in a worker from a read snapshot', () => {
  it('holds the data as it was when the snapshot was taken, whatever is committed while it copies', async () => {
    const { file, db } = bigDatabase();
    live = db;
    const target = path.join(path.dirname(file), 'backups', 'copy.sqlite');
    const copy = startBackupDatabase(db, target, undefined, 'quick');
    await copy.snapshot;
    // Commits on the live connection while the worker is copying.
    let finished = false;
    void copy.done.then(() => (finished = true), () => (finished = true));
    const insert = db.prepare('INSERT INTO t (pad) VALUES (randomblob(10))');
    let writesDuringCopy = 0;
    for (let i = 0; i < 50; i++) {
      db.transaction(() => {
        for (let j = 0; j < 20; j++) insert.run();
      })();
      if (!finished) writesDuringCopy += 20;
      await new Promise((r) => setImmediate(r));
    }
    await copy.done;
    expect(writesDuringCopy).toBeGreaterThan(0);
    expect(countIn(target)).toBe(10_000);
    expect((db.prepare('SELECT count(*) AS c FROM t').get() as { c: number }).c).toBe(11_000);
    // Renamed into place only after its check: no partial file is left.
    expect(fs.existsSync(`${target}.partial`)).toBe(false);
  });

  it('holds a deferred copy back until startCopy (an import commits first), and closing never waits for it in vain', async () => {
    const { file, db } = bigDatabase();
    live = db;
    const target = path.join(path.dirname(file), 'held.sqlite');
    const copy = copyDatabaseInWorker(file, target, { check: 'quick', deferCopy: true });
    await copy.snapshot;
    db.prepare('INSERT INTO t (pad) VALUES (randomblob(10))').run();
    await new Promise((r) => setTimeout(r, 300));
    expect(fs.existsSync(`${target}.partial`) || fs.existsSync(target)).toBe(false); // not started
    copy.startCopy();
    await copy.done;
    expect(countIn(target)).toBe(10_000);

    // A copy nobody starts is started by settleRunningCopies (closing the app, listing backups).
    const forgotten = copyDatabaseInWorker(file, path.join(path.dirname(file), 'forgotten.sqlite'), { check: 'quick', deferCopy: true });
    await forgotten.snapshot;
    await settleRunningCopies();
    await expect(forgotten.done).resolves.toMatch(/^[0-9a-f]{64}$/); // its SHA-256
  });

  it('reports a copy it could not write, and leaves nothing behind', async () => {
    const { file, db } = bigDatabase();
    live = db;
    const target = path.join(path.dirname(file), 'missing-folder', 'copy.sqlite');
    const copy = copyDatabaseInWorker(file, target, { check: 'quick' });
    await copy.snapshot;
    await expect(copy.done).rejects.toThrow();
    expect(fs.existsSync(target)).toBe(false);
  });

  it('fails its snapshot when the database cannot be opened', async () => {
    const dir = tempDir();
    const copy = copyDatabaseInWorker(path.join(dir, 'nothing.sqlite'), path.join(dir, 'copy.sqlite'), { check: 'quick' });
    await expect(copy.snapshot).rejects.toThrow();
    await expect(copy.done).rejects.toThrow();
  });

  it('removes copies a stopped app left half-made, and only those, when the data folder opens', async () => {
    const dir = tempDir();
    const first = await openTestApp({ dir });
    await first.call('backup.create', {});
    await first.close();
    const backups = path.join(dir, 'backups');
    fs.writeFileSync(path.join(backups, 'qcdc-2026-11-27T02-00-00Z-before-import.sqlite.partial'), 'half a copy');
    const before = fs.readdirSync(backups).filter((f) => !f.endsWith('.partial'));
    const again = await openTestApp({ dir });
    try {
      expect(fs.readdirSync(backups).sort()).toEqual(before.sort());
      expect((await again.call('backup.list', {})).backups).toHaveLength(1);
    } finally {
      await again.close();
    }
  });

  it('falls back to copying on this thread, before the snapshot is reported, when no worker can load the driver', async () => {
    const { file, db } = bigDatabase();
    live = db;
    useWorkerDriverForTests(path.join(path.dirname(file), 'no-such-driver.js'));
    const target = path.join(path.dirname(file), 'fallback.sqlite');
    const copy = startBackupDatabase(db, target, undefined, 'quick', { deferCopy: true });
    await copy.snapshot;
    // The copy is already complete when the caller may write: the write is not in it.
    db.prepare('INSERT INTO t (pad) VALUES (randomblob(10))').run();
    await copy.done;
    expect(countIn(target)).toBe(10_000);
    // The background check says so too, and the caller checks on its own thread.
    expect(await checkDatabaseInWorker(file, { check: 'quick' }).result).toBe(WORKER_UNAVAILABLE);
  });
});
