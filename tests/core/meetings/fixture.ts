/**
 * The acceptance example of docs/domain.md: the provincial BCĐ's conference of 16/12/2022 reviewing
 * 2022 and deploying 2023. Names are illustrative; figures and conclusions follow docs/domain.md.
 * Shared by the core tests and the end-to-end test (which types the same data through the UI).
 */
import type { AppContext } from '../../../electron/core/context';
import { insertMember } from '../../../electron/core/members/service';
import { insertUnit } from '../../../electron/core/units/service';
import { updateProfile } from '../../../electron/core/settings/service';
import { BAC_KAN_PROFILE } from '../../support/profiles';
import type { MeetingInput } from '../../../shared/schemas/meetings';
import type { MemberRole } from '../../../shared/schemas/members';

export { BAC_KAN_PROFILE };

export const MEMBERS: { fullName: string; role: MemberRole; position: string }[] = [
  { fullName: 'Nguyễn Văn Hùng', role: 'truong_ban', position: 'Phó Bí thư Thường trực Tỉnh ủy, Trưởng Ban Chỉ đạo' },
  { fullName: 'Hoàng Thị Lan', role: 'pho_truong_ban_tt', position: 'Trưởng Ban Dân vận Tỉnh ủy, Phó Trưởng ban Thường trực' },
  { fullName: 'Lý Văn Đức', role: 'pho_truong_ban', position: 'Phó Chủ tịch Ủy ban nhân dân tỉnh, Phó Trưởng ban' },
  { fullName: 'Đinh Thị Mai', role: 'uy_vien', position: 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh' },
  { fullName: 'Triệu Văn Bình', role: 'uy_vien', position: 'Giám đốc Sở Nội vụ' },
  { fullName: 'Ma Thị Hoa', role: 'uy_vien', position: 'Chủ tịch Hội Liên hiệp Phụ nữ tỉnh' },
  { fullName: 'Nông Văn Sơn', role: 'uy_vien', position: 'Chủ tịch Liên đoàn Lao động tỉnh' },
  { fullName: 'Hà Thị Thu', role: 'to_giup_viec', position: 'Chuyên viên Ban Dân vận Tỉnh ủy' },
];

export const UNITS = ['Ban Dân vận Tỉnh ủy', 'Ủy ban nhân dân tỉnh', 'Ủy ban Kiểm tra Tỉnh ủy', 'Thanh tra tỉnh'];

export interface Seeded {
  member: (name: string) => string;
  unit: (name: string) => string;
}

/** Profile, members and units through the organisation services, in one transaction. */
export async function seedBacKan(ctx: AppContext): Promise<Seeded> {
  await updateProfile(ctx, BAC_KAN_PROFILE);
  const members = new Map<string, string>();
  const units = new Map<string, string>();
  await ctx.db.transaction().execute(async (trx) => {
    for (const m of MEMBERS) members.set(m.fullName, (await insertMember(trx, ctx, m)).id);
    for (const name of UNITS) units.set(name, (await insertUnit(trx, ctx, { name, kind: 'co_quan' })).id);
  });
  const pick = (map: Map<string, string>, what: string) => (name: string) => {
    const id = map.get(name);
    if (!id) throw new Error(`${what} ${name} not seeded`);
    return id;
  };
  return { member: pick(members, 'member'), unit: pick(units, 'unit') };
}

export const OPINIONS = [
  {
    speaker: 'Hoàng Thị Lan',
    summary:
      'Báo cáo kết quả năm 2022: toàn tỉnh có 2.360 mô hình "Dân vận khéo" đăng ký; 10/11 đảng bộ trực thuộc đã họp xét; ' +
      'công nhận 1.106 mô hình, trong đó 286 mô hình điển hình, 53 mô hình được biểu dương, khen thưởng.',
  },
  {
    speaker: 'Lý Văn Đức',
    summary: 'Góp ý dự thảo Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023: cần phân loại kiểm tra theo loại hình đơn vị.',
  },
  {
    speaker: 'Đinh Thị Mai',
    summary: 'Góp ý dự thảo Kế hoạch thực hiện phong trào thi đua "Dân vận khéo" năm 2023: đề nghị nhân rộng mô hình điển hình.',
  },
];

export const CONCLUSIONS = [
  {
    content: 'Thực hiện nghiêm các quy định về công khai; tăng cường kiểm tra, giám sát việc thực hiện Quy chế dân chủ ở cơ sở theo từng loại hình.',
    tasks: [
      {
        content: 'Xây dựng kế hoạch kiểm tra, giám sát thực hiện Quy chế dân chủ ở cơ sở theo loại hình năm 2023',
        lead: 'Ban Dân vận Tỉnh ủy',
        coordinators: ['Ủy ban Kiểm tra Tỉnh ủy'],
        deadline: '2023-03-31',
      },
    ],
  },
  {
    content: 'Thực hiện tốt quy chế tiếp xúc, đối thoại với Nhân dân; giải quyết kịp thời khiếu nại, tố cáo ngay từ cơ sở.',
    tasks: [
      {
        content: 'Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân',
        lead: 'Ủy ban nhân dân tỉnh',
        coordinators: ['Thanh tra tỉnh'],
        deadline: '2023-06-30',
      },
    ],
  },
  {
    content:
      'Cơ quan thường trực theo dõi, đôn đốc và đề xuất kiểm tra chuyên đề chuyên sâu; mỗi đồng chí thành viên kiểm tra các đơn vị được phân công phụ trách.',
    tasks: [
      { content: 'Theo dõi, đôn đốc thực hiện kết luận; đề xuất kiểm tra chuyên đề', lead: 'Ban Dân vận Tỉnh ủy', coordinators: [], deadline: null },
      { content: 'Kiểm tra các đơn vị được phân công phụ trách', lead: null, coordinators: [], deadline: '2023-11-30' },
    ],
  },
  {
    content: 'Đối với phong trào "Dân vận khéo": tăng cường tập huấn, hướng dẫn; nhân rộng các mô hình điển hình.',
    tasks: [],
  },
];

export const TITLE = 'Hội nghị đánh giá hoạt động năm 2022; triển khai phương hướng, nhiệm vụ năm 2023';

/** The whole conference as a `meetings.create` input. */
export function conferenceInput(s: Seeded): MeetingInput {
  const position = (name: string) => MEMBERS.find((m) => m.fullName === name)!.position;
  return {
    kindName: 'Hội nghị tổng kết',
    title: TITLE,
    date: '2022-12-16',
    startTime: '08:00',
    endTime: '11:30',
    place: 'Hội trường Tỉnh ủy Bắc Kạn',
    chair: { memberId: s.member('Nguyễn Văn Hùng'), name: 'Nguyễn Văn Hùng', position: position('Nguyễn Văn Hùng') },
    secretary: { memberId: s.member('Hà Thị Thu'), name: 'Hà Thị Thu', position: position('Hà Thị Thu') },
    purpose: 'Đánh giá hoạt động của Ban Chỉ đạo năm 2022; thảo luận, góp ý hai dự thảo kế hoạch năm 2023.',
    agenda: [
      'Báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở và phong trào "Dân vận khéo" năm 2022',
      'Thảo luận dự thảo Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023',
      'Thảo luận dự thảo Kế hoạch thực hiện phong trào "Dân vận khéo" năm 2023',
    ],
    documents: ['Dự thảo Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023', 'Dự thảo Kế hoạch thực hiện phong trào "Dân vận khéo" năm 2023'],
    attendees: MEMBERS.filter((m) => m.role !== 'to_giup_viec').map((m) => {
      const memberId = s.member(m.fullName);
      if (m.fullName === 'Ma Thị Hoa') return { memberId, status: 'absent' as const, reason: 'Đi công tác' };
      if (m.fullName === 'Nông Văn Sơn') {
        return { memberId, status: 'deputy' as const, deputyName: 'Hà Văn Tâm', deputyPosition: 'Phó Chủ tịch Liên đoàn Lao động tỉnh' };
      }
      if (m.fullName === 'Triệu Văn Bình') return { memberId, status: 'late' as const, reason: 'Dự họp tại Ủy ban nhân dân tỉnh' };
      return { memberId, status: 'present' as const };
    }),
    delegates: [{ name: 'Lường Văn Khánh', position: 'Phó Trưởng Ban Dân vận Trung ương' }],
    press: ['Báo Bắc Kạn', 'Đài Phát thanh và Truyền hình tỉnh'],
    opinions: OPINIONS.map((o) => ({
      speakerMemberId: s.member(o.speaker),
      speakerName: o.speaker,
      speakerPosition: position(o.speaker),
      summary: o.summary,
    })),
    conclusions: CONCLUSIONS.map((c) => ({
      content: c.content,
      tasks: c.tasks.map((t) => ({
        content: t.content,
        leadUnitId: t.lead ? s.unit(t.lead) : null,
        leadText: t.lead ? '' : 'Các đồng chí thành viên Ban Chỉ đạo',
        coordinatorUnitIds: t.coordinators.map(s.unit),
        deadline: t.deadline,
        recurring: t.deadline === null,
      })),
    })),
  };
}
