/**
 * Undo of a bulk status change (models.bulkUndo): "mark 50 models recognised under decision 125"
 * made on the wrong selection or with the wrong decision is taken back record by record, from the
 * values each record's audit entry says the change replaced — their statuses differed, so no
 * second bulk change could put them back. Refused, changing nothing, when any of them was changed
 * since (the later work is never overwritten).
 */
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { isoNow } from '../clock';
import { AppError } from '../errors';
import { formatNumber } from '../../../shared/text/format';
import { bulkAuditEntries, bulkRecordEntries, ImportStore } from './import/repository';
import { countChangedSince, laterImportWrites } from './changedSince';
import { backupBeforeRiskyOperation } from '../safety/backup/service';

interface Operation {
  seq: number;
  at: string;
  ids: string[];
  undone: boolean;
}

function loadOperation(ctx: Pick<AppContext, 'sqlite'>, operationId: string): Operation {
  const entries = bulkAuditEntries(ctx.sqlite, operationId);
  const change = entries.find((e) => e.action === 'bulkStatus');
  if (!change) throw new AppError('NOT_FOUND', 'Không tìm thấy thao tác hàng loạt này trong nhật ký.');
  const after = (change.after_json ? JSON.parse(change.after_json) : {}) as { ids?: string[] };
  return { seq: change.seq, at: change.at, ids: after.ids ?? [], undone: entries.some((e) => e.action === 'undo') };
}

/** The Vietnamese reason the operation cannot be undone now, or null. */
function blocker(ctx: Pick<AppContext, 'sqlite'>, op: Operation): string | null {
  if (op.undone) return 'Thao tác này đã được hoàn tác.';
  const changed = countChangedSince(ctx.sqlite, op, 'dvk_model_years', op.ids, laterImportWrites(ctx.sqlite, op.seq));
  if (!changed) return null;
  return `Không thể hoàn tác: ${formatNumber(changed)} mô hình đã được sửa, xóa hoặc nhập lại sau thao tác này. Để không mất những thay đổi ấy, không có gì được thay đổi.`;
}

export async function undoBulkStatus(ctx: AppContext, operationId: string): Promise<{ restored: number; backupFileName: string }> {
  const refused = blocker(ctx, loadOperation(ctx, operationId));
  if (refused) throw new AppError('CONFLICT', refused);
  const backup = await backupBeforeRiskyOperation(ctx, 'before-bulk');
  return ctx.db.transaction().execute(async (trx) => {
    const op = loadOperation(ctx, operationId);
    const again = blocker(ctx, op);
    if (again) throw new AppError('CONFLICT', again);
    const entries = bulkRecordEntries(ctx.sqlite, op.seq, op.ids.length);
    // Written with the operation in one transaction: one entry per record, or the log is not ours to trust.
    if (entries.length !== op.ids.length || entries.some((e, i) => e.entity_id !== op.ids[i])) {
      throw new AppError('CONFLICT', 'Nhật ký của thao tác này không đầy đủ; không thể hoàn tác. Hãy phục hồi bản sao lưu nếu cần.');
    }
    const at = isoNow(ctx.clock);
    const store = new ImportStore(ctx.sqlite);
    for (const e of entries) {
      const before = (e.before_json ? JSON.parse(e.before_json) : {}) as Record<string, unknown>;
      // Back to the values (and time of change) the record had before the operation.
      store.updateYear(e.entity_id, before);
      await recordAudit(trx, ctx.actor, at, { entity: 'dvk_model_year', entityId: e.entity_id, action: 'undo', after: before, note: 'Hoàn tác thao tác hàng loạt' });
    }
    await recordAudit(trx, ctx.actor, at, {
      entity: 'dvk_bulk',
      entityId: operationId,
      action: 'undo',
      after: { restored: entries.length, backupFileName: backup.fileName },
      note: `Hoàn tác thao tác hàng loạt: ${formatNumber(entries.length)} mô hình trở lại như trước`,
    });
    return { restored: entries.length, backupFileName: backup.fileName };
  });
}
