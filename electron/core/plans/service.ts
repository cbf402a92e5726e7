/**
 * Plans (kế hoạch): a header (number, date, kind, year, title) and items. Each item is tracked
 * as a task (source 'plan', sourceId = plan id, sourceRef = item id) so progress, updates,
 * overdue lists and urging work the same for plan items, meeting tasks and recommendations.
 * Rule: no item may fall due before the plan's date.
 */
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import { reserveDocNumber } from '../docNumbers/service';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { formatDate } from '../../../shared/text/format';
import type { CreatePlanData, Plan, PlanItemInput, PlanKind, PlanSummary, UpdatePlanData } from '../../../shared/schemas/plans';
import type { Task } from '../../../shared/schemas/tasks';
import { applyTaskUpdate, createTasks, deleteTask, getTasksByIds, tasksWhere } from '../tasks/service';
import { deadlineFromTiming, shiftDateYears, shiftTimingYears } from '../tasks/rules';
import { insertItems, insertPlan, selectItems, selectPlan, selectPlans, updateItemRow, updatePlanRow, type PlanItemRow, type PlanRow } from './repository';

type Header = Pick<CreatePlanData, 'kind' | 'year' | 'date' | 'title' | 'purpose' | 'implementation' | 'recipients'>;

function checkItemDates(date: string, items: readonly PlanItemInput[]): void {
  const fields: Record<string, string> = {};
  let first: string | null = null;
  items.forEach((item, i) => {
    if (item.timing.kind === 'recurring') return;
    const due = item.deadline ?? deadlineFromTiming(item.timing);
    if (due && due < date) {
      const msg = `Hạn ${formatDate(due)} trước ngày kế hoạch ${formatDate(date)}.`;
      fields[`items.${i}.${item.deadline ? 'deadline' : 'timing.value'}`] = msg;
      first ??= `Nội dung ${i + 1}: ${msg}`;
    }
  });
  if (first) throw new AppError('VALIDATION', `Dữ liệu chưa hợp lệ: ${first}`, fields);
}

function searchOf(h: Header, numberText: string | null): string {
  return foldText([h.title, numberText ?? '', String(h.year)].join(' '));
}

async function resolveNumber(
  trx: Db,
  ctx: AppContext,
  data: { numberText?: string | null | undefined; reserveNumber: boolean; date: string; title: string },
  planId: string,
  current: string | null,
): Promise<string | null> {
  if (data.numberText) return data.numberText;
  if (data.reserveNumber && !current) {
    const n = await reserveDocNumber(trx, ctx, { kindCode: 'KH', date: data.date, entity: 'plan', entityId: planId, summary: data.title });
    return n.numberText;
  }
  return data.numberText === null ? null : current;
}

function itemTaskInput(planId: string, itemId: string, year: number, item: PlanItemInput) {
  return {
    title: item.content,
    sourceType: 'plan' as const,
    sourceId: planId,
    sourceRef: itemId,
    leadUnitId: item.leadUnitId ?? null,
    leadMemberId: item.leadMemberId ?? null,
    leadText: item.leadText ?? null,
    coordinatingUnitIds: item.coordinatingUnitIds,
    timing: item.timing,
    deadline: item.deadline ?? null,
    year,
  };
}

/**
 * New items of a plan and their tasks, set-wise (`createTasks`): one statement per kind of row
 * instead of ~9 per item. `items` carry their position in the plan, which names fields in errors.
 */
async function addItems(
  trx: Db,
  ctx: AppContext,
  planId: string,
  year: number,
  items: ReadonlyArray<{ item: PlanItemInput; position: number }>,
  at: string,
): Promise<void> {
  if (items.length === 0) return;
  const itemIds = items.map(() => newId(ctx.clock.now().getTime()));
  const taskIds = await createTasks(
    trx,
    ctx,
    items.map(({ item, position }, i) => ({ input: itemTaskInput(planId, itemIds[i]!, year, item), fieldPrefix: `items.${position}.` })),
  );
  await insertItems(
    trx,
    items.map(({ item, position }, i) => ({
      id: itemIds[i]!,
      plan_id: planId,
      task_id: taskIds[i]!,
      position,
      group_label: item.groupLabel || null,
      expected_output: item.expectedOutput || null,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })),
  );
}

