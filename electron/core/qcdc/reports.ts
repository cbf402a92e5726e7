/**
 * Each unit's QCDC figures for a period (6 tháng, năm, chuyên đề). The report stores the loại hình
 * the unit had when it reported, so a unit that later changes type keeps its old figures under the
 * old type. Counted indicators are read from the registers, ratios computed; only typed figures are
 * stored. Saving marks the unit as reported in the unit-report tracking of the same type and year.
 */
import type { Insertable } from 'kysely';
import type { AppContext } from '../context';
import type { QcdcReportsTable, QcdcValuesTable } from '../db/schema';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import type { QcdcType } from '../../../shared/schemas/units';
import type { FigureValue, QcdcPeriod, QcdcReport, SaveReportData } from '../../../shared/schemas/qcdc';
import { selectPeriods, selectUnitReport, selectUnitReports, updateUnitReport } from '../unitReports/repository';
import {
  deleteValues,
  insertReport,
  insertValues,
  selectIndicators,
  selectRegisterCounts,
  selectReport,
  selectUnitLite,
  selectValues,
  updateReportRow,
  type IndicatorRow,
  type ReportRow,
  type ValueRow,
} from './repository';
import { countedValue, indicatorsOfType, periodRange, ratio, shownValue, storedValue, type StoredValue } from './rules';

export interface PeriodKey {
  year: number;
  period: QcdcPeriod;
}

type TrackingRow = { period: Awaited<ReturnType<typeof selectPeriods>>[number]; row: NonNullable<Awaited<ReturnType<typeof selectUnitReport>>> };

/**
 * The tracking row this report answers: the first (by due date) unit-report period of the same
 * type and year that lists the unit.
 */
async function trackingRow(db: Db, unitId: string, key: PeriodKey): Promise<TrackingRow | null> {
  for (const p of await selectPeriods(db, { year: key.year, type: key.period })) {
    const row = await selectUnitReport(db, p.id, unitId);
    if (row) return { period: p, row };
  }
  return null;
}

/** The tracking rows of every unit for a period at once (an import writes a thousand units). */
export async function trackingRows(db: Db, key: PeriodKey): Promise<Map<string, TrackingRow>> {
  const periods = await selectPeriods(db, { year: key.year, type: key.period });
  const out = new Map<string, TrackingRow>();
  const rows = await selectUnitReports(db, periods.map((p) => p.id));
  for (const p of periods) for (const r of rows) if (r.period_id === p.id && !out.has(r.unit_id)) out.set(r.unit_id, { period: p, row: r });
  return out;
}

/** Figures of one unit: typed from `values`, counted from the registers, ratios from both. */
export function figuresOf(
  indicators: readonly IndicatorRow[],
  typed: ReadonlyMap<string, { num_value: number | null; text_value: string | null }>,
  counted: Parameters<typeof countedValue>[1],
): Map<string, FigureValue> {
  const out = new Map<string, FigureValue>();
  const numberOf = (id: string | null): number | null => {
    if (!id) return null;
    const ind = indicators.find((i) => i.id === id);
    if (ind && ind.source !== 'typed') return countedValue(ind.source, counted);
    return typed.get(id)?.num_value ?? null;
  };
  for (const ind of indicators) {
    if (ind.kind === 'ratio') out.set(ind.id, ratio(numberOf(ind.numerator_id), numberOf(ind.denominator_id)));
    else if (ind.source !== 'typed') out.set(ind.id, countedValue(ind.source, counted));
    else {
      const v = typed.get(ind.id);
      out.set(ind.id, v ? shownValue(ind.kind, v.num_value, v.text_value) : null);
    }
  }
  return out;
}

