/**
 * Saving a long plan or a meeting with many tasks writes its tasks set-wise (issue #21): a handful
 * of statements whatever the number of items, with exactly what task-by-task creation wrote — one
 * task, its coordinators and one audit entry per item — and the same Vietnamese errors naming the
 * item's field, with nothing saved. The statement counts are what made saving a 30-item plan slow
 * (~9 Kysely statements an item, each compiled, prepared and awaited): they fail if a per-item
 * query comes back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { seedOrganisation } from '../tasks/seed';
import { seedBacKan, conferenceInput } from '../meetings/fixture';
import { BAC_KAN_PROFILE } from '../../support/profiles';
import type { ChannelInput } from '../../../shared/contract';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** Counts the statements the connection prepares while `fn` runs (Kysely prepares every query). */
async function countStatements<T>(a: TestApp, fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const sqlite = a.ctx.sqlite;
  const original = sqlite.prepare;
  let statements = 0;
  sqlite.prepare = function (this: typeof sqlite, source: string) {
    statements++;
    return original.call(this, source);
  } as typeof original;
  try {
    return { value: await fn(), statements };
  } finally {
    sqlite.prepare = original;
  }
}

function count(a: TestApp, sql: string, ...params: unknown[]): number {
  return (a.ctx.sqlite.prepare(sql).get(...params) as { c: number }).c;
}

async function planWith30Items(a: TestApp) {
  const org = await seedOrganisation(a);
  const items = Array.from({ length: 30 }, (_, i) => ({
    groupLabel: i < 15 ? 'Công tác tuyên truyền' : 'Công tác kiểm tra',
    content: `Nội dung ${i + 1}: tuyên truyền Luật Thực hiện dân chủ ở cơ sở`,
    leadUnitId: i % 2 ? org.mttq.id : org.choMoi.id,
    leadMemberId: i % 3 ? null : org.officer.id,
    coordinatingUnitIds: i % 2 ? [org.choMoi.id, org.baBe.id, org.choMoi.id] : [],
    timing: { kind: 'quarter' as const, value: `2023-Q${(i % 4) + 1}` },
    expectedOutput: 'Báo cáo kết quả',
  }));
  const input: ChannelInput<'plans.create'> = { kind: 'qcdc', year: 2023, date: '2022-12-20', title: 'Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023', reserveNumber: true, items };
  return { org, items, input };
}

