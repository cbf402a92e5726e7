import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { CONCLUSIONS, conferenceInput, seedBacKan, TITLE, type Seeded } from './fixture';
import type { MeetingInput } from '../../../shared/schemas/meetings';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
let s: Seeded;

beforeAll(() => undefined);
afterAll(async () => {
  await pdf.close();
});
afterEach(async () => {
  await app?.close();
  app = null;
});

async function open(): Promise<TestApp> {
  app = await openTestApp({ now: '2022-12-16T05:00:00.000Z', renderPdf: (html) => pdf.render(html) });
  s = await seedBacKan(app.ctx);
  return app;
}

async function counts(a: TestApp) {
  const n = async (t: 'meetings' | 'tasks' | 'audit_log' | 'meeting_conclusions') =>
    Number((await a.ctx.db.selectFrom(t).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { meetings: await n('meetings'), tasks: await n('tasks'), audit: await n('audit_log'), conclusions: await n('meeting_conclusions') };
}

describe('meetings: create, read, tasks', () => {
  it('stores the 16/12/2022 conference whole and turns its conclusions into real tasks linked both ways', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    expect(m.status).toBe('draft');
    expect(m.title).toBe(TITLE);
    expect(m.attendees).toHaveLength(7);
    expect(m.attendees.find((x) => x.fullName === 'Ma Thị Hoa')).toMatchObject({ status: 'absent', reason: 'Đi công tác' });
    expect(m.attendees.find((x) => x.fullName === 'Nông Văn Sơn')).toMatchObject({ status: 'deputy', deputyName: 'Hà Văn Tâm' });
    expect(m.opinions.map((o) => o.speakerName)).toEqual(['Hoàng Thị Lan', 'Lý Văn Đức', 'Đinh Thị Mai']);
    expect(m.conclusions).toHaveLength(4);
    const tasks = m.conclusions.flatMap((c) => c.tasks);
    expect(tasks).toHaveLength(4);
    expect(tasks[0]).toMatchObject({ leadLabel: 'Ban Dân vận Tỉnh ủy', coordinatorLabel: 'Ủy ban Kiểm tra Tỉnh ủy', deadline: '2023-03-31' });
    expect(m.conclusions[2]!.tasks[0]!.recurring).toBe(true);
    expect(m.conclusions[2]!.tasks[1]!.leadLabel).toBe('Các đồng chí thành viên Ban Chỉ đạo');

    // The tasks are rows of the tasks table, pointing back at the meeting and their conclusion…
    const rows = await a.ctx.db.selectFrom('tasks').selectAll().where('source_type', '=', 'meeting').execute();
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      expect(r.source_id).toBe(m.id);
      const owner = m.conclusions.find((c) => c.tasks.some((t) => t.id === r.id));
      expect(r.source_ref).toBe(owner!.id);
    }
    // …and the plan-tracking channel lists them by source.
    const listed = await a.call('tasks.list', { sourceType: 'meeting', sourceId: m.id, limit: 50 });
    expect(listed.items.map((t) => t.id).sort()).toEqual(tasks.map((t) => t.id).sort());

    // Progress recorded on the tasks side shows in the meeting.
    await a.ctx.db.updateTable('tasks').set({ status: 'dang_thuc_hien', progress: 40 }).where('id', '=', tasks[0]!.id).execute();
    const again = await a.call('meetings.get', { id: m.id });
    expect(again.conclusions[0]!.tasks[0]).toMatchObject({ status: 'dang_thuc_hien', progress: 40 });
  });

  it('keeps task ids through edits, removes dropped tasks to the trash, and audits every write', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const input = conferenceInput(s);
    const edited: MeetingInput = {
      ...input,
      conclusions: m.conclusions.map((c, i) => ({
        id: c.id,
        content: i === 0 ? `${c.content} Báo cáo kết quả trước 31/12/2023.` : c.content,
        tasks: c.tasks
          .filter((t) => t.id !== m.conclusions[2]!.tasks[1]!.id)
          .map((t) => ({
            id: t.id,
            content: t.content,
            leadUnitId: t.leadUnitId,
            leadMemberId: t.leadMemberId,
            leadText: t.leadText,
            coordinatorUnitIds: t.coordinatorUnitIds,
            coordinatorText: t.coordinatorText,
            deadline: i === 1 ? '2023-07-15' : t.deadline,
            recurring: t.recurring,
          })),
      })),
    };
    const u = await a.call('meetings.update', { id: m.id, meeting: edited });
    expect(u.conclusions[0]!.content).toMatch(/31\/12\/2023/);
    expect(u.conclusions[0]!.tasks[0]!.id).toBe(m.conclusions[0]!.tasks[0]!.id);
    expect(u.conclusions[1]!.tasks[0]!.deadline).toBe('2023-07-15');
    expect(u.conclusions.flatMap((c) => c.tasks)).toHaveLength(3);
    const dropped = await a.ctx.db.selectFrom('tasks').select('deleted_at').where('id', '=', m.conclusions[2]!.tasks[1]!.id).executeTakeFirstOrThrow();
    expect(dropped.deleted_at).not.toBeNull();
    const actions = await a.ctx.db.selectFrom('audit_log').select(['entity', 'action']).where('entity', 'in', ['meeting', 'task']).orderBy('seq').execute();
    expect(actions.filter((x) => x.entity === 'meeting').map((x) => x.action)).toEqual(['create', 'update']);
    expect(actions.filter((x) => x.entity === 'task' && x.action === 'delete')).toHaveLength(1);
  });
});

