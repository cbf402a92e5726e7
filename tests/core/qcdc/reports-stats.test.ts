import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { indicatorIds, seedQcdcUnits } from './support';
import type { QcdcStats } from '../../../shared/schemas/qcdc';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const typeOf = (s: Pick<QcdcStats, 'byType'>, type: string) => s.byType.find((t) => t.qcdcType === type)!;
const ind = (s: Pick<QcdcStats, 'byType'>, type: string, id: string) => typeOf(s, type).indicators.find((i) => i.id === id)!;

describe('QCDC period reports', () => {
  it('saves typed figures, shows counted ones read-only, and marks the unit on time / late in the tracking', async () => {
    app = await openTestApp({ now: '2023-01-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const period = await app.call('unitReports.createPeriod', { type: 'annual', year: 2022, title: 'Báo cáo năm 2022', dueDate: '2023-01-10', unitIds: [u.xaA.id, u.dn.id] });
    const saved = await app.call('qcdc.reports.save', {
      unitId: u.xaA.id, year: 2022, period: 'annual', receivedDate: '2023-01-08',
      values: [{ indicatorId: ids.XA_BAN_TTND!, value: true }, { indicatorId: ids.XA_HUONG_UOC!, value: 9 }, { indicatorId: ids.XA_THON_TONG!, value: 12 }, { indicatorId: ids.KET_QUA_NOI_BAT!, value: 'Đối thoại trực tuyến' }],
    });
    expect(saved).toMatchObject({ saved: true, qcdcType: 'xa_phuong', trackedPeriodId: period.id, receivedDate: '2023-01-08' });
    const f = (id: string) => saved.figures.find((x) => x.indicatorId === id)!;
    expect(f(ids.XA_BAN_TTND!).value).toBe(true);
    expect(f(ids.XA_HUONG_UOC_TL!)).toMatchObject({ value: 75, readOnly: true });
    expect(f(ids.DOI_THOAI!)).toMatchObject({ value: 0, readOnly: true });
    await app.call('qcdc.reports.save', { unitId: u.dn.id, year: 2022, period: 'annual', receivedDate: '2023-01-15', values: [{ indicatorId: ids.DN_HN_NLD!, value: false }] });
    const m = await app.call('unitReports.matrix', { year: 2022 });
    const state = (unitId: string) => m.rows.find((r) => r.unitId === unitId)!.cells[0]!.state;
    expect(state(u.xaA.id)).toBe('onTime');
    expect(state(u.dn.id)).toBe('late');
  });

  it('refuses a counted figure, a figure of another loại hình and a wrong value type, writing nothing', async () => {
    app = await openTestApp({ now: '2023-01-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const tries = [
      { indicatorId: ids.DOI_THOAI!, value: 3 },
      { indicatorId: ids.DN_HN_NLD!, value: true },
      { indicatorId: ids.XA_BAN_TTND!, value: 5 },
      { indicatorId: ids.XA_CONG_KHAI!, value: -1 },
      { indicatorId: ids.XA_HUONG_UOC_TL!, value: 50 },
    ];
    for (const bad of tries) {
      const r = await app.invoke('qcdc.reports.save', { unitId: u.xaA.id, year: 2022, period: 'annual', values: [{ indicatorId: ids.XA_CONG_KHAI!, value: 4 }, bad] });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(Object.keys(r.error.fields ?? {})[0]).toMatch(/^values\.1\./);
      }
    }
    expect((await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'annual' })).saved).toBe(false);
  });
});

