/**
 * Tasks (nhiệm vụ): the one place where work items from plans, meeting conclusions,
 * inspection recommendations or typed directly are created, updated and followed.
 *
 * Other features create their tasks **inside their own transaction** with `createTask(trx, ctx, input)`
 * (e.g. meetings for the tasks of a conclusion notice: sourceType 'meeting', sourceId = meeting id,
 * sourceRef = conclusion id). Deadlines, overdue and due-soon rules: ./rules.ts.
 */
import type { AppContext } from '../context';
import { recordAudit, recordAudits, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localDateOf, localToday, systemClock } from '../clock';
import { AppError, notFound } from '../errors';
import { listAttachments } from '../attachments/service';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { createTaskSchema, updateTaskSchema, type CreateTaskInput, type Task, type TaskDetail, type TaskListFilter, type TaskSourceType, type TaskStatus, type TimingKind, type UpdateTaskData } from '../../../shared/schemas/tasks';
import {
  existingUnitIds,
  existingMemberIds,
  insertTasks,
  memberExists,
  replaceCoordinators,
  selectCoordinators,
  selectSourceDate,
  selectSourceLabels,
  selectTask,
  selectTaskYears,
  selectTasks,
  selectUpdateDates,
  selectUpdates,
  updateTaskRow,
  type TaskRow,
  type TaskRowFilter,
} from './repository';
import { computeDue, deadlineFromTiming, DEFAULT_DUE_SOON_DAYS, timingLabel, yearOfTiming } from './rules';

/** What task writes need from the app context (meetings pass their own ctx). */
export type TaskContext = Pick<AppContext, 'clock' | 'actor'>;

function groupByTask<R extends { task_id: string }, T>(rows: readonly R[], pick: (row: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.task_id);
    if (list) list.push(pick(row));
    else out.set(row.task_id, [pick(row)]);
  }
  return out;
}

/** Rows → domain tasks with names, coordinators and the due state computed for `today`. */
export async function hydrateTasks(db: Db, rows: readonly TaskRow[], today: string, window = DEFAULT_DUE_SOON_DAYS): Promise<Task[]> {
  const ids = rows.map((r) => r.id);
  // Grouped by task once: a year's list (thousands of tasks) must not scan every coordinator and
  // update for every task.
  const coordinators = groupByTask(await selectCoordinators(db, ids), (c) => ({ id: c.id, name: c.name }));
  const recurringIds = rows.filter((r) => r.timing_kind === 'recurring').map((r) => r.id);
  const updateDates = groupByTask(await selectUpdateDates(db, recurringIds), (u) => u.date);
  const labels = await selectSourceLabels(
    db,
    [...new Set(rows.filter((r) => r.source_type === 'plan' && r.source_id).map((r) => r.source_id!))],
    [...new Set(rows.filter((r) => r.source_type === 'inspection' && r.source_id).map((r) => r.source_id!))],
    [...new Set(rows.filter((r) => r.source_type === 'meeting' && r.source_id).map((r) => r.source_id!))],
    [...new Set(rows.filter((r) => r.source_type === 'dialogue' && r.source_id).map((r) => r.source_id!))],
    [...new Set(rows.filter((r) => r.source_type === 'supervision' && r.source_id).map((r) => r.source_id!))],
  );
  return rows.map((r) => {
    const due = computeDue(
      {
        status: r.status as TaskStatus,
        timingKind: r.timing_kind as TimingKind,
        timingValue: r.timing_value,
        deadline: r.deadline,
        year: r.year,
        // Checkpoints count from the day it was assigned, not the day it was typed in.
        startDate: assignedDateOf(r),
        updateDates: updateDates.get(r.id) ?? [],
      },
      today,
      window,
    );
    const leadUnit = r.lead_unit_id ? { id: r.lead_unit_id, name: r.lead_unit_name ?? '' } : null;
    const leadMember = r.lead_member_id ? { id: r.lead_member_id, name: r.lead_member_name ?? '' } : null;
    const ownerLabel = [leadUnit?.name, leadMember?.name, r.lead_text].filter(Boolean).join('; ');
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      sourceType: r.source_type as TaskSourceType,
      sourceId: r.source_id,
      sourceRef: r.source_ref,
      sourceLabel: r.source_id ? (labels.get(r.source_id) ?? null) : null,
      leadUnit,
      leadMember,
      leadText: r.lead_text,
      ownerLabel: ownerLabel || 'Chưa phân công',
      coordinatingUnits: coordinators.get(r.id) ?? [],
      timing: { kind: r.timing_kind as TimingKind, value: r.timing_value },
      timingLabel: timingLabel(r.timing_kind as TimingKind, r.timing_value, r.deadline),
      deadline: r.deadline,
      status: r.status as TaskStatus,
      progress: r.progress,
      completedAt: r.completed_at,
      year: r.year,
      dueState: due.state,
      dueDate: due.dueDate,
      daysLeft: due.daysLeft,
      lastUpdateDate: r.last_update_date,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      assignedDate: assignedDateOf(r),
      completedLate: r.status === 'hoan_thanh' && !!r.deadline && !!r.completed_at && r.completed_at > r.deadline,
    };
  });
}

