import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason, BackupSchedule, RecordCount } from '../../../../shared/schemas/backup';
import type { AppContext } from '../../context';
import { fileStamp, sha256OfFile, startBackupDatabase, type BackupCheck } from '../../db/backupFile';
import { compareSchema } from '../../db/schemaFingerprint';
import { trackBackgroundCopy } from '../../db/backupWorker';
import { integrityCheck } from '../../db/open';
import { migrations } from '../../db/migrations';
import { recordAudit } from '../../db/audit';
import { isoNow } from '../../clock';
import { AppError } from '../../errors';
import type { JobReporter } from '../../jobs/jobs';
import { readSetting, writeSetting } from '../../settings/repository';
import { countRecords, maxAuditSeq, totalRecords } from '../tables';
import {
  backupPath,
  describeDatabase,
  listBackupFiles,
  loadSidecar,
  openReadonly,
  removeBackupFiles,
  toInfo,
  writeSidecar,
  type Sidecar,
} from './files';
import { backupsToRemove, DEFAULT_ROTATION } from './rotation';
import { maintenanceInProgress } from '../maintenance';

const SCHEDULE_KEY = 'safety.backupSchedule';
const DEFAULT_INTERVAL_HOURS = 4;

function assertHealthy(ctx: AppContext): void {
  if (ctx.startupIntegrity !== 'ok') {
    throw new AppError(
      'CONFLICT',
      'Dữ liệu hiện tại đang bị hỏng nên không sao lưu (để không đè lên các bản sao lưu tốt). Hãy phục hồi từ một bản sao lưu.',
    );
  }
}

/**
 * Names handed out and not yet settled. The worker creates `.partial` only some time after the
 * name is chosen, so two backups started in the same second (concurrent imports, a manual backup
 * beside a scheduled one) saw neither file and picked the same name: the reservation is taken
 * synchronously, before any await, and released once the backup is written or has failed.
 */
const reservedTargets = new Set<string>();

function uniqueTarget(dir: string, base: string): { file: string; release(): void } {
  const taken = (file: string): boolean => reservedTargets.has(file) || fs.existsSync(file) || fs.existsSync(`${file}.partial`);
  let candidate = path.join(dir, `${base}.sqlite`);
  for (let i = 2; taken(candidate); i++) candidate = path.join(dir, `${base}-${i}.sqlite`);
  reservedTargets.add(candidate);
  return { file: candidate, release: () => reservedTargets.delete(candidate) };
}

const hashMismatch = (fileName: string) =>
  `Bản sao lưu "${fileName}" đã bị thay đổi sau khi tạo (mã kiểm tra SHA-256 không khớp): tệp có thể bị hỏng trên ổ đĩa hoặc bị sửa. Không dùng được bản này; hãy chọn một bản sao lưu khác.`;

const foreignSchema = (fileName: string) =>
  `Tệp "${fileName}" có cấu trúc dữ liệu khác với cấu trúc do QCDC Desk tạo ra (có bảng, chỉ mục, trigger hoặc view lạ, hoặc thiếu một phần). Để an toàn, phần mềm không dùng tệp này.`;

/**
 * Whether a backup file is one to restore from: its recorded SHA-256 (when it has one), then
 * integrity_check, then a schema exactly the one this app's migrations produce. Returns the
 * Vietnamese reason it is not, or null; `note` says how it was checked.
 */
