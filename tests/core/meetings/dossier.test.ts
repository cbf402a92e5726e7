/**
 * The meeting's dossier (issue #17) on the 16/12/2022 conference: the giấy mời numbered from the
 * register and frozen, the chương trình, a trích thông báo kết luận per lead unit with only its
 * tasks, and at the next meeting of the same kind the "kiểm điểm việc thực hiện kết luận" item.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { conferenceInput, seedBacKan, type Seeded } from './fixture';
import { pdfPages, pdfToPngs, unzipEntry, wordParagraphs } from '../export/support';
import { dossierFile, dossierSummary, extractLeads, reviewRows } from '../../../electron/core/meetings/dossier';
import { getProfile, updateProfile } from '../../../electron/core/settings/service';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
let s: Seeded;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(async () => {
  await pdf.close();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const docxText = (b: Uint8Array) => wordParagraphs(unzipEntry(b, 'word/document.xml')).join('\n');

// The invitation is signed on 05/12/2022, eleven days before the conference.
async function open(now = '2022-12-05T02:00:00.000Z'): Promise<TestApp> {
  const a = await openTestApp({ now, renderPdf: (html, o) => pdf.render(html, o) });
  app = a;
  s = await seedBacKan(a.ctx);
  return a;
}

describe('before the meeting', () => {
  it('issues the giấy mời with the next GM number, time, place and agenda, to the members and invited units, and freezes it', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const invitedUnits = ['Ủy ban Kiểm tra Tỉnh ủy', 'Thanh tra tỉnh'];

    const draft = await dossierFile(a.ctx, { id: m.id, document: 'invitation', invitedUnits, format: 'pdf' });
    expect(draft.fileName).toBe('Giấy mời (dự thảo) ngày 16-12-2022.pdf');
    expect(pdfPages(draft.bytes).join('\n')).toContain('DỰ THẢO');
    expect(await a.ctx.db.selectFrom('doc_numbers').selectAll().execute()).toHaveLength(0);

    const issued = await dossierFile(a.ctx, { id: m.id, document: 'invitation', invitedUnits, issue: true, format: 'docx' });
    expect(issued.fileName).toBe('Giấy mời số 01-GM-BCĐ ngày 05-12-2022.docx');
    const text = docxText(issued.bytes);
    expect(text).toContain('Số 01-GM/BCĐ');
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('Các đồng chí thành viên Ban Chỉ đạo;');
    expect(text).toContain('Đại diện lãnh đạo Thanh tra tỉnh;');
    expect(text).toContain('8 giờ 00, thứ Sáu, ngày 16/12/2022.');
    expect(text).toContain('Hội trường Tỉnh ủy Bắc Kạn.');
    expect(text).toContain('Thảo luận dự thảo Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023.');
    expect(text).not.toContain('DỰ THẢO');

    // Settings change; the invitation stays as issued, and the register has one GM number.
    const profile = await getProfile(a.ctx);
    await updateProfile(a.ctx, { ...profile, placeName: 'Chợ Mới' });
    const again = await dossierFile(a.ctx, { id: m.id, document: 'invitation', invitedUnits: [], format: 'docx' });
    expect(sha(again.bytes)).toBe(sha(issued.bytes));
    const numbers = await a.ctx.db.selectFrom('doc_numbers').select(['number_text', 'entity_id']).execute();
    expect(numbers).toEqual([{ number_text: '01-GM/BCĐ', entity_id: m.id }]);
    expect((await dossierSummary(a.ctx, m.id)).invitation).toMatchObject({ numberText: '01-GM/BCĐ', version: 1 });

    const pdfInvitation = await dossierFile(a.ctx, { id: m.id, document: 'invitation', format: 'pdf' });
    pdfToPngs(pdfInvitation.bytes, 'giay-moi');
  });

  it('prints the chương trình with the agenda between the opening and the conclusion', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const file = await dossierFile(a.ctx, { id: m.id, document: 'agenda', format: 'pdf' });
    expect(file.fileName).toBe('Chương trình hội nghị ngày 16-12-2022.pdf');
    const text = pdfPages(file.bytes).join('\n');
    expect(text).toContain('CHƯƠNG TRÌNH');
    expect(text).toMatch(/Tuyên bố lý do[\s\S]*Báo cáo kết quả thực hiện[\s\S]*Kết luận hội nghị/);
    pdfToPngs(file.bytes, 'chuong-trinh');
  });
});

describe('after the meeting', () => {
  it('makes one trích thông báo per lead unit with only its tasks, under the TB number, frozen once the meeting is final', async () => {
    const a = await open('2022-12-16T05:00:00.000Z');
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const final = await a.call('meetings.finalize', { id: m.id });
    const leads = extractLeads(final);
    expect(leads.map((l) => [l.label, l.taskCount])).toEqual([
      ['Ban Dân vận Tỉnh ủy', 2],
      ['Ủy ban nhân dân tỉnh', 1],
      ['Các đồng chí thành viên Ban Chỉ đạo', 1],
    ]);
    const ubnd = leads.find((l) => l.label === 'Ủy ban nhân dân tỉnh')!;
    const file = await dossierFile(a.ctx, { id: m.id, document: 'extract', leadKey: ubnd.key, format: 'pdf' });
    expect(file.fileName).toBe('Trích thông báo kết luận số 01-TB-BCĐ ngày 16-12-2022 – Ủy ban nhân dân tỉnh.pdf');
    const text = pdfPages(file.bytes).join('\n');
    expect(text).toContain('TRÍCH THÔNG BÁO');
    expect(text).toContain('Tổ chức hội nghị đối thoại');
    expect(text).not.toContain('Xây dựng kế hoạch kiểm tra');
    expect(text).not.toContain('DỰ THẢO');
    pdfToPngs(file.bytes, 'trich-thong-bao-ubnd');

    const summary = await dossierSummary(a.ctx, m.id);
    expect(summary.extracts).toEqual([{ key: ubnd.key, numberText: '01-TB/BCĐ', version: 1 }]);
    const again = await dossierFile(a.ctx, { id: m.id, document: 'extract', leadKey: ubnd.key, format: 'pdf' });
    expect(sha(again.bytes)).toBe(sha(file.bytes));
  });

  it('refuses a trích thông báo for a unit that leads no task of the meeting', async () => {
    const a = await open('2022-12-16T05:00:00.000Z');
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    await expect(dossierFile(a.ctx, { id: m.id, document: 'extract', leadKey: `unit:${s.unit('Thanh tra tỉnh')}`, format: 'pdf' })).rejects.toThrow(
      'Đơn vị này không chủ trì nhiệm vụ nào của hội nghị.',
    );
  });
});

describe('at the next meeting of the same kind', () => {
  it('lists the open tasks of the earlier conference with their progress under "kiểm điểm việc thực hiện kết luận"', async () => {
    const a = await open('2023-06-20T02:00:00.000Z');
    const conf = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const tasks = conf.conclusions.flatMap((c) => c.tasks);
    await a.call('tasks.addUpdate', { taskId: tasks[0]!.id, date: '2023-03-28', progress: 100, note: 'Đã ban hành kế hoạch' });
    await a.call('tasks.addUpdate', { taskId: tasks[1]!.id, date: '2023-05-15', progress: 60, note: 'Đã tổ chức 6/8 huyện' });
    const next = await a.call('meetings.create', {
      meeting: { ...conferenceInput(s), title: 'Hội nghị sơ kết 6 tháng đầu năm 2023', date: '2023-07-05', conclusions: [] },
    });
    const rows = await reviewRows(a.ctx, next.id);
    expect(rows.map((r) => r.task.title)).not.toContain(tasks[0]!.content);
    expect(rows.map((r) => r.task.title)).toContain(tasks[1]!.content);
    expect(rows.find((r) => r.task.id === tasks[1]!.id)).toMatchObject({ lastNote: 'Đã tổ chức 6/8 huyện', meetingDate: '2022-12-16' });
    // The conference itself has no earlier meeting to review.
    expect(await reviewRows(a.ctx, conf.id)).toEqual([]);

    const file = await dossierFile(a.ctx, { id: next.id, document: 'review', format: 'pdf' });
    const text = pdfPages(file.bytes).join('\n');
    expect(text).toContain('Kiểm điểm việc thực hiện kết luận');
    expect(text).toContain('60%');
    expect(text).toContain('6/8');
    pdfToPngs(file.bytes, 'kiem-diem-ket-luan');
  });
});
