import type { Selectable } from 'kysely';
import type { Db } from '../db/audit';
import type { MemberAssignmentsTable } from '../db/schema/assignments';
import type { MembersTable } from '../db/schema/members';

/** The only file that queries `members` and `member_assignments`. */
export type MemberRow = Selectable<MembersTable>;
export type AssignmentRow = Selectable<MemberAssignmentsTable>;

export interface AssignmentJoinedRow extends AssignmentRow {
  full_name: string;
  role: string;
  member_sort_key: string;
  unit_name: string;
}

export async function selectMemberRow(db: Db, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectMemberRows(db: Db, opts: { deletedOnly?: boolean; role?: string | undefined } = {}): Promise<MemberRow[]> {
  let q = db.selectFrom('members').selectAll();
  q = opts.deletedOnly ? q.where('deleted_at', 'is not', null) : q.where('deleted_at', 'is', null);
  if (opts.role) q = q.where('role', '=', opts.role);
  return q.orderBy('sort_key').execute();
}

export async function insertMemberRow(db: Db, row: Omit<MemberRow, 'sort_order'> & { sort_order: number }): Promise<void> {
  await db.insertInto('members').values(row).execute();
}

export async function updateMemberRow(db: Db, id: string, patch: Partial<Omit<MemberRow, 'id'>>): Promise<void> {
  await db.updateTable('members').set(patch).where('id', '=', id).execute();
}

export async function selectAssignmentRows(
  db: Db,
  opts: { memberId?: string | undefined; unitId?: string | undefined; onDate?: string | null | undefined; withDeleted?: boolean } = {},
): Promise<AssignmentJoinedRow[]> {
  let q = db
    .selectFrom('member_assignments as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['m.full_name', 'm.role', 'm.sort_key as member_sort_key', 'u.name as unit_name'])
    .where('m.deleted_at', 'is', null);
  if (!opts.withDeleted) q = q.where('a.deleted_at', 'is', null);
  if (opts.memberId) q = q.where('a.member_id', '=', opts.memberId);
  if (opts.unitId) q = q.where('a.unit_id', '=', opts.unitId);
  if (opts.onDate) {
    const d = opts.onDate;
    q = q
      .where((eb) => eb.or([eb('a.from_date', 'is', null), eb('a.from_date', '<=', d)]))
      .where((eb) => eb.or([eb('a.to_date', 'is', null), eb('a.to_date', '>=', d)]));
  }
  return q.orderBy('m.sort_key').orderBy('u.sort_order').execute();
}

export async function selectAssignmentRow(db: Db, id: string): Promise<AssignmentRow | undefined> {
  return db.selectFrom('member_assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAssignmentRow(db: Db, row: AssignmentRow): Promise<void> {
  await db.insertInto('member_assignments').values(row).execute();
}

export async function updateAssignmentRow(db: Db, id: string, patch: Partial<Omit<AssignmentRow, 'id'>>): Promise<void> {
  await db.updateTable('member_assignments').set(patch).where('id', '=', id).execute();
}

export async function selectAssignmentIdsDeletedAt(db: Db, memberId: string, deletedAt: string): Promise<Array<{ id: string }>> {
  return db.selectFrom('member_assignments').select(['id']).where('member_id', '=', memberId).where('deleted_at', '=', deletedAt).execute();
}
