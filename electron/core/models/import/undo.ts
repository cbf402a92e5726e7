/**
 * Undo of an Excel import (models.importUndo): puts the register back as it was before one import
 * without restoring a whole backup (which would also take away everything entered since).
 *
 * The import's audit entry holds what is needed: the ids of what it created and, for what it
 * updated, the values it replaced. The undo refuses, changing nothing, when any of those records
 * was edited, deleted or added to since (the user's later work is never overwritten): the backup
 * taken before the import is then the way back, and the message names it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../context';
import { recordAudit } from '../../db/audit';
import { isoNow, localDateOf, localTimeOf } from '../../clock';
import { AppError } from '../../errors';
import { formatDate, formatNumber } from '../../../../shared/text/format';
import type { ImportHistoryEntry, ImportUndoResult } from '../../../../shared/schemas/models';
import { searchTextOf } from '../service';
import {
  ImportStore,
  importAuditEntries,
  isReferenced,
  liveYearsOfModels,
  modelSearchFields,
  recentImportEntries,
  rowStates,
  softDeleteRows,
} from './repository';
import { backupBeforeRiskyOperation } from '../../safety/backup/service';
import { countChangedSince, laterImportWrites, writtenByImport } from '../changedSince';

/** Stored in the import's audit entry (`after.undo`). */
export interface ImportUndoRecord {
  /** The import's timestamp: every record it wrote carries it as `updated_at` until edited again. */
  at: string;
  createdUnits: string[];
  createdCatalogItems: string[];
  createdModels: string[];
  createdYears: string[];
  createdReviews: string[];
  updatedModels: Array<{ id: string; before: Record<string, unknown> }>;
  updatedYears: Array<{ id: string; before: Record<string, unknown> }>;
}

interface ImportEntry {
  /** The commit's place in the audit log: changes after it are later than the import. */
  seq: number;
  fileName: string;
  at: string;
  backupFileName: string | null;
  created: number;
  updated: number;
  undo: ImportUndoRecord | null;
  undoneAt: string | null;
  /** Yearly records and models it wrote (what later imports are checked against). */
  written: string[];
}

function parseEntry(seq: number, afterJson: string | null, at: string, undoneAt: string | null): ImportEntry {
  const after = (afterJson ? JSON.parse(afterJson) : {}) as { fileName?: string; backupFileName?: string; created?: number; updated?: number; recordIds?: string[]; undo?: ImportUndoRecord };
  return {
    seq,
    fileName: after.fileName ?? '',
    at,
    backupFileName: after.backupFileName ?? null,
    created: after.created ?? 0,
    updated: after.updated ?? 0,
    undo: after.undo ?? null,
    undoneAt,
    written: writtenByImport(after),
  };
}

function loadEntry(ctx: Pick<AppContext, 'sqlite'>, importId: string): ImportEntry {
  const entries = importAuditEntries(ctx.sqlite, importId);
  const commit = entries.find((e) => e.action === 'import');
  if (!commit) throw new AppError('NOT_FOUND', 'Không tìm thấy lần nhập này trong nhật ký.');
  return parseEntry(commit.seq, commit.after_json, commit.at, entries.find((e) => e.action === 'undo')?.at ?? null);
}

/**
 * Why this import cannot be undone now, in Vietnamese, or null when it can: already undone, made
 * before undo was recorded, or records edited, deleted or given another year since the import.
 * `reason` is for the list of imports; `message` for a refused undo. `laterImports`: what imports
 * after this one (still in place) wrote; read from the audit log when not given (the history passes
 * it, built once from newest to oldest).
 */
function blocker(ctx: Pick<AppContext, 'sqlite' | 'layout'>, entry: ImportEntry, laterImports?: ReadonlySet<string>): { reason: string; message: string } | null {
  if (entry.undoneAt) return { reason: 'Đã hoàn tác.', message: 'Lần nhập này đã được hoàn tác.' };
  const undo = entry.undo;
  if (!undo) {
    const reason = 'Lần nhập này được thực hiện bằng phiên bản cũ, chưa lưu đủ thông tin để hoàn tác.';
    return { reason, message: `${reason}${restoreHint(ctx, entry)}` };
  }
  const since = { seq: entry.seq, at: undo.at };
  const later = laterImports ?? laterImportWrites(ctx.sqlite, entry.seq);
  const changed =
    countChangedSince(ctx.sqlite, since, 'dvk_model_years', [...undo.createdYears, ...undo.updatedYears.map((u) => u.id)], later) +
    countChangedSince(ctx.sqlite, since, 'dvk_models', [...undo.createdModels, ...undo.updatedModels.map((u) => u.id)], later);
  const createdYears = new Set(undo.createdYears);
  const addedSince = liveYearsOfModels(ctx.sqlite, undo.createdModels).filter((y) => !createdYears.has(y.id)).length;
  if (!changed && !addedSince) return null;
  const why = [
    changed ? `${formatNumber(changed)} bản ghi do lần nhập này tạo hoặc cập nhật đã được sửa hoặc xóa sau đó` : '',
    addedSince ? `${formatNumber(addedSince)} bản ghi năm khác đã được thêm vào mô hình do lần nhập này tạo` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    reason: `Không hoàn tác được: ${why}.`,
    message: `Không thể hoàn tác: ${why}. Để không mất những thay đổi ấy, không có gì được thay đổi.${restoreHint(ctx, entry)}`,
  };
}

