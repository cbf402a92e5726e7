import { describe, expect, it } from 'vitest';
import type { MeetingLookups } from '../../../../shared/schemas/meetings';
import { meetingInputSchema } from '../../../../shared/schemas/meetings';
import { emptyConclusion, emptyTask, FormConversionError, newMeetingValues, toMeetingInput } from './formModel';

const ids = {
  head: '0190aaaa-0000-7000-8000-000000000001',
  staff: '0190aaaa-0000-7000-8000-000000000002',
  unit: '0190aaaa-0000-7000-8000-000000000003',
  kind: '0190aaaa-0000-7000-8000-000000000004',
};
const lookups: MeetingLookups = {
  members: [
    { id: ids.head, fullName: 'Nguyễn Văn Hùng', role: 'truong_ban', position: 'Trưởng ban', agency: '' },
    { id: ids.staff, fullName: 'Hà Thị Thu', role: 'to_giup_viec', position: 'Chuyên viên', agency: '' },
  ],
  units: [{ id: ids.unit, name: 'Ban Dân vận Tỉnh ủy' }],
  kinds: [{ id: ids.kind, name: 'Hội nghị tổng kết' }],
};

describe('meeting form model', () => {
  it('starts with the Head as chair and every committee member (not support staff) present', () => {
    const v = newMeetingValues(lookups, '2022-12-16');
    expect(v.date).toBe('16/12/2022');
    expect(v.chair).toEqual({ memberId: ids.head, name: 'Nguyễn Văn Hùng', position: 'Trưởng ban' });
    expect(v.attendees.map((a) => [a.fullName, a.status])).toEqual([['Nguyễn Văn Hùng', 'present']]);
  });

  it('turns typed values into a contract input the schema accepts: dates, lines, names → ids', () => {
    const v = newMeetingValues(lookups, '2022-12-16');
    v.kindId = ids.kind;
    v.title = 'Hội nghị tổng kết năm 2022';
    v.secretary = { memberId: null, name: 'Hà Thị Thu', position: 'Chuyên viên' };
    v.agenda = 'Báo cáo năm 2022\n\n  Thảo luận kế hoạch 2023 ';
    v.delegates = 'Lường Văn Khánh, Phó Trưởng Ban Dân vận Trung ương\nNguyễn A';
    const c = emptyConclusion();
    c.content = 'Tăng cường kiểm tra';
    c.tasks = [
      { ...emptyTask(), content: 'Xây dựng kế hoạch', lead: 'ban dân vận tỉnh ủy', deadline: '31/3/2023' },
      { ...emptyTask(), content: 'Kiểm tra địa bàn', lead: 'Các thành viên', recurring: true, deadline: '01/01/2023' },
    ];
    v.conclusions = [c];
    const input = toMeetingInput(v, lookups);
    expect(input.kindName).toBe('Hội nghị tổng kết');
    expect(input.date).toBe('2022-12-16');
    expect(input.secretary.memberId).toBe(ids.staff);
    expect(input.agenda).toEqual(['Báo cáo năm 2022', 'Thảo luận kế hoạch 2023']);
    expect(input.delegates).toEqual([
      { name: 'Lường Văn Khánh', position: 'Phó Trưởng Ban Dân vận Trung ương' },
      { name: 'Nguyễn A', position: '' },
    ]);
    expect(input.conclusions![0]!.tasks![0]).toMatchObject({ leadUnitId: ids.unit, leadText: '', deadline: '2023-03-31' });
    expect(input.conclusions![0]!.tasks![1]).toMatchObject({ leadUnitId: null, leadText: 'Các thành viên', deadline: null, recurring: true });
    expect(meetingInputSchema.safeParse(input).success).toBe(true);
  });

  it('reports a date that does not exist on its field', () => {
    const v = newMeetingValues(lookups, '2022-12-16');
    v.title = 'Họp';
    v.date = '31/02/2023';
    expect(() => toMeetingInput(v, lookups)).toThrow(FormConversionError);
    try {
      toMeetingInput(v, lookups);
    } catch (err) {
      expect((err as FormConversionError).fields).toEqual({ date: 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.' });
    }
  });
});
