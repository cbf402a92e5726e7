import { sql, type Insertable, type Selectable, type Updateable, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/audit';
import type { Database, DvkModelsTable, DvkModelYearsTable, DvkReviewsTable } from '../db/schema';

/*
 * The only file of the models feature that touches Kysely. Units and catalogue items are read
 * here too (plain rows) so the register does not depend on the organisation feature's internals.
 */

export type ModelRow = Selectable<DvkModelsTable>;
export type YearRow = Selectable<DvkModelYearsTable>;
export type ReviewRowDb = Selectable<DvkReviewsTable>;

export interface UnitLite {
  id: string;
  parent_id: string | null;
  name: string;
  merged_into_id: string | null;
  valid_from: string | null;
  valid_to: string | null;
  sort_order: number;
  sort_key: string;
  deleted_at: string | null;
}

export interface CatalogLite {
  id: string;
  catalog: string;
  name: string;
  code: string | null;
  sort_order: number;
  active: number;
  valid_from_year: number | null;
  valid_to_year: number | null;
}

// ------------------------------------------------------------------ units and catalogues

export async function selectUnits(db: Db): Promise<UnitLite[]> {
  return db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name', 'merged_into_id', 'valid_from', 'valid_to', 'sort_order', 'sort_key', 'deleted_at'])
    .orderBy('sort_order')
    .orderBy('sort_key')
    .execute();
}

export async function selectCatalog(db: Db, catalogs: string[]): Promise<CatalogLite[]> {
  return db
    .selectFrom('catalog_items')
    .select(['id', 'catalog', 'name', 'code', 'sort_order', 'active', 'valid_from_year', 'valid_to_year'])
    .where('catalog', 'in', catalogs)
    .where('deleted_at', 'is', null)
    .orderBy('sort_order')
    .execute();
}

export async function insertCatalogRow(db: Db, row: Insertable<Database['catalog_items']>): Promise<void> {
  await db.insertInto('catalog_items').values(row).execute();
}

export async function insertUnitRow(db: Db, row: Insertable<Database['units']>): Promise<void> {
  await db.insertInto('units').values(row).execute();
}

export async function maxTopLevelOrder(db: Db): Promise<number> {
  const r = await db
    .selectFrom('units')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('parent_id', 'is', null)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}

// ------------------------------------------------------------------ models

export async function selectModel(db: Db, id: string): Promise<ModelRow | undefined> {
  return db.selectFrom('dvk_models').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectModelByIdentity(db: Db, unitId: string, nameFolded: string): Promise<ModelRow | undefined> {
  return db
    .selectFrom('dvk_models')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('name_folded', '=', nameFolded)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Every live model of the given units (imports match against them in memory). */
export async function selectModelsOfUnits(db: Db, unitIds: string[]): Promise<ModelRow[]> {
  const out: ModelRow[] = [];
  for (let i = 0; i < unitIds.length; i += 500) {
    const chunk = unitIds.slice(i, i + 500);
    out.push(...(await db.selectFrom('dvk_models').selectAll().where('unit_id', 'in', chunk).where('deleted_at', 'is', null).execute()));
  }
  return out;
}

export async function insertModelRow(db: Db, row: Insertable<DvkModelsTable>): Promise<void> {
  await db.insertInto('dvk_models').values(row).execute();
}

export async function updateModelRow(db: Db, id: string, patch: Updateable<DvkModelsTable>): Promise<void> {
  await db.updateTable('dvk_models').set(patch).where('id', '=', id).execute();
}

// ------------------------------------------------------------------ yearly records

export async function selectYear(db: Db, id: string): Promise<YearRow | undefined> {
  return db.selectFrom('dvk_model_years').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectYearsOfModel(db: Db, modelId: string): Promise<YearRow[]> {
  return db
    .selectFrom('dvk_model_years')
    .selectAll()
    .where('model_id', '=', modelId)
    .where('deleted_at', 'is', null)
    .orderBy('year', 'desc')
    .execute();
}

export async function selectYearsByIds(db: Db, ids: string[]): Promise<YearRow[]> {
  const out: YearRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    out.push(...(await db.selectFrom('dvk_model_years').selectAll().where('id', 'in', chunk).where('deleted_at', 'is', null).execute()));
  }
  return out;
}

/** Live yearly records of the given models in one year and the year before (imports decide new/carried). */
export async function selectYearsOfModels(db: Db, modelIds: string[], years: number[]): Promise<YearRow[]> {
  const out: YearRow[] = [];
  for (let i = 0; i < modelIds.length; i += 500) {
    const chunk = modelIds.slice(i, i + 500);
    out.push(
      ...(await db
        .selectFrom('dvk_model_years')
        .selectAll()
        .where('model_id', 'in', chunk)
        .where('year', 'in', years)
        .where('deleted_at', 'is', null)
        .execute()),
    );
  }
  return out;
}

export async function insertYearRow(db: Db, row: Insertable<DvkModelYearsTable>): Promise<void> {
  await db.insertInto('dvk_model_years').values(row).execute();
}

export async function updateYearRow(db: Db, id: string, patch: Updateable<DvkModelYearsTable>): Promise<void> {
  await db.updateTable('dvk_model_years').set(patch).where('id', '=', id).execute();
}

/** Keeps the copies of model data on its yearly records in step with the model. */
export async function updateYearsOfModel(db: Db, modelId: string, patch: Updateable<DvkModelYearsTable>): Promise<void> {
  await db.updateTable('dvk_model_years').set(patch).where('model_id', '=', modelId).execute();
}

export async function countLiveYearsOfModel(db: Db, modelId: string): Promise<number> {
  const r = await db
    .selectFrom('dvk_model_years')
    .select((eb) => eb.fn.countAll<number>().as('c'))
    .where('model_id', '=', modelId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.c ?? 0);
}

export async function yearCounts(db: Db): Promise<Array<{ year: number; count: number }>> {
  const rows = await db
    .selectFrom('dvk_model_years')
    .select(['year', (eb) => eb.fn.countAll<number>().as('count')])
    .where('deleted_at', 'is', null)
    .groupBy('year')
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, count: Number(r.count) }));
}