export async function getReport(ctx: Pick<AppContext, 'db'>, input: { unitId: string } & PeriodKey, db: Db = ctx.db): Promise<QcdcReport> {
  const unit = await selectUnitLite(db, input.unitId);
  if (!unit) throw notFound('đơn vị');
  const report = await selectReport(db, unit.id, input.year, input.period);
  const type = (report?.qcdc_type ?? unit.qcdc_type) as QcdcType | null;
  const values = report ? await selectValues(db, [report.id]) : [];
  const typed = new Map(values.map((v) => [v.indicator_id, v]));
  const all = await selectIndicators(db);
  const indicators = type ? indicatorsOfType(all, type).filter((i) => i.active === 1 || typed.has(i.id)) : [];
  const range = periodRange(input.year, input.period);
  const counted = (await selectRegisterCounts(db, range.from, range.to, unit.id)).get(unit.id);
  const shown = figuresOf(indicators, typed, counted);
  const tracked = await trackingRow(db, unit.id, input);
  return {
    unitId: unit.id,
    unitName: unit.name,
    year: input.year,
    period: input.period,
    qcdcType: type,
    saved: !!report,
    receivedDate: report?.received_date ?? null,
    note: report?.note ?? null,
    updatedAt: report?.updated_at ?? null,
    trackedPeriodId: tracked?.period.id ?? null,
    figures: indicators.map((i) => ({
      indicatorId: i.id,
      name: i.name,
      kind: i.kind as QcdcReport['figures'][number]['kind'],
      source: i.source as QcdcReport['figures'][number]['source'],
      readOnly: i.source !== 'typed' || i.kind === 'ratio',
      unitLabel: i.unit_label,
      value: shown.get(i.id) ?? null,
    })),
  };
}

export interface WriteReport extends PeriodKey {
  unitId: string;
  /** indicator id → stored figure (null clears it); indicators not listed keep their figure. */
  values: ReadonlyMap<string, StoredValue | null>;
  receivedDate: string;
  note?: string | null | undefined;
  importId?: string | null;
  /** Already read by the caller (an import reads a whole period at once): the live report and its figures, the tracking row. */
  known?: { before: ReportRow | null; values: readonly ValueRow[]; tracked: TrackingRow | null };
  /**
   * Batch mode (the import): new report rows and figures are collected here for the caller to insert
   * in a few statements, and the audit entry is left to the caller's one entry for the whole batch
   * (which keeps everything replaced, for undo).
   */
  batch?: { reports: Insertable<QcdcReportsTable>[]; values: Insertable<QcdcValuesTable>[] };
}

/**
 * Writes one unit's figures inside the caller's transaction (the grid and the import share it):
 * the report row, its figures, the tracking row, the audit entry. Returns what it replaced.
 */
