/**
 * Dialogue conferences (hội nghị đối thoại). Every opinion passed on to a competent body is a task
 * (source "dialogue") followed to completion through tasks.addUpdate; the count of passed-on
 * opinions is that list's length. The publication state compares the day the results were made
 * public with the due date. Counted into the QCDC figures by the qcdc feature (read-only there).
 */
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import { foldText } from '../../../shared/text/vietnamese';
import type { CreateDialogueData, Dialogue, UpdateDialogueData } from '../../../shared/schemas/dialogues';
import { existingUnitIds } from '../tasks/repository';
import { listTasksBySource } from '../tasks/service';
import { restoreWithTasks, syncSourceTasks, trashWithTasks, type TaskSourceRecord } from '../tasks/sourced';
import { insertDialogue, selectDialogue, selectDialogues, updateDialogueRow, type DialogueRow } from './repository';

function publicState(r: Pick<DialogueRow, 'public_due_date' | 'published_date'>, today: string): Dialogue['publicState'] {
  if (r.published_date) return !r.public_due_date || r.published_date <= r.public_due_date ? 'published' : 'late';
  if (!r.public_due_date) return 'none';
  return today > r.public_due_date ? 'overdue' : 'pending';
}

async function toDialogue(ctx: Pick<AppContext, 'db' | 'clock'>, r: DialogueRow): Promise<Dialogue> {
  const tasks = await listTasksBySource(ctx.db, 'dialogue', r.id, ctx);
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    date: r.date,
    year: r.year,
    title: r.title,
    chairedBy: r.chaired_by,
    participants: r.participants,
    participantsNote: r.participants_note,
    opinionsRaised: r.opinions_raised,
    opinionsAnswered: r.opinions_answered,
    opinionsPassedOn: r.opinions_passed_on,
    opinionsOpen: tasks.filter((t) => t.status !== 'hoan_thanh').length,
    publicDueDate: r.public_due_date,
    publishedDate: r.published_date,
    publicState: publicState(r, localToday(ctx.clock)),
    note: r.note,
    passedOn: tasks,
    deletedAt: r.deleted_at,
  };
}

export async function listDialogues(ctx: AppContext, f: { year?: number | undefined; unitId?: string | undefined; includeDeleted: boolean }): Promise<Dialogue[]> {
  const rows = await selectDialogues(ctx.db, f);
  return Promise.all(rows.map((r) => toDialogue(ctx, r)));
}

export async function getDialogue(ctx: AppContext, id: string): Promise<Dialogue> {
  const row = await selectDialogue(ctx.db, id);
  if (!row) throw notFound('hội nghị đối thoại');
  return toDialogue(ctx, row);
}

function checkDates(data: CreateDialogueData, today: string): void {
  if (data.date > today) throw new AppError('VALIDATION', 'Ngày đối thoại không được sau hôm nay (sổ ghi hội nghị đã diễn ra).', { date: 'Ngày ở tương lai.' });
  if (data.publicDueDate && data.publicDueDate < data.date) throw new AppError('VALIDATION', 'Hạn công khai kết quả phải từ ngày đối thoại trở đi.', { publicDueDate: 'Trước ngày đối thoại.' });
  if (data.publishedDate && data.publishedDate < data.date) throw new AppError('VALIDATION', 'Ngày công khai kết quả phải từ ngày đối thoại trở đi.', { publishedDate: 'Trước ngày đối thoại.' });
}

function rowFields(data: CreateDialogueData) {
  return {
    unit_id: data.unitId,
    date: data.date,
    year: Number(data.date.slice(0, 4)),
    title: data.title ?? null,
    chaired_by: data.chairedBy,
    participants: data.participants,
    participants_note: data.participantsNote ?? null,
    opinions_raised: data.opinionsRaised,
    opinions_answered: data.opinionsAnswered,
    opinions_passed_on: data.passedOn.length,
    public_due_date: data.publicDueDate ?? null,
    published_date: data.publishedDate ?? null,
    note: data.note ?? null,
    search_text: foldText([data.title, data.chairedBy, data.participantsNote, data.note].filter(Boolean).join(' ')),
  };
}

export async function createDialogue(ctx: AppContext, data: CreateDialogueData): Promise<Dialogue> {
  checkDates(data, localToday(ctx.clock));
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await existingUnitIds(trx, [data.unitId])).size) throw new AppError('VALIDATION', 'Đơn vị không tồn tại.', { unitId: 'Đơn vị không tồn tại.' });
    const at = isoNow(ctx.clock);
    const row = { id, ...rowFields(data), created_at: at, updated_at: at, deleted_at: null };
    await insertDialogue(trx, row);
    await syncSourceTasks(trx, ctx, { type: 'dialogue', id, year: row.year }, data.passedOn.map((p) => ({ ...p, leadUnitId: p.leadUnitId ?? null })), 'passedOn.');
    await recordAudit(trx, ctx.actor, at, { entity: 'dialogue', entityId: id, action: 'create', after: row });
  });
  return getDialogue(ctx, id);
}

export async function updateDialogue(ctx: AppContext, data: UpdateDialogueData): Promise<Dialogue> {
  checkDates(data, localToday(ctx.clock));
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectDialogue(trx, data.id);
    if (!before) throw notFound('hội nghị đối thoại');
    if (!(await existingUnitIds(trx, [data.unitId])).size) throw new AppError('VALIDATION', 'Đơn vị không tồn tại.', { unitId: 'Đơn vị không tồn tại.' });
    const at = isoNow(ctx.clock);
    const patch = { ...rowFields(data), updated_at: at };
    await updateDialogueRow(trx, data.id, patch);
    await syncSourceTasks(trx, ctx, { type: 'dialogue', id: data.id, year: patch.year }, data.passedOn, 'passedOn.');
    await recordAudit(trx, ctx.actor, at, { entity: 'dialogue', entityId: data.id, action: 'update', before, after: patch });
  });
  return getDialogue(ctx, data.id);
}

const RECORD: TaskSourceRecord = { type: 'dialogue', entity: 'dialogue', label: 'hội nghị đối thoại', select: selectDialogue, stamp: updateDialogueRow };

export async function deleteDialogue(ctx: AppContext, id: string): Promise<{ id: string }> {
  await trashWithTasks(ctx, RECORD, id);
  return { id };
}

export async function restoreDialogue(ctx: AppContext, id: string): Promise<Dialogue> {
  await restoreWithTasks(ctx, RECORD, id);
  return getDialogue(ctx, id);
}