async function checkBackupFile(
  ctx: AppContext,
  file: string,
  displayName: string,
  recordedSha256: string | undefined,
): Promise<{ problem: string | null; note: string; described: ReturnType<typeof describeDatabase> }> {
  const native = ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {};
  let note = 'Đã kiểm tra mã SHA-256 ghi khi tạo, tính toàn vẹn và cấu trúc dữ liệu.';
  if (recordedSha256) {
    if (sha256OfFile(file) !== recordedSha256) {
      return { problem: hashMismatch(displayName), note: 'Mã kiểm tra SHA-256 không khớp.', described: describeDatabase(file, { check: false, ...native }) };
    }
  } else {
    note = 'Bản sao lưu này chưa có mã kiểm tra SHA-256 (tạo bởi phiên bản cũ): đã kiểm tra tính toàn vẹn và cấu trúc dữ liệu thay thế.';
  }
  const described = describeDatabase(file, { check: true, ...native });
  if (described.integrity !== 'ok') {
    return { problem: `Tệp "${displayName}" bị hỏng (không vượt qua kiểm tra toàn vẹn).`, note, described };
  }
  if (described.migrations.length === 0) return { problem: `Tệp "${displayName}" không phải là dữ liệu QCDC Desk.`, note, described };
  if (described.migrations.some((m) => !Object.prototype.hasOwnProperty.call(migrations, m))) {
    return { problem: 'Bản sao lưu này được tạo bởi phiên bản QCDC Desk mới hơn; hãy cập nhật phần mềm trước.', note, described };
  }
  const handle = openReadonly(file, ctx.nativeBinding);
  try {
    const diff = await compareSchema(handle, described.migrations, ctx.nativeBinding);
    if (!diff || diff.extra.length > 0 || diff.missing.length > 0) {
      ctx.log.warn('backup schema differs from the migrations', { file: displayName, extra: diff?.extra.slice(0, 10), missing: diff?.missing.slice(0, 10) });
      return { problem: foreignSchema(displayName), note, described };
    }
  } finally {
    handle.close();
  }
  return { problem: null, note, described };
}

/** A backup whose copy is being made; `done` settles when it is written, checked and listed. */
export interface StartedBackup {
  fileName: string;
  done: Promise<BackupInfo>;
  /** Started with `deferCopy`: lets the copy begin (see copyDatabaseInWorker). */
  startCopy(): void;
}

/**
 * Starts one verified backup of the live database into `<data>/backups` and resolves as soon as the
 * copy's snapshot is held (backupWorker.ts): writes made after that are not in it. The copy (SQLite's
 * backup API), its check, the rename, the sidecar with the record counts and the rotation of the
 * automatic ones finish in `done`, the copy and check in a worker thread.
 */
export async function startBackup(
  ctx: AppContext,
  reason: BackupReason,
  options: { note?: string | null; check?: BackupCheck; deferCopy?: boolean } = {},
): Promise<StartedBackup> {
  assertHealthy(ctx);
  const now = ctx.clock.now();
  // Reason last in the name; the stamp sorts by time and carries the date when the sidecar is lost.
  const target = uniqueTarget(ctx.layout.backupsDir, `qcdc-${fileStamp(now)}-${reason}`);
  const file = target.file;
  const check = options.check ?? 'integrity';
  let copy: ReturnType<typeof startBackupDatabase>;
  try {
    copy = startBackupDatabase(ctx.sqlite, file, ctx.nativeBinding, check, {
      deferCopy: options.deferCopy === true,
      onWorkerUnavailable: (message) => ctx.log.warn('worker-unavailable: backup copied on the main thread', message),
    });
    await copy.snapshot;
  } catch (err) {
    target.release();
    throw err;
  }
  const done = copy.done.then((sha256) => {
    const described = describeDatabase(file, { check: false, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) });
    const sidecar: Sidecar = {
      version: 1,
      createdAt: now.toISOString(),
      reason,
      note: options.note ?? null,
      counts: described.counts,
      integrity: 'ok', // the copy is renamed into place only after passing its check
      checkedWith: check === 'quick' ? 'quick_check' : 'integrity_check',
      schemaVersion: described.schemaVersion,
      appVersion: ctx.appVersion,
      auditSeq: described.auditSeq,
      ...(sha256 ? { sha256 } : {}),
    };
    writeSidecar(file, sidecar);
    // The copy just made is the one the coming operation relies on: rotation never takes it, even
    // when more backups than it keeps share its second (their dates tie).
    if (reason !== 'manual') rotateBackups(ctx, path.basename(file));
    ctx.log.info('backup created', { file, reason });
    return toInfo(file, sidecar);
  });
  void done.then(target.release, target.release);
  trackBackgroundCopy(done); // listing, restoring and closing wait for the sidecar and rotation too
  return { fileName: path.basename(file), done, startCopy: copy.startCopy };
}

