/**
 * Tasks followed months later (issue #17), on the dates of the 16/12/2022 conference: the
 * secretariat types the conference in on 08/12/2026 and records the progress reported since.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { conferenceInput, seedBacKan } from '../meetings/fixture';
import { editTask, taskChanges } from '../../../electron/core/tasks/changes';
import { dueNotice } from '../../../electron/core/tasks/notify';
import { urgingTasks } from '../../../electron/core/tasks/urging';
import { dataYears } from '../../../electron/core/overview/service';
import { permissionFor } from '../../../electron/core/safety/users/permissions';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

// 09:00 in Hà Nội on 08/12/2026: the day the record is typed, years after the conference.
const TYPING_DAY = '2026-12-08T02:00:00.000Z';

async function conference() {
  const a = await openTestApp({ now: TYPING_DAY });
  app = a;
  const s = await seedBacKan(a.ctx);
  const meeting = await a.call('meetings.create', { meeting: conferenceInput(s) });
  const tasks = (await a.call('tasks.list', { sourceType: 'meeting', sourceId: meeting.id, limit: 50 })).items;
  const plan = tasks.find((t) => t.title.startsWith('Xây dựng kế hoạch kiểm tra'))!;
  return { a, s, meeting, tasks, plan };
}

const rows = (a: TestApp, table: 'task_updates' | 'task_changes') => a.ctx.db.selectFrom(table).selectAll().execute();

describe('the assignment date is the date of the document that assigned the task', () => {
  it('accepts progress dated 28/03/2023 on a task of the 16/12/2022 conference typed in 2026, and refuses a date before the meeting', async () => {
    const { a, plan } = await conference();
    const stored = await a.ctx.db.selectFrom('tasks').select(['assigned_date', 'assigned_reason']).where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ assigned_date: '2022-12-16', assigned_reason: null });

    const detail = await a.call('tasks.addUpdate', { taskId: plan.id, date: '2023-03-28', progress: 100, note: 'Đã ban hành Kế hoạch số 05-KH/BCĐ' });
    expect(detail.status).toBe('hoan_thanh');
    expect(detail.completedAt).toBe('2023-03-28');

    const early = await a.invoke('tasks.addUpdate', { taskId: plan.id, date: '2022-12-15', progress: 10 });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toBe('Ngày cập nhật không được trước ngày giao nhiệm vụ (16/12/2022).');
    expect(await rows(a, 'task_updates')).toHaveLength(1);
  });

  it('follows the meeting when its date is corrected, until an officer sets the date by hand with a reason', async () => {
    const { a, meeting, s, plan } = await conference();
    await a.call('meetings.update', { id: meeting.id, meeting: { ...conferenceInput(s), date: '2022-12-15', conclusions: meeting.conclusions.map((c) => ({ id: c.id, content: c.content, tasks: c.tasks.map((t) => ({ id: t.id, content: t.content, leadUnitId: t.leadUnitId, leadText: t.leadText ?? '', coordinatorUnitIds: t.coordinatorUnitIds, deadline: t.deadline, recurring: t.recurring })) })) } });
    const dateOf = async () => (await a.ctx.db.selectFrom('tasks').select('assigned_date').where('id', '=', plan.id).executeTakeFirstOrThrow()).assigned_date;
    expect(await dateOf()).toBe('2022-12-15');

    const refused = editTask(a.ctx, { id: plan.id, assignedDate: '2022-12-20', reason: '  ' });
    await expect(refused).rejects.toThrow('Cần ghi lý do thay đổi');
    const history = await editTask(a.ctx, { id: plan.id, assignedDate: '2022-12-20', reason: 'Giao theo Thông báo số 01-TB/BCĐ ngày 20/12/2022' });
    expect(history).toMatchObject([{ field: 'assigned_date', before: '2022-12-15', after: '2022-12-20', userName: 'kiểm thử' }]);
    expect(await dateOf()).toBe('2022-12-20');
    const early = await a.invoke('tasks.addUpdate', { taskId: plan.id, date: '2022-12-18', progress: 10 });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('(20/12/2022)');
  });

  it('accepts the back-dated closure of an inspection recommendation from the working day at the unit', async () => {
    const a = await openTestApp({ now: TYPING_DAY });
    app = a;
    const s = await seedBacKan(a.ctx);
    const insp = await a.call('inspections.create', {
      year: 2023,
      date: '2023-04-03',
      topic: 'Việc thực hiện Quy chế dân chủ ở cơ sở năm 2023',
      targets: [{ unitId: s.unit('Ủy ban nhân dân tỉnh'), visitDate: '2023-05-10' }],
    });
    const withRec = await a.call('inspections.addRecommendation', { targetId: insp.targets[0]!.id, content: 'Công khai kết quả giải quyết khiếu nại', deadline: '2023-08-31' });
    const rec = withRec.targets[0]!.recommendations[0]!;
    const closed = await a.call('tasks.addUpdate', { taskId: rec.id, date: '2023-08-20', progress: 100, status: 'hoan_thanh' });
    expect(closed.completedAt).toBe('2023-08-20');
    const before = await a.invoke('tasks.addUpdate', { taskId: rec.id, date: '2023-05-09', progress: 100 });
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.error.message).toContain('(10/05/2023)');
  });

  it('dates a task typed directly on the day it is typed', async () => {
    const a = await openTestApp({ now: TYPING_DAY });
    app = a;
    const t = await a.call('tasks.create', { title: 'Chuẩn bị hội nghị tổng kết năm 2026', timing: { kind: 'date', value: '2026-12-25' } });
    const row = await a.ctx.db.selectFrom('tasks').select('assigned_date').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.assigned_date).toBe('2026-12-08');
  });
});

describe('editing a task without reopening the minutes', () => {
  it('extends a deadline with a reason and keeps the history; the meeting stays as it was', async () => {
    const { a, s, meeting, plan } = await conference();
    const history = await editTask(a.ctx, { id: plan.id, deadline: '2023-04-30', reason: 'Chờ hướng dẫn của Ban Dân vận Trung ương' });
    expect(history).toMatchObject([{ field: 'deadline', before: '2023-03-31', after: '2023-04-30', reason: 'Chờ hướng dẫn của Ban Dân vận Trung ương' }]);
    const [task] = (await a.call('tasks.list', { sourceType: 'meeting', sourceId: meeting.id, limit: 50 })).items.filter((t) => t.id === plan.id);
    expect(task).toMatchObject({ deadline: '2023-04-30', timingLabel: '30/04/2023' });
    expect((await a.call('meetings.get', { id: meeting.id })).status).toBe(meeting.status);

    // Reassigned to another unit: one more history line, newest first.
    const after = await editTask(a.ctx, { id: plan.id, leadUnitId: s.unit('Thanh tra tỉnh'), reason: 'Phân công lại theo ý kiến Thường trực' });
    expect(after.map((c) => c.field)).toEqual(['lead', 'deadline']);
    expect(after[0]).toMatchObject({ before: 'Ban Dân vận Tỉnh ủy', after: 'Thanh tra tỉnh' });
    expect(await taskChanges(a.ctx, plan.id)).toHaveLength(2);
  });

  it('refuses a deadline before the assignment date, and a change to nothing, writing nothing', async () => {
    const { a, plan } = await conference();
    await expect(editTask(a.ctx, { id: plan.id, deadline: '2022-12-01', reason: 'Nhầm' })).rejects.toThrow('Thời hạn không được trước ngày giao nhiệm vụ (16/12/2022).');
    await expect(editTask(a.ctx, { id: plan.id, deadline: '2023-03-31', reason: 'Không đổi' })).rejects.toThrow('Không có gì thay đổi.');
    expect(await rows(a, 'task_changes')).toHaveLength(0);
    const stored = await a.ctx.db.selectFrom('tasks').select('deadline').where('id', '=', plan.id).executeTakeFirstOrThrow();
    expect(stored.deadline).toBe('2023-03-31');
  });
});

describe('one overdue rule everywhere', () => {
  it('counts the same overdue tasks in the overview of 2026, the start-up notice and the urging list', async () => {
    const { a, tasks } = await conference();
    const dated = tasks.filter((t) => t.deadline !== null);
    expect(dated).toHaveLength(3);
    const notice = await dueNotice(a.ctx);
    // On 08/12/2026 every dated task of the conference is late, and so is the recurring one: it
    // was assigned on 16/12/2022 and no update was ever dated in a quarter since — the notice's
    // "4 nhiệm vụ quá hạn" of the issue, now also the overview's figure.
    expect(notice.overdue).toBe(4);
    const overview = await a.call('overview.get', { year: 2026 });
    expect(overview.tasks.overdue).toBe(notice.overdue);
    // The overview's drill-down opens exactly those rows.
    const drill = await a.call('tasks.list', { year: 2026, overdue: true, throughYear: true });
    expect(drill.total).toBe(notice.overdue);
    const urging = await urgingTasks(a.ctx, { dueWithinDays: 7 });
    expect(urging.filter((t) => t.dueState === 'overdue')).toHaveLength(notice.overdue);
    // 2022 owes only the recurring task (it has no year of its own); the dated ones are 2023's.
    expect((await a.call('overview.get', { year: 2022 })).tasks.overdue).toBe(1);
  });

  it('offers every year with data: the meeting of 2022 and its tasks of 2023', async () => {
    const { a } = await conference();
    expect(await dataYears(a.ctx)).toEqual(expect.arrayContaining([2022, 2023]));
    expect(await a.call('overview.years', {})).toEqual(await dataYears(a.ctx));
  });
});

describe('through the channels', () => {
  it('edits with a reason over tasks.edit, refuses a missing reason in Vietnamese, and flags late completion', async () => {
    const { a, plan } = await conference();
    const missing = await a.invoke('tasks.edit', { id: plan.id, deadline: '2023-04-30', reason: '' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('VALIDATION');
    expect(await rows(a, 'task_changes')).toHaveLength(0);

    const history = await a.call('tasks.edit', { id: plan.id, deadline: '2023-04-30', reason: 'Gia hạn theo đề nghị của Ban Dân vận' });
    expect(history).toHaveLength(1);
    expect(await a.call('tasks.changes', { id: plan.id })).toEqual(history);

    // Done on 15/05/2023, after the extended deadline of 30/04/2023: late.
    const done = await a.call('tasks.addUpdate', { taskId: plan.id, date: '2023-05-15', progress: 100 });
    expect(done).toMatchObject({ completedAt: '2023-05-15', completedLate: true, assignedDate: '2022-12-16' });
    const other = (await a.call('tasks.list', { sourceType: 'meeting', limit: 50 })).items.find((t) => t.title.startsWith('Tổ chức hội nghị đối thoại'))!;
    const onTime = await a.call('tasks.addUpdate', { taskId: other.id, date: '2023-06-20', progress: 100 });
    expect(onTime.completedLate).toBe(false);
  });
});

describe('who may use the new channels', () => {
  it('lets "chỉ xem" read the year list, the dossier, a task’s history and the urging list, but not issue or edit', () => {
    for (const c of ['overview.years', 'meetings.dossier', 'meetings.dossierPreview', 'tasks.changes', 'tasks.urgingListFile'] as const) {
      expect(permissionFor(c)).toBe('read');
    }
    for (const c of ['tasks.edit', 'meetings.dossierExport', 'tasks.urgingLetter'] as const) expect(permissionFor(c)).toBe('write');
  });
});
