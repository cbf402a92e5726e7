/**
 * Inspections and supervision (kiểm tra, giám sát): a plan with teams, target units (each with
 * its loại hình, visit date and the date its report is due — `reportBeforeDays` working days
 * before the visit), findings per visit, and recommendations (kiến nghị). Recommendations are
 * tasks (source 'inspection', sourceId = inspection id, sourceRef = target id): the same dated
 * updates, evidence, overdue and urging; a recommendation is closed when its task is "hoàn thành".
 */
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import { reserveDocNumber } from '../docNumbers/service';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { formatDate } from '../../../shared/text/format';
import { QCDC_TYPE_LABELS, type CreateInspectionData, type Inspection, type InspectionKind, type InspectionSummary, type InspectionTarget, type RecordVisitData, type TeamRole, type UpdateInspectionData } from '../../../shared/schemas/inspections';
import type { Task } from '../../../shared/schemas/tasks';
import { createTask, deleteTask, getTasksByIds, tasksWhere, updateTask } from '../tasks/service';
import { existingUnitIds, memberExists } from '../tasks/repository';
import { subtractWorkingDays } from '../tasks/rules';
import { holidaySet } from '../holidays/service';
import {
  insertInspection,
  insertTarget,
  replaceTeams,
  selectInspection,
  selectInspections,
  selectTarget,
  selectTargets,
  selectTeams,
  updateInspectionRow,
  updateTargetRow,
  selectFindings,
  putFinding,
  type FindingRow,
  type InspectionRow,
  type TargetRow,
} from './repository';
import { requirementsOf } from '../qcdc/indicators';

interface TeamMemberJson {
  memberId: string | null;
  fullName: string;
  role: TeamRole;
  position: string | null;
}

type Fields = Omit<CreateInspectionData, 'numberText' | 'reserveNumber'> & { numberText?: string | null | undefined; reserveNumber: boolean };

async function memberNames(db: Db, ids: readonly string[]): Promise<Map<string, { name: string; position: string | null }>> {
  const map = new Map<string, { name: string; position: string | null }>();
  if (!ids.length) return map;
  const rows = await db.selectFrom('members').select(['id', 'full_name', 'position']).where('id', 'in', [...ids]).execute();
  for (const r of rows) map.set(r.id, { name: r.full_name, position: r.position });
  return map;
}

async function validate(db: Db, data: Fields): Promise<void> {
  if (data.startDate && data.endDate && data.endDate < data.startDate) {
    throw new AppError('VALIDATION', 'Ngày kết thúc trước ngày bắt đầu kiểm tra.', { endDate: 'Ngày kết thúc trước ngày bắt đầu.' });
  }
  const unitIds = data.targets.map((t) => t.unitId);
  const known = await existingUnitIds(db, unitIds);
  const missing = data.targets.findIndex((t) => !known.has(t.unitId));
  if (missing >= 0) {
    throw new AppError('VALIDATION', `Đơn vị được kiểm tra thứ ${missing + 1} không tồn tại.`, { [`targets.${missing}.unitId`]: 'Đơn vị không tồn tại.' });
  }
  const seen = new Set<string>();
  for (const [i, t] of data.targets.entries()) {
    if (seen.has(t.unitId)) throw new AppError('VALIDATION', 'Một đơn vị được chọn hai lần.', { [`targets.${i}.unitId`]: 'Đơn vị bị trùng.' });
    seen.add(t.unitId);
    if (t.teamIndex != null && t.teamIndex >= data.teams.length) {
      throw new AppError('VALIDATION', 'Đoàn kiểm tra được chọn không có trong danh sách đoàn.', { [`targets.${i}.teamIndex`]: 'Đoàn không tồn tại.' });
    }
    if (t.visitDate && t.visitDate < data.date) {
      throw new AppError('VALIDATION', `Ngày làm việc ${formatDate(t.visitDate)} trước ngày kế hoạch ${formatDate(data.date)}.`, {
        [`targets.${i}.visitDate`]: 'Ngày làm việc trước ngày kế hoạch.',
      });
    }
  }
  for (const [ti, team] of data.teams.entries()) {
    for (const [mi, m] of team.members.entries()) {
      if (m.memberId && !(await memberExists(db, m.memberId))) {
        throw new AppError('VALIDATION', 'Thành viên đoàn không tồn tại.', { [`teams.${ti}.members.${mi}.memberId`]: 'Thành viên không tồn tại.' });
      }
      if (!m.memberId && !m.fullName) {
        throw new AppError('VALIDATION', 'Mỗi người trong đoàn cần họ tên hoặc chọn thành viên.', { [`teams.${ti}.members.${mi}.fullName`]: 'Chưa nhập họ tên.' });
      }
    }
  }
}

