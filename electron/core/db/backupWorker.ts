import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * Copies a live database in a worker thread, from a read snapshot.
 *
 * Why a worker: the copy and its check read every page of the file — 2–4 s at a province's
 * 300 MB, 20–25 s at 2.7 GB — and better-sqlite3 is synchronous, so on the main thread the window
 * (and every channel) would freeze for that long.
 *
 * Why a snapshot: the worker opens its own read-only connection and starts a read transaction
 * before anything else; SQLite's WAL then shows it the database exactly as it was at that moment,
 * whatever the main connection commits afterwards, and the backup API copies through that same
 * connection (no restart on foreign writes: its read transaction never changes). So an import can
 * start writing as soon as `snapshot` resolves, and the copy still holds the data as it was before.
 *
 * The worker is a small CommonJS script given as text (`eval`): it needs no bundling step and runs
 * the same way under Electron, the harness and the tests. It loads the same better-sqlite3 module
 * (and native binding) as the main thread.
 */

export type CopyCheck = 'integrity' | 'quick';

export interface SnapshotCopy {
  /** Resolves once the worker holds its read snapshot: writes after this are not in the copy. */
  snapshot: Promise<void>;
  /** Resolves with the copy's SHA-256 (hex) when it is written, checked and renamed to `destination`. */
  done: Promise<string>;
  /** With `deferCopy`: lets the worker start copying (idempotent). Otherwise it has already started. */
  startCopy(): void;
}

/** Both workers start alike: load the main thread's better-sqlite3, or say it cannot be loaded. */
const WORKER_PRELUDE = `
const { parentPort, workerData } = require('node:worker_threads');
let Database = null;
try {
  Database = require(workerData.driver);
} catch (err) {
  parentPort.postMessage({ type: 'unavailable', message: String((err && err.message) || err) });
}
const native = workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {};
`;

const WORKER_SOURCE = `${WORKER_PRELUDE}
const fs = require('node:fs');
const crypto = require('node:crypto');
function sha256Of(file) {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    let n;
    while ((n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}
if (Database) (async () => {
  const source = new Database(workerData.source, { readonly: true, fileMustExist: true, ...native });
  try {
    source.pragma('busy_timeout = 10000');
    source.exec('BEGIN');
    source.prepare('SELECT count(*) FROM sqlite_schema').get(); // the read snapshot starts here
    parentPort.postMessage({ type: 'snapshot' });
    if (workerData.deferCopy) await new Promise((resolve) => parentPort.once('message', resolve));
    fs.rmSync(workerData.temp, { force: true });
    await source.backup(workerData.temp);
    source.exec('COMMIT');
  } finally {
    source.close();
  }
  // A backup is one self-contained file: a rollback journal, not WAL, so that reading it later
  // (listing, verifying, restoring, several at once) never leaves -wal/-shm files beside it.
  const writable = new Database(workerData.temp, native);
  try {
    writable.pragma('journal_mode = DELETE');
  } finally {
    writable.close();
  }
  const copy = new Database(workerData.temp, { readonly: true, ...native });
  let result;
  try {
    const rows = copy.pragma(workerData.check === 'quick' ? 'quick_check' : 'integrity_check');
    result = rows.map((r) => Object.values(r)[0]).join('; ');
  } finally {
    copy.close();
  }
  if (result !== 'ok') throw new Error('Bản sao lưu không vượt qua kiểm tra toàn vẹn: ' + result);
  // The digest of exactly the bytes renamed into place: verify and restore compare against it.
  const sha256 = sha256Of(workerData.temp);
  fs.renameSync(workerData.temp, workerData.destination);
  parentPort.postMessage({ type: 'done', sha256 });
})().catch((err) => {
  try { fs.rmSync(workerData.temp, { force: true }); } catch {}
  parentPort.postMessage({ type: 'error', message: String((err && err.message) || err) });
});
`;

const CHECK_SOURCE = `${WORKER_PRELUDE}
if (Database) try {
  const db = new Database(workerData.source, { readonly: true, fileMustExist: true, ...native });
  try {
    db.pragma('busy_timeout = 10000');
    const rows = db.pragma(workerData.check === 'quick' ? 'quick_check' : 'integrity_check');
    parentPort.postMessage({ type: 'result', result: rows.map((r) => Object.values(r)[0]).join('; ') });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort.postMessage({ type: 'result', result: String((err && err.message) || err) });
}
`;

/**
 * Runs quick_check (or integrity_check) on a database file in a worker, on its own read-only
 * connection (a consistent snapshot while the app keeps working). `result` is 'ok' or what SQLite
 * reported; WORKER_UNAVAILABLE when no worker could load the driver (the caller checks on its own
 * thread then); null when `cancel` stopped the worker (the app is closing) or it ended without a word.
 */
export function checkDatabaseInWorker(file: string, options: { nativeBinding?: string | undefined; check: CopyCheck }): { result: Promise<string | null>; cancel(): void } {
  let cancelled = false;
  let worker: Worker;
  try {
    worker = new Worker(CHECK_SOURCE, { eval: true, workerData: { driver: driverPath(), nativeBinding: options.nativeBinding ?? null, source: file, check: options.check } });
  } catch {
    return { result: Promise.resolve(WORKER_UNAVAILABLE), cancel: () => undefined };
  }
  let spoke = false;
  const result = new Promise<string | null>((resolve) => {
    worker.on('message', (msg: { type: string; result?: string }) => {
      spoke = true;
      resolve(msg.type === 'unavailable' ? WORKER_UNAVAILABLE : (msg.result ?? null));
    });
    worker.on('error', (err) => resolve(cancelled ? null : spoke ? err.message : WORKER_UNAVAILABLE));
    worker.on('exit', () => resolve(null));
  });
  return {
    result,
    cancel() {
      cancelled = true;
      void worker.terminate();
    },
  };
}

