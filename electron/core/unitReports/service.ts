/**
 * Reports from units: a period (6-month, annual, thematic report of a year) has a due date and
 * the units that must send it (a per-unit due date may override it). Recording the received date
 * gives, for today (ctx.clock): on time (received ≤ due), late (received after due), missing
 * (nothing received and the due date has passed) or pending (not yet due). Computed, never stored.
 */
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import type { ReportMatrix, ReportState, ReportType } from '../../../shared/schemas/unitReports';
import { existingUnitIds } from '../tasks/repository';
import { daysBetween } from '../tasks/rules';
import {
  deleteUnitReports,
  softDeletePeriod,
  updatePeriodRow,
  insertPeriod,
  insertUnitReports,
  selectPeriod,
  selectPeriods,
  selectTopLevelUnitIds,
  selectUnitReport,
  selectUnitReports,
  updateUnitReport,
  type PeriodRow,
} from './repository';

const toPeriod = (p: PeriodRow) => ({ id: p.id, type: p.type as ReportType, year: p.year, title: p.title, dueDate: p.due_date });

export async function listPeriods(ctx: AppContext, year?: number) {
  return (await selectPeriods(ctx.db, { year })).map(toPeriod);
}

export async function createPeriod(
  ctx: AppContext,
  data: { type: ReportType; year: number; title: string; dueDate: string; unitIds: string[] },
) {
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx.clock);
    const unitIds = data.unitIds.length ? [...new Set(data.unitIds)] : await selectTopLevelUnitIds(trx, localToday(ctx.clock));
    const known = await existingUnitIds(trx, unitIds);
    const missing = unitIds.findIndex((u) => !known.has(u));
    if (missing >= 0) throw new AppError('VALIDATION', 'Một đơn vị được chọn không tồn tại.', { [`unitIds.${missing}`]: 'Đơn vị không tồn tại.' });
    if (!unitIds.length) throw new AppError('VALIDATION', 'Chưa có đơn vị nào phải gửi báo cáo. Hãy thêm đơn vị trước.', { unitIds: 'Chưa chọn đơn vị.' });
    const row = { id, type: data.type, year: data.year, title: data.title, due_date: data.dueDate, created_at: at, updated_at: at, deleted_at: null };
    await insertPeriod(trx, row);
    await insertUnitReports(
      trx,
      unitIds.map((unit_id) => ({ id: newId(ctx.clock.now().getTime()), period_id: id, unit_id, due_date: null, received_date: null, note: null, updated_at: at })),
    );
    await recordAudit(trx, ctx.actor, at, { entity: 'report_period', entityId: id, action: 'create', after: { ...row, unitIds } });
  });
  return toPeriod((await selectPeriod(ctx.db, id))!);
}

/**
 * Corrects a period. Units added get an empty row; units dropped lose theirs, except a unit whose
 * report was already received: dropping it would silently erase a received date, so the officer is
 * asked to clear that date first.
 */
export async function updatePeriod(
  ctx: AppContext,
  data: { id: string; type: ReportType; year: number; title: string; dueDate: string; unitIds: string[] },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectPeriod(trx, data.id);
    if (!before) throw notFound('kỳ báo cáo');
    const at = isoNow(ctx.clock);
    const wanted = [...new Set(data.unitIds)];
    const known = await existingUnitIds(trx, wanted);
    const missing = wanted.findIndex((u) => !known.has(u));
    if (missing >= 0) throw new AppError('VALIDATION', 'Một đơn vị được chọn không tồn tại.', { [`unitIds.${missing}`]: 'Đơn vị không tồn tại.' });
    const current = await selectUnitReports(trx, [data.id]);
    const keep = new Set(wanted);
    const dropped = current.filter((r) => !keep.has(r.unit_id));
    const received = dropped.filter((r) => r.received_date);
    if (received.length) {
      const names = received.map((r) => r.unit_name).join(', ');
      throw new AppError('CONFLICT', `Không bỏ được ${names} khỏi kỳ báo cáo vì đã ghi ngày nhận báo cáo. Hãy xóa ngày nhận trước.`, {
        unitIds: `Đã nhận báo cáo: ${names}.`,
      });
    }
    const have = new Set(current.map((r) => r.unit_id));
    const added = wanted.filter((u) => !have.has(u));
    const patch = { type: data.type, year: data.year, title: data.title, due_date: data.dueDate, updated_at: at };
    await updatePeriodRow(trx, data.id, patch);
    await deleteUnitReports(trx, data.id, dropped.map((r) => r.unit_id));
    await insertUnitReports(
      trx,
      added.map((unit_id) => ({ id: newId(ctx.clock.now().getTime()), period_id: data.id, unit_id, due_date: null, received_date: null, note: null, updated_at: at })),
    );
    await recordAudit(trx, ctx.actor, at, {
      entity: 'report_period',
      entityId: data.id,
      action: 'update',
      before: { ...before, unitIds: current.map((r) => r.unit_id) },
      after: { ...before, ...patch, unitIds: wanted },
    });
  });
  return toPeriod((await selectPeriod(ctx.db, data.id))!);
}