async function writeTeams(db: Db, inspectionId: string, data: Fields, now: number): Promise<string[]> {
  const names = await memberNames(db, data.teams.flatMap((t) => t.members.map((m) => m.memberId).filter((x): x is string => !!x)));
  const ids = data.teams.map(() => newId(now));
  await replaceTeams(
    db,
    inspectionId,
    data.teams.map((t, i) => ({
      id: ids[i]!,
      inspection_id: inspectionId,
      position: i,
      name: t.name,
      members_json: JSON.stringify(
        t.members.map<TeamMemberJson>((m) => ({
          memberId: m.memberId ?? null,
          fullName: m.fullName || (m.memberId ? (names.get(m.memberId)?.name ?? '') : ''),
          role: m.role,
          position: m.position || (m.memberId ? (names.get(m.memberId)?.position ?? null) : null),
        })),
      ),
    })),
  );
  return ids;
}

function headerRow(data: Fields, numberText: string | null, at: string) {
  return {
    kind: data.kind,
    year: data.year,
    date: data.date,
    topic: data.topic,
    title: data.title || null,
    start_date: data.startDate ?? null,
    end_date: data.endDate ?? null,
    report_before_days: data.reportBeforeDays,
    content: data.content || null,
    number_text: numberText,
    search_text: foldText(`${data.topic} ${data.title ?? ''} ${numberText ?? ''}`),
    sort_key: vietnameseSortKey(data.topic),
    updated_at: at,
  };
}

export async function createInspection(ctx: AppContext, data: CreateInspectionData): Promise<Inspection> {
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    await validate(trx, data);
    const at = isoNow(ctx.clock);
    const numberText =
      data.numberText ||
      (data.reserveNumber
        ? (await reserveDocNumber(trx, ctx, { kindCode: 'KH', date: data.date, entity: 'inspection', entityId: id, summary: data.topic })).numberText
        : null);
    const row = { id, ...headerRow(data, numberText, at), created_at: at, deleted_at: null };
    await insertInspection(trx, row);
    const teamIds = await writeTeams(trx, id, data, ctx.clock.now().getTime());
    for (const [i, t] of data.targets.entries()) {
      await insertTarget(trx, {
        id: newId(ctx.clock.now().getTime()),
        inspection_id: id,
        team_id: t.teamIndex != null ? teamIds[t.teamIndex]! : null,
        unit_id: t.unitId,
        position: i,
        qcdc_type: t.qcdcType ?? null,
        visit_date: t.visitDate ?? null,
        report_received_date: null,
        strengths: null,
        shortcomings: null,
        conclusions: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      });
    }
    await recordAudit(trx, ctx.actor, at, { entity: 'inspection', entityId: id, action: 'create', after: { ...row, teams: data.teams, targets: data.targets } });
  });
  return getInspection(ctx, id);
}

