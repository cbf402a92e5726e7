import type { Selectable } from 'kysely';
import type { Db } from '../db/audit';
import type { CatalogItemsTable } from '../db/schema/catalogs';

/** The only file that queries `catalog_items`. */
export type CatalogItemRow = Selectable<CatalogItemsTable>;

export async function selectCatalogRows(db: Db, catalog: string | undefined, opts: { includeInactive?: boolean } = {}): Promise<CatalogItemRow[]> {
  let q = db.selectFrom('catalog_items').selectAll().where('deleted_at', 'is', null);
  if (catalog) q = q.where('catalog', '=', catalog);
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  return q.orderBy('catalog').orderBy('sort_order').orderBy('name').execute();
}

export async function selectCatalogRow(db: Db, id: string): Promise<CatalogItemRow | undefined> {
  return db.selectFrom('catalog_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function maxCatalogOrder(db: Db, catalog: string): Promise<number> {
  const row = await db
    .selectFrom('catalog_items')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('catalog', '=', catalog)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function insertCatalogRow(db: Db, row: Omit<CatalogItemRow, 'sort_order' | 'active'> & { sort_order: number; active: number }): Promise<void> {
  await db.insertInto('catalog_items').values(row).execute();
}

export async function updateCatalogRow(db: Db, id: string, patch: Partial<Omit<CatalogItemRow, 'id'>>): Promise<void> {
  await db.updateTable('catalog_items').set(patch).where('id', '=', id).execute();
}
