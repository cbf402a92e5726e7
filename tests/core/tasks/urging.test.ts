/**
 * The urging letter is a numbered, issued paper (issue #17): its number comes from the register,
 * its bytes are frozen, its "Nơi nhận" and "Lưu" line come from settings like the notice's; the
 * urging list is saved as PDF and Word, not only printed.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { conferenceInput, seedBacKan } from '../meetings/fixture';
import { pdfPages, pdfToPngs, unzipEntry, wordParagraphs } from '../export/support';
import { urgingLetter, urgingListFile } from '../../../electron/core/tasks/urging';
import { archiveRecipient } from '../../../electron/core/export/document';
import { getProfile, updateProfile } from '../../../electron/core/settings/service';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(async () => {
  await pdf.close();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function open(): Promise<TestApp> {
  // 28/03/2023: the first conference task (deadline 31/03/2023) is due soon, none is late yet; on
  // 05/04/2023 it is late.
  const a = await openTestApp({ now: '2023-04-05T02:00:00.000Z', renderPdf: (html, o) => pdf.render(html, o) });
  app = a;
  const s = await seedBacKan(a.ctx);
  await a.call('meetings.create', { meeting: conferenceInput(s) });
  return a;
}

describe('urging letter', () => {
  it('takes its number from the register, is frozen when issued, and ends Nơi nhận with the settings’ Lưu line', async () => {
    const a = await open();
    const letter = await urgingLetter(a.ctx, { dueWithinDays: 7, reserveNumber: true, format: 'docx' });
    expect(letter.fileName).toBe('Công văn đôn đốc số 01-CV-BCĐ ngày 05-04-2023.docx');
    const paragraphs = wordParagraphs(unzipEntry(letter.bytes, 'word/document.xml'));
    expect(paragraphs).toContain('Số 01-CV/BCĐ');
    const profile = await getProfile(a.ctx);
    expect(paragraphs.join('\n')).toContain(archiveRecipient(profile));
    expect(paragraphs.join('\n')).not.toContain('Lưu Văn phòng');
    expect(paragraphs.join('\n')).toContain('Ban Dân vận Tỉnh ủy');

    const issued = await a.call('issued.list', { ownerType: 'urging', ownerId: (await a.ctx.db.selectFrom('doc_numbers').select('id').executeTakeFirstOrThrow()).id });
    expect(issued).toHaveLength(1);
    expect(issued[0]!.numberText).toBe('01-CV/BCĐ');
    const docx = issued[0]!.files.find((f) => f.format === 'docx')!;
    expect(docx.sha256).toBe(sha(letter.bytes));

    // Settings change afterwards: the stored letter does not.
    await updateProfile(a.ctx, { ...profile, committeeName: 'BAN CHỈ ĐẠO ĐÃ ĐỔI TÊN' });
    const again = await a.call('issued.get', { id: issued[0]!.id, format: 'docx' });
    expect(sha(again.bytes)).toBe(docx.sha256);
  });

  it('prints the Nơi nhận typed for this letter, still closed by the settings’ Lưu line; a draft is marked DỰ THẢO and issues nothing', async () => {
    const a = await open();
    const letter = await urgingLetter(a.ctx, {
      dueWithinDays: 7,
      reserveNumber: false,
      recipients: 'Ban Dân vận Tỉnh ủy',
      distribution: '- Như kính gửi;\n- Đồng chí Trưởng ban (b/c)',
      format: 'pdf',
    });
    expect(letter.fileName).toBe('Công văn đôn đốc (dự thảo) ngày 05-04-2023.pdf');
    const text = pdfPages(letter.bytes).join('\n');
    expect(text).toContain('DỰ THẢO');
    expect(text).toContain('Đồng chí Trưởng ban (b/c)');
    expect(text).toContain(archiveRecipient(await getProfile(a.ctx)));
    expect(await a.ctx.db.selectFrom('issued_documents').selectAll().execute()).toHaveLength(0);
    expect(await a.ctx.db.selectFrom('doc_numbers').selectAll().execute()).toHaveLength(0);
    pdfToPngs(letter.bytes, 'cong-van-don-doc-du-thao');
  });
});

describe('urging list', () => {
  it('is saved as PDF and Word with the late tasks of the conference', async () => {
    const a = await open();
    const pdfFile = await urgingListFile(a.ctx, { dueWithinDays: 7, format: 'pdf' });
    expect(pdfFile.fileName).toBe('Danh sách nhiệm vụ chậm tiến độ ngày 05-04-2023.pdf');
    const text = pdfPages(pdfFile.bytes).join('\n');
    expect(text).toContain('DANH SÁCH');
    expect(text).toContain('Quá hạn 5');
    // With the recurring task, late since its first quarter (no update dated since 16/12/2022).
    expect(text).toContain('Tổng số: 2 nhiệm vụ, trong đó 2 quá hạn');
    const docx = await urgingListFile(a.ctx, { dueWithinDays: 7, format: 'docx' });
    expect(wordParagraphs(unzipEntry(docx.bytes, 'word/document.xml')).join('\n')).toContain('Tổng số: 2 nhiệm vụ, trong đó 2 quá hạn');
    pdfToPngs(pdfFile.bytes, 'danh-sach-cham-tien-do');
  });
});