export async function updateInspection(ctx: AppContext, data: UpdateInspectionData): Promise<Inspection> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectInspection(trx, data.id);
    if (!before) throw notFound('đợt kiểm tra');
    await validate(trx, data);
    const at = isoNow(ctx.clock);
    const numberText =
      data.numberText ||
      (data.reserveNumber && !before.number_text
        ? (await reserveDocNumber(trx, ctx, { kindCode: 'KH', date: data.date, entity: 'inspection', entityId: data.id, summary: data.topic })).numberText
        : data.numberText === null
          ? null
          : before.number_text);
    const patch = headerRow(data, numberText, at);
    await updateInspectionRow(trx, data.id, patch);
    const teamIds = await writeTeams(trx, data.id, data, ctx.clock.now().getTime());
    const existing = new Map((await selectTargets(trx, [data.id])).map((t) => [t.id, t]));
    const kept = new Set<string>();
    for (const [i, t] of data.targets.entries()) {
      const fields = {
        team_id: t.teamIndex != null ? teamIds[t.teamIndex]! : null,
        unit_id: t.unitId,
        position: i,
        qcdc_type: t.qcdcType ?? null,
        visit_date: t.visitDate ?? null,
        updated_at: at,
      };
      const row = t.id ? existing.get(t.id) : undefined;
      if (row) {
        kept.add(row.id);
        await updateTargetRow(trx, row.id, fields);
      } else {
        await insertTarget(trx, {
          id: newId(ctx.clock.now().getTime()),
          inspection_id: data.id,
          ...fields,
          report_received_date: null,
          strengths: null,
          shortcomings: null,
          conclusions: null,
          created_at: at,
          deleted_at: null,
        });
      }
    }
    for (const row of existing.values()) {
      if (kept.has(row.id)) continue;
      await updateTargetRow(trx, row.id, { deleted_at: at, updated_at: at });
      for (const task of await tasksWhere(trx, ctx, { sourceType: 'inspection', sourceId: data.id, sourceRef: row.id })) {
        await deleteTask(trx, ctx, task.id);
      }
    }
    await recordAudit(trx, ctx.actor, at, { entity: 'inspection', entityId: data.id, action: 'update', before, after: { ...patch, teams: data.teams, targets: data.targets } });
  });
  return getInspection(ctx, data.id);
}

export async function deleteInspection(ctx: AppContext, id: string): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectInspection(trx, id);
    if (!before) throw notFound('đợt kiểm tra');
    const at = isoNow(ctx.clock);
    for (const task of await tasksWhere(trx, ctx, { sourceType: 'inspection', sourceId: id })) await deleteTask(trx, ctx, task.id);
    await updateInspectionRow(trx, id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'inspection', entityId: id, action: 'delete', before });
  });
  return { id };
}

/**
 * A target whose inspection is live. Deleting an inspection trashes only its header row, so its
 * targets still read as live on their own: checked here, before anything is written, a write on a
 * trashed inspection is refused instead of committing and then failing to read the result back.
 */
async function liveTarget(trx: Parameters<typeof selectTarget>[0], targetId: string) {
  const target = await selectTarget(trx, targetId);
  const inspection = target ? await selectInspection(trx, target.inspection_id) : null;
  if (!target || !inspection) throw notFound('đơn vị được kiểm tra');
  return { target, inspection };
}

