import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { seedOrganisation } from '../tasks/seed';
import { BAC_KAN_PROFILE } from '../../support/profiles';

/**
 * Issue #18 row 8 and its pattern: a write aimed at a record whose parent is in the trash must be
 * refused before anything is written (NOT_FOUND, no changed row, no audit entry), not answered
 * NOT_FOUND after committing.
 */
let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A content fingerprint of the tables a refused call must leave alone. */
function snapshot(a: TestApp): string {
  const rows = (table: string) => JSON.stringify(a.ctx.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all());
  return ['audit_log', 'inspection_targets', 'inspections', 'tasks', 'task_updates', 'unit_reports', 'report_periods'].map(rows).join('\n');
}

async function setUp(): Promise<{ a: TestApp; org: Awaited<ReturnType<typeof seedOrganisation>> }> {
  const a = await openTestApp({ now: '2023-03-01T02:00:00.000Z' });
  await a.call('settings.update', { profile: BAC_KAN_PROFILE });
  const org = await seedOrganisation(a);
  return { a, org };
}

describe('writes under a trashed parent (#18 row 8)', () => {
  it('inspections.recordVisit on a trashed inspection answers NOT_FOUND and commits nothing (no audit row)', async () => {
    const { a, org } = await setUp();
    app = a;
    const insp = await a.call('inspections.create', { year: 2023, date: '2023-03-01', topic: 'Dân vận khéo', targets: [{ unitId: org.choMoi.id, visitDate: '2023-03-13' }] });
    const target = insp.targets[0]!;
    await a.call('inspections.delete', { id: insp.id });
    const before = snapshot(a);
    const answer = await a.invoke('inspections.recordVisit', { targetId: target.id, strengths: 'Ghi vào đợt đã xóa' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND');
    expect(snapshot(a)).toBe(before);
  });

  it('inspections.addRecommendation on a trashed inspection answers NOT_FOUND and creates no task', async () => {
    const { a, org } = await setUp();
    app = a;
    const insp = await a.call('inspections.create', { year: 2023, date: '2023-03-01', topic: 'Dân vận khéo', targets: [{ unitId: org.choMoi.id, visitDate: '2023-03-13' }] });
    await a.call('inspections.delete', { id: insp.id });
    const before = snapshot(a);
    const answer = await a.invoke('inspections.addRecommendation', { targetId: insp.targets[0]!.id, content: 'Kiến nghị vào đợt đã xóa', deadline: '2023-05-31' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND');
    expect(snapshot(a)).toBe(before);
  });

  it('tasks.addUpdate on a trashed task answers NOT_FOUND and commits nothing', async () => {
    const { a, org } = await setUp();
    app = a;
    const task = await a.call('tasks.create', { title: 'Sơ kết 6 tháng', year: 2023, deadline: '2023-07-15', leadUnitId: org.choMoi.id });
    await a.call('tasks.delete', { id: task.id });
    const before = snapshot(a);
    const answer = await a.invoke('tasks.addUpdate', { taskId: task.id, date: '2023-03-01', progress: 50 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND');
    expect(snapshot(a)).toBe(before);
  });

  it('unitReports.record on a trashed report period answers NOT_FOUND and commits nothing', async () => {
    const { a, org } = await setUp();
    app = a;
    const period = await a.call('unitReports.createPeriod', { type: 'six_month', year: 2023, title: 'Báo cáo 6 tháng đầu năm 2023', dueDate: '2023-06-15', unitIds: [org.choMoi.id] });
    await a.call('unitReports.deletePeriod', { id: period.id });
    const before = snapshot(a);
    const answer = await a.invoke('unitReports.record', { periodId: period.id, unitId: org.choMoi.id, receivedDate: '2023-02-10' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('NOT_FOUND');
    expect(snapshot(a)).toBe(before);
  });
});
