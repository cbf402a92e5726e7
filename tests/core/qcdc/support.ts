import type { TestApp } from '../../support/context';
import type { QcdcType } from '../../../shared/schemas/units';

/** Units of the four loại hình of a small province (creates them through the channels). */
export async function seedQcdcUnits(app: TestApp) {
  const mk = (name: string, kind: 'xa_phuong' | 'co_quan' | 'doanh_nghiep' | 'luc_luong_vu_trang', qcdcType: QcdcType) =>
    app.call('units.create', { name, kind, qcdcType });
  return {
    xaA: await mk('Xã Nam Cường', 'xa_phuong', 'xa_phuong'),
    xaB: await mk('Phường Sông Cầu', 'xa_phuong', 'xa_phuong'),
    so: await mk('Sở Tư pháp', 'co_quan', 'co_quan_nha_nuoc'),
    dn: await mk('Công ty Cổ phần Xi măng Bắc Kạn', 'doanh_nghiep', 'doanh_nghiep'),
    ca: await mk('Công an tỉnh', 'luc_luong_vu_trang', 'luc_luong_vu_trang'),
  };
}

/** Indicator id by seeded code. */
export async function indicatorIds(app: TestApp): Promise<Record<string, string>> {
  const list = await app.call('qcdc.indicators.list', { includeInactive: true });
  return Object.fromEntries(list.filter((i) => i.code).map((i) => [i.code!, i.id]));
}