export async function createPlan(ctx: AppContext, data: CreatePlanData, extra: { copiedFromId?: string } = {}): Promise<Plan> {
  checkItemDates(data.date, data.items);
  const id = newId(ctx.clock.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx.clock);
    const numberText = await resolveNumber(trx, ctx, data, id, null);
    const row = {
      id,
      kind: data.kind,
      year: data.year,
      date: data.date,
      title: data.title,
      purpose: data.purpose || null,
      implementation: data.implementation || null,
      recipients: data.recipients || null,
      number_text: numberText,
      copied_from_id: extra.copiedFromId ?? null,
      search_text: searchOf(data, numberText),
      sort_key: vietnameseSortKey(data.title),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await insertPlan(trx, row);
    await addItems(trx, ctx, id, data.year, data.items.map((item, position) => ({ item, position })), at);
    await recordAudit(trx, ctx.actor, at, { entity: 'plan', entityId: id, action: 'create', after: { ...row, items: data.items.length } });
  });
  return getPlan(ctx, id);
}

export async function updatePlan(ctx: AppContext, data: UpdatePlanData): Promise<Plan> {
  checkItemDates(data.date, data.items);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectPlan(trx, data.id);
    if (!before) throw notFound('kế hoạch');
    const at = isoNow(ctx.clock);
    const numberText = await resolveNumber(trx, ctx, data, data.id, before.number_text);
    const patch = {
      kind: data.kind,
      year: data.year,
      date: data.date,
      title: data.title,
      purpose: data.purpose || null,
      implementation: data.implementation || null,
      recipients: data.recipients || null,
      number_text: numberText,
      search_text: searchOf(data, numberText),
      sort_key: vietnameseSortKey(data.title),
      updated_at: at,
    };
    await updatePlanRow(trx, data.id, patch);
    const existing = new Map((await selectItems(trx, [data.id])).map((r) => [r.id, r]));
    const kept = new Set<string>();
    const added: Array<{ item: PlanItemInput; position: number }> = [];
    for (const [i, item] of data.items.entries()) {
      const row = item.id ? existing.get(item.id) : undefined;
      if (item.id && !row) {
        throw new AppError('VALIDATION', `Nội dung ${i + 1} không thuộc kế hoạch này.`, { [`items.${i}.id`]: 'Không tìm thấy nội dung.' });
      }
      if (!row) {
        added.push({ item, position: i });
        continue;
      }
      kept.add(row.id);
      const t = itemTaskInput(data.id, row.id, data.year, item);
      await applyTaskUpdate(
        trx,
        ctx,
        { id: row.task_id, title: t.title, leadUnitId: t.leadUnitId, leadMemberId: t.leadMemberId, leadText: t.leadText, coordinatingUnitIds: t.coordinatingUnitIds, timing: t.timing, deadline: t.deadline, year: t.year },
        `items.${i}.`,
      );
      await updateItemRow(trx, row.id, { position: i, group_label: item.groupLabel || null, expected_output: item.expectedOutput || null, updated_at: at });
    }
    await addItems(trx, ctx, data.id, data.year, added, at);
    for (const row of existing.values()) {
      if (kept.has(row.id)) continue;
      await updateItemRow(trx, row.id, { deleted_at: at, updated_at: at });
      await deleteTask(trx, ctx, row.task_id);
    }
    await recordAudit(trx, ctx.actor, at, { entity: 'plan', entityId: data.id, action: 'update', before, after: { ...patch, items: data.items.length } });
  });
  return getPlan(ctx, data.id);
}

export async function deletePlan(ctx: AppContext, id: string): Promise<{ id: string }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectPlan(trx, id);
    if (!before) throw notFound('kế hoạch');
    const at = isoNow(ctx.clock);
    for (const item of await selectItems(trx, [id])) {
      await updateItemRow(trx, item.id, { deleted_at: at, updated_at: at });
      await deleteTask(trx, ctx, item.task_id);
    }
    await updatePlanRow(trx, id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'plan', entityId: id, action: 'delete', before });
  });
  return { id };
}

