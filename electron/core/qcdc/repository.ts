/**
 * The only file of the QCDC feature that touches Kysely: indicators and their history, unit
 * reports and figures, imports, and the read-only counts taken from the registers (dialogues,
 * supervisions, trainings) for a date range. Plain Kysely only (no SQLite functions), so the same
 * queries run on PostgreSQL.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/audit';
import type { QcdcImportsTable, QcdcIndicatorHistoryTable, QcdcIndicatorsTable, QcdcReportsTable, QcdcValuesTable } from '../db/schema';

export type IndicatorRow = Selectable<QcdcIndicatorsTable>;
export type HistoryRow = Selectable<QcdcIndicatorHistoryTable>;
export type ReportRow = Selectable<QcdcReportsTable>;
export type ValueRow = Selectable<QcdcValuesTable>;
export type ImportRow = Selectable<QcdcImportsTable>;

// ───────────── Indicators ─────────────

export async function selectIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.selectFrom('qcdc_indicators').selectAll().where('deleted_at', 'is', null).orderBy('position').orderBy('created_at').execute();
}

export async function selectIndicator(db: Db, id: string): Promise<IndicatorRow | null> {
  return (await db.selectFrom('qcdc_indicators').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) ?? null;
}

export async function insertIndicator(db: Db, row: Insertable<QcdcIndicatorsTable>): Promise<void> {
  await db.insertInto('qcdc_indicators').values(row).execute();
}

export async function updateIndicatorRow(db: Db, id: string, patch: Updateable<QcdcIndicatorsTable>): Promise<void> {
  await db.updateTable('qcdc_indicators').set(patch).where('id', '=', id).execute();
}

export async function selectHistory(db: Db, indicatorIds?: readonly string[]): Promise<HistoryRow[]> {
  let q = db.selectFrom('qcdc_indicator_history').selectAll();
  if (indicatorIds) {
    if (!indicatorIds.length) return [];
    q = q.where('indicator_id', 'in', [...indicatorIds]);
  }
  return q.orderBy('indicator_id').orderBy('version').execute();
}

/** Appends the next version of an indicator's history. */
export async function insertHistory(db: Db, row: Omit<Insertable<QcdcIndicatorHistoryTable>, 'version'>): Promise<void> {
  const last = await db
    .selectFrom('qcdc_indicator_history')
    .select((eb) => eb.fn.max<number | null>('version').as('v'))
    .where('indicator_id', '=', row.indicator_id)
    .executeTakeFirst();
  await db.insertInto('qcdc_indicator_history').values({ ...row, version: Number(last?.v ?? 0) + 1 }).execute();
}

// ───────────── Units ─────────────

export interface UnitLite {
  id: string;
  name: string;
  qcdc_type: string | null;
  valid_from: string | null;
  valid_to: string | null;
  merged_into_id: string | null;
  sort_key: string;
}

export async function selectUnitsLite(db: Db): Promise<UnitLite[]> {
  return db
    .selectFrom('units')
    .select(['id', 'name', 'qcdc_type', 'valid_from', 'valid_to', 'merged_into_id', 'sort_key'])
    .where('deleted_at', 'is', null)
    .orderBy('sort_key')
    .execute();
}

