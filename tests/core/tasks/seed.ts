import type { TestApp } from '../../support/context';

/** A few real units and members through the organisation channels. */
export async function seedOrganisation(app: TestApp) {
  const call = app.call.bind(app);
  const choMoi = await call('units.create', { name: 'Huyện ủy Chợ Mới', kind: 'dang_bo', qcdcType: 'xa_phuong' });
  const baBe = await call('units.create', { name: 'Huyện ủy Ba Bể', kind: 'dang_bo', qcdcType: 'xa_phuong' });
  const doanhNghiep = await call('units.create', { name: 'Đảng bộ Khối Doanh nghiệp', kind: 'dang_bo', qcdcType: 'doanh_nghiep' });
  const mttq = await call('units.create', { name: 'Ủy ban MTTQ tỉnh', kind: 'co_quan', qcdcType: 'co_quan_nha_nuoc' });
  const head = await call('members.create', { fullName: 'Phương Thị Thanh', role: 'truong_ban', position: 'Phó Bí thư Thường trực Tỉnh ủy' });
  const officer = await call('members.create', { fullName: 'Đinh Văn Hùng', role: 'to_giup_viec', position: 'Chuyên viên Ban Dân vận' });
  return { choMoi, baBe, doanhNghiep, mttq, head, officer };
}
