import { DEFAULT_PROFILE, type Profile } from '../../shared/schemas/settings';

/**
 * The provincial committee of Bắc Kạn (docs/domain.md's example), the office profile shared by the tests and
 * the benchmark. A test that prints a different heading or signature changes only those fields
 * (`{ ...BAC_KAN_PROFILE, headName: '…' }`), so what it asserts on stays visible where it is asserted.
 */
export const BAC_KAN_PROFILE: Profile = {
  ...DEFAULT_PROFILE,
  parentBody: 'TỈNH ỦY BẮC KẠN',
  committeeName: 'BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ PHONG TRÀO "DÂN VẬN KHÉO" TỈNH',
  committeeCode: 'BCĐ',
  placeName: 'Bắc Kạn',
  standingAgency: 'Ban Dân vận Tỉnh ủy',
  termLabel: '2020 - 2025',
  termStartYear: 2020,
  termEndYear: 2025,
  signingMode: 'onBehalf',
  headName: 'Nguyễn Văn Hùng',
};