export async function selectUnitLite(db: Db, id: string): Promise<UnitLite | null> {
  return (
    (await db
      .selectFrom('units')
      .select(['id', 'name', 'qcdc_type', 'valid_from', 'valid_to', 'merged_into_id', 'sort_key'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) ?? null
  );
}

// ───────────── Reports and figures ─────────────

export async function selectReport(db: Db, unitId: string, year: number, period: string): Promise<ReportRow | null> {
  return (
    (await db
      .selectFrom('qcdc_reports')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('year', '=', year)
      .where('period', '=', period)
      .where('deleted_at', 'is', null)
      .orderBy('updated_at', 'desc')
      .executeTakeFirst()) ?? null
  );
}

export async function selectReportsOfPeriod(db: Db, year: number, period: string): Promise<Pick<ReportRow, 'id' | 'unit_id' | 'qcdc_type'>[]> {
  return db
    .selectFrom('qcdc_reports')
    .select(['id', 'unit_id', 'qcdc_type'])
    .where('year', '=', year)
    .where('period', '=', period)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function selectReportRowsOfPeriod(db: Db, year: number, period: string): Promise<ReportRow[]> {
  return db.selectFrom('qcdc_reports').selectAll().where('year', '=', year).where('period', '=', period).where('deleted_at', 'is', null).execute();
}

export async function insertReport(db: Db, row: Insertable<QcdcReportsTable>): Promise<void> {
  await db.insertInto('qcdc_reports').values(row).execute();
}

export async function insertReports(db: Db, rows: Insertable<QcdcReportsTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 50) await db.insertInto('qcdc_reports').values(rows.slice(i, i + 50)).execute();
}

export async function updateReportRow(db: Db, id: string, patch: Updateable<QcdcReportsTable>): Promise<void> {
  await db.updateTable('qcdc_reports').set(patch).where('id', '=', id).execute();
}

export async function selectValues(db: Db, reportIds: readonly string[]): Promise<ValueRow[]> {
  if (!reportIds.length) return [];
  const out: ValueRow[] = [];
  // Chunked: SQLite caps bound parameters, and an import touches a thousand reports at once.
  for (let i = 0; i < reportIds.length; i += 500) {
    out.push(...(await db.selectFrom('qcdc_values').selectAll().where('report_id', 'in', reportIds.slice(i, i + 500)).execute()));
  }
  return out;
}

export async function deleteValues(db: Db, reportId: string, indicatorIds?: readonly string[]): Promise<void> {
  let q = db.deleteFrom('qcdc_values').where('report_id', '=', reportId);
  if (indicatorIds) {
    if (!indicatorIds.length) return;
    q = q.where('indicator_id', 'in', [...indicatorIds]);
  }
  await q.execute();
}

export async function insertValues(db: Db, rows: Insertable<QcdcValuesTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('qcdc_values').values(rows.slice(i, i + 200)).execute();
}

/** Figures of a period summed per loại hình (as reported) and indicator, in the database. */
export async function aggregateValues(
  db: Db,
  year: number,
  period: string,
): Promise<{ qcdc_type: string; indicator_id: string; sum: number | null; n: number; nt: number }[]> {
  const rows = await db
    .selectFrom('qcdc_reports as r')
    .innerJoin('qcdc_values as v', 'v.report_id', 'r.id')
    .select((eb) => [
      'r.qcdc_type',
      'v.indicator_id',
      eb.fn.sum<number | null>('v.num_value').as('sum'),
      eb.fn.count<number>('v.num_value').as('n'),
      eb.fn.count<number>('v.text_value').as('nt'),
    ])
    .where('r.year', '=', year)
    .where('r.period', '=', period)
    .where('r.deleted_at', 'is', null)
    .groupBy(['r.qcdc_type', 'v.indicator_id'])
    .execute();
  return rows.map((r) => ({ ...r, sum: r.sum === null ? null : Number(r.sum), n: Number(r.n), nt: Number(r.nt) }));
}

/** Every figure of a period with its unit (for the per-unit table and the drill-down). */
export async function selectPeriodValues(
  db: Db,
  year: number,
  period: string,
  indicatorId?: string,
): Promise<{ unit_id: string; indicator_id: string; num_value: number | null; text_value: string | null }[]> {
  let q = db
    .selectFrom('qcdc_reports as r')
    .innerJoin('qcdc_values as v', 'v.report_id', 'r.id')
    .select(['r.unit_id', 'v.indicator_id', 'v.num_value', 'v.text_value'])
    .where('r.year', '=', year)
    .where('r.period', '=', period)
    .where('r.deleted_at', 'is', null);
  if (indicatorId) q = q.where('v.indicator_id', '=', indicatorId);
  return q.execute();
}

// ───────────── Register counts (read-only figures) ─────────────

export interface RegisterCounts {
  unit_id: string;
  dialogues: number;
  raised: number;
  answered: number;
  passedOn: number;
  publishedOnTime: number;
  supervisions: number;
  trainings: number;
  trainees: number;
}

/** Per unit, what the registers hold between two dates (inclusive). */
export async function selectRegisterCounts(db: Db, from: string, to: string, unitId?: string): Promise<Map<string, RegisterCounts>> {
  const out = new Map<string, RegisterCounts>();
  const get = (id: string) => {
    let c = out.get(id);
    if (!c) {
      c = { unit_id: id, dialogues: 0, raised: 0, answered: 0, passedOn: 0, publishedOnTime: 0, supervisions: 0, trainings: 0, trainees: 0 };
      out.set(id, c);
    }
    return c;
  };
  let dq = db
    .selectFrom('dialogues')
    .select((eb) => [
      'unit_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('opinions_raised').as('raised'),
      eb.fn.sum<number>('opinions_answered').as('answered'),
      eb.fn.sum<number>('opinions_passed_on').as('passed'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('published_date', 'is not', null), eb.or([eb('public_due_date', 'is', null), eb('published_date', '<=', eb.ref('public_due_date'))])]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('published'),
    ])
    .where('deleted_at', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy('unit_id');
  if (unitId) dq = dq.where('unit_id', '=', unitId);
  for (const r of await dq.execute()) {
    const c = get(r.unit_id);
    c.dialogues = Number(r.n);
    c.raised = Number(r.raised ?? 0);
    c.answered = Number(r.answered ?? 0);
    c.passedOn = Number(r.passed ?? 0);
    c.publishedOnTime = Number(r.published ?? 0);
  }
  let sq = db
    .selectFrom('supervisions')
    .select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy('unit_id');
  if (unitId) sq = sq.where('unit_id', '=', unitId);
  for (const r of await sq.execute()) get(r.unit_id).supervisions = Number(r.n);
  let tq = db
    .selectFrom('training_units as tu')
    .innerJoin('trainings as t', 't.id', 'tu.training_id')
    .select((eb) => ['tu.unit_id', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('t.trainees').as('trainees')])
    .where('t.deleted_at', 'is', null)
    .where('t.date', '>=', from)
    .where('t.date', '<=', to)
    .groupBy('tu.unit_id');
  if (unitId) tq = tq.where('tu.unit_id', '=', unitId);
  for (const r of await tq.execute()) {
    const c = get(r.unit_id);
    c.trainings = Number(r.n);
    c.trainees = Number(r.trainees ?? 0);
  }
  return out;
}

/** The register rows behind a counted figure of one unit (drill-down). */
export async function selectRegisterRows(db: Db, source: string, from: string, to: string, unitIds: readonly string[]): Promise<{ unit_id: string; id: string; date: string; label: string }[]> {
  if (!unitIds.length) return [];
  if (source.startsWith('dialogues.')) {
    const rows = await db
      .selectFrom('dialogues')
      .select(['unit_id', 'id', 'date', 'chaired_by', 'title'])
      .where('deleted_at', 'is', null)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .where('unit_id', 'in', [...unitIds])
      .orderBy('date')
      .execute();
    return rows.map((r) => ({ unit_id: r.unit_id, id: r.id, date: r.date, label: r.title ?? `Hội nghị đối thoại do ${r.chaired_by} chủ trì` }));
  }
  if (source === 'supervisions.count') {
    const rows = await db
      .selectFrom('supervisions as s')
      .innerJoin('members as m', 'm.id', 's.member_id')
      .select(['s.unit_id', 's.id', 's.date', 'm.full_name'])
      .where('s.deleted_at', 'is', null)
      .where('s.date', '>=', from)
      .where('s.date', '<=', to)
      .where('s.unit_id', 'in', [...unitIds])
      .orderBy('s.date')
      .execute();
    return rows.map((r) => ({ unit_id: r.unit_id, id: r.id, date: r.date, label: `Giám sát của đồng chí ${r.full_name}` }));
  }
  const rows = await db
    .selectFrom('training_units as tu')
    .innerJoin('trainings as t', 't.id', 'tu.training_id')
    .select(['tu.unit_id', 't.id', 't.date', 't.topic'])
    .where('t.deleted_at', 'is', null)
    .where('t.date', '>=', from)
    .where('t.date', '<=', to)
    .where('tu.unit_id', 'in', [...unitIds])
    .orderBy('t.date')
    .execute();
  return rows.map((r) => ({ unit_id: r.unit_id, id: r.id, date: r.date, label: r.topic }));
}

// ───────────── Imports ─────────────

export async function insertImport(db: Db, row: Insertable<QcdcImportsTable>): Promise<void> {
  await db.insertInto('qcdc_imports').values(row).execute();
}

/** Previews never committed, older than `before`; returns how many were dropped. */
export async function deleteStalePreviews(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom('qcdc_imports').where('committed_at', 'is', null).where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function selectImport(db: Db, id: string): Promise<ImportRow | null> {
  return (await db.selectFrom('qcdc_imports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function updateImportRow(db: Db, id: string, patch: Updateable<QcdcImportsTable>): Promise<void> {
  await db.updateTable('qcdc_imports').set(patch).where('id', '=', id).execute();
}

export async function selectReportsByImport(db: Db, importId: string): Promise<ReportRow[]> {
  return db.selectFrom('qcdc_reports').selectAll().where('import_id', '=', importId).execute();
}

export async function selectReportsByIds(db: Db, ids: readonly string[]): Promise<ReportRow[]> {
  if (!ids.length) return [];
  return db.selectFrom('qcdc_reports').selectAll().where('id', 'in', [...ids]).execute();
}

export async function hardDeleteReport(db: Db, id: string): Promise<void> {
  await db.deleteFrom('qcdc_values').where('report_id', '=', id).execute();
  await db.deleteFrom('qcdc_reports').where('id', '=', id).execute();
}

/** The newest audit sequence number: every write is audited, so it changes whenever data does. */
export async function selectLatestAuditSeq(db: Db): Promise<number> {
  const row = await db.selectFrom('audit_log').select((eb) => eb.fn.max<number | null>('seq').as('s')).executeTakeFirst();
  return Number(row?.s ?? 0);
}
