/** The only file of the plans feature that touches Kysely (plans, plan_items). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/audit';
import type { PlanItemsTable, PlansTable } from '../db/schema';

export type PlanRow = Selectable<PlansTable>;
export type PlanItemRow = Selectable<PlanItemsTable>;

export async function selectPlan(db: Db, id: string): Promise<PlanRow | null> {
  return (await db.selectFrom('plans').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) ?? null;
}

export async function selectPlans(db: Db, f: { year?: number | undefined; kind?: string | undefined; words?: readonly string[] }): Promise<PlanRow[]> {
  let q = db.selectFrom('plans').selectAll().where('deleted_at', 'is', null);
  if (f.year) q = q.where('year', '=', f.year);
  if (f.kind) q = q.where('kind', '=', f.kind);
  for (const w of f.words ?? []) q = q.where('search_text', 'like', `%${w.replace(/[%_\\]/g, '')}%`);
  return q.orderBy('year', 'desc').orderBy('date', 'desc').orderBy('sort_key').execute();
}

export async function insertPlan(db: Db, row: Insertable<PlansTable>): Promise<void> {
  await db.insertInto('plans').values(row).execute();
}

export async function updatePlanRow(db: Db, id: string, patch: Updateable<PlansTable>): Promise<void> {
  await db.updateTable('plans').set(patch).where('id', '=', id).execute();
}

export async function selectItems(db: Db, planIds: readonly string[]): Promise<PlanItemRow[]> {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_items')
    .selectAll()
    .where('plan_id', 'in', [...planIds])
    .where('deleted_at', 'is', null)
    .orderBy('plan_id')
    .orderBy('position')
    .execute();
}

/** Item rows in one INSERT per 500 (9 columns each, far below SQLite's bound-parameter limit). */
export async function insertItems(db: Db, rows: readonly Insertable<PlanItemsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('plan_items').values(rows.slice(i, i + 500)).execute();
}

export async function updateItemRow(db: Db, id: string, patch: Updateable<PlanItemsTable>): Promise<void> {
  await db.updateTable('plan_items').set(patch).where('id', '=', id).execute();
}
