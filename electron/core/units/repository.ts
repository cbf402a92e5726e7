import type { Selectable } from 'kysely';
import type { Db } from '../db/audit';
import type { UnitsTable } from '../db/schema/units';

/** The only file that queries `units`. */
export type UnitRow = Selectable<UnitsTable>;

export async function selectUnitRow(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every unit (deleted ones too when asked); trees are small (hundreds to a few thousand rows). */
export async function selectAllUnitRows(db: Db, opts: { withDeleted?: boolean } = {}): Promise<UnitRow[]> {
  let q = db.selectFrom('units').selectAll();
  if (!opts.withDeleted) q = q.where('deleted_at', 'is', null);
  return q.orderBy('sort_order').orderBy('sort_key').execute();
}

export async function insertUnitRow(db: Db, row: Omit<UnitRow, 'sort_order'> & { sort_order: number }): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

export async function updateUnitRow(db: Db, id: string, patch: Partial<Omit<UnitRow, 'id'>>): Promise<void> {
  await db.updateTable('units').set(patch).where('id', '=', id).execute();
}

export async function maxSiblingOrder(db: Db, parentId: string | null): Promise<number> {
  let q = db.selectFrom('units').select((eb) => eb.fn.max('sort_order').as('m')).where('deleted_at', 'is', null);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const row = await q.executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function selectChildRows(db: Db, parentId: string | null): Promise<UnitRow[]> {
  let q = db.selectFrom('units').selectAll().where('deleted_at', 'is', null);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return q.orderBy('sort_order').orderBy('sort_key').execute();
}

/** Names of members following each unit on a date (for the tree's "phụ trách" column). */
export async function selectCurrentFollowers(db: Db, onDate: string): Promise<Array<{ unit_id: string; full_name: string; sort_key: string }>> {
  return db
    .selectFrom('member_assignments as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select(['a.unit_id', 'm.full_name', 'm.sort_key'])
    .where('a.deleted_at', 'is', null)
    .where('m.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('a.from_date', 'is', null), eb('a.from_date', '<=', onDate)]))
    .where((eb) => eb.or([eb('a.to_date', 'is', null), eb('a.to_date', '>=', onDate)]))
    .orderBy('m.sort_key')
    .execute();
}

export async function countLiveAssignmentsOfUnit(db: Db, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('member_assignments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
