import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { indicatorIds, seedQcdcUnits } from '../qcdc/support';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('member supervision of assigned units', () => {
  it('records visits with recommendations as tasks, counts them, and lists the assigned units nobody visited', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const lan = await app.call('members.create', { fullName: 'Hoàng Thị Lan', role: 'uy_vien' });
    const minh = await app.call('members.create', { fullName: 'Nông Văn Minh', role: 'pho_truong_ban' });
    await app.call('members.assign', { memberId: lan.id, unitIds: [u.xaA.id, u.dn.id], fromDate: '2021-01-01' });
    await app.call('members.assign', { memberId: minh.id, unitIds: [u.so.id], fromDate: '2021-01-01' });

    const v = await app.call('supervisions.create', {
      memberId: lan.id, unitId: u.xaA.id, date: '2022-08-12', findings: 'Công khai đầy đủ', recommendations: [{ content: 'Kiện toàn Ban TTND', deadline: '2022-10-31' }],
    });
    expect(v).toMatchObject({ assigned: true, memberName: 'Hoàng Thị Lan' });
    expect(v.recommendations[0]).toMatchObject({
      sourceType: 'supervision', title: 'Kiện toàn Ban TTND', leadUnit: { id: u.xaA.id }, sourceLabel: 'Giám sát của đồng chí Hoàng Thị Lan tại Xã Nam Cường ngày 12/08/2022',
    });
    const stray = await app.call('supervisions.create', { memberId: minh.id, unitId: u.ca.id, date: '2022-09-01' });
    expect(stray.assigned).toBe(false);

    const gaps = await app.call('supervisions.unvisited', { year: 2022 });
    expect(gaps.units.map((x) => x.unitName).sort()).toEqual(['Công ty Cổ phần Xi măng Bắc Kạn', 'Sở Tư pháp']);
    expect(gaps.members.find((m) => m.memberId === lan.id)).toMatchObject({ assigned: 2, visited: 1 });
    expect(gaps.members.find((m) => m.memberId === minh.id)).toMatchObject({ assigned: 1, visited: 0 });
    expect((await app.call('supervisions.unvisited', { year: 2023 })).units).toHaveLength(3);

    const r = await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'annual' });
    expect(r.figures.find((f) => f.indicatorId === ids.GIAM_SAT_BCD)).toMatchObject({ value: 1, readOnly: true });

    await app.call('supervisions.delete', { id: v.id });
    expect((await app.call('supervisions.unvisited', { year: 2022 })).units).toHaveLength(3);
    expect((await app.call('tasks.list', { sourceType: 'supervision' })).items).toHaveLength(0);
    const back = await app.call('supervisions.restore', { id: v.id });
    expect(back.recommendations).toHaveLength(1);
  });

  it('refuses an unknown member and a future date, writing nothing', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const bad = await app.invoke('supervisions.create', { memberId: u.xaA.id, unitId: u.xaA.id, date: '2022-08-12' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { memberId: 'Không tồn tại.' } } });
    const m = await app.call('members.create', { fullName: 'Hoàng Thị Lan', role: 'uy_vien' });
    const future = await app.invoke('supervisions.create', { memberId: m.id, unitId: u.xaA.id, date: '2023-08-12', recommendations: [{ content: 'X' }] });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await app.call('supervisions.list', {})).toHaveLength(0);
    expect((await app.call('tasks.list', {})).items).toHaveLength(0);
  });
});
