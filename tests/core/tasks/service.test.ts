import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { createTask, listTasksBySource } from '../../../electron/core/tasks/service';
import { notifyDueTasks, scheduleDueNotice } from '../../../electron/core/tasks/notify';
import { seedOrganisation } from './seed';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

// 09:00 in Hà Nội on 05/01/2023
const JAN_5 = '2023-01-05T02:00:00.000Z';

describe('tasks service', () => {
  it('creates a task with owners, derived deadline, folded search text and an audit row', async () => {
    app = await openTestApp({ now: JAN_5 });
    const org = await seedOrganisation(app);
    const task = await app.call('tasks.create', {
      title: 'Đẩy mạnh tuyên truyền Luật Thực hiện dân chủ ở cơ sở',
      leadUnitId: org.choMoi.id,
      coordinatingUnitIds: [org.mttq.id, org.baBe.id],
      timing: { kind: 'quarter', value: '2023-Q1' },
    });
    expect(task.deadline).toBe('2023-03-31');
    expect(task.year).toBe(2023);
    expect(task.ownerLabel).toBe('Huyện ủy Chợ Mới');
    expect(task.coordinatingUnits.map((u) => u.name).sort()).toEqual(['Huyện ủy Ba Bể', 'Ủy ban MTTQ tỉnh']);
    expect(task.timingLabel).toBe('Quý I/2023');
    expect(task.dueState).toBe('onTrack');
    const found = await app.call('tasks.list', { search: 'luat thuc hien dan chu' });
    expect(found.items.map((t) => t.id)).toEqual([task.id]);
    const audit = await app.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'task').execute();
    expect(audit).toHaveLength(1);
  });

  it('rejects an owner that does not exist, in Vietnamese, and saves nothing', async () => {
    app = await openTestApp({ now: JAN_5 });
    const result = await app.invoke('tasks.create', {
      title: 'Nhiệm vụ thử',
      leadUnitId: '0190aaaa-0000-7000-8000-000000000000',
      timing: { kind: 'date', value: '2023-02-01' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toBe('Đơn vị chủ trì không tồn tại (có thể đã bị xóa).');
    expect(result.error.fields?.leadUnitId).toBeTruthy();
    expect(await app.ctx.db.selectFrom('tasks').selectAll().execute()).toHaveLength(0);
  });

  it('rejects progress over 100 % and a malformed quarter', async () => {
    app = await openTestApp({ now: JAN_5 });
    const task = await app.call('tasks.create', { title: 'Nhiệm vụ', timing: { kind: 'month', value: '2023-02' } });
    const over = await app.invoke('tasks.addUpdate', { taskId: task.id, date: '2023-01-05', progress: 120 });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error.fields?.progress).toBe('Tiến độ (%) không được lớn hơn 100.');
    const bad = await app.invoke('tasks.create', { title: 'X', timing: { kind: 'quarter', value: '2023-Q5' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.['timing.value']).toMatch(/quý dạng YYYY-Qn/);
    expect(await app.ctx.db.selectFrom('task_updates').selectAll().execute()).toHaveLength(0);
  });

  it('records dated updates with evidence, moves status, and computes overdue with the clock', async () => {
    app = await openTestApp({ now: JAN_5 });
    const org = await seedOrganisation(app);
    const task = await app.call('tasks.create', {
      title: 'Tổ chức hội nghị đối thoại',
      leadMemberId: org.officer.id,
      timing: { kind: 'date', value: '2023-02-15' },
    });
    const detail = await app.call('tasks.addUpdate', {
      taskId: task.id,
      date: '2023-01-05',
      progress: 40,
      note: 'Đã xây dựng kế hoạch',
      evidence: [{ fileName: 'ke-hoach-doi-thoai.pdf', bytes: new TextEncoder().encode('%PDF-1.4 thử') }],
    });
    expect(detail.status).toBe('dang_thuc_hien');
    expect(detail.progress).toBe(40);
    expect(detail.updates).toHaveLength(1);
    expect(detail.updates[0]!.evidence.map((e) => e.fileName)).toEqual(['ke-hoach-doi-thoai.pdf']);
    const file = await app.call('tasks.evidenceFile', { id: detail.updates[0]!.evidence[0]!.id });
    expect(new TextDecoder().decode(file.bytes)).toBe('%PDF-1.4 thử');

    app.clock.set('2023-02-10T02:00:00.000Z');
    expect((await app.call('tasks.list', { dueWithinDays: 7 })).items.map((t) => t.id)).toEqual([task.id]);
    expect((await app.call('tasks.list', { overdue: true })).items).toHaveLength(0);

    app.clock.set('2023-02-16T02:00:00.000Z');
    const overdue = await app.call('tasks.list', { overdue: true });
    expect(overdue.items.map((t) => [t.id, t.daysLeft])).toEqual([[task.id, -1]]);
    expect(overdue.today).toBe('2023-02-16');

    const future = await app.invoke('tasks.addUpdate', { taskId: task.id, date: '2023-03-01', progress: 50 });
    expect(future.ok).toBe(false);

    const done = await app.call('tasks.addUpdate', { taskId: task.id, date: '2023-02-16', progress: 100, note: 'Đã tổ chức' });
    expect(done.status).toBe('hoan_thanh');
    expect(done.completedAt).toBe('2023-02-16');
    expect((await app.call('tasks.list', { overdue: true })).items).toHaveLength(0);
  });

  it('lets other features create tasks inside their own transaction and list them by source', async () => {
    app = await openTestApp({ now: JAN_5 });
    const org = await seedOrganisation(app);
    const ctx = app.ctx;
    const meetingId = 'meeting-1';
    await ctx.db.transaction().execute(async (trx) => {
      await createTask(trx, ctx, { title: 'Thực hiện nghiêm quy định công khai', sourceType: 'meeting', sourceId: meetingId, sourceRef: 'kl-1', leadUnitId: org.baBe.id, timing: { kind: 'month', value: '2023-03' } });
      await createTask(trx, ctx, { title: 'Cơ quan thường trực theo dõi, đôn đốc', sourceType: 'meeting', sourceId: meetingId, sourceRef: 'kl-2', leadText: 'Ban Dân vận Tỉnh ủy', timing: { kind: 'recurring' } });
    });
    const tasks = await listTasksBySource(ctx.db, 'meeting', meetingId, ctx);
    expect(tasks.map((t) => t.sourceRef).sort()).toEqual(['kl-1', 'kl-2']);
    expect(tasks.find((t) => t.sourceRef === 'kl-2')!.timing).toEqual({ kind: 'recurring', value: 'quarter' });

    // A failing createTask rolls the caller's whole transaction back.
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await createTask(trx, ctx, { title: 'Một', sourceType: 'meeting', sourceId: 'm2' });
        await createTask(trx, ctx, { title: 'Hai', sourceType: 'meeting', sourceId: 'm2', leadMemberId: '0190aaaa-0000-7000-8000-000000000000' });
      }),
    ).rejects.toThrow(/Thành viên chủ trì không tồn tại/);
    expect(await listTasksBySource(ctx.db, 'meeting', 'm2', ctx)).toHaveLength(0);
  });

  it('notifies at start-up when tasks are overdue or due soon, with recurring checkpoints', async () => {
    app = await openTestApp({ now: JAN_5 });
    await app.call('tasks.create', { title: 'Báo cáo sơ kết', timing: { kind: 'date', value: '2023-01-10' } });
    await app.call('tasks.create', { title: 'Theo dõi thường xuyên', timing: { kind: 'recurring', value: 'quarter' }, year: 2023 });
    const platform = app.ctx.platform as unknown as { notifications: string[] };
    const first = await notifyDueTasks(app.ctx);
    expect(first).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(platform.notifications).toEqual(['Nhiệm vụ cần đôn đốc: 1 nhiệm vụ đến hạn trong 7 ngày tới (tính đến ngày 05/01/2023).']);

    app.clock.set('2023-04-03T02:00:00.000Z');
    const later = await notifyDueTasks(app.ctx);
    expect(later).toMatchObject({ overdue: 2, dueSoon: 0 });
    const byOwner = await app.call('tasks.byOwner', { openOnly: true });
    expect(byOwner).toHaveLength(1);
    expect(byOwner[0]).toMatchObject({ ownerLabel: 'Chưa phân công', overdue: 2 });
  });

  it('shows the start-up notice after the first screen, and not at all once the app closes first', async () => {
    app = await openTestApp({ now: JAN_5 });
    await app.call('tasks.create', { title: 'Báo cáo sơ kết', timing: { kind: 'date', value: '2023-01-10' } });
    const platform = app.ctx.platform as unknown as { notifications: string[] };
    const cancelled = scheduleDueNotice(app.ctx, 20);
    cancelled();
    scheduleDueNotice(app.ctx, 20);
    expect(platform.notifications).toEqual([]); // nothing during start-up itself
    // Waits for the notice (a busy machine may take longer than the 20 ms delay), then a little
    // more: the cancelled one must never come.
    for (let waited = 0; platform.notifications.length === 0 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    expect(platform.notifications).toEqual(['Nhiệm vụ cần đôn đốc: 1 nhiệm vụ đến hạn trong 7 ngày tới (tính đến ngày 05/01/2023).']);
  });

  it('updates only the fields given (timing and coordinators are kept)', async () => {
    app = await openTestApp({ now: JAN_5 });
    const org = await seedOrganisation(app);
    const t = await app.call('tasks.create', { title: 'Cũ', leadUnitId: org.baBe.id, coordinatingUnitIds: [org.mttq.id], timing: { kind: 'month', value: '2023-05' } });
    const renamed = await app.call('tasks.update', { id: t.id, title: 'Mới' });
    expect(renamed).toMatchObject({ title: 'Mới', deadline: '2023-05-31', timingLabel: 'Tháng 5/2023' });
    expect(renamed.coordinatingUnits.map((u) => u.name)).toEqual(['Ủy ban MTTQ tỉnh']);
    const moved = await app.call('tasks.update', { id: t.id, timing: { kind: 'quarter', value: '2023-Q3' } });
    expect(moved.deadline).toBe('2023-09-30');
    const bad = await app.invoke('tasks.update', { id: t.id, leadMemberId: '0190aaaa-0000-7000-8000-000000000000' });
    expect(bad.ok).toBe(false);
    expect((await app.call('tasks.get', { id: t.id })).leadMember).toBeNull();
  });

  it('soft-deletes a task', async () => {
    app = await openTestApp({ now: JAN_5 });
    const t = await app.call('tasks.create', { title: 'Xóa thử' });
    await app.call('tasks.delete', { id: t.id });
    expect((await app.call('tasks.list', {})).items).toHaveLength(0);
    const row = await app.ctx.db.selectFrom('tasks').select('deleted_at').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });
});
