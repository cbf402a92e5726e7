/** The only file of unit report tracking that touches Kysely. */
import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../db/audit';
import type { ReportPeriodsTable, UnitReportsTable } from '../db/schema';

export type PeriodRow = Selectable<ReportPeriodsTable>;
export type UnitReportRow = Selectable<UnitReportsTable> & { unit_name: string; unit_sort: string };

export async function selectPeriods(db: Db, f: { year?: number | undefined; type?: string | undefined }): Promise<PeriodRow[]> {
  let q = db.selectFrom('report_periods').selectAll().where('deleted_at', 'is', null);
  if (f.year) q = q.where('year', '=', f.year);
  if (f.type) q = q.where('type', '=', f.type);
  return q.orderBy('due_date').orderBy('title').execute();
}

export async function selectPeriod(db: Db, id: string): Promise<PeriodRow | null> {
  return (await db.selectFrom('report_periods').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) ?? null;
}

export async function insertPeriod(db: Db, row: Insertable<ReportPeriodsTable>): Promise<void> {
  await db.insertInto('report_periods').values(row).execute();
}

export async function updatePeriodRow(db: Db, id: string, patch: { type: string; year: number; title: string; due_date: string; updated_at: string }): Promise<void> {
  await db.updateTable('report_periods').set(patch).where('id', '=', id).execute();
}

export async function softDeletePeriod(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('report_periods').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
}

/** Rows of units no longer asked for this period's report (their received date, if any, was checked first). */
export async function deleteUnitReports(db: Db, periodId: string, unitIds: readonly string[]): Promise<void> {
  if (unitIds.length) await db.deleteFrom('unit_reports').where('period_id', '=', periodId).where('unit_id', 'in', [...unitIds]).execute();
}

export async function selectUnitReports(db: Db, periodIds: readonly string[]): Promise<UnitReportRow[]> {
  if (!periodIds.length) return [];
  return db
    .selectFrom('unit_reports as r')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .selectAll('r')
    .select(['u.name as unit_name', 'u.sort_key as unit_sort'])
    .where('r.period_id', 'in', [...periodIds])
    .execute();
}

export async function selectUnitReport(db: Db, periodId: string, unitId: string): Promise<Selectable<UnitReportsTable> | null> {
  return (await db.selectFrom('unit_reports').selectAll().where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst()) ?? null;
}

export async function selectUnitReportById(db: Db, id: string): Promise<Selectable<UnitReportsTable> | null> {
  return (await db.selectFrom('unit_reports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function insertUnitReports(db: Db, rows: Insertable<UnitReportsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('unit_reports').values(rows).execute();
}

export async function updateUnitReport(db: Db, id: string, patch: { received_date?: string | null; due_date?: string | null; note?: string | null; updated_at: string }): Promise<void> {
  await db.updateTable('unit_reports').set(patch).where('id', '=', id).execute();
}

/** Top-level units alive today (the đảng bộ trực thuộc that report to the BCĐ). */
export async function selectTopLevelUnitIds(db: Db, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('units')
    .select('id')
    .where('parent_id', 'is', null)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => r.id);
}