describe('set-wise task writes', () => {
  it('saves a 30-item plan in a few statements, with every item task, coordinator and audit entry', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    await app.call('settings.update', { profile: BAC_KAN_PROFILE });
    const { org, items, input } = await planWith30Items(app);
    const auditBefore = count(app, `select count(*) c from audit_log where entity = 'task'`);
    const a = app;
    const { value: plan, statements } = await countStatements(a, () => a.call('plans.create', input));
    // Task by task it was 284 statements; set-wise it is 19 (the header, its number, the re-read).
    expect(statements).toBeLessThanOrEqual(25);
    expect(plan.items).toHaveLength(30);
    plan.items.forEach((item, i) => {
      expect(item.task.title).toBe(`Nội dung ${i + 1}: tuyên truyền Luật Thực hiện dân chủ ở cơ sở`);
      expect(item.task.sourceId).toBe(plan.id);
      expect(item.task.sourceRef).toBe(item.id);
      expect(item.task.leadUnit?.id).toBe(i % 2 ? org.mttq.id : org.choMoi.id);
      expect(item.task.leadMember?.id ?? null).toBe(i % 3 ? null : org.officer.id);
      // Duplicates in the input are stored once, as before.
      expect(item.task.coordinatingUnits.map((u) => u.id).sort()).toEqual(i % 2 ? [org.choMoi.id, org.baBe.id].sort() : []);
      expect(item.task.deadline).toBe(['2023-03-31', '2023-06-30', '2023-09-30', '2023-12-31'][i % 4]);
    });
    expect(count(app, `select count(*) c from audit_log where entity = 'task'`) - auditBefore).toBe(30);
    expect(count(app, `select count(*) c from audit_log where entity = 'task' and action = 'create' and entity_id in (select task_id from plan_items where plan_id = ?)`, plan.id)).toBe(30);
    expect(count(app, `select count(*) c from task_coordinators where task_id in (select task_id from plan_items where plan_id = ?)`, plan.id)).toBe(30);

    // Adding 10 items on update goes the same way; the 30 kept items are updated in place.
    const update = {
      ...input,
      id: plan.id,
      reserveNumber: false,
      items: [...plan.items.map((it, i) => ({ ...items[i]!, id: it.id })), ...items.slice(0, 10).map((it) => ({ ...it, content: `Bổ sung: ${it.content}` }))],
    };
    const updated = await a.call('plans.update', update);
    expect(updated.items).toHaveLength(40);
    expect(updated.items.slice(0, 30).map((it) => it.task.id)).toEqual(plan.items.map((it) => it.task.id));
    expect(updated.items[35]!.task.title).toBe('Bổ sung: Nội dung 6: tuyên truyền Luật Thực hiện dân chủ ở cơ sở');
    expect(updated.items[35]!.position).toBe(35);
  });

  it('rejects a deleted unit in item 18 naming that field, and saves nothing', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    await app.call('settings.update', { profile: BAC_KAN_PROFILE });
    const { org, items: all, input } = await planWith30Items(app);
    await app.call('units.delete', { id: org.baBe.id });
    const items = all.map((it, i) => (i === 17 ? { ...it, coordinatingUnitIds: [org.choMoi.id, org.baBe.id] } : { ...it, coordinatingUnitIds: [] }));
    const tasksBefore = count(app, 'select count(*) c from tasks');
    const auditBefore = count(app, 'select count(*) c from audit_log');
    const result = await app.invoke('plans.create', { ...input, items });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toBe('Một đơn vị phối hợp không tồn tại (có thể đã bị xóa).');
    expect(result.error.fields).toEqual({ 'items.17.coordinatingUnitIds.1': 'Đơn vị phối hợp không tồn tại.' });
    expect(count(app, 'select count(*) c from tasks')).toBe(tasksBefore);
    expect(count(app, 'select count(*) c from plans')).toBe(0);
    expect(count(app, 'select count(*) c from audit_log')).toBe(auditBefore);
  });

  it('saves a meeting with 20 tasks in a few statements, each task linked to its conclusion in order', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const seeded = await seedBacKan(app.ctx);
    const base = conferenceInput(seeded);
    const lead = base.conclusions![0]!.tasks![0]!;
    const meeting = {
      ...base,
      conclusions: [
        { content: 'Kết luận thứ nhất', tasks: Array.from({ length: 12 }, (_, i) => ({ ...lead, content: `Nhiệm vụ 1.${i + 1}` })) },
        { content: 'Kết luận thứ hai', tasks: Array.from({ length: 8 }, (_, i) => ({ ...lead, content: `Nhiệm vụ 2.${i + 1}` })) },
      ],
    };
    const a = app;
    const { value: created, statements } = await countStatements(a, () => a.call('meetings.create', { meeting }));
    // Task by task it was 200 statements.
    expect(statements).toBeLessThanOrEqual(35);
    expect(created.conclusions.map((c) => c.tasks.map((t) => t.content))).toEqual([
      Array.from({ length: 12 }, (_, i) => `Nhiệm vụ 1.${i + 1}`),
      Array.from({ length: 8 }, (_, i) => `Nhiệm vụ 2.${i + 1}`),
    ]);
    const ids = created.conclusions.flatMap((c) => c.tasks.map((t) => t.id));
    expect(new Set(ids).size).toBe(20);
    expect(count(app, `select count(*) c from tasks where source_type = 'meeting' and source_id = ? and deleted_at is null`, created.id)).toBe(20);
    expect(count(app, `select count(*) c from audit_log where entity = 'task' and action = 'create'`)).toBe(20);
    expect(count(app, `select count(*) c from tasks t join meeting_conclusion_tasks l on l.task_id = t.id where t.source_ref = l.conclusion_id`)).toBe(20);
  });
});