describe('QCDC statistics', () => {
  it('sums counts, gives x/y for yes/no, ratios from sums, and no change against an empty previous year', async () => {
    app = await openTestApp({ now: '2024-02-01T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const save = (unitId: string, year: number, values: Record<string, number | boolean | string>) =>
      app!.call('qcdc.reports.save', { unitId, year, period: 'annual', values: Object.entries(values).map(([k, value]) => ({ indicatorId: ids[k]!, value })) });
    await save(u.xaA.id, 2023, { XA_BAN_TTND: true, XA_HUONG_UOC: 9, XA_THON_TONG: 12, KNTC_THAM_QUYEN: 10, KNTC_DA_GIAI_QUYET: 9 });
    await save(u.xaB.id, 2023, { XA_BAN_TTND: false, XA_HUONG_UOC: 6, XA_THON_TONG: 8, KNTC_THAM_QUYEN: 0, KNTC_DA_GIAI_QUYET: 0 });
    await save(u.dn.id, 2023, { DN_HN_NLD: true, KNTC_THAM_QUYEN: 4, KNTC_DA_GIAI_QUYET: 1 });
    const s = await app.call('qcdc.stats', { year: 2023, period: 'annual' });
    expect(typeOf(s, 'xa_phuong')).toMatchObject({ unitsTotal: 2, unitsReported: 2 });
    expect(typeOf(s, 'co_quan_nha_nuoc')).toMatchObject({ unitsTotal: 1, unitsReported: 0 });
    expect(ind(s, 'xa_phuong', ids.XA_BAN_TTND!)).toMatchObject({ total: 1, of: 2 });
    // 15 of 20 thôn: the ratio of the sums (75 %), not the mean of 75 % and 75 %.
    expect(ind(s, 'xa_phuong', ids.XA_HUONG_UOC_TL!)).toMatchObject({ total: 75, numerator: 15, of: 20 });
    expect(ind(s, 'xa_phuong', ids.KNTC_TY_LE!)).toMatchObject({ total: 90 });
    expect(ind(s, 'doanh_nghiep', ids.KNTC_TY_LE!)).toMatchObject({ total: 25 });
    expect(ind(s, 'co_quan_nha_nuoc', ids.KNTC_TY_LE!)).toMatchObject({ total: null });
    expect(ind(s, 'xa_phuong', ids.XA_HUONG_UOC!)).toMatchObject({ total: 15, previousTotal: null, change: null });
    expect(s.previous).toBeNull();
    expect(s.byUnit.find((r) => r.unitId === u.xaA.id)!.values).toMatchObject({ [ids.XA_BAN_TTND!]: true, [ids.XA_HUONG_UOC_TL!]: 75 });

    await save(u.xaA.id, 2024, { XA_HUONG_UOC: 11 });
    const next = await app.call('qcdc.stats', { year: 2024, period: 'annual' });
    expect(next.previous).not.toBeNull();
    expect(ind(next, 'xa_phuong', ids.XA_HUONG_UOC!)).toMatchObject({ total: 11, previousTotal: 15, change: -4 });
    // Nothing in 2024 for the thôn total: no change is claimed.
    expect(ind(next, 'xa_phuong', ids.XA_THON_TONG!)).toMatchObject({ previousTotal: 20, change: null });
  });

  it('keeps a unit’s old figures under the loại hình it had then', async () => {
    app = await openTestApp({ now: '2024-02-01T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    // A state agency in 2022 that became an employer (equitised) in 2023.
    await app.call('qcdc.reports.save', { unitId: u.so.id, year: 2022, period: 'annual', values: [{ indicatorId: ids.CQ_HN_CBCCVC!, value: true }, { indicatorId: ids.TIEP_LUOT!, value: 30 }] });
    await app.call('units.update', { id: u.so.id, qcdcType: 'doanh_nghiep', kind: 'doanh_nghiep' });
    await app.call('qcdc.reports.save', { unitId: u.so.id, year: 2023, period: 'annual', values: [{ indicatorId: ids.DN_HN_NLD!, value: true }, { indicatorId: ids.TIEP_LUOT!, value: 12 }] });
    const s22 = await app.call('qcdc.stats', { year: 2022, period: 'annual' });
    expect(ind(s22, 'co_quan_nha_nuoc', ids.TIEP_LUOT!)).toMatchObject({ total: 30 });
    expect(ind(s22, 'doanh_nghiep', ids.TIEP_LUOT!)).toMatchObject({ total: 0, unitsWithValue: 0 });
    expect(typeOf(s22, 'co_quan_nha_nuoc').unitsReported).toBe(1);
    const s23 = await app.call('qcdc.stats', { year: 2023, period: 'annual' });
    expect(ind(s23, 'doanh_nghiep', ids.TIEP_LUOT!)).toMatchObject({ total: 12 });
    expect(typeOf(s23, 'co_quan_nha_nuoc').unitsReported).toBe(0);
    // The 2022 report still opens with the agency's indicators.
    const r22 = await app.call('qcdc.reports.get', { unitId: u.so.id, year: 2022, period: 'annual' });
    expect(r22.qcdcType).toBe('co_quan_nha_nuoc');
    expect(r22.figures.some((f) => f.indicatorId === ids.CQ_HN_CBCCVC)).toBe(true);
  });

  it('a unit merged in 2025 stays under its own name for 2024 and counts under its successor for 2026', async () => {
    app = await openTestApp({ now: '2026-12-01T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    await app.call('qcdc.reports.save', { unitId: u.xaB.id, year: 2024, period: 'annual', values: [{ indicatorId: ids.TIEP_LUOT!, value: 7 }] });
    await app.call('qcdc.reports.save', { unitId: u.xaA.id, year: 2024, period: 'annual', values: [{ indicatorId: ids.TIEP_LUOT!, value: 5 }] });
    await app.call('units.merge', { sourceIds: [u.xaB.id], targetId: u.xaA.id, closeDate: '2025-06-30' });
    // A roll-up that still lists the old phường for 2026.
    await app.call('qcdc.reports.save', { unitId: u.xaB.id, year: 2026, period: 'annual', values: [{ indicatorId: ids.TIEP_LUOT!, value: 2 }] });
    await app.call('qcdc.reports.save', { unitId: u.xaA.id, year: 2026, period: 'annual', values: [{ indicatorId: ids.TIEP_LUOT!, value: 4 }] });

    const s24 = await app.call('qcdc.stats', { year: 2024, period: 'annual' });
    expect(s24.byUnit.filter((r) => r.qcdcType === 'xa_phuong').map((r) => [r.unitName, r.values[ids.TIEP_LUOT!]])).toEqual(
      expect.arrayContaining([['Phường Sông Cầu', 7], ['Xã Nam Cường', 5]]),
    );
    expect(typeOf(s24, 'xa_phuong')).toMatchObject({ unitsTotal: 2, unitsReported: 2 });
    const s26 = await app.call('qcdc.stats', { year: 2026, period: 'annual' });
    const xaRows = s26.byUnit.filter((r) => r.qcdcType === 'xa_phuong');
    expect(xaRows).toHaveLength(1);
    expect(xaRows[0]).toMatchObject({ unitName: 'Xã Nam Cường', values: { [ids.TIEP_LUOT!]: 6 }, mergedFrom: [{ unitName: 'Phường Sông Cầu' }] });
    expect(typeOf(s26, 'xa_phuong')).toMatchObject({ unitsTotal: 1, unitsReported: 1 });
    expect(ind(s26, 'xa_phuong', ids.TIEP_LUOT!)).toMatchObject({ total: 6 });
  });
});