// ------------------------------------------------------------------ register query

export interface ListQuery {
  year?: number | undefined;
  unitIds?: string[] | undefined;
  fieldId?: string | undefined;
  kind?: string | undefined;
  registration?: string | undefined;
  statuses?: string[] | undefined;
  typical?: boolean | undefined;
  commended?: boolean | undefined;
  /** An FTS5 query over the folded search text, already built. */
  match?: string | undefined;
}

export interface RegisterRow extends YearRow {
  name: string;
  performer: string | null;
  timing: string | null;
  unit_name: string;
  field_name: string | null;
  level_name: string | null;
  award_name: string | null;
}

type YearQuery = SelectQueryBuilder<Database & { y: DvkModelYearsTable }, 'y', object>;

function applyFilters<Q extends YearQuery>(q: Q, f: ListQuery): Q {
  let out = q.where('y.deleted_at', 'is', null) as Q;
  if (f.year !== undefined) out = out.where('y.year', '=', f.year) as Q;
  if (f.unitIds) out = (f.unitIds.length ? out.where('y.unit_id', 'in', f.unitIds) : out.where(sql<boolean>`0`)) as Q;
  if (f.fieldId) out = out.where('y.field_id', '=', f.fieldId) as Q;
  if (f.kind) out = out.where('y.kind', '=', f.kind) as Q;
  if (f.registration) out = out.where('y.registration', '=', f.registration) as Q;
  if (f.statuses?.length) out = out.where('y.status', 'in', f.statuses) as Q;
  if (f.typical !== undefined) out = out.where('y.typical', '=', f.typical ? 1 : 0) as Q;
  if (f.commended !== undefined) out = out.where('y.commended', '=', f.commended ? 1 : 0) as Q;
  if (f.match) out = out.where(sql<boolean>`y.n IN (SELECT rowid FROM dvk_years_fts WHERE dvk_years_fts MATCH ${f.match})`) as Q;
  return out;
}

export async function countRegister(db: Db, f: ListQuery): Promise<number> {
  const q = applyFilters(db.selectFrom('dvk_model_years as y') as unknown as YearQuery, f);
  const r = await q.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirst();
  return Number((r as { c?: number } | undefined)?.c ?? 0);
}

