/** The only file of the meetings feature that touches Kysely. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/audit';
import type {
  MeetingAttendeesTable,
  MeetingConclusionTasksTable,
  MeetingConclusionsTable,
  MeetingOpinionsTable,
  MeetingsTable,
} from '../db/schema';

export type MeetingRow = Selectable<MeetingsTable>;

export async function insertMeeting(db: Db, row: Insertable<MeetingsTable>): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

export async function updateMeetingRow(db: Db, id: string, patch: Updateable<MeetingsTable>): Promise<void> {
  await db.updateTable('meetings').set(patch).where('id', '=', id).execute();
}

export async function findMeetingRow(db: Db, id: string, opts: { includeDeleted?: boolean } = {}): Promise<MeetingRow | undefined> {
  let q = db.selectFrom('meetings').selectAll().where('id', '=', id);
  if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
  return q.executeTakeFirst();
}

// --- attendance ------------------------------------------------------------------------------

export type AttendeeRow = Selectable<MeetingAttendeesTable> & {
  full_name: string;
  position: string | null;
  role: string;
};

export async function replaceAttendees(db: Db, meetingId: string, rows: Insertable<MeetingAttendeesTable>[]): Promise<void> {
  await db.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await db.insertInto('meeting_attendees').values(rows).execute();
}

export async function selectAttendees(db: Db, meetingId: string): Promise<AttendeeRow[]> {
  return db
    .selectFrom('meeting_attendees as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .selectAll('a')
    .select(['m.full_name', 'm.position', 'm.role'])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.sort_order')
    .execute();
}

// --- opinions --------------------------------------------------------------------------------

export async function replaceOpinions(db: Db, meetingId: string, rows: Insertable<MeetingOpinionsTable>[]): Promise<void> {
  await db.deleteFrom('meeting_opinions').where('meeting_id', '=', meetingId).execute();
  if (rows.length > 0) await db.insertInto('meeting_opinions').values(rows).execute();
}

export async function selectOpinions(db: Db, meetingId: string): Promise<Selectable<MeetingOpinionsTable>[]> {
  return db.selectFrom('meeting_opinions').selectAll().where('meeting_id', '=', meetingId).orderBy('seq').execute();
}

// --- conclusions and their tasks -------------------------------------------------------------

export async function selectConclusions(db: Db, meetingId: string): Promise<Selectable<MeetingConclusionsTable>[]> {
  return db
    .selectFrom('meeting_conclusions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('deleted_at', 'is', null)
    .orderBy('seq')
    .execute();
}

export async function insertConclusion(db: Db, row: Insertable<MeetingConclusionsTable>): Promise<void> {
  await db.insertInto('meeting_conclusions').values(row).execute();
}

export async function updateConclusion(db: Db, id: string, patch: Updateable<MeetingConclusionsTable>): Promise<void> {
  await db.updateTable('meeting_conclusions').set(patch).where('id', '=', id).execute();
}

export type ConclusionTaskRow = Selectable<MeetingConclusionTasksTable> & {
  content: string;
  lead_unit_id: string | null;
  lead_member_id: string | null;
  lead_text: string | null;
  deadline: string | null;
  timing_kind: string;
  status: string;
  progress: number;
  lead_unit_name: string | null;
  lead_member_name: string | null;
};

/** The tasks a meeting's conclusions assigned, as the tasks table holds them now (status, progress). */
export async function selectConclusionTasks(db: Db, meetingId: string): Promise<ConclusionTaskRow[]> {
  return db
    .selectFrom('meeting_conclusion_tasks as l')
    .innerJoin('tasks as t', 't.id', 'l.task_id')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .leftJoin('members as m', 'm.id', 't.lead_member_id')
    .selectAll('l')
    .select([
      't.title as content',
      't.lead_unit_id',
      't.lead_member_id',
      't.lead_text',
      't.deadline',
      't.timing_kind',
      't.status',
      't.progress',
      'u.name as lead_unit_name',
      'm.full_name as lead_member_name',
    ])
    .where('l.meeting_id', '=', meetingId)
    .where('t.deleted_at', 'is', null)
    .orderBy('l.conclusion_id')
    .orderBy('l.seq')
    .execute() as Promise<ConclusionTaskRow[]>;
}

export async function selectTaskCoordinators(db: Db, taskIds: readonly string[]): Promise<{ task_id: string; unit_id: string; name: string }[]> {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_coordinators as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.task_id', 'c.unit_id', 'u.name'])
    .where('c.task_id', 'in', [...taskIds])
    .orderBy('u.sort_key')
    .execute();
}