function restoreHint(ctx: Pick<AppContext, 'layout'>, entry: ImportEntry): string {
  const name = entry.backupFileName;
  // Still there, or still being written in the background (`.partial`) right after the import.
  const kept = name !== null && [name, `${name}.partial`].some((f) => fs.existsSync(path.join(ctx.layout.backupsDir, f)));
  if (kept) return ` Nếu cần trở lại dữ liệu trước khi nhập, hãy phục hồi bản sao lưu "${name}" trong mục Dữ liệu (mọi thay đổi sau đó sẽ mất).`;
  // Rotated away since (automatic backups are thinned out over the days).
  return ` Nếu cần trở lại dữ liệu trước khi nhập, hãy phục hồi bản sao lưu gần nhất trước ${localTimeOf(entry.at)} ngày ${formatDate(localDateOf(entry.at))} trong mục Dữ liệu (mọi thay đổi sau đó sẽ mất).`;
}

export function importHistory(ctx: Pick<AppContext, 'sqlite' | 'layout'>, limit = 20): ImportHistoryEntry[] {
  // Newest first: what the imports seen so far wrote is what "later imports" wrote for the next.
  const laterImports = new Set<string>();
  return recentImportEntries(ctx.sqlite, limit).map((row) => {
    const entry = parseEntry(row.seq, row.after_json, row.at, row.undone_at);
    const blocked = blocker(ctx, entry, laterImports);
    if (!entry.undoneAt) for (const id of entry.written) laterImports.add(id);
    return {
      importId: row.entity_id,
      at: row.at,
      userName: row.user_name,
      fileName: entry.fileName,
      created: entry.created,
      updated: entry.updated,
      backupFileName: entry.backupFileName,
      undoneAt: entry.undoneAt,
      canUndo: blocked === null,
      cannotUndoReason: blocked?.reason ?? null,
    };
  });
}

export async function undoImport(ctx: AppContext, importId: string): Promise<ImportUndoResult> {
  const first = loadEntry(ctx, importId);
  const refused = blocker(ctx, first);
  if (refused) throw new AppError('CONFLICT', refused.message);
  // A verified copy of the data before the undo, like every bulk change.
  const backup = await backupBeforeRiskyOperation(ctx, 'before-bulk');
  return ctx.db.transaction().execute(async (trx) => {
    // Checked again inside the transaction: nothing may have changed since the check above.
    const entry = loadEntry(ctx, importId);
    const again = blocker(ctx, entry);
    if (again) throw new AppError('CONFLICT', again.message);
    const undo = entry.undo!;
    const at = isoNow(ctx.clock);
    const store = new ImportStore(ctx.sqlite);

    // Records and models the import created go to the trash (they can be restored from there).
    const recordsRemoved = softDeleteRows(ctx.sqlite, 'dvk_model_years', undo.createdYears, at);
    const modelsRemoved = softDeleteRows(ctx.sqlite, 'dvk_models', undo.createdModels, at);
    // Updated records and models get back the values the import replaced, their time of change
    // included: they are as before the import, so an earlier import can be undone next.
    for (const u of undo.updatedYears) store.updateYear(u.id, u.before);
    for (const u of undo.updatedModels) {
      store.updateModel(u.id, u.before);
      const m = modelSearchFields(ctx.sqlite, u.id);
      if (m) store.copyModelToYears(u.id, m.kind, m.field_id, searchTextOf(m.name, m.performer, m.unit_name));
    }
    // Review meetings it recorded, unless a date or note was entered on them since.
    const reviewStates = rowStates(ctx.sqlite, 'dvk_reviews', undo.createdReviews);
    const reviewsRemoved = softDeleteRows(ctx.sqlite, 'dvk_reviews', undo.createdReviews.filter((id) => reviewStates.get(id)?.updated_at === undo.at), at);
    // Units and catalogue values it created go too, unless something entered since uses them.
    const unitsKept = undo.createdUnits.filter((id) => isReferenced(ctx.sqlite, 'units', id));
    const unitsRemoved = softDeleteRows(ctx.sqlite, 'units', undo.createdUnits.filter((id) => !unitsKept.includes(id)), at);
    const itemsKept = undo.createdCatalogItems.filter((id) => isReferenced(ctx.sqlite, 'catalog_items', id));
    const catalogItemsRemoved = softDeleteRows(ctx.sqlite, 'catalog_items', undo.createdCatalogItems.filter((id) => !itemsKept.includes(id)), at);

    const result: ImportUndoResult = {
      fileName: entry.fileName,
      recordsRemoved,
      modelsRemoved,
      recordsRestored: undo.updatedYears.length,
      modelsRestored: undo.updatedModels.length,
      reviewsRemoved,
      unitsRemoved,
      unitsKept: unitsKept.length,
      catalogItemsRemoved,
      backupFileName: backup.fileName,
    };
    await recordAudit(trx, ctx.actor, at, {
      entity: 'dvk_import',
      entityId: importId,
      action: 'undo',
      after: result,
      note: `Hoàn tác lần nhập tệp ${entry.fileName}: ${formatNumber(recordsRemoved)} bản ghi chuyển vào thùng rác, ${formatNumber(result.recordsRestored + result.modelsRestored)} bản ghi trở lại như trước khi nhập`,
    });
    return result;
  });
}