/** A register row: the yearly record with its model's name, unit, field, level and award names. */
function withRegisterColumns(q: YearQuery) {
  return q
    .innerJoin('dvk_models as m', 'm.id', 'y.model_id')
    .innerJoin('units as u', 'u.id', 'y.unit_id')
    .leftJoin('catalog_items as f', 'f.id', 'y.field_id')
    .leftJoin('catalog_items as lv', 'lv.id', 'y.recognition_level_id')
    .leftJoin('catalog_items as aw', 'aw.id', 'y.award_form_id')
    .selectAll('y')
    .select([
      'm.name as name',
      'm.performer as performer',
      'm.timing as timing',
      'u.name as unit_name',
      'f.name as field_name',
      'lv.name as level_name',
      'aw.name as award_name',
    ]);
}

function registerQuery(db: Db, f: ListQuery, sort: 'name' | 'unit' | 'updated') {
  let q = withRegisterColumns(applyFilters(db.selectFrom('dvk_model_years as y') as unknown as YearQuery, f));
  if (sort === 'unit') q = q.orderBy('u.sort_key').orderBy('y.sort_key');
  else if (sort === 'updated') q = q.orderBy('y.updated_at', 'desc');
  else q = q.orderBy('y.sort_key');
  // n (the rowid) ends every index, so this tie-break costs no sort and keeps offset paging stable.
  return q.orderBy('y.n');
}

export async function selectRegister(
  db: Db,
  f: ListQuery,
  opts: { sort: 'name' | 'unit' | 'updated'; offset: number; limit: number },
): Promise<RegisterRow[]> {
  const rows = await registerQuery(db, f, opts.sort).offset(opts.offset).limit(opts.limit).execute();
  return rows as unknown as RegisterRow[];
}

/** The whole filtered register as one streamed query (exports): one sort, no offset rescans. */
export async function* streamRegister(db: Db, f: ListQuery, sort: 'name' | 'unit' | 'updated'): AsyncGenerator<RegisterRow> {
  for await (const row of registerQuery(db, f, sort).stream()) yield row as unknown as RegisterRow;
}

/** Register rows by yearly record ids (detail drawer, exports of a selection). */
export async function selectRegisterByIds(db: Db, ids: string[]): Promise<RegisterRow[]> {
  if (!ids.length) return [];
  const rows = await withRegisterColumns(db.selectFrom('dvk_model_years as y') as unknown as YearQuery)
    .where('y.id', 'in', ids)
    .orderBy('y.year', 'desc')
    .execute();
  return rows as unknown as RegisterRow[];
}

// ------------------------------------------------------------------ statistics

export interface StatsGroup {
  unit_id: string;
  field_id: string | null;
  kind: string;
  registration: string;
  status: string;
  typical: number;
  commended: number;
  c: number;
}

/** One GROUP BY over the covering index `dvk_years_stats`. */
export async function selectStatsGroups(db: Db, year: number): Promise<StatsGroup[]> {
  const rows = await db
    .selectFrom('dvk_model_years')
    .select(['unit_id', 'field_id', 'kind', 'registration', 'status', 'typical', 'commended', (eb) => eb.fn.countAll<number>().as('c')])
    .where('year', '=', year)
    .where('deleted_at', 'is', null)
    .groupBy(['unit_id', 'field_id', 'kind', 'registration', 'status', 'typical', 'commended'])
    .execute();
  return rows.map((r) => ({ ...r, c: Number(r.c) }));
}

// ------------------------------------------------------------------ reviews

export async function selectReviews(db: Db, year: number): Promise<ReviewRowDb[]> {
  return db.selectFrom('dvk_reviews').selectAll().where('year', '=', year).where('deleted_at', 'is', null).execute();
}

export async function insertReviewRow(db: Db, row: Insertable<DvkReviewsTable>): Promise<void> {
  await db.insertInto('dvk_reviews').values(row).execute();
}

export async function updateReviewRow(db: Db, id: string, patch: Updateable<DvkReviewsTable>): Promise<void> {
  await db.updateTable('dvk_reviews').set(patch).where('id', '=', id).execute();
}

// ------------------------------------------------------------------ remembered import mappings

export async function selectMapping(db: Db, signature: string): Promise<string | null> {
  const r = await db.selectFrom('dvk_import_mappings').select('mapping_json').where('signature', '=', signature).executeTakeFirst();
  return r?.mapping_json ?? null;
}

export async function upsertMapping(db: Db, signature: string, json: string, at: string): Promise<void> {
  await db
    .insertInto('dvk_import_mappings')
    .values({ signature, mapping_json: json, updated_at: at })
    .onConflict((oc) => oc.column('signature').doUpdateSet({ mapping_json: json, updated_at: at }))
    .execute();
}