/** To the trash; the rows of received reports stay untouched, so a restore brings the period back whole. */
export async function deletePeriod(ctx: AppContext, id: string): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectPeriod(trx, id);
    if (!before) throw notFound('kỳ báo cáo');
    const at = isoNow(ctx.clock);
    await softDeletePeriod(trx, id, at);
    await recordAudit(trx, ctx.actor, at, { entity: 'report_period', entityId: id, action: 'delete', before });
  });
  return { id };
}

export async function recordReport(
  ctx: AppContext,
  data: { periodId: string; unitId: string; receivedDate: string | null; dueDate?: string | null | undefined; note?: string | null | undefined },
): Promise<ReportMatrix> {
  const period = await selectPeriod(ctx.db, data.periodId);
  if (!period) throw notFound('kỳ báo cáo');
  if (data.receivedDate && data.receivedDate > localToday(ctx.clock)) {
    throw new AppError('VALIDATION', 'Ngày nhận báo cáo không được sau hôm nay.', { receivedDate: 'Ngày nhận ở tương lai.' });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx.clock);
    const before = await selectUnitReport(trx, data.periodId, data.unitId);
    const patch = {
      received_date: data.receivedDate,
      ...(data.dueDate !== undefined ? { due_date: data.dueDate } : {}),
      ...(data.note !== undefined ? { note: data.note || null } : {}),
      updated_at: at,
    };
    let id = before?.id;
    if (before) {
      await updateUnitReport(trx, before.id, patch);
    } else {
      // A unit added to the period after it was created.
      const known = await existingUnitIds(trx, [data.unitId]);
      if (!known.size) throw new AppError('VALIDATION', 'Đơn vị không tồn tại.', { unitId: 'Đơn vị không tồn tại.' });
      id = newId(ctx.clock.now().getTime());
      await insertUnitReports(trx, [{ id, period_id: data.periodId, unit_id: data.unitId, due_date: data.dueDate ?? null, received_date: data.receivedDate, note: data.note ?? null, updated_at: at }]);
    }
    await recordAudit(trx, ctx.actor, at, { entity: 'unit_report', entityId: id!, action: 'update', before, after: patch });
  });
  return reportMatrix(ctx, { year: period.year });
}

export function reportState(dueDate: string, received: string | null, today: string): { state: ReportState; daysLate: number | null } {
  if (received) {
    const late = daysBetween(dueDate, received);
    return late > 0 ? { state: 'late', daysLate: late } : { state: 'onTime', daysLate: null };
  }
  if (today > dueDate) return { state: 'missing', daysLate: daysBetween(dueDate, today) };
  return { state: 'pending', daysLate: null };
}

export async function reportMatrix(ctx: Pick<AppContext, 'db' | 'clock'>, f: { year: number; type?: ReportType | undefined }): Promise<ReportMatrix> {
  const today = localToday(ctx.clock);
  const periods = await selectPeriods(ctx.db, f);
  const reports = await selectUnitReports(ctx.db, periods.map((p) => p.id));
  const units = new Map<string, { name: string; sort: string }>();
  for (const r of reports) units.set(r.unit_id, { name: r.unit_name, sort: r.unit_sort });
  const unitIds = [...units.keys()].sort((a, b) => (units.get(a)!.sort < units.get(b)!.sort ? -1 : 1));
  const totals = periods.map((p) => ({ periodId: p.id, onTime: 0, late: 0, missing: 0, pending: 0 }));
  const rows = unitIds.map((unitId) => ({
    unitId,
    unitName: units.get(unitId)!.name,
    cells: periods.map((p, i) => {
      const r = reports.find((x) => x.period_id === p.id && x.unit_id === unitId);
      if (!r) return null;
      const dueDate = r.due_date ?? p.due_date;
      const s = reportState(dueDate, r.received_date, today);
      totals[i]![s.state]++;
      return { periodId: p.id, dueDate, receivedDate: r.received_date, state: s.state, daysLate: s.daysLate };
    }),
  }));
  return { year: f.year, today, periods: periods.map(toPeriod), rows, totals };
}
