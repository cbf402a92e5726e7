/**
 * Issue #17 "Done when": a finalised meeting's papers are records. After finalising, changes to
 * settings, a task deadline and a member's title leave the exported PDF and DOCX byte-identical
 * (SHA-256) to what was issued; a reopen keeps v1 and the refinalisation makes v2, both listed and
 * both openable. Real SQLite, real Chromium, real DOCX.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { BAC_KAN_PROFILE, conferenceInput, seedBacKan, type Seeded } from '../meetings/fixture';
import { pdfPages } from '../export/support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
let s: Seeded;

afterAll(async () => {
  await pdf.close();
});
afterEach(async () => {
  await app?.close();
  app = null;
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function open(): Promise<TestApp> {
  app = await openTestApp({ now: '2022-12-16T05:00:00.000Z', renderPdf: (html) => pdf.render(html) });
  s = await seedBacKan(app.ctx);
  return app;
}

describe('issued documents: issue = freeze', () => {
  it('keeps the issued PDF and DOCX byte for byte through later edits; reopen + refinalise makes v2', async () => {
    const a = await open();
    const m = await a.call('meetings.create', { meeting: conferenceInput(s) });
    const f = await a.call('meetings.finalize', { id: m.id });

    const v1 = await a.call('issued.list', { ownerType: 'meeting', ownerId: m.id });
    expect(v1.map((v) => [v.docType, v.version, v.numberText, v.reason])).toEqual([
      ['conclusions', 1, '01-TB/BCĐ', 'Ban hành lần đầu'],
      ['minutes', 1, '01-BB/BCĐ', 'Ban hành lần đầu'],
    ]);
    const minutes1 = v1.find((v) => v.docType === 'minutes')!;
    const notice1 = v1.find((v) => v.docType === 'conclusions')!;
    expect(minutes1.files.map((x) => [x.format, x.fileName])).toEqual([
      ['pdf', 'Biên bản số 01-BB-BCĐ ngày 16-12-2022.pdf'],
      ['docx', 'Biên bản số 01-BB-BCĐ ngày 16-12-2022.docx'],
    ]);
    // The minutes PDF kept as the meeting's attachment is the same paper.
    expect(f.issuedPdf!.sha256).toBe(minutes1.files.find((x) => x.format === 'pdf')!.sha256);

    const issuedHash = (v: typeof minutes1, format: 'pdf' | 'docx') => v.files.find((x) => x.format === format)!.sha256;
    const exportAll = async () => ({
      minutesPdf: sha((await a.call('meetings.exportMinutes', { id: m.id, format: 'pdf' })).bytes),
      minutesDocx: sha((await a.call('meetings.exportMinutes', { id: m.id, format: 'docx' })).bytes),
      noticePdf: sha((await a.call('meetings.exportConclusions', { id: m.id, format: 'pdf' })).bytes),
      noticeDocx: sha((await a.call('meetings.exportConclusions', { id: m.id, format: 'docx' })).bytes),
    });
    const expected = {
      minutesPdf: issuedHash(minutes1, 'pdf'),
      minutesDocx: issuedHash(minutes1, 'docx'),
      noticePdf: issuedHash(notice1, 'pdf'),
      noticeDocx: issuedHash(notice1, 'docx'),
    };
    expect(await exportAll()).toEqual(expected);

    // Later edits: the committee's name and "Lưu" line, a task deadline, a member's title.
    a.clock.set('2023-01-10T02:00:00.000Z');
    await a.call('settings.update', { profile: { ...BAC_KAN_PROFILE, committeeName: 'BAN CHỈ ĐẠO ĐÃ ĐỔI TÊN', archiveLine: 'Lưu Văn phòng' } });
    const task = f.conclusions[0]!.tasks[0]!;
    await a.call('tasks.update', { id: task.id, deadline: '2023-09-30', timing: { kind: 'date', value: '2023-09-30' } });
    await a.call('members.update', { id: s.member('Nguyễn Văn Hùng'), position: 'Bí thư Tỉnh ủy' });
    const live = await a.call('meetings.get', { id: m.id });
    expect(live.conclusions[0]!.tasks[0]!.deadline).toBe('2023-09-30');

    expect(await exportAll()).toEqual(expected);
    // The preview of an issued paper is rendered from its snapshot, not from today's settings.
    const preview = await a.call('meetings.preview', { id: m.id, document: 'conclusions' });
    expect(preview.html).toContain('TỈNH ỦY BẮC KẠN');
    expect(preview.html).not.toContain('ĐÃ ĐỔI TÊN');
    expect(preview.html).toContain('31/03/2023');
    expect(preview.html).not.toContain('DỰ THẢO');

    // Reopen keeps v1; refinalise issues v2 with the reason, from the data as it is now.
    await a.call('meetings.reopen', { id: m.id, reason: 'Gia hạn nhiệm vụ kiểm tra theo đề nghị của Ban Dân vận' });
    expect((await a.call('issued.list', { ownerType: 'meeting', ownerId: m.id })).length).toBe(2);
    const draftPdf = await a.call('meetings.exportConclusions', { id: m.id, format: 'pdf' });
    expect(draftPdf.fileName).toBe('Thông báo kết luận (dự thảo) ngày 16-12-2022.pdf');
    expect(pdfPages(draftPdf.bytes).join('\n')).toContain('DỰ THẢO');
    expect(pdfPages(draftPdf.bytes).join('\n')).toContain('ĐÃ ĐỔI TÊN'); // a draft uses live data

    await a.call('meetings.finalize', { id: m.id });
    const all = await a.call('issued.list', { ownerType: 'meeting', ownerId: m.id, docType: 'minutes' });
    expect(all.map((v) => v.version)).toEqual([1, 2]);
    expect(all[1]!.reason).toBe('Ban hành lại sau khi mở lại (lần 1): Gia hạn nhiệm vụ kiểm tra theo đề nghị của Ban Dân vận');
    expect(all[1]!.numberText).toBe('01-BB/BCĐ');

    // Both versions open, each its own bytes, checked against its hash.
    for (const v of all) {
      for (const format of ['pdf', 'docx'] as const) {
        const file = await a.call('issued.get', { id: v.id, format });
        expect(sha(file.bytes)).toBe(issuedHash(v, format));
      }
    }
    const text1 = pdfPages((await a.call('issued.get', { id: all[0]!.id, format: 'pdf' })).bytes).join('\n');
    const text2 = pdfPages((await a.call('issued.get', { id: all[1]!.id, format: 'pdf' })).bytes).join('\n');
    expect(text1).toContain('TỈNH ỦY BẮC KẠN');
    expect(text1).not.toContain('ĐÃ ĐỔI TÊN');
    expect(text2).toContain('ĐÃ ĐỔI TÊN');
    expect(text1).not.toContain('DỰ THẢO');
    // Export now returns v2.
    expect(sha((await a.call('meetings.exportMinutes', { id: m.id, format: 'pdf' })).bytes)).toBe(issuedHash(all[1]!, 'pdf'));

    // Audited, and the rows refuse change at the database level.
    const audit = await a.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'issued_document').execute();
    expect(audit).toHaveLength(4);
    expect(() => a.ctx.sqlite.prepare("UPDATE issued_files SET bytes = x'00'").run()).toThrow(/không được sửa hoặc xóa/);
    expect(() => a.ctx.sqlite.prepare('DELETE FROM issued_documents').run()).toThrow(/không được sửa hoặc xóa/);
  });

  it('answers bad requests with a Vietnamese error and no data', async () => {
    const a = await open();
    const bad = await a.invoke('issued.get', { id: 'not-an-id', format: 'pdf' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('VALIDATION');
    const format = await a.invoke('issued.get', { id: '0190a8b2-0000-7000-8000-000000000000', format: 'exe' });
    expect(format.ok).toBe(false);
    if (!format.ok) expect(format.error.message).toContain('pdf hoặc docx');
    const missing = await a.invoke('issued.get', { id: '0190a8b2-0000-7000-8000-000000000000', format: 'pdf' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy văn bản đã ban hành.' });
    const list = await a.invoke('issued.list', { ownerType: 'Meeting; DROP', ownerId: '0190a8b2-0000-7000-8000-000000000000' });
    expect(list.ok).toBe(false);
    expect(await a.call('issued.list', { ownerType: 'meeting', ownerId: '0190a8b2-0000-7000-8000-000000000000' })).toEqual([]);
  });
});