describe('meetings: bad input saves nothing', () => {
  it('rejects end before start, an unknown member and an empty conclusion with Vietnamese messages', async () => {
    const a = await open();
    const before = await counts(a);
    const input = conferenceInput(s);

    const late = await a.invoke('meetings.create', { meeting: { ...input, startTime: '14:00', endTime: '08:00' } });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe('VALIDATION');
      expect(late.error.fields?.['meeting.endTime']).toBe('Giờ kết thúc phải sau giờ bắt đầu.');
    }

    const ghost = '0190aaaa-0000-7000-8000-000000000000';
    const unknown = await a.invoke('meetings.create', {
      meeting: { ...input, attendees: [...input.attendees!, { memberId: ghost, status: 'present' }] },
    });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.error.code).toBe('VALIDATION');
      expect(unknown.error.fields?.['meeting.attendees.7.memberId']).toBe('Thành viên không tồn tại (có thể đã bị xóa).');
      expect(unknown.error.message).toMatch(/Thành viên không tồn tại/);
    }

    const empty = await a.invoke('meetings.create', { meeting: { ...input, conclusions: [{ content: '   ', tasks: [] }] } });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.fields?.['meeting.conclusions.0.content']).toBe('Nội dung kết luận không được để trống.');

    const noLead = await a.invoke('meetings.create', {
      meeting: { ...input, conclusions: [{ content: 'Kết luận', tasks: [{ content: 'Việc cần làm' }] }] },
    });
    expect(noLead.ok).toBe(false);
    if (!noLead.ok) expect(noLead.error.fields?.['meeting.conclusions.0.tasks.0.leadText']).toMatch(/chủ trì/);

    expect(await counts(a)).toEqual(before);
  });

  it('keeps a member deleted later in the old minutes, but refuses a deleted member in a new meeting', async () => {
    const a = await open();
    const input = conferenceInput(s);
    const m = await a.call('meetings.create', { meeting: input });
    await a.ctx.db.updateTable('members').set({ deleted_at: '2023-01-01T00:00:00.000Z' }).where('id', '=', s.member('Ma Thị Hoa')).execute();
    const again = await a.call('meetings.update', { id: m.id, meeting: { ...input, place: 'Hội trường Tỉnh ủy' } });
    expect(again.attendees.find((x) => x.fullName === 'Ma Thị Hoa')?.status).toBe('absent');
    const fresh = await a.invoke('meetings.create', { meeting: input });
    expect(fresh.ok).toBe(false);
    if (!fresh.ok) expect(Object.values(fresh.error.fields ?? {})).toContain('Thành viên không tồn tại (có thể đã bị xóa).');
  });
});

