/**
 * Supervision by BCĐ members of the units assigned to them (phân công theo dõi địa bàn). A visit
 * by a member not assigned to the unit on that day is recorded but flagged (`assigned: false`).
 * Recommendations are tasks led by the supervised unit (source "supervision").
 */
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import type { CreateSupervisionData, Supervision, UpdateSupervisionData, unvisitedSchema } from '../../../shared/schemas/supervisions';
import type { z } from 'zod';
import { selectAssignmentRows, selectMemberRow } from '../members/repository';
import { existingUnitIds } from '../tasks/repository';
import { listTasksBySource } from '../tasks/service';
import { restoreWithTasks, syncSourceTasks, trashWithTasks, type TaskSourceRecord } from '../tasks/sourced';
import { insertSupervision, selectSupervision, selectSupervisions, updateSupervisionRow, type SupervisionRow } from './repository';

async function toSupervision(ctx: Pick<AppContext, 'db' | 'clock'>, r: SupervisionRow): Promise<Supervision> {
  const assigned = (await selectAssignmentRows(ctx.db, { memberId: r.member_id, unitId: r.unit_id, onDate: r.date })).length > 0;
  return {
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    date: r.date,
    year: r.year,
    content: r.content,
    findings: r.findings,
    assigned,
    recommendations: await listTasksBySource(ctx.db, 'supervision', r.id, ctx),
    deletedAt: r.deleted_at,
  };
}

export async function listSupervisions(
  ctx: AppContext,
  f: { year?: number | undefined; memberId?: string | undefined; unitId?: string | undefined; includeDeleted: boolean },
): Promise<Supervision[]> {
  return Promise.all((await selectSupervisions(ctx.db, f)).map((r) => toSupervision(ctx, r)));
}

export async function getSupervision(ctx: AppContext, id: string): Promise<Supervision> {
  const row = await selectSupervision(ctx.db, id);
  if (!row) throw notFound('lượt giám sát');
  return toSupervision(ctx, row);
}

async function checkRefs(ctx: AppContext, trx: Parameters<typeof existingUnitIds>[0], data: CreateSupervisionData): Promise<void> {
  if (data.date > localToday(ctx.clock)) throw new AppError('VALIDATION', 'Ngày giám sát không được sau hôm nay.', { date: 'Ngày ở tương lai.' });
  const member = await selectMemberRow(trx, data.memberId);
  if (!member || member.deleted_at) throw new AppError('VALIDATION', 'Thành viên Ban Chỉ đạo không tồn tại.', { memberId: 'Không tồn tại.' });
  if (!(await existingUnitIds(trx, [data.unitId])).size) throw new AppError('VALIDATION', 'Đơn vị không tồn tại.', { unitId: 'Đơn vị không tồn tại.' });
}

const rowFields = (data: CreateSupervisionData) => ({
  member_id: data.memberId,
  unit_id: data.unitId,
  date: data.date,
  year: Number(data.date.slice(0, 4)),
  content: data.content ?? null,
  findings: data.findings ?? null,
});

const recommendationTasks = (data: CreateSupervisionData) => data.recommendations.map((r) => ({ ...r, leadUnitId: data.unitId }));

export async function createSupervision(ctx: AppContext, data: CreateSupervisionData): Promise<Supervision> {
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await checkRefs(ctx, trx, data);
    const at = isoNow(ctx.clock);
    const row = { id, ...rowFields(data), created_at: at, updated_at: at, deleted_at: null };
    await insertSupervision(trx, row);
    await syncSourceTasks(trx, ctx, { type: 'supervision', id, year: row.year }, recommendationTasks(data), 'recommendations.');
    await recordAudit(trx, ctx.actor, at, { entity: 'supervision', entityId: id, action: 'create', after: row });
  });
  return getSupervision(ctx, id);
}

export async function updateSupervision(ctx: AppContext, data: UpdateSupervisionData): Promise<Supervision> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectSupervision(trx, data.id);
    if (!before) throw notFound('lượt giám sát');
    await checkRefs(ctx, trx, data);
    const at = isoNow(ctx.clock);
    const patch = { ...rowFields(data), updated_at: at };
    await updateSupervisionRow(trx, data.id, patch);
    await syncSourceTasks(trx, ctx, { type: 'supervision', id: data.id, year: patch.year }, recommendationTasks(data), 'recommendations.');
    await recordAudit(trx, ctx.actor, at, { entity: 'supervision', entityId: data.id, action: 'update', before, after: patch });
  });
  return getSupervision(ctx, data.id);
}

const RECORD: TaskSourceRecord = { type: 'supervision', entity: 'supervision', label: 'lượt giám sát', select: selectSupervision, stamp: updateSupervisionRow };

export async function deleteSupervision(ctx: AppContext, id: string): Promise<{ id: string }> {
  await trashWithTasks(ctx, RECORD, id);
  return { id };
}

export async function restoreSupervision(ctx: AppContext, id: string): Promise<Supervision> {
  await restoreWithTasks(ctx, RECORD, id);
  return getSupervision(ctx, id);
}

/** Assigned units (assignments overlapping the year) that no member visited in the year. */
export async function unvisited(ctx: AppContext, year: number): Promise<z.infer<typeof unvisitedSchema>> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const assignments = (await selectAssignmentRows(ctx.db)).filter((a) => (a.from_date === null || a.from_date <= to) && (a.to_date === null || a.to_date >= from));
  const visits = await selectSupervisions(ctx.db, { year, includeDeleted: false });
  const visitedUnits = new Set(visits.map((v) => v.unit_id));
  const visitedBy = new Set(visits.map((v) => `${v.member_id}|${v.unit_id}`));
  const units = new Map<string, { unitId: string; unitName: string; qcdcType: string | null; members: { id: string; name: string }[] }>();
  const members = new Map<string, { memberId: string; memberName: string; units: Set<string>; visited: Set<string> }>();
  for (const a of assignments) {
    const m = members.get(a.member_id) ?? { memberId: a.member_id, memberName: a.full_name, units: new Set<string>(), visited: new Set<string>() };
    m.units.add(a.unit_id);
    if (visitedBy.has(`${a.member_id}|${a.unit_id}`)) m.visited.add(a.unit_id);
    members.set(a.member_id, m);
    if (visitedUnits.has(a.unit_id)) continue;
    const u = units.get(a.unit_id) ?? { unitId: a.unit_id, unitName: a.unit_name, qcdcType: null, members: [] };
    if (!u.members.some((x) => x.id === a.member_id)) u.members.push({ id: a.member_id, name: a.full_name });
    units.set(a.unit_id, u);
  }
  return {
    year,
    units: [...units.values()],
    members: [...members.values()].map((m) => ({ memberId: m.memberId, memberName: m.memberName, assigned: m.units.size, visited: m.visited.size })),
  };
}