/** Makes one verified backup and waits for it (see startBackup). Exported for the Electron main (on quit) and the harness. */
export async function createBackup(
  ctx: AppContext,
  reason: BackupReason,
  options: { note?: string | null; job?: JobReporter; check?: BackupCheck } = {},
): Promise<BackupInfo> {
  const { job } = options;
  await job?.progress('Đang sao lưu dữ liệu', 0, 2);
  const started = await startBackup(ctx, reason, { note: options.note ?? null, ...(options.check ? { check: options.check } : {}) });
  const info = await started.done;
  await job?.progress('Hoàn tất', 2, 2);
  return info;
}

/**
 * Called by bulk actions, restores and moves before they change anything, so the user can always
 * go back to the data as it was just before.
 */
export async function backupBeforeRiskyOperation(ctx: AppContext, reason: BackupReason, job?: JobReporter): Promise<BackupInfo> {
  // quick_check: see backupDatabase. Scheduled, manual and on-quit backups keep the full check.
  return createBackup(ctx, reason, job ? { job, check: 'quick' } : { check: 'quick' });
}

/**
 * The backup before an import: resolves once the copy's snapshot is held, so the import writes
 * while the copy of the data as it was before waits; the caller calls `startCopy()` once its
 * transaction has ended, and the copy is made and checked in a worker (at a national register,
 * waiting for the copy would make a 10,000-row import take 25 s instead of 2–3 s). A copy that
 * fails after the import committed is logged and told to the user in Vietnamese; the import's audit
 * entry still lists every record it wrote.
 */
export async function startBackupBeforeImport(ctx: AppContext, job?: JobReporter): Promise<StartedBackup> {
  await job?.progress('Đang sao lưu dữ liệu', 0, 1);
  const started = await startBackup(ctx, 'before-import', { check: 'quick', deferCopy: true });
  started.done.catch((err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    ctx.log.error('backup before import failed', message);
    ctx.platform.notify('Sao lưu trước khi nhập không thành công', `Bản sao lưu dữ liệu trước khi nhập tệp chưa được tạo: ${message}. Hãy tạo một bản sao lưu trong mục Dữ liệu.`);
  });
  return started;
}

export function listBackups(ctx: AppContext): BackupInfo[] {
  const native = ctx.nativeBinding;
  return listBackupFiles(ctx.layout.backupsDir)
    .map((file) => toInfo(file, loadSidecar(file, native)))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function rotateBackups(ctx: AppContext, protect?: string): string[] {
  const remove = backupsToRemove(listBackups(ctx), ctx.clock.now(), DEFAULT_ROTATION).filter((b) => b.fileName !== protect);
  for (const b of remove) removeBackupFiles(path.join(ctx.layout.backupsDir, b.fileName));
  return remove.map((b) => b.fileName);
}

export function newestGoodBackup(ctx: AppContext): BackupInfo | null {
  return listBackups(ctx).find((b) => b.integrity === 'ok' && isRestorableSchema(b.schemaVersion)) ?? null;
}

function isRestorableSchema(schemaVersion: string): boolean {
  return schemaVersion === '' || Object.prototype.hasOwnProperty.call(migrations, schemaVersion);
}

/**
 * Verify: the SHA-256 recorded at creation, then integrity_check and the schema fingerprint (older
 * backups without a hash get only the latter two, and are told so). The result is kept in the
 * sidecar (its `integrity` is `ok` or the reason in Vietnamese); the recorded hash is never
 * replaced by the file's current one.
 */
export async function verifyBackup(ctx: AppContext, fileName: string, job?: JobReporter): Promise<BackupInfo> {
  const file = backupPath(ctx.layout.backupsDir, fileName);
  await job?.progress('Đang kiểm tra toàn vẹn', 0, 1);
  const previous = loadSidecar(file, ctx.nativeBinding);
  const { problem, note, described } = await checkBackupFile(ctx, file, fileName, previous.sha256);
  const sidecar: Sidecar = {
    ...previous,
    counts: described.counts.length ? described.counts : previous.counts,
    integrity: problem ?? 'ok',
    schemaVersion: described.schemaVersion || previous.schemaVersion,
  };
  writeSidecar(file, sidecar);
  await job?.progress('Hoàn tất', 1, 1);
  return { ...toInfo(file, sidecar), verification: note };
}

export function deleteBackup(ctx: AppContext, fileName: string): boolean {
  const file = backupPath(ctx.layout.backupsDir, fileName);
  removeBackupFiles(file);
  return true;
}

export function currentCounts(ctx: AppContext): { counts: RecordCount[]; totalRecords: number } {
  if (ctx.startupIntegrity !== 'ok') return { counts: [], totalRecords: 0 };
  const counts = countRecords(ctx.sqlite);
  return { counts, totalRecords: totalRecords(counts) };
}

// ---- schedule ---------------------------------------------------------------------------------

export async function getSchedule(ctx: AppContext): Promise<BackupSchedule> {
  let intervalHours = DEFAULT_INTERVAL_HOURS;
  if (ctx.startupIntegrity === 'ok') {
    const row = await readSetting(ctx.db, SCHEDULE_KEY);
    const parsed = row ? (JSON.parse(row.value) as { intervalHours?: unknown }) : null;
    if (parsed && typeof parsed.intervalHours === 'number') intervalHours = parsed.intervalHours;
  }
  const lastAutomatic = listBackups(ctx).find((b) => b.reason === 'scheduled' || b.reason === 'quit');
  return {
    intervalHours,
    lastAutomaticAt: lastAutomatic?.createdAt ?? null,
    keepRecent: DEFAULT_ROTATION.keepRecent,
    keepDailyDays: DEFAULT_ROTATION.keepDailyDays,
  };
}

export async function setSchedule(ctx: AppContext, intervalHours: number): Promise<BackupSchedule> {
  assertHealthy(ctx);
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readSetting(trx, SCHEDULE_KEY);
    await writeSetting(trx, SCHEDULE_KEY, JSON.stringify({ intervalHours }), at);
    await recordAudit(trx, ctx.actor, at, {
      entity: 'settings',
      entityId: SCHEDULE_KEY,
      action: before ? 'update' : 'create',
      before: before ? (JSON.parse(before.value) as unknown) : undefined,
      after: { intervalHours },
    });
  });
  return getSchedule(ctx);
}

