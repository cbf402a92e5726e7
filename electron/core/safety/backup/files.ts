import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { BACKUP_REASON_LABELS, BACKUP_REASONS, backupFileNameSchema, type BackupInfo, type BackupReason } from '../../../../shared/schemas/backup';
import { integrityCheck, type SqliteHandle } from '../../db/open';
import { AppError, notFound } from '../../errors';
import { countRecords, maxAuditSeq, migrationNames, totalRecords } from '../tables';

/**
 * Backup files and their `.json` sidecars in `<data>/backups`. The sidecar keeps what the list
 * screen shows (date, reason, counts, check result) so listing never opens every database; a
 * backup without one (e.g. the pre-migration copy the core makes) is described on first sight.
 */
export interface Sidecar {
  version: 1;
  createdAt: string;
  reason: BackupReason;
  note: string | null;
  counts: BackupInfo['counts'];
  integrity: string;
  schemaVersion: string;
  appVersion: string;
  auditSeq: number;
  /** How the copy was verified when it was made (absent in sidecars written before it was recorded). */
  checkedWith?: 'integrity_check' | 'quick_check';
  /**
   * SHA-256 (hex) of the backup file, written when the copy was made (or imported) and never
   * rewritten: verify and restore compare the file against it, so one changed byte is caught even
   * where integrity_check passes. Absent for backups made before #18 (they fall back to
   * integrity_check and the schema fingerprint).
   */
  sha256?: string;
}

export const sidecarPath = (file: string) => file.replace(/\.sqlite$/, '.json');

export function openReadonly(file: string, nativeBinding?: string): SqliteHandle {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** The absolute path of a backup named by the user; the name was validated by the schema too. */
export function backupPath(backupsDir: string, fileName: string): string {
  if (!backupFileNameSchema.safeParse(fileName).success || path.basename(fileName) !== fileName) {
    throw new AppError('VALIDATION', 'Tên tệp sao lưu không hợp lệ.', { fileName: 'Tên tệp sao lưu không hợp lệ.' });
  }
  const file = path.join(backupsDir, fileName);
  if (!fs.existsSync(file)) throw notFound(`bản sao lưu "${fileName}"`);
  return file;
}

function reasonFromName(name: string): BackupReason {
  if (name.startsWith('truoc-nang-cap-')) return 'before-migration';
  const m = /-([a-z-]+)\.sqlite$/.exec(name);
  const tail = m?.[1] ?? '';
  const found = BACKUP_REASONS.find((r) => tail.endsWith(r));
  return found ?? 'unknown';
}

function dateFromName(name: string): string | null {
  const m = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z/.exec(name);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.000Z` : null;
}

/** Reads a backup's contents: full integrity check (optional), counts, schema. */
export function describeDatabase(
  file: string,
  options: { check: boolean; nativeBinding?: string },
): Pick<Sidecar, 'counts' | 'integrity' | 'schemaVersion' | 'auditSeq'> & { migrations: string[] } {
  let handle: SqliteHandle | null = null;
  try {
    handle = openReadonly(file, options.nativeBinding);
    const integrity = options.check ? integrityCheck(handle) : 'chưa kiểm tra';
    const migrations = migrationNames(handle);
    return {
      counts: countRecords(handle),
      integrity,
      schemaVersion: migrations[migrations.length - 1] ?? '',
      auditSeq: maxAuditSeq(handle),
      migrations,
    };
  } catch (err) {
    return { counts: [], integrity: `Không đọc được: ${(err as Error).message}`, schemaVersion: '', auditSeq: 0, migrations: [] };
  } finally {
    handle?.close();
  }
}

export function writeSidecar(file: string, sidecar: Sidecar): void {
  const target = sidecarPath(file);
  const temp = `${target}.partial`;
  fs.writeFileSync(temp, JSON.stringify(sidecar, null, 2));
  fs.renameSync(temp, target);
}

function readSidecar(file: string): Sidecar | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8')) as Partial<Sidecar>;
    if (parsed.version !== 1 || typeof parsed.createdAt !== 'string' || !Array.isArray(parsed.counts)) return null;
    return parsed as Sidecar;
  } catch {
    return null;
  }
}

export function toInfo(file: string, sidecar: Sidecar): BackupInfo {
  const reason = (BACKUP_REASONS as readonly string[]).includes(sidecar.reason) ? sidecar.reason : 'unknown';
  return {
    fileName: path.basename(file),
    createdAt: sidecar.createdAt,
    reason,
    reasonLabel: BACKUP_REASON_LABELS[reason],
    note: sidecar.note,
    sizeBytes: fs.statSync(file).size,
    counts: sidecar.counts,
    totalRecords: totalRecords(sidecar.counts),
    integrity: sidecar.integrity,
    schemaVersion: sidecar.schemaVersion,
    appVersion: sidecar.appVersion,
    pinned: reason === 'manual',
  };
}

/** Sidecar of a backup, made (without the slow full check) when missing. */
export function loadSidecar(file: string, nativeBinding?: string): Sidecar {
  const existing = readSidecar(file);
  if (existing) return existing;
  const name = path.basename(file);
  const described = describeDatabase(file, { check: false, ...(nativeBinding ? { nativeBinding } : {}) });
  const sidecar: Sidecar = {
    version: 1,
    createdAt: dateFromName(name) ?? fs.statSync(file).mtime.toISOString(),
    reason: reasonFromName(name),
    note: null,
    counts: described.counts,
    integrity: described.integrity,
    schemaVersion: described.schemaVersion,
    appVersion: '',
    auditSeq: described.auditSeq,
  };
  try {
    writeSidecar(file, sidecar);
  } catch {
    /* a read-only folder still lists */
  }
  return sidecar;
}

export function listBackupFiles(backupsDir: string): string[] {
  if (!fs.existsSync(backupsDir)) return [];
  return fs
    .readdirSync(backupsDir)
    .filter((n) => n.endsWith('.sqlite') && backupFileNameSchema.safeParse(n).success)
    .map((n) => path.join(backupsDir, n));
}

export function removeBackupFiles(file: string): void {
  fs.rmSync(file, { force: true });
  fs.rmSync(sidecarPath(file), { force: true });
}
