import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { seedOrganisation } from '../tasks/seed';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Unit name → the state of its cell in one period ('-' when the unit is not asked for it). */
async function cells(a: TestApp, year: number, periodId: string): Promise<Record<string, string>> {
  const m = await a.call('unitReports.matrix', { year });
  const col = m.periods.findIndex((p) => p.id === periodId);
  const out: Record<string, string> = {};
  for (const r of m.rows) {
    const c = col >= 0 ? r.cells[col] : null;
    if (c) out[r.unitName] = `${c.state}${c.receivedDate ? ` ${c.receivedDate}` : ''}`;
  }
  return out;
}

describe('report periods can be corrected and deleted', () => {
  it('edits title, due date and units; keeps received dates; refuses to drop a unit that has reported', async () => {
    app = await openTestApp({ now: '2023-07-20T02:00:00.000Z' });
    const org = await seedOrganisation(app);
    const p = await app.call('unitReports.createPeriod', {
      type: 'six_month', year: 2023, title: 'Báo cáo 6 tháng đầu năm 2032', dueDate: '2023-06-15', unitIds: [org.choMoi.id, org.baBe.id],
    });
    await app.call('unitReports.record', { periodId: p.id, unitId: org.baBe.id, receivedDate: '2023-06-20' });
    expect(await cells(app, 2023, p.id)).toEqual({ 'Huyện ủy Ba Bể': 'late 2023-06-20', 'Huyện ủy Chợ Mới': 'missing' });

    // The officer typed the wrong year in the title and the wrong due date; Chợ Mới is replaced by the MTTQ.
    const fixed = await app.call('unitReports.updatePeriod', {
      id: p.id, type: 'six_month', year: 2023, title: 'Báo cáo 6 tháng đầu năm 2023', dueDate: '2023-06-30', unitIds: [org.baBe.id, org.mttq.id],
    });
    expect(fixed).toMatchObject({ title: 'Báo cáo 6 tháng đầu năm 2023', dueDate: '2023-06-30' });
    expect(await cells(app, 2023, p.id)).toEqual({ 'Huyện ủy Ba Bể': 'onTime 2023-06-20', 'Ủy ban MTTQ tỉnh': 'missing' });

    // Ba Bể has reported: dropping it would erase a received date, so nothing changes.
    const refused = await app.invoke('unitReports.updatePeriod', {
      id: p.id, type: 'annual', year: 2023, title: 'Khác', dueDate: '2023-12-15', unitIds: [org.mttq.id],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) expect(refused.error.message).toContain('Huyện ủy Ba Bể');
    expect((await app.call('unitReports.periods', { year: 2023 }))[0]).toMatchObject({ title: 'Báo cáo 6 tháng đầu năm 2023', type: 'six_month' });

    const empty = await app.invoke('unitReports.updatePeriod', { id: p.id, type: 'six_month', year: 2023, title: 'X', dueDate: '2023-06-30', unitIds: [] });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!empty.ok) expect(empty.error.fields?.unitIds).toBe('Chọn ít nhất một đơn vị phải gửi báo cáo.');

    const audit = await app.call('audit.list', { filter: { entity: 'report_period' } });
    const update = audit.items.find((i) => i.action === 'update');
    expect(update).toMatchObject({ entityLabel: 'Kỳ báo cáo', entityId: p.id });
  });

  it('moves a period to the trash and restores it with its received dates', async () => {
    app = await openTestApp({ now: '2023-07-20T02:00:00.000Z' });
    const org = await seedOrganisation(app);
    const p = await app.call('unitReports.createPeriod', { type: 'thematic', year: 2023, title: 'Báo cáo chuyên đề đối thoại', dueDate: '2023-07-10', unitIds: [org.choMoi.id] });
    await app.call('unitReports.record', { periodId: p.id, unitId: org.choMoi.id, receivedDate: '2023-07-05' });

    await app.call('unitReports.deletePeriod', { id: p.id });
    expect((await app.call('unitReports.matrix', { year: 2023 })).periods).toEqual([]);
    expect((await app.invoke('unitReports.record', { periodId: p.id, unitId: org.choMoi.id, receivedDate: null })).ok).toBe(false);
    const trash = await app.call('trash.list', {});
    expect(trash.items.find((i) => i.id === p.id)).toMatchObject({ entityLabel: 'Kỳ báo cáo', title: 'Báo cáo chuyên đề đối thoại' });

    await app.call('trash.restore', { entity: 'report_periods', id: p.id });
    expect(await cells(app, 2023, p.id)).toEqual({ 'Huyện ủy Chợ Mới': 'onTime 2023-07-05' });
  });
});