/**
 * What a worker reports when it cannot load better-sqlite3 (a packaging problem: e.g. an archive a
 * worker cannot read). Backups and checks then run on the main thread as before workers were used:
 * slower, never skipped.
 */
export const WORKER_UNAVAILABLE = 'worker-unavailable';

/** True for the error a copy's `snapshot`/`done` reject with when no worker could load the driver. */
export function isWorkerUnavailable(err: unknown): boolean {
  return err instanceof Error && (err as Error & { code?: string }).code === WORKER_UNAVAILABLE;
}

function unavailableError(message: string): Error {
  return Object.assign(new Error(`Không chạy được tiến trình sao lưu nền: ${message}`), { code: WORKER_UNAVAILABLE });
}

let driverOverride: string | null = null;

/** Tests simulate a packaging fault (a driver no worker can load) with a path that does not exist; null restores. */
export function useWorkerDriverForTests(path: string | null): void {
  driverOverride = path;
}

/** The better-sqlite3 entry the main thread uses, for the worker to load the same one. */
function driverPath(): string {
  return driverOverride ?? createRequire(import.meta.url).resolve('better-sqlite3');
}

const running = new Set<Promise<void>>();
/** `startCopy` of the copies still held back (see deferCopy). */
const held = new Set<() => void>();

/**
 * Starts a verified copy of `sourceFile` into `destination` (through `<destination>.partial`,
 * renamed only after the check passes). Failures reject `done` (and `snapshot`, if the worker
 * could not even open the database).
 *
 * `deferCopy`: the worker takes its snapshot and then waits for `startCopy()` (or at most
 * `DEFERRED_COPY_LIMIT_MS`). An import holds the copy back until its transaction has committed:
 * at a national register the copy writes 2.7 GB, and the import's own commit (an fsync of its WAL
 * pages) otherwise queues behind that write-back — 2 s more for a 10,000-row import.
 */
export function copyDatabaseInWorker(
  sourceFile: string,
  destination: string,
  options: { nativeBinding?: string | undefined; check: CopyCheck; deferCopy?: boolean },
): SnapshotCopy {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: driverPath(),
      nativeBinding: options.nativeBinding ?? null,
      source: sourceFile,
      temp: `${destination}.partial`,
      destination,
      check: options.check,
      deferCopy: options.deferCopy === true,
    },
    });
  } catch (err) {
    const failed = Promise.reject(unavailableError(err instanceof Error ? err.message : String(err)));
    failed.catch(() => undefined);
    return { snapshot: failed, done: failed, startCopy: () => undefined };
  }
  let copyStarted = options.deferCopy !== true;
  const startCopy = (): void => {
    if (copyStarted) return;
    copyStarted = true;
    held.delete(startCopy);
    clearTimeout(limit);
    worker.postMessage('copy');
  };
  // Whatever happens to the caller, the copy is never held back for long.
  const limit = setTimeout(startCopy, DEFERRED_COPY_LIMIT_MS);
  limit.unref();
  if (copyStarted) clearTimeout(limit);
  else held.add(startCopy);
  let snapshotSeen = false;
  let resolveSnapshot!: () => void;
  let rejectSnapshot!: (err: Error) => void;
  const snapshot = new Promise<void>((resolve, reject) => {
    resolveSnapshot = resolve;
    rejectSnapshot = reject;
  });
  const done = new Promise<string>((resolve, reject) => {
    let settled = false;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      held.delete(startCopy);
      clearTimeout(limit);
      if (!snapshotSeen) rejectSnapshot(err);
      reject(err);
    };
    let spoke = false;
    worker.on('message', (msg: { type: string; message?: string; sha256?: string }) => {
      spoke = true;
      if (msg.type === 'unavailable') {
        fail(unavailableError(msg.message ?? ''));
      } else if (msg.type === 'snapshot') {
        snapshotSeen = true;
        resolveSnapshot();
      } else if (msg.type === 'done') {
        settled = true;
        resolve(msg.sha256 ?? '');
      } else if (msg.type === 'error') {
        fail(new Error(msg.message ?? 'Sao lưu không thành công.'));
      }
    });
    // An error before the worker said anything: the worker itself could not run.
    worker.on('error', (err) => fail(spoke ? err : unavailableError(err.message)));
    worker.on('exit', (code) => fail(new Error(`Tiến trình sao lưu dừng bất thường (mã ${code}).`)));
  });
  // Nobody may be listening to `snapshot` after a failure that `done` reports.
  snapshot.catch(() => undefined);
  trackBackgroundCopy(done);
  return { snapshot, done, startCopy };
}

const DEFERRED_COPY_LIMIT_MS = 10 * 60 * 1000;

/** Counts `work` (a copy and what follows it: sidecar, rotation) as running until it settles. */
export function trackBackgroundCopy(work: Promise<unknown>): void {
  const tracked: Promise<void> = work.then(
    () => undefined,
    () => undefined,
  );
  running.add(tracked);
  void tracked.then(() => running.delete(tracked));
}

/** Waits for every copy still running (listing backups, closing the app, restoring, moving the data folder). */
export async function settleRunningCopies(): Promise<void> {
  for (const release of held) release(); // a copy held back must start, or this would wait for it in vain
  while (running.size) await Promise.all([...running]);
}