export async function recordVisit(ctx: AppContext, data: RecordVisitData): Promise<Inspection> {
  let inspectionId = '';
  await ctx.db.transaction().execute(async (trx) => {
    const { target } = await liveTarget(trx, data.targetId);
    inspectionId = target.inspection_id;
    const at = isoNow(ctx.clock);
    const today = localToday(ctx.clock);
    if (data.reportReceivedDate && data.reportReceivedDate > today) {
      throw new AppError('VALIDATION', 'Ngày nhận báo cáo không được sau hôm nay.', { reportReceivedDate: 'Ngày nhận ở tương lai.' });
    }
    const patch = {
      ...(data.visitDate !== undefined ? { visit_date: data.visitDate } : {}),
      ...(data.reportReceivedDate !== undefined ? { report_received_date: data.reportReceivedDate } : {}),
      ...(data.strengths !== undefined ? { strengths: data.strengths || null } : {}),
      ...(data.shortcomings !== undefined ? { shortcomings: data.shortcomings || null } : {}),
      ...(data.conclusions !== undefined ? { conclusions: data.conclusions || null } : {}),
      updated_at: at,
    };
    await updateTargetRow(trx, target.id, patch);
    if (data.findings?.length) {
      const type = target.qcdc_type ?? target.unit_qcdc_type;
      const allowed = new Set(type ? (await requirementsOf(trx, type)).map((r) => r.id) : []);
      for (const [i, f] of data.findings.entries()) {
        if (!allowed.has(f.indicatorId)) {
          throw new AppError('VALIDATION', 'Yêu cầu không thuộc loại hình của đơn vị được kiểm tra.', { [`findings.${i}.indicatorId`]: 'Không thuộc loại hình này.' });
        }
        await putFinding(trx, { id: newId(ctx.clock.now().getTime()), target_id: target.id, indicator_id: f.indicatorId, met: f.met === null ? null : f.met ? 1 : 0, note: f.note ?? null, updated_at: at });
      }
    }
    await recordAudit(trx, ctx.actor, at, { entity: 'inspection_target', entityId: target.id, action: 'update', before: target, after: { ...patch, ...(data.findings ? { findings: data.findings } : {}) } });
  });
  return getInspection(ctx, inspectionId);
}

/** Each target's checklist: its loại hình's requirements with the findings recorded against them. */
async function requirementsByTarget(db: Db, targets: readonly TargetRow[]): Promise<Map<string, NonNullable<InspectionTarget['requirements']>>> {
  const findings = await selectFindings(db, targets.map((t) => t.id));
  const byTarget = new Map<string, FindingRow[]>();
  for (const f of findings) byTarget.set(f.target_id, [...(byTarget.get(f.target_id) ?? []), f]);
  const out = new Map<string, NonNullable<InspectionTarget['requirements']>>();
  for (const t of targets) {
    const type = t.qcdc_type ?? t.unit_qcdc_type;
    const own = byTarget.get(t.id) ?? [];
    const reqs = type ? await requirementsOf(db, type, new Set(own.map((f) => f.indicator_id))) : [];
    out.set(
      t.id,
      reqs.map((r) => {
        const f = own.find((x) => x.indicator_id === r.id);
        return { indicatorId: r.id, name: r.name, legalBasis: r.legal_basis, met: f && f.met !== null ? f.met === 1 : null, note: f?.note ?? null };
      }),
    );
  }
  return out;
}

export async function addRecommendation(
  ctx: AppContext,
  data: { targetId: string; content: string; deadline?: string | null | undefined; leadUnitId?: string | null | undefined; leadText?: string | null | undefined },
): Promise<Inspection> {
  let inspectionId = '';
  await ctx.db.transaction().execute(async (trx) => {
    const { target, inspection } = await liveTarget(trx, data.targetId);
    inspectionId = target.inspection_id;
    const from = target.visit_date ?? inspection.date;
    if (data.deadline && data.deadline < from) {
      throw new AppError('VALIDATION', `Hạn thực hiện kiến nghị trước ngày làm việc (${formatDate(from)}).`, { deadline: 'Hạn trước ngày làm việc.' });
    }
    await createTask(trx, ctx, {
      title: data.content,
      sourceType: 'inspection',
      sourceId: inspectionId,
      sourceRef: target.id,
      leadUnitId: data.leadUnitId ?? (data.leadText ? null : target.unit_id),
      leadText: data.leadText ?? null,
      timing: data.deadline ? { kind: 'date', value: data.deadline } : { kind: 'none', value: null },
      year: inspection.year,
    });
  });
  return getInspection(ctx, inspectionId);
}

export async function updateRecommendation(ctx: AppContext, data: { taskId: string; content?: string | undefined; deadline?: string | null | undefined }): Promise<Task> {
  return ctx.db.transaction().execute(async (trx) => {
    const [task] = await getTasksByIds(trx, ctx, [data.taskId]);
    if (!task || task.sourceType !== 'inspection') throw notFound('kiến nghị');
    return updateTask(trx, ctx, {
      id: data.taskId,
      ...(data.content ? { title: data.content } : {}),
      ...(data.deadline !== undefined
        ? { timing: data.deadline ? { kind: 'date' as const, value: data.deadline } : { kind: 'none' as const, value: null }, deadline: data.deadline }
        : {}),
    });
  });
}