/**
 * The day a task was assigned: stored since migration 0014 (the source document's date); rows
 * written by an older build fall back to the local day they were typed.
 */
export function assignedDateOf(row: Pick<TaskRow, 'assigned_date' | 'created_at'>): string {
  return row.assigned_date ?? localDateOf(row.created_at);
}

type Owners = { leadUnitId?: string | null | undefined; leadMemberId?: string | null | undefined; coordinatingUnitIds?: readonly string[] | undefined };

function ownerUnitIds(o: Owners): string[] {
  return [...(o.leadUnitId ? [o.leadUnitId] : []), ...(o.coordinatingUnitIds ?? [])];
}

/** Throws a Vietnamese VALIDATION error naming the field when an owner is not among the known ones. */
function checkOwners(o: Owners, units: ReadonlySet<string>, members: ReadonlySet<string>, prefix: string): void {
  if (o.leadUnitId && !units.has(o.leadUnitId)) {
    throw new AppError('VALIDATION', 'Đơn vị chủ trì không tồn tại (có thể đã bị xóa).', {
      [`${prefix}leadUnitId`]: 'Đơn vị chủ trì không tồn tại.',
    });
  }
  const missing = (o.coordinatingUnitIds ?? []).findIndex((id) => !units.has(id));
  if (missing >= 0) {
    throw new AppError('VALIDATION', 'Một đơn vị phối hợp không tồn tại (có thể đã bị xóa).', {
      [`${prefix}coordinatingUnitIds.${missing}`]: 'Đơn vị phối hợp không tồn tại.',
    });
  }
  if (o.leadMemberId && !members.has(o.leadMemberId)) {
    throw new AppError('VALIDATION', 'Thành viên chủ trì không tồn tại (có thể đã bị xóa).', {
      [`${prefix}leadMemberId`]: 'Thành viên chủ trì không tồn tại.',
    });
  }
}

/** Checks owners exist; throws a Vietnamese VALIDATION error naming the field. */
async function assertOwners(db: Db, o: Owners, prefix = ''): Promise<void> {
  const units = await existingUnitIds(db, [...new Set(ownerUnitIds(o))]);
  const members = o.leadMemberId && (await memberExists(db, o.leadMemberId)) ? new Set([o.leadMemberId]) : new Set<string>();
  checkOwners(o, units, members, prefix);
}

function searchText(title: string, description: string | null | undefined, leadText: string | null | undefined): string {
  return foldText([title, description ?? '', leadText ?? ''].join(' '));
}

/**
 * Creates a task inside the caller's transaction: validates the input (zod, Vietnamese),
 * checks that owners exist, derives the deadline from the timing, stores search_text/sort_key
 * and audits. `fieldPrefix` names fields in errors (e.g. "items.3." for a plan item).
 */
