import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../context';
import { backupDatabase } from '../../db/backupFile';
import { assertLocalPath } from '../../db/open';
import { dataDirLayout } from '../../db/dataDir';
import { recordAudit } from '../../db/audit';
import { readSetting, writeSetting } from '../../settings/repository';
import { isoNow } from '../../clock';
import { AppError } from '../../errors';
import type { JobReporter } from '../../jobs/jobs';
import { countRecords } from '../tables';
import { backupBeforeRiskyOperation, listBackups } from '../backup/service';
import { describeDatabase } from '../backup/files';

const PREVIOUS_KEY = 'safety.previousDataDirs';

function folderBytes(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(p) : fs.statSync(p).size;
  }
  return total;
}

async function previousRoots(ctx: AppContext): Promise<string[]> {
  if (ctx.startupIntegrity !== 'ok') return [];
  const row = await readSetting(ctx.db, PREVIOUS_KEY);
  const parsed = row ? (JSON.parse(row.value) as unknown) : [];
  return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
}

export async function dataDirInfo(ctx: AppContext) {
  const db = ctx.layout.databaseFile;
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return {
    root: ctx.layout.root,
    databaseFile: db,
    databaseBytes: size(db) + size(`${db}-wal`),
    backupsBytes: folderBytes(ctx.layout.backupsDir),
    backupCount: listBackups(ctx).length,
    canChooseFolder: typeof ctx.platform.chooseDirectory === 'function',
    previousRoots: await previousRoots(ctx),
  };
}

export async function openDataDir(ctx: AppContext) {
  if (ctx.platform.kind === 'harness') return { opened: false };
  await ctx.platform.openPath(ctx.layout.root);
  return { opened: true };
}

/** Where the new data goes: the chosen folder if empty, else a "QCDC Desk" folder inside it. */
function targetFor(chosen: string): string {
  const abs = path.resolve(chosen);
  const empty = !fs.existsSync(abs) || fs.readdirSync(abs).length === 0;
  return empty ? abs : path.join(abs, 'QCDC Desk');
}

/**
 * Moves the data: backup first, copy the database with the backup API (verified), copy
 * attachments and backups, compare record counts, switch this running app to the new folder
 * (`ctx.reopen({ dataDir })`), and write `data-location.json` so the desktop app starts there
 * next time. The old folder is left untouched (with a note) until the user removes it.
 */
export async function moveDataDir(ctx: AppContext, job?: JobReporter) {
  const choose = ctx.platform.chooseDirectory;
  if (!choose) throw new AppError('UNAVAILABLE', 'Chuyển thư mục dữ liệu chỉ làm được trong ứng dụng trên máy tính (cần hộp thoại chọn thư mục).');
  const chosen = await choose.call(ctx.platform, 'Chọn thư mục mới để chứa dữ liệu QCDC Desk');
  const from = ctx.layout.root;
  if (!chosen) return { moved: false, from, to: null };
  assertLocalPath(chosen);
  const to = targetFor(chosen);
  const rel = path.relative(from, to);
  if (to === from || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new AppError('VALIDATION', 'Thư mục mới không được nằm trong thư mục dữ liệu hiện tại.');
  }
  const target = dataDirLayout(to);
  if (fs.existsSync(target.databaseFile)) {
    throw new AppError('CONFLICT', `Thư mục "${to}" đã có dữ liệu QCDC Desk; hãy chọn một thư mục trống.`);
  }
  await backupBeforeRiskyOperation(ctx, 'before-move', job);
  await job?.progress('Đang sao chép cơ sở dữ liệu', 1, 4);
  fs.mkdirSync(to, { recursive: true });
  await backupDatabase(ctx.sqlite, target.databaseFile, ctx.nativeBinding); // backup API + integrity_check + rename
  await job?.progress('Đang sao chép tệp đính kèm và bản sao lưu', 2, 4);
  for (const [src, dst] of [
    [ctx.layout.attachmentsDir, target.attachmentsDir],
    [ctx.layout.backupsDir, target.backupsDir],
  ] as const) {
    if (fs.existsSync(src)) fs.cpSync(src, dst, { recursive: true, errorOnExist: false });
  }
  await job?.progress('Đang kiểm tra bản sao', 3, 4);
  const copied = describeDatabase(target.databaseFile, { check: true, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) });
  const live = countRecords(ctx.sqlite);
  const same = JSON.stringify(copied.counts) === JSON.stringify(live);
  if (copied.integrity !== 'ok' || !same) {
    fs.rmSync(target.databaseFile, { force: true });
    throw new AppError('INTERNAL', 'Bản sao ở thư mục mới không khớp với dữ liệu hiện tại; chưa chuyển gì cả.');
  }
  const at = isoNow(ctx.clock);
  const previous = [...new Set([from, ...(await previousRoots(ctx))])];
  await ctx.reopen({ dataDir: to });
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, PREVIOUS_KEY, JSON.stringify(previous), at);
    await recordAudit(trx, ctx.actor, at, { entity: 'database', entityId: 'data-dir', action: 'move-data', before: { root: from }, after: { root: to } });
  });
  if (ctx.platform.dataLocationFile) {
    const file = ctx.platform.dataLocationFile;
    const temp = `${file}.partial`;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, JSON.stringify({ dataDir: to, previous, movedAt: at }, null, 2));
    fs.renameSync(temp, file);
  }
  try {
    fs.writeFileSync(
      path.join(from, 'DU-LIEU-DA-CHUYEN.txt'),
      `Dữ liệu QCDC Desk đã được chuyển sang thư mục:\r\n${to}\r\nThư mục này được giữ lại làm bản dự phòng; bạn có thể xóa khi đã yên tâm.\r\n`,
    );
  } catch {
    /* the note is a courtesy */
  }
  await job?.progress('Hoàn tất', 4, 4);
  return { moved: true, from, to };
}