/** Links of new tasks in one INSERT per 500 rows (5 columns each). */
export async function insertConclusionTaskLinks(db: Db, rows: readonly Insertable<MeetingConclusionTasksTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('meeting_conclusion_tasks').values(rows.slice(i, i + 500)).execute();
}

export async function updateConclusionTaskLink(db: Db, taskId: string, patch: Updateable<MeetingConclusionTasksTable>): Promise<void> {
  await db.updateTable('meeting_conclusion_tasks').set(patch).where('task_id', '=', taskId).execute();
}


// --- lookups ---------------------------------------------------------------------------------

export async function selectMembers(db: Db) {
  return db
    .selectFrom('members')
    .select(['id', 'full_name', 'role', 'position', 'agency', 'sort_order', 'sort_key'])
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .orderBy('sort_key')
    .execute();
}

export async function selectUnits(db: Db) {
  return db.selectFrom('units').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('sort_key').execute();
}

export async function selectMeetingKinds(db: Db) {
  return db
    .selectFrom('catalog_items')
    .select(['id', 'name'])
    .where('catalog', '=', 'meetingKind')
    .where('deleted_at', 'is', null)
    .where('active', '=', 1)
    .orderBy('sort_order')
    .execute();
}

/** Which of the given ids exist (not deleted) in a reference table. */
export async function existingIds(db: Db, table: 'members' | 'units' | 'catalog_items', ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', unique).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

// --- lists -----------------------------------------------------------------------------------

export interface MeetingFilter {
  year?: number | null;
  kindId?: string | null;
  status?: string | null;
  words?: readonly string[];
  fromDate?: string | null;
  upcoming?: boolean;
  limit: number;
  offset: number;
}

function filtered(db: Db, f: MeetingFilter) {
  let q = db.selectFrom('meetings as mt').where('mt.deleted_at', 'is', null);
  if (f.year) q = q.where('mt.year', '=', f.year);
  if (f.kindId) q = q.where('mt.kind_id', '=', f.kindId);
  if (f.status) q = q.where('mt.status', '=', f.status);
  // Upcoming = not yet held: from today on and still a draft (a finalised minute is history).
  if (f.fromDate) q = q.where('mt.date', '>=', f.fromDate).where('mt.status', '=', 'draft');
  for (const w of f.words ?? []) q = q.where('mt.search_text', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  return q;
}

export async function listMeetingRows(db: Db, f: MeetingFilter) {
  const total = await filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let q = filtered(db, f)
    .select([
      'mt.id',
      'mt.status',
      'mt.kind_id',
      'mt.kind_name',
      'mt.title',
      'mt.date',
      'mt.start_time',
      'mt.place',
      'mt.chair_name',
      'mt.number_text',
      'mt.updated_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('meeting_attendees as a')
        .whereRef('a.meeting_id', '=', 'mt.id')
        .where('a.status', 'in', ['present', 'late', 'left_early'])
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('present_count'),
      eb
        .selectFrom('meeting_attendees as a')
        .whereRef('a.meeting_id', '=', 'mt.id')
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('member_count'),
      eb
        .selectFrom('meeting_conclusions as c')
        .whereRef('c.meeting_id', '=', 'mt.id')
        .where('c.deleted_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('conclusion_count'),
      eb
        .selectFrom('meeting_conclusion_tasks as l')
        .innerJoin('tasks as t', 't.id', 'l.task_id')
        .whereRef('l.meeting_id', '=', 'mt.id')
        .where('t.deleted_at', 'is', null)
        .select((e) => e.fn.countAll<number>().as('c'))
        .as('task_count'),
    ]);
  q = f.upcoming
    ? q.orderBy('mt.date', 'asc').orderBy('mt.start_time', 'asc')
    : q.orderBy('mt.date', 'desc').orderBy('mt.start_time', 'desc');
  const rows = await q.orderBy('mt.sort_key').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}

export async function selectMeetingYears(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('meetings')
    .select('year')
    .distinct()
    .where('deleted_at', 'is', null)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/** A task moved to another conclusion points at it from the task side too. */
export async function setTaskSourceRef(db: Db, taskId: string, conclusionId: string): Promise<void> {
  await db.updateTable('tasks').set({ source_ref: conclusionId }).where('id', '=', taskId).execute();
}

/** Tasks deleted together with their meeting (same timestamp) come back with it. */
export async function restoreMeetingTasks(db: Db, meetingId: string, deletedAt: string, at: string): Promise<void> {
  await db
    .updateTable('tasks')
    .set({ deleted_at: null, updated_at: at })
    .where('source_type', '=', 'meeting')
    .where('source_id', '=', meetingId)
    .where('deleted_at', '=', deletedAt)
    .execute();
}