function summarize(row: PlanRow, tasks: readonly Task[]): PlanSummary {
  const n = tasks.length;
  return {
    id: row.id,
    kind: row.kind as PlanKind,
    year: row.year,
    date: row.date,
    title: row.title,
    numberText: row.number_text,
    itemCount: n,
    doneCount: tasks.filter((t) => t.status === 'hoan_thanh').length,
    overdueCount: tasks.filter((t) => t.dueState === 'overdue').length,
    averageProgress: n ? Math.round(tasks.reduce((s, t) => s + t.progress, 0) / n) : 0,
    updatedAt: row.updated_at,
  };
}

export async function getPlan(ctx: Pick<AppContext, 'db' | 'clock'>, id: string): Promise<Plan> {
  const row = await selectPlan(ctx.db, id);
  if (!row) throw notFound('kế hoạch');
  const items = await selectItems(ctx.db, [id]);
  const tasks = await getTasksByIds(ctx.db, ctx, items.map((i) => i.task_id));
  const byTask = new Map(tasks.map((t) => [t.id, t]));
  return {
    ...summarize(row, tasks),
    purpose: row.purpose,
    implementation: row.implementation,
    recipients: row.recipients,
    copiedFromId: row.copied_from_id,
    items: items
      .filter((i: PlanItemRow) => byTask.has(i.task_id))
      .map((i) => {
        const task = byTask.get(i.task_id)!;
        return { id: i.id, position: i.position, groupLabel: i.group_label, content: task.title, expectedOutput: i.expected_output, task };
      }),
  };
}

export async function listPlans(
  ctx: AppContext,
  f: { year?: number | undefined; kind?: PlanKind | undefined; search?: string | undefined },
): Promise<PlanSummary[]> {
  const rows = await selectPlans(ctx.db, { year: f.year, kind: f.kind, words: f.search ? foldText(f.search).split(' ').filter(Boolean) : [] });
  const tasks = await tasksWhere(ctx.db, ctx, { sourceType: 'plan' });
  return rows.map((r) => summarize(r, tasks.filter((t) => t.sourceId === r.id)));
}

/**
 * A new plan for `year` from an existing one: header and items copied, timings and dates
 * moved by the difference in years, "năm 2022" in the title becomes "năm 2023", progress and
 * updates start empty, no number (the new plan gets its own when issued).
 */
export async function copyPlanFromYear(ctx: AppContext, input: { sourceId: string; year: number; date: string }): Promise<Plan> {
  const source = await getPlan(ctx, input.sourceId);
  const shift = input.year - source.year;
  const retitle = (s: string | null) => (s ? s.replaceAll(String(source.year), String(input.year)) : s);
  return createPlan(
    ctx,
    {
      kind: source.kind,
      year: input.year,
      date: input.date,
      title: retitle(source.title)!,
      purpose: retitle(source.purpose),
      implementation: retitle(source.implementation),
      recipients: source.recipients,
      numberText: null,
      reserveNumber: false,
      items: source.items.map((item) => ({
        groupLabel: item.groupLabel,
        content: item.content,
        leadUnitId: item.task.leadUnit?.id ?? null,
        leadMemberId: item.task.leadMember?.id ?? null,
        leadText: item.task.leadText,
        coordinatingUnitIds: item.task.coordinatingUnits.map((u) => u.id),
        timing: shiftTimingYears(item.task.timing, shift),
        // An explicit deadline that differs from the timing's own is moved too.
        deadline:
          item.task.deadline && item.task.timing.kind !== 'recurring' && item.task.deadline !== deadlineFromTiming(item.task.timing)
            ? shiftDateYears(item.task.deadline, shift)
            : null,
        expectedOutput: item.expectedOutput,
      })),
    },
    { copiedFromId: source.id },
  );
}

export const todayOf = (ctx: Pick<AppContext, 'clock'>) => localToday(ctx.clock);