/**
 * One scheduler tick: a backup when the interval has passed since the last automatic one AND
 * something changed since (the audit log grew), so an idle PC does not fill the disk.
 */
export async function runScheduledBackupIfDue(ctx: AppContext): Promise<BackupInfo | null> {
  if (ctx.startupIntegrity !== 'ok' || maintenanceInProgress(ctx)) return null;
  const schedule = await getSchedule(ctx);
  if (schedule.intervalHours <= 0) return null;
  const backups = listBackups(ctx);
  const lastAuto = backups.find((b) => b.reason === 'scheduled' || b.reason === 'quit');
  const now = ctx.clock.now().getTime();
  if (lastAuto && now - new Date(lastAuto.createdAt).getTime() < schedule.intervalHours * 3600_000) return null;
  const newest = backups[0];
  const newestSeq = newest ? loadSidecar(path.join(ctx.layout.backupsDir, newest.fileName), ctx.nativeBinding).auditSeq : -1;
  if (newest && maxAuditSeq(ctx.sqlite) === newestSeq && newestSeq >= 0) return null; // nothing changed
  return createBackup(ctx, 'scheduled');
}

/**
 * For the Electron main's quit handler: a backup when something changed since the newest one.
 * Never throws (a damaged database or a full disk must not stop the app from closing); returns
 * the backup made, or null.
 */
export async function backupOnQuit(ctx: AppContext): Promise<BackupInfo | null> {
  try {
    if (ctx.startupIntegrity !== 'ok' || maintenanceInProgress(ctx)) return null;
    const newest = listBackups(ctx)[0];
    if (newest) {
      const seq = loadSidecar(path.join(ctx.layout.backupsDir, newest.fileName), ctx.nativeBinding).auditSeq;
      if (seq === maxAuditSeq(ctx.sqlite)) return null;
    }
    return await createBackup(ctx, 'quit');
  } catch (err) {
    ctx.log.error('backup on quit failed', err);
    return null;
  }
}

/**
 * Starts the automatic backups: a check every `checkEveryMs` (default a minute). Returns the stop
 * function. Exported for the Electron main and the harness.
 */
