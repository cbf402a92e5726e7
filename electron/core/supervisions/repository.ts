/** The only file of the supervision register that touches Kysely (assignments are read through organisation/members). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/audit';
import type { SupervisionsTable } from '../db/schema';

export type SupervisionRow = Selectable<SupervisionsTable> & { unit_name: string; member_name: string };

function base(db: Db) {
  return db
    .selectFrom('supervisions as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .innerJoin('members as m', 'm.id', 's.member_id')
    .selectAll('s')
    .select(['u.name as unit_name', 'm.full_name as member_name']);
}

export async function selectSupervisions(
  db: Db,
  f: { year?: number | undefined; memberId?: string | undefined; unitId?: string | undefined; includeDeleted: boolean },
): Promise<SupervisionRow[]> {
  let q = base(db);
  if (!f.includeDeleted) q = q.where('s.deleted_at', 'is', null);
  if (f.year) q = q.where('s.year', '=', f.year);
  if (f.memberId) q = q.where('s.member_id', '=', f.memberId);
  if (f.unitId) q = q.where('s.unit_id', '=', f.unitId);
  return q.orderBy('s.date', 'desc').orderBy('s.created_at', 'desc').execute();
}

export async function selectSupervision(db: Db, id: string, withDeleted = false): Promise<SupervisionRow | null> {
  let q = base(db).where('s.id', '=', id);
  if (!withDeleted) q = q.where('s.deleted_at', 'is', null);
  return (await q.executeTakeFirst()) ?? null;
}

export async function insertSupervision(db: Db, row: Insertable<SupervisionsTable>): Promise<void> {
  await db.insertInto('supervisions').values(row).execute();
}

export async function updateSupervisionRow(db: Db, id: string, patch: Updateable<SupervisionsTable>): Promise<void> {
  await db.updateTable('supervisions').set(patch).where('id', '=', id).execute();
}