describe('meetings: lifecycle and locking', () => {
  it('finalises with numbers from the register, keeps the exact PDF, locks, and re-opens only with a reason', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const att = await a.call('meetings.attachments.add', { meetingId: m.id, fileName: 'Báo cáo năm 2022.pdf', bytes: new TextEncoder().encode('%PDF-1.4 báo cáo') });

    const f = await a.call('meetings.finalize', { id: m.id });
    expect(f.status).toBe('finalized');
    expect(f.numberText).toBe('01-BB/BCĐ');
    expect(f.noticeNumberText).toBe('01-TB/BCĐ');
    expect(f.issuedPdf).not.toBeNull();
    const register = await a.ctx.db.selectFrom('doc_numbers').selectAll().where('entity_id', '=', m.id).orderBy('kind_code').execute();
    expect(register.map((r) => [r.kind_code, r.number_text, r.term_label])).toEqual([
      ['BB', '01-BB/BCĐ', '2020 - 2025'],
      ['TB', '01-TB/BCĐ', '2020 - 2025'],
    ]);

    // The exported PDF is the issued one, byte for byte.
    const exported = await a.call('meetings.exportMinutes', { id: m.id, format: 'pdf' });
    expect(createHash('sha256').update(exported.bytes).digest('hex')).toBe(f.issuedPdf!.sha256);

    // Locked: no update, no attachment change, no delete, no second finalisation.
    const input = conferenceInput(s);
    for (const [channel, payload] of [
      ['meetings.update', { id: m.id, meeting: input }],
      ['meetings.attachments.add', { meetingId: m.id, fileName: 'x.txt', bytes: new Uint8Array([1]) }],
      ['meetings.attachments.delete', { id: att.id }],
      ['meetings.delete', { id: m.id }],
      ['meetings.finalize', { id: m.id }],
    ] as const) {
      const r = await a.invoke(channel, payload);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.error.code, channel).toBe('LOCKED');
    }

    const short = await a.invoke('meetings.reopen', { id: m.id, reason: '' });
    expect(short.ok).toBe(false);

    const r = await a.call('meetings.reopen', { id: m.id, reason: 'Bổ sung ý kiến của đồng chí Phó Chủ tịch UBND tỉnh' });
    expect(r.status).toBe('draft');
    expect(r.numberText).toBe('01-BB/BCĐ');
    expect(r.reopenings).toEqual([{ at: expect.any(String), user: 'kiểm thử', reason: 'Bổ sung ý kiến của đồng chí Phó Chủ tịch UBND tỉnh' }]);
    const audit = await a.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'meeting').where('action', '=', 'reopen').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.note).toBe('Bổ sung ý kiến của đồng chí Phó Chủ tịch UBND tỉnh');

    const extra = { speakerName: 'Lý Văn Đức', speakerPosition: 'Phó Chủ tịch Ủy ban nhân dân tỉnh', summary: 'Bổ sung: bố trí kinh phí kiểm tra.' };
    const edited = await a.call('meetings.update', { id: m.id, meeting: { ...input, opinions: [...input.opinions!, extra], conclusions: r.conclusions.map((c) => ({ id: c.id, content: c.content, tasks: c.tasks.map((t) => ({ ...t })) })) } });
    expect(edited.opinions).toHaveLength(4);
    expect(edited.conclusions.flatMap((c) => c.tasks).map((t) => t.id)).toEqual(r.conclusions.flatMap((c) => c.tasks).map((t) => t.id));
    a.clock.set('2022-12-17T02:00:00.000Z');
    const f2 = await a.call('meetings.finalize', { id: m.id });
    expect(f2.status).toBe('finalized');
    expect(f2.numberText).toBe('01-BB/BCĐ'); // the number stays with the meeting
    expect(f2.issuedPdf!.id).not.toBe(f.issuedPdf!.id);
  });

  it('will not finalise a minute without its closing time or conclusions', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: { ...conferenceInput(s), endTime: null, conclusions: [] } });
    const r = await a.invoke('meetings.finalize', { id: m.id });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.fields).toMatchObject({ endTime: 'Chưa ghi giờ kết thúc hội nghị.', conclusions: 'Chưa có kết luận của chủ trì.' });
    }
    expect((await a.call('meetings.get', { id: m.id })).status).toBe('draft');
    expect(await a.ctx.db.selectFrom('doc_numbers').selectAll().execute()).toHaveLength(0);
  });

  it('numbers through the term, honours a manual number and refuses a duplicate', async () => {
    const a = await open();
    const first = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const second = await a.call('meetings.create', { meeting: { ...conferenceInput(s), date: '2023-06-20', title: 'Hội nghị sơ kết 6 tháng đầu năm 2023' } });
    const third = await a.call('meetings.create', { meeting: { ...conferenceInput(s), date: '2023-07-01', title: 'Họp Ban Chỉ đạo tháng 7', manualNumber: 15 } });
    const dup = await a.call('meetings.create', { meeting: { ...conferenceInput(s), date: '2023-07-05', title: 'Họp trùng số', manualNumber: 15 } });
    expect((await a.call('meetings.finalize', { id: first.id })).numberText).toBe('01-BB/BCĐ');
    // Numbering runs through the term, not per year: 2023 continues at 02.
    expect((await a.call('meetings.finalize', { id: second.id })).numberText).toBe('02-BB/BCĐ');
    expect((await a.call('meetings.finalize', { id: third.id })).numberText).toBe('15-BB/BCĐ');
    const r = await a.invoke('meetings.finalize', { id: dup.id });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('CONFLICT');
    expect((await a.call('meetings.get', { id: dup.id })).status).toBe('draft');
  });
});