export async function writeReportIn(
  trx: Db,
  ctx: Pick<AppContext, 'clock' | 'actor'>,
  w: WriteReport,
  qcdcType: string,
): Promise<{ reportId: string; before: ReportRow | null; trackedRowId: string | null }> {
  const at = isoNow(ctx.clock);
  const before = w.known ? w.known.before : await selectReport(trx, w.unitId, w.year, w.period);
  const reportId = before?.id ?? newId(ctx.clock.now().getTime());
  if (before) {
    await updateReportRow(trx, before.id, {
      received_date: before.received_date ?? w.receivedDate,
      ...(w.note !== undefined ? { note: w.note } : {}),
      ...(w.importId !== undefined ? { import_id: w.importId } : {}),
      updated_at: at,
    });
  } else {
    const row = {
      id: reportId,
      unit_id: w.unitId,
      year: w.year,
      period: w.period,
      qcdc_type: qcdcType,
      received_date: w.receivedDate,
      note: w.note ?? null,
      import_id: w.importId ?? null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    if (w.batch) w.batch.reports.push(row);
    else await insertReport(trx, row);
  }
  const ids = [...w.values.keys()];
  const previous = before ? (w.known ? w.known.values : await selectValues(trx, [before.id])).filter((v) => w.values.has(v.indicator_id)) : [];
  if (before) await deleteValues(trx, reportId, ids);
  const rows = [...w.values.entries()].filter(([, v]) => v !== null).map(([indicator_id, v]) => ({ report_id: reportId, indicator_id, ...v! }));
  if (w.batch) w.batch.values.push(...rows);
  else await insertValues(trx, rows);
  const tracked = w.known ? w.known.tracked : await trackingRow(trx, w.unitId, w);
  let trackedRowId: string | null = null;
  if (tracked && !tracked.row.received_date) {
    trackedRowId = tracked.row.id;
    const patch = { received_date: w.receivedDate, updated_at: at };
    await updateUnitReport(trx, tracked.row.id, patch);
    if (!w.batch) await recordAudit(trx, ctx.actor, at, { entity: 'unit_report', entityId: tracked.row.id, action: 'update', before: tracked.row, after: patch, note: 'Nhận số liệu QCDC' });
  }
  if (w.batch) return { reportId, before, trackedRowId };
  await recordAudit(trx, ctx.actor, at, {
    entity: 'qcdc_report',
    entityId: reportId,
    action: before ? 'update' : 'create',
    before: before ? { ...before, values: previous } : undefined,
    after: { unitId: w.unitId, year: w.year, period: w.period, qcdcType, values: Object.fromEntries(w.values) },
  });
  return { reportId, before, trackedRowId };
}

export async function saveReport(ctx: AppContext, data: SaveReportData): Promise<QcdcReport> {
  const today = localToday(ctx.clock);
  const receivedDate = data.receivedDate ?? today;
  if (receivedDate > today) throw new AppError('VALIDATION', 'Ngày nhận báo cáo không được sau hôm nay.', { receivedDate: 'Ngày ở tương lai.' });
  await ctx.db.transaction().execute(async (trx) => {
    const unit = await selectUnitLite(trx, data.unitId);
    if (!unit) throw notFound('đơn vị');
    const existing = await selectReport(trx, unit.id, data.year, data.period);
    const type = existing?.qcdc_type ?? unit.qcdc_type;
    if (!type) throw new AppError('VALIDATION', `Đơn vị "${unit.name}" chưa được xếp loại hình thực hiện QCDC; hãy chọn loại hình trong danh mục đơn vị trước.`, { unitId: 'Chưa có loại hình.' });
    const allowed = new Map(indicatorsOfType(await selectIndicators(trx), type).map((i) => [i.id, i]));
    const values = new Map<string, StoredValue | null>();
    for (const [i, v] of data.values.entries()) {
      const field = `values.${i}.value`;
      const ind = allowed.get(v.indicatorId);
      if (!ind) throw new AppError('VALIDATION', 'Chỉ tiêu không thuộc loại hình của đơn vị.', { [`values.${i}.indicatorId`]: 'Không thuộc loại hình này.' });
      if (ind.source !== 'typed' || ind.kind === 'ratio') {
        throw new AppError('VALIDATION', `"${ind.name}" được tính tự động (từ sổ theo dõi hoặc từ hai chỉ tiêu khác), không nhập trực tiếp.`, { [field]: 'Chỉ tiêu tính tự động.' });
      }
      if (ind.active !== 1 && v.value !== null) throw new AppError('VALIDATION', `"${ind.name}" đã ngừng sử dụng.`, { [field]: 'Chỉ tiêu đã ngừng sử dụng.' });
      values.set(ind.id, storedValue(ind.kind, ind.name, v.value, field));
    }
    await writeReportIn(trx, ctx, { unitId: unit.id, year: data.year, period: data.period, values, receivedDate, note: data.note }, type);
  });
  return getReport(ctx, data);
}

/** To the trash: the report row is soft-deleted and its figures stay with it for a restore. */
export async function deleteReport(ctx: AppContext, input: { unitId: string } & PeriodKey): Promise<{ unitId: string }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectReport(trx, input.unitId, input.year, input.period);
    if (!before) throw notFound('số liệu QCDC của đơn vị trong kỳ này');
    const at = isoNow(ctx.clock);
    await updateReportRow(trx, before.id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'qcdc_report', entityId: before.id, action: 'delete', before });
  });
  return { unitId: input.unitId };
}