function reportStateOf(dueDate: string | null, received: string | null, today: string): InspectionTarget['reportState'] {
  if (!dueDate) return received ? 'onTime' : 'noDate';
  if (received) return received <= dueDate ? 'onTime' : 'late';
  return today > dueDate ? 'missing' : 'pending';
}

function toTarget(
  row: TargetRow,
  insp: InspectionRow,
  teams: Map<string, string>,
  recs: Task[],
  today: string,
  holidays: ReadonlySet<string>,
  requirements: InspectionTarget['requirements'] = [],
): InspectionTarget {
  const qcdcType = row.qcdc_type ?? row.unit_qcdc_type;
  const reportDueDate = row.visit_date ? subtractWorkingDays(row.visit_date, insp.report_before_days, holidays) : null;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    qcdcType,
    qcdcTypeLabel: qcdcType ? (QCDC_TYPE_LABELS[qcdcType] ?? qcdcType) : '',
    teamId: row.team_id,
    teamName: row.team_id ? (teams.get(row.team_id) ?? null) : null,
    visitDate: row.visit_date,
    reportDueDate,
    reportReceivedDate: row.report_received_date,
    reportState: reportStateOf(reportDueDate, row.report_received_date, today),
    strengths: row.strengths,
    shortcomings: row.shortcomings,
    conclusions: row.conclusions,
    recommendations: recs.filter((t) => t.sourceRef === row.id),
    requirements,
  };
}

function summaryOf(row: InspectionRow, targetCount: number, recs: Task[]): InspectionSummary {
  return {
    id: row.id,
    kind: row.kind as InspectionKind,
    year: row.year,
    date: row.date,
    topic: row.topic,
    title: row.title,
    numberText: row.number_text,
    startDate: row.start_date,
    endDate: row.end_date,
    targetCount,
    recommendationCount: recs.length,
    openRecommendationCount: recs.filter((t) => t.status !== 'hoan_thanh').length,
  };
}

export async function getInspection(ctx: Pick<AppContext, 'db' | 'clock'>, id: string): Promise<Inspection> {
  const row = await selectInspection(ctx.db, id);
  if (!row) throw notFound('đợt kiểm tra');
  const today = localToday(ctx.clock);
  const teams = await selectTeams(ctx.db, id);
  const targets = await selectTargets(ctx.db, [id]);
  const recs = await tasksWhere(ctx.db, ctx, { sourceType: 'inspection', sourceId: id });
  recs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  // Report deadlines count working days back from the visit, possibly across New Year.
  const visitYears = targets.flatMap((t) => (t.visit_date ? [Number(t.visit_date.slice(0, 4)), Number(t.visit_date.slice(0, 4)) - 1] : []));
  const holidays = await holidaySet(ctx, visitYears);
  const requirements = await requirementsByTarget(ctx.db, targets);
  return {
    ...summaryOf(row, targets.length, recs),
    reportBeforeDays: row.report_before_days,
    content: row.content,
    teams: teams.map((t) => ({ id: t.id, name: t.name, members: JSON.parse(t.members_json) as TeamMemberJson[] })),
    targets: targets.map((t) => toTarget(t, row, teamNames, recs, today, holidays, requirements.get(t.id))),
  };
}

export async function listInspections(ctx: AppContext, year?: number): Promise<InspectionSummary[]> {
  const rows = await selectInspections(ctx.db, year);
  const targets = await selectTargets(ctx.db, rows.map((r) => r.id));
  const recs = await tasksWhere(ctx.db, ctx, { sourceType: 'inspection' });
  return rows.map((r) =>
    summaryOf(
      r,
      targets.filter((t) => t.inspection_id === r.id).length,
      recs.filter((t) => t.sourceId === r.id),
    ),
  );
}
