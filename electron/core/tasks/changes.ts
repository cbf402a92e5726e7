/**
 * Following a task after it was assigned, without reopening the document that assigned it:
 * extending its deadline, reassigning it, correcting its assignment date. Each change needs a
 * reason and is kept in `task_changes` (shown as the task's history) besides the audit log —
 * the signed notice keeps its deadline, the task shows which one is followed now and why.
 */
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import { formatDate } from '../../../shared/text/format';
import { insertTaskChange, selectTask, selectTaskChanges, selectUpdates, updateTaskRow } from './repository';
import { assignedDateOf, updateTask } from './service';

export interface EditTaskData {
  id: string;
  reason: string;
  /** A new deadline (extension or correction); the task's timing becomes that date. */
  deadline?: string | undefined;
  leadUnitId?: string | null | undefined;
  leadMemberId?: string | null | undefined;
  leadText?: string | null | undefined;
  /** A corrected assignment date; from then on it no longer follows the source document. */
  assignedDate?: string | undefined;
}

export interface TaskChange {
  id: string;
  field: 'deadline' | 'assigned_date' | 'lead';
  before: string | null;
  after: string | null;
  reason: string;
  userName: string;
  createdAt: string;
}

function refuse(message: string, field: string, fieldMessage = message): never {
  throw new AppError('VALIDATION', message, { [field]: fieldMessage });
}

/** Deadline, owners and assignment date in one transaction, each changed field one history row. */
export async function editTask(ctx: AppContext, data: EditTaskData): Promise<TaskChange[]> {
  const reason = data.reason.trim();
  if (!reason) refuse('Cần ghi lý do thay đổi (gia hạn, giao lại, sửa ngày giao).', 'reason', 'Nhập lý do.');
  const today = localToday(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectTask(trx, data.id);
    if (!before) throw notFound('nhiệm vụ');
    const at = isoNow(ctx.clock);
    const changes: { field: TaskChange['field']; before: string | null; after: string | null }[] = [];
    const assigned = data.assignedDate ?? assignedDateOf(before);

    if (data.assignedDate !== undefined && data.assignedDate !== assignedDateOf(before)) {
      if (data.assignedDate > today) refuse(`Ngày giao nhiệm vụ không được sau hôm nay (${formatDate(today)}).`, 'assignedDate');
      const first = (await selectUpdates(trx, before.id)).at(-1)?.date;
      if (first && data.assignedDate > first) {
        refuse(`Ngày giao nhiệm vụ không được sau ngày cập nhật tiến độ đầu tiên (${formatDate(first)}).`, 'assignedDate');
      }
      await updateTaskRow(trx, before.id, { assigned_date: data.assignedDate, assigned_reason: reason, updated_at: at });
      changes.push({ field: 'assigned_date', before: assignedDateOf(before), after: data.assignedDate });
    }

    const deadlineChanged = data.deadline !== undefined && data.deadline !== before.deadline;
    if (deadlineChanged && before.timing_kind === 'recurring') {
      refuse('Nhiệm vụ thường xuyên không có thời hạn để gia hạn.', 'deadline');
    }
    if (deadlineChanged && data.deadline! < assigned) {
      refuse(`Thời hạn không được trước ngày giao nhiệm vụ (${formatDate(assigned)}).`, 'deadline');
    }
    const leadChanged =
      (data.leadUnitId !== undefined && data.leadUnitId !== before.lead_unit_id) ||
      (data.leadMemberId !== undefined && data.leadMemberId !== before.lead_member_id) ||
      (data.leadText !== undefined && (data.leadText || null) !== before.lead_text);
    if (deadlineChanged || leadChanged) {
      const after = await updateTask(trx, ctx, {
        id: before.id,
        // The extended date is the one followed: a "Quý I/2023" task extended to 30/04 shows 30/04/2023.
        ...(deadlineChanged ? { timing: { kind: 'date' as const, value: data.deadline! }, deadline: data.deadline! } : {}),
        ...(data.leadUnitId !== undefined ? { leadUnitId: data.leadUnitId } : {}),
        ...(data.leadMemberId !== undefined ? { leadMemberId: data.leadMemberId } : {}),
        ...(data.leadText !== undefined ? { leadText: data.leadText } : {}),
      });
      if (deadlineChanged) changes.push({ field: 'deadline', before: before.deadline, after: after.deadline });
      if (leadChanged) {
        const old = [before.lead_unit_name, before.lead_member_name, before.lead_text].filter(Boolean).join('; ') || null;
        changes.push({ field: 'lead', before: old, after: after.ownerLabel });
      }
    }
    if (changes.length === 0) refuse('Không có gì thay đổi.', 'reason', 'Chưa thay đổi thời hạn, người chủ trì hay ngày giao.');
    for (const c of changes) {
      await insertTaskChange(trx, {
        id: newId(ctx.clock.now().getTime()),
        task_id: before.id,
        field: c.field,
        before_value: c.before,
        after_value: c.after,
        reason,
        user_name: ctx.actor.name,
        created_at: at,
      });
    }
    await recordAudit(trx, ctx.actor, at, { entity: 'task', entityId: before.id, action: 'edit', before, after: { changes, reason } });
  });
  return taskChanges(ctx, data.id);
}

export async function taskChanges(ctx: Pick<AppContext, 'db'>, taskId: string): Promise<TaskChange[]> {
  return (await selectTaskChanges(ctx.db, taskId)).map((r) => ({
    id: r.id,
    field: r.field as TaskChange['field'],
    before: r.before_value,
    after: r.after_value,
    reason: r.reason,
    userName: r.user_name,
    createdAt: r.created_at,
  }));
}