describe('meetings: lists', () => {
  it('filters by year, kind and status, searches without diacritics across titles, opinions and conclusions, lists upcoming ones', async () => {
    const a = await open();
    const lookups = await a.call('meetings.lookups', {});
    const kind = lookups.kinds.find((k) => k.name === 'Họp Ban Chỉ đạo')!;
    const conf = await a.call('meetings.create', { meeting: conferenceInput(s) });
    await a.call('meetings.create', {
      meeting: { ...conferenceInput(s), kindId: kind.id, kindName: '', date: '2023-01-10', title: 'Họp Ban Chỉ đạo tháng 01/2023', opinions: [], conclusions: [] },
    });
    await a.call('meetings.finalize', { id: conf.id });

    const all = await a.call('meetings.list', {});
    expect(all.total).toBe(2);
    expect(all.items[0]!.title).toBe('Họp Ban Chỉ đạo tháng 01/2023'); // newest first
    expect(all.items[0]!.kindName).toBe('Họp Ban Chỉ đạo');
    expect(all.items[1]).toMatchObject({ presentCount: 5, memberCount: 7, conclusionCount: 4, taskCount: 4, numberText: '01-BB/BCĐ' });
    expect(all.years).toEqual([2023, 2022]);
    expect((await a.call('meetings.list', { year: 2022 })).items.map((m) => m.id)).toEqual([conf.id]);
    expect((await a.call('meetings.list', { kindId: kind.id })).total).toBe(1);
    expect((await a.call('meetings.list', { status: 'finalized' })).items.map((m) => m.id)).toEqual([conf.id]);
    // Opinion text, conclusion text and title, typed without marks; đ folds to d.
    expect((await a.call('meetings.list', { query: 'nhan rong mo hinh dien hinh' })).items.map((m) => m.id)).toEqual([conf.id]);
    expect((await a.call('meetings.list', { query: 'KHIEU NAI to cao' })).items.map((m) => m.id)).toEqual([conf.id]);
    expect((await a.call('meetings.list', { query: 'dan van kheo' })).total).toBe(2);
    expect((await a.call('meetings.list', { query: 'khong co dau' })).total).toBe(0);

    // Upcoming: drafts from "today" (16/12/2022 in the test clock) on, soonest first; the finalised conference is history.
    await a.call('meetings.create', { meeting: { ...conferenceInput(s), date: '2022-12-20', title: 'Họp Tổ giúp việc', opinions: [], conclusions: [] } });
    const upcoming = await a.call('meetings.list', { upcoming: true });
    expect(upcoming.items.map((m) => m.date)).toEqual(['2022-12-20', '2023-01-10']);
    a.clock.set('2022-12-21T02:00:00.000Z');
    expect((await a.call('meetings.list', { upcoming: true })).items.map((m) => m.date)).toEqual(['2023-01-10']);
  });

  it('starts a new meeting from a previous one (attendees and agenda copied, nothing else), and soft-deletes with restore', async () => {
    const a = await open();
    const conf = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const prefill = await a.call('meetings.prefillFrom', { id: conf.id });
    expect(prefill.attendees).toHaveLength(7);
    expect(prefill.attendees!.every((x) => x.status === 'present')).toBe(true);
    expect(prefill.agenda).toEqual(conferenceInput(s).agenda);
    expect(prefill.conclusions).toEqual([]);
    expect(prefill.opinions).toEqual([]);
    expect(prefill.date).toBe('2022-12-16');

    await a.call('meetings.delete', { id: conf.id });
    expect((await a.call('meetings.list', {})).total).toBe(0);
    expect(await a.ctx.db.selectFrom('tasks').select('id').where('deleted_at', 'is', null).execute()).toHaveLength(0);
    const back = await a.call('meetings.restore', { id: conf.id });
    expect(back.conclusions.flatMap((c) => c.tasks)).toHaveLength(CONCLUSIONS.reduce((n, c) => n + c.tasks.length, 0));
  });
});

describe('meetings: attachments through the channels', () => {
  it('stores, lists, reads back, opens and deletes files of a draft meeting', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const bytes = new TextEncoder().encode('Báo cáo kết quả năm 2022');
    const att = await a.call('meetings.attachments.add', { meetingId: m.id, fileName: 'Báo cáo năm 2022.docx', bytes });
    expect(att.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await a.call('meetings.attachments.list', { meetingId: m.id })).map((x) => x.fileName)).toEqual(['Báo cáo năm 2022.docx']);
    expect((await a.call('meetings.get', { id: m.id })).attachments).toHaveLength(1);
    const file = await a.call('meetings.attachments.get', { id: att.id });
    expect(new TextDecoder().decode(file.bytes)).toBe('Báo cáo kết quả năm 2022');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await a.call('meetings.attachments.open', { id: att.id })).toEqual({ opened: false });
    await a.call('meetings.attachments.delete', { id: att.id });
    expect(await a.call('meetings.attachments.list', { meetingId: m.id })).toEqual([]);
    const gone = await a.invoke('meetings.attachments.get', { id: att.id });
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
  });
});
