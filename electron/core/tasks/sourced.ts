/**
 * Tasks that belong to one record of another register (a dialogue's passed-on opinions, a
 * supervision's recommendations): the record sends its full list, this keeps the tasks whose id
 * comes back (progress and updates stay), creates the new ones and removes (softly) those left
 * out — all inside the caller's transaction.
 */
import type { Db } from '../db/audit';
import { AppError } from '../errors';
import type { TaskSourceType } from '../../../shared/schemas/tasks';
import { recordAudit } from '../db/audit';
import { isoNow } from '../clock';
import { selectTaskIdsDeletedWith, selectTasks, updateTaskRow } from './repository';
import { createTask, deleteTask, updateTask, type TaskContext } from './service';

export interface SourcedTaskInput {
  taskId?: string | undefined;
  content: string;
  deadline?: string | null | undefined;
  leadUnitId?: string | null | undefined;
  leadText?: string | null | undefined;
}

export async function syncSourceTasks(
  trx: Db,
  ctx: TaskContext,
  source: { type: TaskSourceType; id: string; year: number },
  items: readonly SourcedTaskInput[],
  fieldPrefix: string,
): Promise<string[]> {
  const existing = new Set((await selectTasks(trx, { sourceType: source.type, sourceId: source.id })).map((t) => t.id));
  const kept = new Set<string>();
  const ids: string[] = [];
  for (const [i, item] of items.entries()) {
    const timing = item.deadline ? { kind: 'date' as const, value: item.deadline } : { kind: 'none' as const, value: null };
    const prefix = `${fieldPrefix}${i}.`;
    if (item.taskId) {
      if (!existing.has(item.taskId) || kept.has(item.taskId)) {
        throw new AppError('VALIDATION', 'Một nội dung đã ghi không còn thuộc bản ghi này (có thể đã bị xóa); hãy tải lại.', { [`${prefix}taskId`]: 'Không thuộc bản ghi này.' });
      }
      kept.add(item.taskId);
      await updateTask(trx, ctx, { id: item.taskId, title: item.content, leadUnitId: item.leadUnitId ?? null, leadText: item.leadText ?? null, timing, deadline: item.deadline ?? null }, prefix);
      ids.push(item.taskId);
    } else {
      const t = await createTask(
        trx,
        ctx,
        { title: item.content, sourceType: source.type, sourceId: source.id, leadUnitId: item.leadUnitId ?? null, leadText: item.leadText ?? null, timing, deadline: item.deadline ?? null, year: source.year },
        prefix,
      );
      ids.push(t.id);
    }
  }
  for (const id of existing) if (!kept.has(id)) await deleteTask(trx, ctx, id);
  return ids;
}

/** Soft-deletes every task of a source at `at` — the source's own deletion time, so a restore finds exactly them. */
export async function deleteSourceTasks(trx: Db, ctx: TaskContext, source: { type: TaskSourceType; id: string }, at: string): Promise<void> {
  for (const t of await selectTasks(trx, { sourceType: source.type, sourceId: source.id })) {
    await updateTaskRow(trx, t.id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'task', entityId: t.id, action: 'delete', before: t });
  }
}

/** Brings back the tasks deleted together with their source (not those removed earlier by an edit). */
export async function restoreSourceTasks(trx: Db, ctx: TaskContext, source: { type: TaskSourceType; id: string }, deletedAt: string): Promise<void> {
  const at = isoNow(ctx.clock);
  for (const id of await selectTaskIdsDeletedWith(trx, source.type, source.id, deletedAt)) {
    await updateTaskRow(trx, id, { deleted_at: null, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'task', entityId: id, action: 'restore' });
  }
}

/** A register record that owns tasks: how to read it (with the trash) and stamp its deletion. */
export interface TaskSourceRecord {
  type: TaskSourceType;
  /** Audit entity ("dialogue", "supervision"). */
  entity: string;
  /** What the user calls it, for "Không tìm thấy …". */
  label: string;
  select: (trx: Db, id: string, withDeleted: boolean) => Promise<{ deleted_at: string | null } | null>;
  stamp: (trx: Db, id: string, patch: { deleted_at: string | null; updated_at: string }) => Promise<void>;
}

/** Moves a record and its tasks to the trash in one transaction, stamped with the same time. */
export async function trashWithTasks(ctx: TaskContext & { db: Db }, rec: TaskSourceRecord, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rec.select(trx, id, false);
    if (!before) throw new AppError('NOT_FOUND', `Không tìm thấy ${rec.label}.`);
    const at = isoNow(ctx.clock);
    await rec.stamp(trx, id, { deleted_at: at, updated_at: at });
    await deleteSourceTasks(trx, ctx, { type: rec.type, id }, at);
    await recordAudit(trx, ctx.actor, at, { entity: rec.entity, entityId: id, action: 'delete', before });
  });
}

/** Brings a record back from the trash with the tasks deleted together with it. */
export async function restoreWithTasks(ctx: TaskContext & { db: Db }, rec: TaskSourceRecord, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await rec.select(trx, id, true);
    if (!before || !before.deleted_at) throw new AppError('NOT_FOUND', `Không tìm thấy ${rec.label} trong thùng rác.`);
    const at = isoNow(ctx.clock);
    await rec.stamp(trx, id, { deleted_at: null, updated_at: at });
    await restoreSourceTasks(trx, ctx, { type: rec.type, id }, before.deleted_at);
    await recordAudit(trx, ctx.actor, at, { entity: rec.entity, entityId: id, action: 'restore' });
  });
}