export function startBackupScheduler(ctx: AppContext, options: { checkEveryMs?: number } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runScheduledBackupIfDue(ctx);
    } catch (err) {
      ctx.log.error('scheduled backup failed', err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.checkEveryMs ?? 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}

// ---- restore ----------------------------------------------------------------------------------

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Restore: check the backup (full integrity_check, a schema this version knows), keep the
 * current data first (a verified backup, or when the current file is damaged a raw copy of its
 * files into backups/hong-<time>/), then swap files while the database is closed, reopen
 * (migrating an older backup), and check again.
 */
export async function restoreBackup(ctx: AppContext, fileName: string, job?: JobReporter) {
  const source = backupPath(ctx.layout.backupsDir, fileName);
  await job?.progress('Đang kiểm tra bản sao lưu', 0, 4);
  // Hash (when recorded), integrity_check and a schema this app's migrations produce: a changed
  // byte or a planted trigger/view is refused here, before anything is touched.
  const recorded = loadSidecar(source, ctx.nativeBinding);
  const { problem, described } = await checkBackupFile(ctx, source, fileName, recorded.sha256);
  if (problem) throw new AppError('VALIDATION', `${problem} Không thể phục hồi từ bản này; dữ liệu hiện tại được giữ nguyên.`);
  const restoredFrom = toInfo(source, { ...recorded, integrity: 'ok', counts: described.counts });

  // Stage the copy first: rotation after the safety backup may remove old backup files.
  const db = ctx.layout.databaseFile;
  const stamp = fileStamp(ctx.clock.now());
  const staged = `${db}.restoring`;
  fs.copyFileSync(source, staged);
  fsyncFile(staged);

  await job?.progress('Đang lưu bản an toàn của dữ liệu hiện tại', 1, 4);
  const healthy = ctx.startupIntegrity === 'ok';
  let safetyBackup: BackupInfo | null = null;
  try {
    safetyBackup = healthy ? await createBackup(ctx, 'before-restore') : null;
  } catch (err) {
    fs.rmSync(staged, { force: true });
    throw err;
  }

  await job?.progress('Đang thay tệp dữ liệu', 2, 4);
  const asideDir = path.join(ctx.layout.backupsDir, healthy ? `.truoc-phuc-hoi-${stamp}` : `hong-${stamp}`);
  const swap = () => {
    // The handle is closed here: the files are quiet, so renames are safe.
    fs.mkdirSync(asideDir, { recursive: true });
    for (const suffix of SIDE_FILES) {
      if (fs.existsSync(db + suffix)) fs.renameSync(db + suffix, path.join(asideDir, path.basename(db) + suffix));
    }
    fs.renameSync(staged, db);
  };
  const undo = () => {
    for (const suffix of SIDE_FILES) fs.rmSync(db + suffix, { force: true });
    for (const suffix of SIDE_FILES) {
      const kept = path.join(asideDir, path.basename(db) + suffix);
      if (fs.existsSync(kept)) fs.renameSync(kept, db + suffix);
    }
  };
  try {
    await ctx.reopen({ swap });
  } catch (err) {
    ctx.log.error('restore failed, putting the previous files back', err);
    await ctx.reopen({ swap: undo }).catch((e: unknown) => ctx.log.error('undo of restore failed', e));
    throw new AppError('INTERNAL', 'Phục hồi không thành công; dữ liệu trước đó đã được giữ nguyên.');
  } finally {
    fs.rmSync(staged, { force: true });
  }
  // A healthy previous file is already in the verified safety backup; a damaged one stays in hong-… .
  if (healthy) fs.rmSync(asideDir, { recursive: true, force: true });

  await job?.progress('Đang kiểm tra dữ liệu sau phục hồi', 3, 4);
  const integrity = integrityCheck(ctx.sqlite);
  if (integrity !== 'ok') {
    throw new AppError('INTERNAL', `Dữ liệu sau phục hồi không vượt qua kiểm tra toàn vẹn: ${integrity}`);
  }
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute((trx) =>
    recordAudit(trx, ctx.actor, at, {
      entity: 'database',
      entityId: fileName,
      action: 'restore-backup',
      after: { fileName, createdAt: restoredFrom.createdAt, safetyBackup: safetyBackup?.fileName ?? null },
      note: `Phục hồi từ bản sao lưu ngày ${restoredFrom.createdAt}`,
    }),
  );
  const counts = countRecords(ctx.sqlite);
  await job?.progress('Hoàn tất', 4, 4);
  return { restoredFrom, safetyBackup, integrity, counts, totalRecords: totalRecords(counts) };
}

// ---- copies elsewhere -------------------------------------------------------------------------

/** Copies a backup (or a fresh one) into a folder the user picks, e.g. a USB stick. */
export async function exportBackupToFolder(ctx: AppContext, fileName: string | undefined, job?: JobReporter) {
  const choose = ctx.platform.chooseDirectory;
  if (!choose) {
    throw new AppError('UNAVAILABLE', 'Chọn thư mục chỉ có trong ứng dụng trên máy tính. Trong trình duyệt, hãy dùng nút "Tải về".');
  }
  const folder = await choose.call(ctx.platform, 'Chọn thư mục (ví dụ ổ USB) để lưu bản sao');
  if (!folder) return { saved: false, path: null };
  const info = fileName ? null : await createBackup(ctx, 'manual', job ? { job } : {});
  const source = backupPath(ctx.layout.backupsDir, fileName ?? info!.fileName);
  const target = path.join(folder, path.basename(source));
  const temp = `${target}.partial`;
  fs.copyFileSync(source, temp); // a finished backup file is not live: a plain copy is consistent
  const check = describeDatabase(temp, { check: true, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) });
  if (check.integrity !== 'ok') {
    fs.rmSync(temp, { force: true });
    throw new AppError('INTERNAL', 'Bản sao trên thư mục đã chọn không đọc lại được; hãy thử thư mục hoặc ổ khác.');
  }
  fs.renameSync(temp, target);
  const sidecar = source.replace(/\.sqlite$/, '.json');
  if (fs.existsSync(sidecar)) fs.copyFileSync(sidecar, target.replace(/\.sqlite$/, '.json'));
  return { saved: true, path: target };
}

