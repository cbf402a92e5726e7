/** The only file of the tasks feature that touches Kysely. */
import type { Db } from '../db/audit';
import type { TasksTable, TaskUpdatesTable } from '../db/schema';
import type { Insertable, Selectable, Updateable } from 'kysely';

export type TaskRow = Selectable<TasksTable> & {
  lead_unit_name: string | null;
  lead_member_name: string | null;
  last_update_date: string | null;
};

function baseQuery(db: Db) {
  return db
    .selectFrom('tasks as t')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .leftJoin('members as m', 'm.id', 't.lead_member_id')
    .selectAll('t')
    .select((eb) => [
      'u.name as lead_unit_name',
      'm.full_name as lead_member_name',
      eb
        .selectFrom('task_updates as tu')
        .whereRef('tu.task_id', '=', 't.id')
        .where('tu.deleted_at', 'is', null)
        .select((e) => e.fn.max('tu.date').as('d'))
        .as('last_update_date'),
    ])
    .where('t.deleted_at', 'is', null);
}

export interface TaskRowFilter {
  ids?: readonly string[];
  sourceType?: string;
  sourceId?: string;
  sourceRef?: string;
  status?: string;
  year?: number;
  leadUnitId?: string;
  leadMemberId?: string;
  /** Folded words, every one must occur in search_text. */
  words?: readonly string[];
  /** Skip done/paused rows (they can never be overdue or due soon). */
  openOnly?: boolean;
}

export async function selectTasks(db: Db, f: TaskRowFilter): Promise<TaskRow[]> {
  let q = baseQuery(db);
  if (f.ids) {
    if (f.ids.length === 0) return [];
    q = q.where('t.id', 'in', [...f.ids]);
  }
  if (f.sourceType) q = q.where('t.source_type', '=', f.sourceType);
  if (f.sourceId) q = q.where('t.source_id', '=', f.sourceId);
  if (f.sourceRef) q = q.where('t.source_ref', '=', f.sourceRef);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.year) q = q.where('t.year', '=', f.year);
  if (f.leadUnitId) q = q.where('t.lead_unit_id', '=', f.leadUnitId);
  if (f.leadMemberId) q = q.where('t.lead_member_id', '=', f.leadMemberId);
  if (f.openOnly) q = q.where('t.status', 'not in', ['hoan_thanh', 'tam_dung']);
  for (const w of f.words ?? []) q = q.where('t.search_text', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  return (await q.orderBy('t.deadline').orderBy('t.sort_key').execute()) as TaskRow[];
}

export async function selectTask(db: Db, id: string): Promise<TaskRow | null> {
  return ((await baseQuery(db).where('t.id', '=', id).executeTakeFirst()) as TaskRow | undefined) ?? null;
}

export async function insertTask(db: Db, row: Insertable<TasksTable>): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export async function updateTaskRow(db: Db, id: string, patch: Updateable<TasksTable>): Promise<void> {
  await db.updateTable('tasks').set(patch).where('id', '=', id).execute();
}

export async function replaceCoordinators(db: Db, taskId: string, unitIds: readonly string[]): Promise<void> {
  await db.deleteFrom('task_coordinators').where('task_id', '=', taskId).execute();
  if (unitIds.length > 0) {
    await db
      .insertInto('task_coordinators')
      .values(unitIds.map((unit_id) => ({ task_id: taskId, unit_id })))
      .execute();
  }
}

/** Coordinating units of many tasks, in the order of the unit tree's sort key. */
export async function selectCoordinators(db: Db, taskIds: readonly string[]): Promise<{ task_id: string; id: string; name: string }[]> {
  const out: { task_id: string; id: string; name: string }[] = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    const chunk = taskIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('task_coordinators as c')
        .innerJoin('units as u', 'u.id', 'c.unit_id')
        .select(['c.task_id', 'u.id', 'u.name'])
        .where('c.task_id', 'in', chunk)
        .orderBy('u.sort_key')
        .execute()),
    );
  }
  return out;
}

