import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { indicatorIds, seedQcdcUnits } from './support';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('QCDC indicator catalogue by loại hình', () => {
  it('is seeded per loại hình, with the common indicators after each loại hình’s own', async () => {
    app = await openTestApp();
    const xa = await app.call('qcdc.indicators.list', { qcdcType: 'xa_phuong' });
    const codes = xa.map((i) => i.code);
    expect(codes.slice(0, 3)).toEqual(['XA_CONG_KHAI', 'XA_BAN_QUYET', 'XA_THAM_GIA_Y_KIEN']);
    expect(codes).toContain('KNTC_TIEP_NHAN');
    expect(codes).not.toContain('DN_HN_NLD');
    expect(codes.indexOf('KNTC_TIEP_NHAN')).toBeGreaterThan(codes.indexOf('XA_DOI_THOAI_CT'));
    const dn = await app.call('qcdc.indicators.list', { qcdcType: 'doanh_nghiep' });
    expect(dn.find((i) => i.code === 'DN_DOI_THOAI_DK')).toMatchObject({ kind: 'count', legalBasis: 'Bộ luật Lao động 2019, Điều 63' });
    const ratio = xa.find((i) => i.code === 'XA_HUONG_UOC_TL')!;
    expect(ratio).toMatchObject({ kind: 'ratio', readOnly: true });
    expect(ratio.numeratorId).toBe(xa.find((i) => i.code === 'XA_HUONG_UOC')!.id);
    expect(xa.find((i) => i.code === 'DOI_THOAI')).toMatchObject({ source: 'dialogues.count', readOnly: true });
  });

  it('renaming an indicator keeps earlier periods’ figures under its id, and the history shows both names', async () => {
    app = await openTestApp({ now: '2024-03-01T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    await app.call('qcdc.reports.save', { unitId: u.xaA.id, year: 2022, period: 'annual', values: [{ indicatorId: ids.XA_CONG_KHAI!, value: 14 }] });
    const renamed = await app.call('qcdc.indicators.update', { id: ids.XA_CONG_KHAI!, name: 'Số nội dung công khai theo Điều 11' });
    expect(renamed.history.map((h) => h.name)).toEqual(['Số nội dung chính quyền cấp xã đã công khai', 'Số nội dung công khai theo Điều 11']);
    const r2022 = await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'annual' });
    expect(r2022.figures.find((f) => f.indicatorId === ids.XA_CONG_KHAI)).toMatchObject({ name: 'Số nội dung công khai theo Điều 11', value: 14 });
    const stats = await app.call('qcdc.stats', { year: 2022, period: 'annual' });
    const xa = stats.byType.find((t) => t.qcdcType === 'xa_phuong')!;
    expect(xa.indicators.find((i) => i.id === ids.XA_CONG_KHAI)).toMatchObject({ total: 14, name: 'Số nội dung công khai theo Điều 11' });
  });

  it('adds, reorders and deactivates; a deactivated indicator leaves new reports but its old figures stay', async () => {
    app = await openTestApp({ now: '2024-03-01T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const created = await app.call('qcdc.indicators.create', { qcdcType: 'doanh_nghiep', name: 'Số cuộc đối thoại đột xuất', kind: 'count', unitLabel: 'cuộc' });
    expect(created.position).toBe(6);
    const moved = await app.call('qcdc.indicators.update', { id: created.id, position: 0 });
    expect(moved.position).toBe(0);
    const dn = await app.call('qcdc.indicators.list', { qcdcType: 'doanh_nghiep' });
    expect(dn[0]!.id).toBe(created.id);
    expect(dn.slice(0, 7).map((i) => i.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    await app.call('qcdc.reports.save', { unitId: u.dn.id, year: 2023, period: 'annual', values: [{ indicatorId: created.id, value: 2 }] });
    await app.call('qcdc.indicators.update', { id: created.id, active: false });
    expect((await app.call('qcdc.indicators.list', { qcdcType: 'doanh_nghiep' })).some((i) => i.id === created.id)).toBe(false);
    const old = await app.call('qcdc.reports.get', { unitId: u.dn.id, year: 2023, period: 'annual' });
    expect(old.figures.find((f) => f.indicatorId === created.id)?.value).toBe(2);
    const fresh = await app.call('qcdc.reports.get', { unitId: u.dn.id, year: 2024, period: 'annual' });
    expect(fresh.figures.some((f) => f.indicatorId === created.id)).toBe(false);
    const all = await app.call('qcdc.indicators.list', { qcdcType: 'doanh_nghiep', includeInactive: true });
    expect(all.find((i) => i.id === created.id)!.history.map((h) => [h.position, h.active])).toEqual([[6, true], [0, true], [0, false]]);
  });

  it('refuses a ratio of a non-count and deactivating a count a ratio uses, writing nothing', async () => {
    app = await openTestApp();
    const ids = await indicatorIds(app);
    const bad = await app.invoke('qcdc.indicators.create', { qcdcType: 'xa_phuong', name: 'Tỷ lệ lạ', kind: 'ratio', numeratorId: ids.XA_BAN_TTND, denominatorId: ids.XA_THON_TONG });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { numeratorId: 'Cần một chỉ tiêu số lượng.' } } });
    const inUse = await app.invoke('qcdc.indicators.update', { id: ids.KNTC_THAM_QUYEN, active: false });
    expect(inUse).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await app.call('qcdc.indicators.list', { includeInactive: true })).find((i) => i.id === ids.KNTC_THAM_QUYEN)!.active).toBe(true);
    expect((await app.call('qcdc.indicators.list', {})).some((i) => i.name === 'Tỷ lệ lạ')).toBe(false);
  });
});