export async function createTask(trx: Db, ctx: TaskContext, input: CreateTaskInput, fieldPrefix = ''): Promise<Task> {
  const [id] = await createTasks(trx, ctx, [{ input, fieldPrefix }]);
  return (await getTasksByIds(trx, ctx, [id!]))[0]!;
}

/**
 * Creates many tasks inside the caller's transaction, exactly as `createTask` one by one would
 * (same validation in the same order, same errors and field names, one audit entry per task),
 * in a handful of statements: owners are looked up once for all, rows, coordinators and audit
 * entries are inserted set-wise, and nothing is read back. Saving a plan of 30 items task by
 * task cost ~9 statements an item (each a Kysely compile, a prepare and a promise). Returns the
 * new ids in input order.
 */
export async function createTasks(trx: Db, ctx: TaskContext, entries: ReadonlyArray<{ input: CreateTaskInput; fieldPrefix?: string }>): Promise<string[]> {
  if (entries.length === 0) return [];
  const parsed = entries.map((e) => createTaskSchema.parse(e.input));
  const units = await existingUnitIds(trx, [...new Set(parsed.flatMap(ownerUnitIds))]);
  const members = await existingMemberIds(trx, [...new Set(parsed.flatMap((d) => (d.leadMemberId ? [d.leadMemberId] : [])))]);
  parsed.forEach((d, i) => checkOwners(d, units, members, entries[i]!.fieldPrefix ?? ''));
  const at = isoNow(ctx.clock);
  // The date of the document that assigned each task, not the day it was typed (issue #17); looked
  // up once per source, since a plan's or a meeting's tasks all share theirs.
  const sourceDates = new Map<string, string | null>();
  // Only an inspection's date depends on the ref (the inspected unit's visit day).
  const sourceKey = (d: CreateTaskInput) => `${d.sourceType}|${d.sourceId ?? ''}|${d.sourceType === 'inspection' ? (d.sourceRef ?? '') : ''}`;
  for (const data of parsed) {
    if (data.assignedDate) continue;
    const key = sourceKey(data);
    if (!sourceDates.has(key)) sourceDates.set(key, await selectSourceDate(trx, data));
  }
  const rows = parsed.map((data) => {
    const assignedDate = data.assignedDate ?? sourceDates.get(sourceKey(data)) ?? localToday(ctx.clock);
    const deadline = data.timing.kind === 'recurring' ? null : (data.deadline ?? deadlineFromTiming(data.timing));
    const status = data.status ?? 'chua_thuc_hien';
    return {
      id: newId(ctx.clock.now().getTime()),
      title: data.title,
      description: data.description ?? null,
      source_type: data.sourceType,
      source_id: data.sourceId ?? null,
      source_ref: data.sourceRef ?? null,
      lead_unit_id: data.leadUnitId ?? null,
      lead_member_id: data.leadMemberId ?? null,
      lead_text: data.leadText || null,
      timing_kind: data.timing.kind,
      timing_value: data.timing.value,
      deadline,
      status,
      progress: status === 'hoan_thanh' ? 100 : 0,
      completed_at: status === 'hoan_thanh' ? localToday(ctx.clock) : null,
      assigned_date: assignedDate,
      assigned_reason: null,
      year: data.year ?? (deadline ? Number(deadline.slice(0, 4)) : yearOfTiming(data.timing)),
      search_text: searchText(data.title, data.description, data.leadText),
      sort_key: vietnameseSortKey(data.title),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
  });
  const coordinators = rows.flatMap((row, i) => [...new Set(parsed[i]!.coordinatingUnitIds)].map((unit_id) => ({ task_id: row.id, unit_id })));
  await insertTasks(trx, rows, coordinators);
  await recordAudits(
    trx,
    ctx.actor,
    at,
    rows.map((row, i) => ({ entity: 'task', entityId: row.id, action: 'create', after: { ...row, coordinatingUnitIds: parsed[i]!.coordinatingUnitIds } })),
  );
  return rows.map((r) => r.id);
}

/** Changes title, owners or timing; validates like createTask. */
export async function updateTask(trx: Db, ctx: TaskContext, input: UpdateTaskData, fieldPrefix = ''): Promise<Task> {
  await applyTaskUpdate(trx, ctx, input, fieldPrefix);
  return (await getTasksByIds(trx, ctx, [input.id]))[0]!;
}

/** `updateTask` without reading the task back: for callers that re-read their whole parent once. */
export async function applyTaskUpdate(trx: Db, ctx: TaskContext, input: UpdateTaskData, fieldPrefix = ''): Promise<void> {
  const data = updateTaskSchema.parse(input);
  const before = await selectTask(trx, data.id);
  if (!before) throw notFound('nhiệm vụ');
  await assertOwners(trx, data, fieldPrefix);
  const at = isoNow(ctx.clock);
  const timing = data.timing ?? { kind: before.timing_kind as TimingKind, value: before.timing_value };
  const deadline =
    timing.kind === 'recurring'
      ? null
      : data.deadline !== undefined
        ? (data.deadline ?? deadlineFromTiming(timing))
        : data.timing
          ? deadlineFromTiming(timing)
          : before.deadline;
  const title = data.title ?? before.title;
  const description = data.description !== undefined ? data.description : before.description;
  const leadText = data.leadText !== undefined ? data.leadText || null : before.lead_text;
  // An assignment date nobody corrected follows its source (a meeting moved to another day).
  const assignedDate =
    before.assigned_reason === null
      ? ((await selectSourceDate(trx, { sourceType: before.source_type, sourceId: before.source_id, sourceRef: before.source_ref })) ?? before.assigned_date)
      : before.assigned_date;
  const patch = {
    title,
    description,
    assigned_date: assignedDate,
    lead_unit_id: data.leadUnitId !== undefined ? data.leadUnitId : before.lead_unit_id,
    lead_member_id: data.leadMemberId !== undefined ? data.leadMemberId : before.lead_member_id,
    lead_text: leadText,
    timing_kind: timing.kind,
    timing_value: timing.value,
    deadline,
    year: data.year !== undefined ? data.year : (before.year ?? (deadline ? Number(deadline.slice(0, 4)) : yearOfTiming(timing))),
    search_text: searchText(title, description, leadText),
    sort_key: vietnameseSortKey(title),
    updated_at: at,
  };
  await updateTaskRow(trx, data.id, patch);
  if (data.coordinatingUnitIds) await replaceCoordinators(trx, data.id, [...new Set(data.coordinatingUnitIds)]);
  await recordAudit(trx, ctx.actor, at, { entity: 'task', entityId: data.id, action: 'update', before, after: patch });
}

/** Soft delete (restorable from the trash). */
export async function deleteTask(trx: Db, ctx: TaskContext, id: string): Promise<void> {
  const before = await selectTask(trx, id);
  if (!before) throw notFound('nhiệm vụ');
  const at = isoNow(ctx.clock);
  await updateTaskRow(trx, id, { deleted_at: at, updated_at: at });
  await recordAudit(trx, ctx.actor, at, { entity: 'task', entityId: id, action: 'delete', before });
}

/**
 * Tasks of one source (a plan, a meeting, an inspection), in deadline order. Pass `ctx` so the
 * due state uses the app clock (tests); without it the system clock is used.
 */
export async function listTasksBySource(
  db: Db,
  sourceType: TaskSourceType,
  sourceId: string,
  ctx?: Pick<AppContext, 'clock'>,
): Promise<Task[]> {
  const rows = await selectTasks(db, { sourceType, sourceId });
  return hydrateTasks(db, rows, localToday(ctx?.clock ?? systemClock));
}

export async function getTasksByIds(db: Db, ctx: Pick<AppContext, 'clock'>, ids: readonly string[], window?: number): Promise<Task[]> {
  const rows = await selectTasks(db, { ids });
  const byId = new Map((await hydrateTasks(db, rows, localToday(ctx.clock), window)).map((t) => [t.id, t]));
  return ids.map((id) => byId.get(id)).filter((t): t is Task => Boolean(t));
}

export async function tasksWhere(db: Db, ctx: Pick<AppContext, 'clock'>, filter: TaskRowFilter, window?: number): Promise<Task[]> {
  return hydrateTasks(db, await selectTasks(db, filter), localToday(ctx.clock), window);
}

/**
 * `tasks.list`: overdue / dueWithinDays are computed for today (ctx.clock). Given both, a task
 * matching either is returned (the urging view: late or about to be).
 */
export async function listTasks(ctx: AppContext, f: TaskListFilter): Promise<{ items: Task[]; total: number; today: string }> {
  const today = localToday(ctx.clock);
  const words = f.search ? foldText(f.search).split(' ').filter(Boolean) : [];
  const window = f.dueWithinDays ?? DEFAULT_DUE_SOON_DAYS;
  const dueFilter = f.overdue || f.dueWithinDays !== undefined;
  const rows = await selectTasks(ctx.db, {
    ...(f.sourceType ? { sourceType: f.sourceType } : {}),
    ...(f.sourceId ? { sourceId: f.sourceId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.year ? (f.throughYear ? { throughYear: f.year } : { year: f.year }) : {}),
    ...(f.leadUnitId ? { leadUnitId: f.leadUnitId } : {}),
    ...(f.leadMemberId ? { leadMemberId: f.leadMemberId } : {}),
    words,
    openOnly: dueFilter,
  });
  let tasks = await hydrateTasks(ctx.db, rows, today, window);
  if (dueFilter) {
    tasks = tasks.filter((t) => (f.overdue && t.dueState === 'overdue') || (f.dueWithinDays !== undefined && t.dueState === 'dueSoon'));
  }
  tasks.sort(byUrgency);
  return { items: tasks.slice(0, f.limit), total: tasks.length, today };
}

const STATE_ORDER: Record<string, number> = { overdue: 0, dueSoon: 1, onTrack: 2, noDeadline: 3, paused: 4, done: 5 };

/** Overdue first (most late first), then due soon, then by due date and title. */
export function byUrgency(a: Task, b: Task): number {
  return (
    (STATE_ORDER[a.dueState] ?? 9) - (STATE_ORDER[b.dueState] ?? 9) ||
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
    (a.title < b.title ? -1 : a.title > b.title ? 1 : 0)
  );
}

export async function getTaskDetail(ctx: Pick<AppContext, 'db' | 'clock'>, id: string, db: Db = ctx.db): Promise<TaskDetail> {
  const [task] = await getTasksByIds(db, ctx, [id]);
  if (!task) throw notFound('nhiệm vụ');
  const updates = await selectUpdates(db, id);
  const evidence = new Map<string, { id: string; fileName: string; size: number }[]>();
  for (const u of updates) {
    evidence.set(u.id, (await listAttachments(db, 'task_update', u.id)).map((a) => ({ id: a.id, fileName: a.fileName, size: a.size })));
  }
  return {
    ...task,
    updates: updates.map((u) => ({
      id: u.id,
      taskId: u.task_id,
      date: u.date,
      status: u.status as TaskStatus,
      progress: u.progress,
      note: u.note,
      userName: u.user_name,
      createdAt: u.created_at,
      evidence: evidence.get(u.id) ?? [],
    })),
  };
}

/**
 * The one overdue rule every figure uses (overview, start-up notice, lists, urging): open tasks
 * whose due state *today* is overdue. Seen from a year, a task is still owed when it belongs to
 * that year, to an earlier one, or to none: the 2023 tasks of the 16/12/2022 conference that are
 * still late in 2026 count in 2026's overview — the overview once counted only tasks of the
 * year shown and said "0 quá hạn" beside a notice of "4 nhiệm vụ quá hạn".
 */
export async function overdueTasks(db: Db, ctx: Pick<AppContext, 'clock'>, throughYear?: number): Promise<Task[]> {
  const tasks = await tasksWhere(db, ctx, { openOnly: true, ...(throughYear ? { throughYear } : {}) });
  return tasks.filter((t) => t.dueState === 'overdue').sort(byUrgency);
}

/** Years tasks belong to (the overview offers every year with data). */
export async function taskYears(db: Db): Promise<number[]> {
  return selectTaskYears(db);
}
