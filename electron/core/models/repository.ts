import { sql, type Insertable, type Selectable, type Updateable, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../db/audit';
import type { Database, DvkCounterColumns, DvkModelsTable, DvkModelYearsTable, DvkReviewsTable } from '../db/schema';

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
  // From the trigger-kept counters (migration 0008): a dozen rows per year instead of every record.
  const rows = await db
    .selectFrom('dvk_field_counts')
    .select(['year', (eb) => eb.fn.sum<number>('total').as('count')])
    .groupBy('year')
    .having((eb) => eb.fn.sum('total'), '>', 0)
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

export type YearQuery = SelectQueryBuilder<Database & { y: DvkModelYearsTable }, 'y', object>;

/** Every filter of the register except the words of a search (the export resolves those through `probeSearch`). */
export function applyRowFilters<Q extends YearQuery>(q: Q, f: ListQuery): Q {
  let out = q.where('y.deleted_at', 'is', null) as Q;
  if (f.year !== undefined) out = out.where('y.year', '=', f.year) as Q;
  if (f.unitIds) out = (f.unitIds.length ? out.where('y.unit_id', 'in', f.unitIds) : out.where(sql<boolean>`0`)) as Q;
  if (f.fieldId) out = out.where('y.field_id', '=', f.fieldId) as Q;
  if (f.kind) out = out.where('y.kind', '=', f.kind) as Q;
  if (f.registration) out = out.where('y.registration', '=', f.registration) as Q;
  if (f.statuses?.length) out = out.where('y.status', 'in', f.statuses) as Q;
  if (f.typical !== undefined) out = out.where('y.typical', '=', f.typical ? 1 : 0) as Q;
  if (f.commended !== undefined) out = out.where('y.commended', '=', f.commended ? 1 : 0) as Q;
  return out;
}

function applyFilters<Q extends YearQuery>(q: Q, f: ListQuery): Q {
  const out = applyRowFilters(q, f);
  return f.match ? (out.where(sql<boolean>`y.n IN (SELECT rowid FROM dvk_years_fts WHERE dvk_years_fts MATCH ${searchMatch(f, true)})`) as Q) : out;
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

/** Direction of a sort key: `updated` runs newest first, reversed on request like the others. */
function dirOf(sort: 'name' | 'unit' | 'updated', descending: boolean | undefined): 'asc' | 'desc' {
  return (sort === 'updated') !== Boolean(descending) ? 'desc' : 'asc';
}

function registerQuery(db: Db, f: ListQuery, sort: 'name' | 'unit' | 'updated', descending?: boolean) {
  const dir = dirOf(sort, descending);
  let q = withRegisterColumns(applyFilters(db.selectFrom('dvk_model_years as y') as unknown as YearQuery, f));
  if (sort === 'unit') q = q.orderBy('u.sort_key', dir).orderBy('y.sort_key', dir);
  else if (sort === 'updated') q = q.orderBy('y.updated_at', dir);
  else q = q.orderBy('y.sort_key', dir);
  // n (the rowid) ends every index, so this tie-break costs no sort and keeps offset paging stable.
  return q.orderBy('y.n', descending ? 'desc' : 'asc');
}

export async function selectRegister(
  db: Db,
  f: ListQuery,
  opts: { sort: 'name' | 'unit' | 'updated'; descending?: boolean | undefined; offset: number; limit: number },
): Promise<RegisterRow[]> {
  const rows = await registerQuery(db, f, opts.sort, opts.descending).offset(opts.offset).limit(opts.limit).execute();
  return rows as unknown as RegisterRow[];
}

// ------------------------------------------------------------------ register search (migration 0009)

/** A unit subtree up to this many units is answered by the index (an OR of unit facets). */
const MAX_UNIT_FACETS = 64;
const unitFacets = (f: ListQuery): boolean => Boolean(f.unitIds?.length && f.unitIds.length <= MAX_UNIT_FACETS);

/**
 * The FTS5 expression of a filter: the user's words (already an FTS query, restricted to the text
 * column so they never match a facet), the year facet and, with `units`, the unit facets of
 * migration 0009 — so the index alone answers "matches of this year in these units" (it holds only
 * live records).
 *
 * Units go into counts (models.count: 700 → 50 ms at 1M for a 31-unit subtree) but not into pages:
 * FTS5 advances an OR of 31 unit terms against the words' long doclists at every step, so a first
 * page within a unit took 110–140 ms that way against 40–90 ms walking the words' matches newest
 * first and keeping the unit's rows.
 */
function searchMatch(f: ListQuery, units = false): string {
  let expr = `search_text : (${f.match ?? '""'})`;
  if (f.year !== undefined) expr += ` AND facets : "y${f.year}"`;
  if (units && unitFacets(f)) expr += ` AND facets : (${f.unitIds!.map((id) => `"u${id.replaceAll('-', '').replaceAll('"', '""')}"`).join(' OR ')})`;
  return expr;
}

/** Filters the search index does not answer (anything beyond the words, the year and, with `units`, a unit subtree). */
export function hasRowFilters(f: ListQuery, units = false): boolean {
  const unitRows = f.unitIds !== undefined && !(units && unitFacets(f));
  return Boolean(unitRows || f.fieldId || f.kind || f.registration || f.statuses?.length || f.typical !== undefined || f.commended !== undefined);
}

/** Up to `cap` + 1 record numbers matching the words (and year), from the index alone. */
export async function probeSearch(db: Db, f: ListQuery, cap: number): Promise<number[]> {
  const r = await sql<{ n: number }>`SELECT rowid AS n FROM dvk_years_fts WHERE dvk_years_fts MATCH ${searchMatch(f)} LIMIT ${cap + 1}`.execute(db);
  return r.rows.map((x) => x.n);
}

/** Exact number of matches: an FTS-only count when only words and year filter, else joined to the rows. */
export async function countSearch(db: Db, f: ListQuery): Promise<number> {
  if (hasRowFilters(f, true)) return countRegister(db, f);
  const r = await sql<{ c: number }>`SELECT count(*) AS c FROM dvk_years_fts WHERE dvk_years_fts MATCH ${searchMatch(f, true)}`.execute(db);
  return Number(r.rows[0]?.c ?? 0);
}

/** A register page among known record numbers (a capped probe's result), in any sort, filters applied. */
export async function selectRegisterAmong(
  db: Db,
  f: ListQuery,
  ns: number[],
  opts: { sort: 'name' | 'unit' | 'updated'; descending?: boolean | undefined; offset: number; limit: number },
): Promise<{ rows: RegisterRow[]; total: number }> {
  if (!ns.length) return { rows: [], total: 0 };
  const rest: ListQuery = { ...f, match: undefined };
  // Sort only the record numbers and keys, then read the page's full rows: joining the names of
  // a thousand rows before sorting them cost ~10× more. The numbers travel as one JSON parameter (SQLite
  // looks each row up by rowid; a thousand bound parameters cost more to build and prepare than to run).
  const among = sql<boolean>`y.n IN (SELECT value FROM json_each(${JSON.stringify(ns)}))`;
  let lean = applyFilters(db.selectFrom('dvk_model_years as y') as unknown as YearQuery, rest).where(among);
  const dir = dirOf(opts.sort, opts.descending);
  if (opts.sort === 'unit') {
    lean = (lean.innerJoin('units as u', 'u.id', 'y.unit_id') as unknown as YearQuery).orderBy(sql`u.sort_key`, dir).orderBy('y.sort_key', dir);
  } else if (opts.sort === 'updated') lean = lean.orderBy('y.updated_at', dir);
  else lean = lean.orderBy('y.sort_key', dir);
  const page = await lean.orderBy('y.n', opts.descending ? 'desc' : 'asc').select('y.n').offset(opts.offset).limit(opts.limit).execute();
  const rows = await selectRegisterByNumbers(
    db,
    page.map((r) => (r as { n: number }).n),
  );
  let total = ns.length;
  if (hasRowFilters(f)) {
    const q = applyFilters(db.selectFrom('dvk_model_years as y') as unknown as YearQuery, rest).where(among);
    const r = await q.select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirst();
    total = Number((r as { c?: number } | undefined)?.c ?? 0);
  }
  return { rows, total };
}

/**
 * The newest matching records first (highest record number): FTS5 walks its index backwards and
 * stops after offset + limit rows that pass the other filters, so the cost follows the page, not
 * the number of matches. Returns record numbers in that order.
 */
export async function selectRecentMatchNumbers(db: Db, f: ListQuery, opts: { offset: number; limit: number }): Promise<number[]> {
  if (!hasRowFilters(f)) {
    const r = await sql<{ n: number }>`SELECT rowid AS n FROM dvk_years_fts WHERE dvk_years_fts MATCH ${searchMatch(f)} ORDER BY rowid DESC LIMIT ${opts.limit} OFFSET ${opts.offset}`.execute(db);
    return r.rows.map((x) => x.n);
  }
  // The index is the outer loop (a table-valued call), each match looks its row up by rowid.
  const joined = db
    .selectFrom(sql<{ rowid: number }>`dvk_years_fts(${searchMatch(f)})`.as('fts'))
    .innerJoin('dvk_model_years as y', 'y.n', 'fts.rowid') as unknown as YearQuery;
  const rows = await applyFilters(joined, { ...f, match: undefined })
    .select('y.n')
    .orderBy(sql`fts.rowid`, 'desc')
    .offset(opts.offset)
    .limit(opts.limit)
    .execute();
  return rows.map((r) => (r as { n: number }).n);
}

/** Register rows for record numbers, in the order given. */
export async function selectRegisterByNumbers(db: Db, ns: number[]): Promise<RegisterRow[]> {
  if (!ns.length) return [];
  const rows = (await withRegisterColumns(db.selectFrom('dvk_model_years as y') as unknown as YearQuery)
    .where('y.n', 'in', ns)
    .execute()) as unknown as RegisterRow[];
  const at = new Map(ns.map((n, i) => [n, i]));
  return rows.sort((a, b) => at.get(a.n)! - at.get(b.n)!);
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

/** Counter columns of migration 0008 (dvk_unit_counts, dvk_field_counts), in one list for sums. */
export const COUNTER_COLUMNS = [
  'total',
  'new_count',
  'collective',
  'typical',
  'commended',
  'typical_collective',
  'commended_collective',
  'st_registered',
  'st_implementing',
  'st_eligible',
  'st_reviewed',
  'st_recognised',
  'st_not_recognised',
  'stc_registered',
  'stc_implementing',
  'stc_eligible',
  'stc_reviewed',
  'stc_recognised',
  'stc_not_recognised',
] as const satisfies ReadonlyArray<keyof DvkCounterColumns>;

export type UnitCounterRow = DvkCounterColumns & { unit_id: string };
export type FieldCounterRow = DvkCounterColumns & { field_key: string };

/**
 * The trigger-kept counters of a year, one row per unit with live records (the unit's own records;
 * rows emptied by deletes are skipped). Hundreds of rows at province scale, ~2,000 at national.
 */
export async function selectUnitCounters(db: Db, year: number): Promise<UnitCounterRow[]> {
  return db.selectFrom('dvk_unit_counts').select(['unit_id', ...COUNTER_COLUMNS]).where('year', '=', year).where('total', '<>', 0).execute();
}

/**
 * The counters of a year already summed per subordinate organisation: `tops` maps every unit id to
 * the unit its records roll up to that year (JSON object, from the unit tree). The mapping is the
 * outer loop (CROSS JOIN fixes that order: without ANALYZE statistics the planner would scan the
 * JSON once per counter row) and each unit's counter row is found by primary key, so SQLite hands back a few dozen
 * rows instead of ~2,000 at national scale. Units missing from the mapping are left out: the caller
 * checks the sum against the year's total.
 */
export async function selectCountersByTop(db: Db, year: number, tops: string): Promise<Array<DvkCounterColumns & { top: string }>> {
  const sums = sql.raw(COUNTER_COLUMNS.map((c) => `sum(c.${c}) AS ${c}`).join(', '));
  const r = await sql<DvkCounterColumns & { top: string }>`SELECT j.value AS top, ${sums}
    FROM json_each(${tops}) AS j CROSS JOIN dvk_unit_counts AS c ON c.year = ${year} AND c.unit_id = j.key
    GROUP BY j.value`.execute(db);
  return r.rows;
}

/** The counters of a year per field ('' = records without a field). */
export async function selectFieldCounters(db: Db, year: number): Promise<FieldCounterRow[]> {
  return db.selectFrom('dvk_field_counts').select(['field_key', ...COUNTER_COLUMNS]).where('year', '=', year).where('total', '<>', 0).execute();
}

/** The unit tree's current token (migration 0008): equal tokens, same units. */
export async function selectUnitTreeToken(db: Db): Promise<string> {
  const row = await db.selectFrom('dvk_unit_tree_version').select(sql<string>`hex(token)`.as('token')).where('id', '=', 1).executeTakeFirst();
  return row?.token ?? '';
}

/** A year's counters summed in SQL (the previous-year comparison needs no per-unit rows). */
export async function selectCounterTotals(db: Db, year: number): Promise<DvkCounterColumns> {
  const row = await db
    .selectFrom('dvk_field_counts')
    .select((eb) => COUNTER_COLUMNS.map((c) => eb.fn.coalesce(eb.fn.sum<number>(c), eb.lit(0)).as(c)))
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return row as DvkCounterColumns;
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
