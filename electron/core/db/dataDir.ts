import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { assertLocalPath } from './open';

export const DATABASE_FILE_NAME = 'qcdc.sqlite';
const LOCK_FILE_NAME = 'qcdc.lock';

export interface DataDirLayout {
  root: string;
  databaseFile: string;
  backupsDir: string;
  attachmentsDir: string;
  exportsDir: string;
  logsDir: string;
}

export function dataDirLayout(root: string): DataDirLayout {
  const abs = path.resolve(root);
  return {
    root: abs,
    databaseFile: path.join(abs, DATABASE_FILE_NAME),
    backupsDir: path.join(abs, 'backups'),
    attachmentsDir: path.join(abs, 'attachments'),
    exportsDir: path.join(abs, 'exports'),
    logsDir: path.join(abs, 'logs'),
  };
}

export function ensureDataDir(root: string): DataDirLayout {
  assertLocalPath(root);
  const layout = dataDirLayout(root);
  for (const dir of [layout.root, layout.backupsDir, layout.attachmentsDir, layout.exportsDir, layout.logsDir]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  return layout;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * One running instance per data folder: two writers on one file through different apps (the
 * desktop app and a harness, or two user sessions) would fight over it. A lock file with the
 * owner's pid; a lock left by a dead process is taken over.
 */
const heldByThisProcess = new Set<string>();

export function lockDataDir(root: string): DataDirLock {
  const lockPath = path.join(path.resolve(root), LOCK_FILE_NAME);
  if (heldByThisProcess.has(lockPath)) {
    throw new AppError('CONFLICT', 'Thư mục dữ liệu đang được một phiên QCDC Desk khác sử dụng (trong cùng tiến trình).');
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldByThisProcess.add(lockPath);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldByThisProcess.delete(lockPath);
          try {
            if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // The first write into the folder: a write-protected stick or a folder without rights ends here,
      // in words the user can act on instead of "EROFS: read-only file system" (tests/faults/disk.test.ts).
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
        throw new AppError(
          'UNAVAILABLE',
          `Thư mục dữ liệu ${path.resolve(root)} chỉ đọc hoặc không có quyền ghi (không ghi được); hãy bỏ chế độ chống ghi hoặc chọn thư mục khác.`,
        );
      }
      if (code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new AppError(
          'CONFLICT',
          `Thư mục dữ liệu đang được một phiên QCDC Desk khác sử dụng (tiến trình ${owner}). Hãy đóng phiên đó trước.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock from a crash
    }
  }
  throw new AppError('CONFLICT', 'Không khóa được thư mục dữ liệu.');
}
