import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { indicatorIds, seedQcdcUnits } from '../qcdc/support';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('trainings', () => {
  it('records a training for several units; each unit’s training figure is counted; delete and restore', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const t = await app.call('trainings.create', { date: '2022-04-05', topic: 'Luật Thực hiện dân chủ ở cơ sở', trainees: 85, unitIds: [u.xaA.id, u.xaB.id, u.xaA.id] });
    expect(t.units.map((x) => x.name).sort()).toEqual(['Phường Sông Cầu', 'Xã Nam Cường']);
    expect(await app.call('trainings.list', { unitId: u.xaB.id })).toHaveLength(1);
    expect(await app.call('trainings.list', { unitId: u.dn.id })).toHaveLength(0);
    const s = await app.call('qcdc.stats', { year: 2022, period: 'annual' });
    expect(s.byType.find((x) => x.qcdcType === 'xa_phuong')!.indicators.find((i) => i.id === ids.TAP_HUAN)).toMatchObject({ total: 2, unitsWithValue: 2 });

    const edited = await app.call('trainings.update', { id: t.id, date: '2022-04-05', topic: 'Luật Thực hiện dân chủ ở cơ sở', trainees: 90, unitIds: [u.xaA.id] });
    expect(edited).toMatchObject({ trainees: 90, units: [{ name: 'Xã Nam Cường' }] });
    await app.call('trainings.delete', { id: t.id });
    expect(await app.call('trainings.list', {})).toHaveLength(0);
    const s2 = await app.call('qcdc.stats', { year: 2022, period: 'annual' });
    expect(s2.byType.find((x) => x.qcdcType === 'xa_phuong')!.indicators.find((i) => i.id === ids.TAP_HUAN)!.total).toBe(0);
    await app.call('trainings.restore', { id: t.id });
    expect(await app.call('trainings.list', { year: 2022 })).toHaveLength(1);
  });

  it('refuses an unknown unit, writing nothing', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const bad = await app.invoke('trainings.create', { date: '2022-04-05', topic: 'X', trainees: 5, unitIds: ['00000000-0000-7000-8000-000000000000'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'unitIds.0': 'Đơn vị không tồn tại.' } } });
    expect(await app.call('trainings.list', {})).toHaveLength(0);
  });
});