/** Dates of the updates of many tasks (recurring checkpoints need them all). */
export async function selectUpdateDates(db: Db, taskIds: readonly string[]): Promise<{ task_id: string; date: string }[]> {
  const out: { task_id: string; date: string }[] = [];
  for (let i = 0; i < taskIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('task_updates')
        .select(['task_id', 'date'])
        .where('task_id', 'in', taskIds.slice(i, i + 500))
        .where('deleted_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

export async function selectUpdates(db: Db, taskId: string): Promise<Selectable<TaskUpdatesTable>[]> {
  return db
    .selectFrom('task_updates')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('deleted_at', 'is', null)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertUpdate(db: Db, row: Insertable<TaskUpdatesTable>): Promise<void> {
  await db.insertInto('task_updates').values(row).execute();
}

export async function existingUnitIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('units').select('id').where('id', 'in', [...ids]).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

export async function memberExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Boolean(row);
}

/** Labels of task sources ("Kế hoạch số 12-KH/BCĐ", "Hội nghị đối thoại ngày 10/05/2022 – Xã …"). */
export async function selectSourceLabels(
  db: Db,
  planIds: readonly string[],
  inspectionIds: readonly string[],
  meetingIds: readonly string[] = [],
  dialogueIds: readonly string[] = [],
  supervisionIds: readonly string[] = [],
): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const dmy = (iso: string) => iso.split('-').reverse().join('/');
  if (dialogueIds.length > 0) {
    // Read-only looks at the QCDC registers' tables, for the "Nguồn" column.
    const rows = await db
      .selectFrom('dialogues as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .select(['d.id', 'd.date', 'u.name'])
      .where('d.id', 'in', [...dialogueIds])
      .execute();
    for (const r of rows) map.set(r.id, `Hội nghị đối thoại ngày ${dmy(r.date)} – ${r.name}`);
  }
  if (supervisionIds.length > 0) {
    const rows = await db
      .selectFrom('supervisions as s')
      .innerJoin('units as u', 'u.id', 's.unit_id')
      .innerJoin('members as m', 'm.id', 's.member_id')
      .select(['s.id', 's.date', 'u.name', 'm.full_name'])
      .where('s.id', 'in', [...supervisionIds])
      .execute();
    for (const r of rows) map.set(r.id, `Giám sát của đồng chí ${r.full_name} tại ${r.name} ngày ${dmy(r.date)}`);
  }
  if (meetingIds.length > 0) {
    // Read-only look at the meetings feature's table, for the "Nguồn" column.
    const rows = await db.selectFrom('meetings').select(['id', 'date', 'number_text', 'notice_number_text']).where('id', 'in', [...meetingIds]).execute();
    for (const r of rows) {
      const [y, m, d] = r.date.split('-');
      map.set(r.id, r.notice_number_text ? `Thông báo kết luận số ${r.notice_number_text}` : `Kết luận hội nghị ngày ${d}/${m}/${y}`);
    }
  }
  if (planIds.length > 0) {
    const rows = await db.selectFrom('plans').select(['id', 'number_text', 'title', 'year']).where('id', 'in', [...planIds]).execute();
    for (const r of rows) map.set(r.id, r.number_text ? `Kế hoạch số ${r.number_text}` : `Kế hoạch: ${r.title}`);
  }
  if (inspectionIds.length > 0) {
    const rows = await db.selectFrom('inspections').select(['id', 'number_text', 'topic']).where('id', 'in', [...inspectionIds]).execute();
    for (const r of rows) map.set(r.id, r.number_text ? `Kiểm tra theo KH số ${r.number_text}` : `Kiểm tra: ${r.topic}`);
  }
  return map;
}

/** Ids of a source's tasks soft-deleted at `deletedAt` (deleted together with the source). */
export async function selectTaskIdsDeletedWith(db: Db, sourceType: string, sourceId: string, deletedAt: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('source_type', '=', sourceType)
    .where('source_id', '=', sourceId)
    .where('deleted_at', '=', deletedAt)
    .execute();
  return rows.map((r) => r.id);
}
