/** Realistic documents for the export tests (the 16/12/2022 conference of docs/domain.md). */
import {
  committeeSignature,
  documentNumber,
  headerFromProfile,
  minutesSignatures,
  type Block,
  type PartyDocument,
} from '../../../electron/core/export/document';
import { DEFAULT_MARGINS, DEFAULT_PROFILE, type Profile } from '../../../shared/schemas/settings';

export const PROFILE: Profile = {
  ...DEFAULT_PROFILE,
  parentBody: 'Huyện ủy Chợ Mới',
  committeeName: 'Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào "Dân vận khéo"',
  committeeCode: 'BCĐ',
  placeName: 'Bắc Kạn',
  standingAgency: 'Ban Dân vận Huyện ủy',
  termLabel: '2020 - 2025',
  termStartYear: 2020,
  termEndYear: 2025,
  signingMode: 'onBehalf',
  headName: 'Nguyễn Văn Hùng',
  margins: DEFAULT_MARGINS,
};

const OPINIONS = [
  ['Đồng chí Hoàng Thị Lệ', 'Phó Trưởng ban Dân vận Huyện ủy', 'việc thực hiện Quy chế dân chủ ở các xã còn chưa đồng đều; đề nghị tăng cường kiểm tra, giám sát ở cơ sở và nhân rộng các mô hình "Dân vận khéo" tiêu biểu.'],
  ['Đồng chí Đặng Văn Ước', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam huyện', 'cần phát huy vai trò giám sát của nhân dân, lắng nghe ý kiến người dân trong xây dựng nông thôn mới; đề nghị biểu dương kịp thời các điển hình.'],
  ['Đồng chí Lương Thị Ơn', 'Bí thư Đảng ủy xã Yên Đĩnh', 'xã đã đăng ký 05 mô hình, trong đó 02 mô hình tập thể về cải cách hành chính; kiến nghị hỗ trợ kinh phí tổng kết.'],
];

export function longMinutesBody(extraParagraphs = 12): Block[] {
  const blocks: Block[] = [
    { type: 'paragraph', text: [{ text: 'Thời gian: ', bold: true }, 'Vào hồi 8 giờ 00 phút, ngày 16 tháng 12 năm 2022.'] },
    { type: 'paragraph', text: [{ text: 'Địa điểm: ', bold: true }, 'Hội trường Huyện ủy Chợ Mới.'] },
    { type: 'paragraph', text: [{ text: 'Thành phần: ', bold: true }, 'Các đồng chí thành viên Ban Chỉ đạo; đại diện lãnh đạo các xã, thị trấn.'] },
    { type: 'heading', text: 'I. NỘI DUNG HỘI NGHỊ' },
  ];
  for (let i = 0; i < extraParagraphs; i += 1) {
    blocks.push({
      type: 'paragraph',
      text: `${i + 1}. Năm 2022, Ban Chỉ đạo đã tập trung lãnh đạo, chỉ đạo thực hiện Quy chế dân chủ ở cơ sở gắn với phong trào thi đua "Dân vận khéo"; các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể đã cụ thể hóa bằng kế hoạch, phân công trách nhiệm rõ ràng. Việc công khai, minh bạch các chủ trương, chính sách được đẩy mạnh, nhân dân được bàn bạc, quyết định và giám sát những việc liên quan trực tiếp đến đời sống.`,
    });
  }
  blocks.push({ type: 'heading', text: 'II. Ý KIẾN THẢO LUẬN' });
  blocks.push({
    type: 'list',
    style: 'dash',
    items: OPINIONS.map(([who, pos, said]) => [{ text: `${who}, ${pos}: `, bold: true }, said!] as const),
  });
  blocks.push({ type: 'heading', text: 'III. KẾT LUẬN CỦA ĐỒNG CHÍ TRƯỞNG BAN' });
  blocks.push({
    type: 'list',
    style: 'decimal',
    items: [
      'Các xã, thị trấn rà soát, đăng ký mô hình "Dân vận khéo" năm 2023, gửi về Ban Dân vận trước ngày 15/01/2023.',
      'Ban Dân vận Huyện ủy chủ trì, phối hợp Ủy ban MTTQ huyện kiểm tra việc thực hiện Quy chế dân chủ ở 03 xã.',
      'Văn phòng Huyện ủy bố trí kinh phí tổng kết, khen thưởng các điển hình tiêu biểu.',
      'Các thành viên Ban Chỉ đạo theo dõi địa bàn được phân công, báo cáo kết quả hằng quý.',
    ],
  });
  blocks.push({
    type: 'table',
    columns: [
      { header: 'TT', width: 1, align: 'center' },
      { header: 'Nội dung nhiệm vụ', width: 6 },
      { header: 'Đơn vị chủ trì', width: 3 },
      { header: 'Thời hạn', width: 2, align: 'center' },
    ],
    rows: [
      [1, 'Đăng ký mô hình "Dân vận khéo" năm 2023', 'Các xã, thị trấn', '15/01/2023'],
      [2, 'Kiểm tra thực hiện Quy chế dân chủ', 'Ban Dân vận Huyện ủy', '30/6/2023'],
    ],
  });
  blocks.push({
    type: 'paragraph',
    text: 'Hội nghị kết thúc vào hồi 11 giờ 30 phút cùng ngày. Biên bản đã được thông qua trước hội nghị, các thành viên dự họp nhất trí với nội dung biên bản./.',
  });
  return blocks;
}

export function sampleMinutes(extraParagraphs = 12): PartyDocument {
  return {
    title: 'Biên bản hội nghị 16/12/2022',
    margins: PROFILE.margins,
    header: headerFromProfile(PROFILE, { number: documentNumber(5, 'BB', PROFILE.committeeCode), date: '2022-12-16' }),
    kind: 'Biên bản',
    summary: 'Hội nghị Ban Chỉ đạo tổng kết công tác năm 2022,\ntriển khai nhiệm vụ năm 2023',
    body: longMinutesBody(extraParagraphs),
    signatures: minutesSignatures('Triệu Thị Mận', 'Nguyễn Văn Hùng'),
  };
}

export function sampleNotice(): PartyDocument {
  return {
    title: 'Thông báo kết luận',
    margins: PROFILE.margins,
    header: headerFromProfile(PROFILE, { number: documentNumber(12, 'TB', PROFILE.committeeCode), date: '2023-02-05' }),
    kind: 'Thông báo',
    summary: 'kết luận của đồng chí Trưởng Ban Chỉ đạo tại hội nghị ngày 16/12/2022',
    body: longMinutesBody(2),
    signatures: { right: committeeSignature('onBehalf', PROFILE.headName) },
    recipients: ['Thường trực Huyện ủy (b/c)', 'Các thành viên Ban Chỉ đạo', 'Đảng ủy các xã, thị trấn', 'Lưu VP'],
  };
}

/** Every text field carries markup that must come out as text. */
export const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>&"\'';