export function readBackupBytes(ctx: AppContext, fileName: string) {
  const file = backupPath(ctx.layout.backupsDir, fileName);
  return { fileName, mimeType: 'application/vnd.sqlite3', bytes: new Uint8Array(fs.readFileSync(file)) };
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * A backup file brought back from a USB stick or another PC (after reinstalling Windows): checked
 * like any backup (a SQLite file, full integrity_check, a schema this version knows), then added
 * to the list as a manual backup so it can be previewed and restored. Nothing else changes.
 */
export async function importBackupFile(ctx: AppContext, originalName: string, bytes: Uint8Array): Promise<BackupInfo> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (bytes.length < 512 || head !== SQLITE_MAGIC) {
    throw new AppError('VALIDATION', `Tệp "${originalName}" không phải là bản sao lưu của QCDC Desk (cần tệp .sqlite do phần mềm tạo ra).`, {
      bytes: 'Tệp không phải bản sao lưu.',
    });
  }
  const now = ctx.clock.now();
  const target = uniqueTarget(ctx.layout.backupsDir, `qcdc-${fileStamp(now)}-manual`);
  const file = target.file;
  const temp = `${file}.partial`;
  // Header bytes 18–19 say "WAL" in a copy of a live database: set to the rollback journal (1, 1),
  // as the app's own backups are, so reading the file never leaves -wal/-shm files beside it.
  const stored = new Uint8Array(bytes);
  if (stored[18] === 2 && stored[19] === 2) stored.set([1, 1], 18);
  fs.writeFileSync(temp, stored);
  try {
    const { problem, described } = await checkBackupFile(ctx, temp, originalName, undefined);
    if (problem) throw new AppError('VALIDATION', problem, { bytes: 'Tệp không dùng được làm bản sao lưu.' });
    const sha256 = sha256OfFile(temp);
    fs.renameSync(temp, file);
    const sidecar: Sidecar = {
      version: 1,
      createdAt: now.toISOString(),
      reason: 'manual',
      note: `Nhập từ tệp ${originalName}`.slice(0, 300),
      counts: described.counts,
      integrity: 'ok',
      schemaVersion: described.schemaVersion,
      appVersion: ctx.appVersion,
      auditSeq: described.auditSeq,
      sha256,
    };
    writeSidecar(file, sidecar);
    return toInfo(file, sidecar);
  } finally {
    fs.rmSync(temp, { force: true });
    target.release();
  }
}
