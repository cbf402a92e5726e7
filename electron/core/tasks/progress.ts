/**
 * Dated progress updates of a task (also used for inspection recommendations, which are tasks):
 * progress %, status, note and evidence files (H6's attachment store, owner 'task_update').
 *
 * Status rules: an explicit status wins; without one, 100 % means "hoàn thành", more than 0 %
 * "đang thực hiện", and 0 % keeps the current status. "Hoàn thành" always carries 100 %.
 * An update cannot be dated in the future nor before the task was assigned (assignedDateOf).
 */
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import { readAttachment, saveAttachment } from '../attachments/service';
import { formatDate } from '../../../shared/text/format';
import type { AddUpdateData, TaskDetail, TaskStatus } from '../../../shared/schemas/tasks';
import { insertUpdate, selectTask, updateTaskRow } from './repository';
import { assignedDateOf, getTaskDetail } from './service';

export async function addTaskUpdate(ctx: AppContext, input: AddUpdateData): Promise<TaskDetail> {
  const today = localToday(ctx.clock);
  if (input.date > today) {
    throw new AppError('VALIDATION', `Ngày cập nhật không được sau hôm nay (${formatDate(today)}).`, {
      date: 'Ngày cập nhật không được ở tương lai.',
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const task = await selectTask(trx, input.taskId);
    if (!task) throw notFound('nhiệm vụ');
    const assigned = assignedDateOf(task);
    if (input.date < assigned) {
      // The task exists from the document that assigned it (the meeting, plan, inspection), so
      // work reported months after typing is accepted — but not work before it was assigned.
      throw new AppError('VALIDATION', `Ngày cập nhật không được trước ngày giao nhiệm vụ (${formatDate(assigned)}).`, {
        date: `Ngày cập nhật trước ngày giao nhiệm vụ (${formatDate(assigned)}).`,
      });
    }
    let status: TaskStatus =
      input.status ?? (input.progress === 100 ? 'hoan_thanh' : input.progress > 0 ? 'dang_thuc_hien' : (task.status as TaskStatus));
    let progress = input.progress;
    if (status === 'hoan_thanh') progress = 100;
    if (progress === 100 && !input.status) status = 'hoan_thanh';
    const at = isoNow(ctx.clock);
    const id = newId(ctx.clock.now().getTime());
    const row = {
      id,
      task_id: task.id,
      date: input.date,
      status,
      progress,
      note: input.note || null,
      user_name: ctx.actor.name,
      created_at: at,
      deleted_at: null,
    };
    await insertUpdate(trx, row);
    for (const file of input.evidence) {
      await saveAttachment(trx, ctx, {
        ownerType: 'task_update',
        ownerId: id,
        fileName: file.fileName,
        bytes: file.bytes,
        ...(file.mimeType ? { mimeType: file.mimeType } : {}),
      });
    }
    // The task shows its latest state: an update dated earlier than the last one only adds history.
    const latest = !task.last_update_date || input.date >= task.last_update_date;
    const patch = latest
      ? {
          status,
          progress,
          completed_at: status === 'hoan_thanh' ? (task.completed_at ?? input.date) : null,
          updated_at: at,
        }
      : { updated_at: at };
    await updateTaskRow(trx, task.id, patch);
    await recordAudit(trx, ctx.actor, at, {
      entity: 'task',
      entityId: task.id,
      action: 'progress',
      before: { status: task.status, progress: task.progress },
      after: { ...row, evidence: input.evidence.map((e) => e.fileName) },
    });
  });
  return getTaskDetail(ctx, input.taskId);
}

/** One evidence file's bytes (only attachments owned by task updates are served here). */
export async function evidenceFile(ctx: AppContext, id: string): Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }> {
  const file = await readAttachment(ctx.db, ctx, id, { ownerType: 'task_update' });
  return { fileName: file.fileName, bytes: file.bytes, mimeType: file.mimeType };
}
