import { sql } from 'kysely';
import type { Db } from '../db/audit';
import { applyRowFilters, probeSearch, type ListQuery, type YearQuery } from './repository';

/*
 * Register rows for exports, read in pages (the only Kysely of the export path).
 *
 * First the record numbers of the filtered view in register order (unit, then name) — one sort over
 * small keys, 8 bytes a row kept — then the rows page by page by rowid, joined only to their model;
 * unit and catalogue names come from two small maps. Each page is a complete query, so no cursor
 * stays open across the writer's awaits: the rest of the app can use the connection during a long
 * export (better-sqlite3 refuses other statements while an iterator is open), and at most one page
 * of rows is alive at a time.
 *
 * The filters are the register's own (`applyRowFilters`; the words of a search go through
 * `probeSearch`), so a filter added to the register applies here too;
 * tests/core/models/export-paging.test.ts checks that an export holds exactly the rows
 * `models.list` shows for the same filter.
 */

export const EXPORT_PAGE_SIZE = 500;

export interface ExportRow {
  n: number;
  year: number;
  unit_name: string;
  name: string;
  kind: string;
  field_name: string | null;
  registration: string;
  performer: string | null;
  timing: string | null;
  status: string;
  typical: number;
  commended: number;
  recognition_decision_no: string | null;
  recognition_date: string | null;
  level_name: string | null;
  award_name: string | null;
  award_by: string | null;
  award_decision_no: string | null;
  note: string | null;
}

/** Record numbers of the filtered register in its printed order (unit, then model name). */
export async function selectExportNumbers(db: Db, f: ListQuery): Promise<number[]> {
  let q = applyRowFilters(db.selectFrom('dvk_model_years as y') as unknown as YearQuery, f)
    .innerJoin('units as u', 'u.id', 'y.unit_id')
    .select('y.n');
  if (f.match) {
    // Every match of the words (and year) from the search index; a JSON array keeps any number of
    // them to one bound parameter.
    const matches = await probeSearch(db, f, Number.MAX_SAFE_INTEGER - 1);
    q = q.where(sql<boolean>`y.n IN (SELECT value FROM json_each(${JSON.stringify(matches)}))`);
  }
  const rows = await q.orderBy('u.sort_key').orderBy('y.sort_key').orderBy('y.n').execute();
  return rows.map((r) => r.n);
}

interface Names {
  units: Map<string, string>;
  catalog: Map<string, string>;
}

/** Names of every unit and catalogue item, deleted ones included (old records still name them). */
async function selectNames(db: Db): Promise<Names> {
  const units = await db.selectFrom('units').select(['id', 'name']).execute();
  const items = await db.selectFrom('catalog_items').select(['id', 'name']).execute();
  return { units: new Map(units.map((u) => [u.id, u.name])), catalog: new Map(items.map((c) => [c.id, c.name])) };
}

/** The rows of these record numbers, in the same order (a number no longer there is skipped). */
async function selectExportRows(db: Db, ns: number[], names: Names): Promise<ExportRow[]> {
  if (!ns.length) return [];
  const rows = await db
    .selectFrom('dvk_model_years as y')
    .innerJoin('dvk_models as m', 'm.id', 'y.model_id')
    .select([
      'y.n',
      'y.year',
      'y.unit_id',
      'y.field_id',
      'y.recognition_level_id',
      'y.award_form_id',
      'y.kind',
      'y.registration',
      'y.status',
      'y.typical',
      'y.commended',
      'y.recognition_decision_no',
      'y.recognition_date',
      'y.award_by',
      'y.award_decision_no',
      'y.note',
      'm.name',
      'm.performer',
      'm.timing',
    ])
    .where('y.n', 'in', ns)
    .execute();
  const byNumber = new Map(rows.map((r) => [r.n, r]));
  const out: ExportRow[] = [];
  for (const n of ns) {
    const r = byNumber.get(n);
    if (!r) continue;
    out.push({
      n: r.n,
      year: r.year,
      unit_name: names.units.get(r.unit_id) ?? '',
      name: r.name,
      kind: r.kind,
      field_name: r.field_id ? (names.catalog.get(r.field_id) ?? null) : null,
      registration: r.registration,
      performer: r.performer,
      timing: r.timing,
      status: r.status,
      typical: r.typical,
      commended: r.commended,
      recognition_decision_no: r.recognition_decision_no,
      recognition_date: r.recognition_date,
      level_name: r.recognition_level_id ? (names.catalog.get(r.recognition_level_id) ?? null) : null,
      award_name: r.award_form_id ? (names.catalog.get(r.award_form_id) ?? null) : null,
      award_by: r.award_by,
      award_decision_no: r.award_decision_no,
      note: r.note,
    });
  }
  return out;
}

export interface ExportPages {
  /** How many records the filter selected when the export started. */
  total: number;
  /** The rows, at most `pageSize` per page, in register order. */
  pages: AsyncIterable<ExportRow[]>;
}

/** The filtered register for an export, as pages of rows read one query at a time. */
export async function openExportPages(db: Db, f: ListQuery, pageSize = EXPORT_PAGE_SIZE): Promise<ExportPages> {
  const numbers = await selectExportNumbers(db, f);
  const size = Math.max(1, Math.floor(pageSize));
  async function* pages(): AsyncGenerator<ExportRow[]> {
    if (!numbers.length) return;
    const names = await selectNames(db);
    for (let i = 0; i < numbers.length; i += size) yield await selectExportRows(db, numbers.slice(i, i + size), names);
  }
  return { total: numbers.length, pages: pages() };
}
