import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { pdfPages, pdfToPngs, squash, unzipEntry, wordParagraphs } from '../export/support';
import { CONCLUSIONS, conferenceInput, OPINIONS, seedBacKan, TITLE } from './fixture';
import type { Meeting } from '../../../shared/schemas/meetings';

const pdf = new ChromiumPdfRenderer();
let app: TestApp;
let meeting: Meeting;
const PNG_DIR = path.resolve(__dirname, '../../../test-results/meetings');

beforeAll(async () => {
  app = await openTestApp({ now: '2022-12-16T05:00:00.000Z', renderPdf: (html) => pdf.render(html) });
  const s = await seedBacKan(app.ctx);
  const created = await app.call('meetings.create', { meeting: { ...conferenceInput(s), manualNumber: 5 } });
  meeting = await app.call('meetings.finalize', { id: created.id });
});
afterAll(async () => {
  await app?.close();
  await pdf.close();
});

/** pdftotext breaks long lines where the page does: compare with whitespace folded. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
/** The text of all pages, without the page numbers printed at the top of pages 2… */
const pdfText = (pages: string[]) => flat(pages.map((p, i) => (i === 0 ? p : p.replace(/^\s*\d+\s*\n/, ''))).join('\n'));

const HEADER_LINES = ['TỈNH ỦY BẮC KẠN', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Bắc Kạn, ngày 16 tháng 12 năm 2022'];

describe('biên bản', () => {
  it('PDF carries the Party header, number, date line, attendance, every opinion and conclusion, closing time and signatures', async () => {
    const file = await app.call('meetings.exportMinutes', { id: meeting.id, format: 'pdf' });
    expect(file.fileName).toBe('Biên bản số 05-BB-BCĐ ngày 16-12-2022.pdf');
    expect(file.mimeType).toBe('application/pdf');
    const pages = pdfPages(file.bytes);
    const all = pdfText(pages);
    for (const line of [...HEADER_LINES, 'Số 05-BB/BCĐ', 'BIÊN BẢN', 'THƯ KÝ', 'CHỦ TRÌ', 'Hà Thị Thu', 'Nguyễn Văn Hùng']) {
      expect(all, line).toContain(line);
    }
    expect(all).toContain('Vào hồi 8 giờ 00 phút, ngày 16 tháng 12 năm 2022, tại Hội trường Tỉnh ủy Bắc Kạn');
    expect(all).toContain('Có mặt: 5/7 đồng chí.');
    expect(all).toContain('Vắng mặt: 2 đồng chí, gồm: đồng chí Ma Thị Hoa (đi công tác); đồng chí Nông Văn Sơn (có cử người dự thay).');
    expect(all).toContain('Đến muộn: đồng chí Triệu Văn Bình (dự họp tại Ủy ban nhân dân tỉnh).');
    expect(all).toContain('đồng chí Hà Văn Tâm, Phó Chủ tịch Liên đoàn Lao động tỉnh dự thay đồng chí Nông Văn Sơn');
    expect(all).toContain('Báo Bắc Kạn, Đài Phát thanh và Truyền hình tỉnh');
    for (const o of OPINIONS) expect(all, o.speaker).toContain(flat(o.summary));
    expect(all).toContain('2.360 mô hình');
    for (const c of CONCLUSIONS) expect(all, c.content).toContain(flat(c.content));
    expect(all).toContain('Chủ trì: Ban Dân vận Tỉnh ủy; phối hợp: Ủy ban Kiểm tra Tỉnh ủy; thời hạn: 31/03/2023.');
    expect(all).toContain('Hội nghị kết thúc vào hồi 11 giờ 30 phút cùng ngày.');
    // Page numbers from page 2 only.
    expect(pages.length).toBeGreaterThan(1);
    expect(squash(pages[1]!).trim().startsWith('2')).toBe(true);
    expect(squash(pages[0]!)).not.toMatch(/^\s*1\s*$/m);
    pdfToPngs(file.bytes, 'bien-ban', PNG_DIR);
  });

  it('DOCX carries the same text', async () => {
    const file = await app.call('meetings.exportMinutes', { id: meeting.id, format: 'docx' });
    expect(file.fileName).toBe('Biên bản số 05-BB-BCĐ ngày 16-12-2022.docx');
    const paragraphs = wordParagraphs(unzipEntry(file.bytes, 'word/document.xml'));
    for (const line of [...HEADER_LINES, 'Số 05-BB/BCĐ', 'BIÊN BẢN', TITLE, 'THƯ KÝ', 'CHỦ TRÌ', 'Hội nghị kết thúc vào hồi 11 giờ 30 phút cùng ngày.']) {
      expect(paragraphs, line).toContain(line);
    }
    const text = paragraphs.join('\n');
    for (const o of OPINIONS) expect(text, o.speaker).toContain(o.summary);
    CONCLUSIONS.forEach((c, i) => expect(paragraphs, c.content).toContain(`${i + 1}. ${c.content}`));
  });
});

describe('thông báo kết luận', () => {
  it('PDF and DOCX list the numbered conclusions with each task, lead, co-ordinators and deadline, signed for the committee', async () => {
    const file = await app.call('meetings.exportConclusions', { id: meeting.id, format: 'pdf' });
    expect(file.fileName).toBe('Thông báo kết luận số 01-TB-BCĐ ngày 16-12-2022.pdf');
    const all = pdfText(pdfPages(file.bytes));
    for (const line of [...HEADER_LINES, 'Số 01-TB/BCĐ', 'THÔNG BÁO', 'T/M BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nơi nhận:']) {
      expect(all, line).toContain(line);
    }
    for (const c of CONCLUSIONS) {
      expect(all, c.content).toContain(flat(c.content));
      for (const t of c.tasks) expect(all, t.content).toContain(flat(t.content));
    }
    expect(all).toContain('Chủ trì: Ủy ban nhân dân tỉnh; phối hợp: Thanh tra tỉnh; thời hạn: 30/06/2023.');
    expect(all).toContain('thời hạn: thường xuyên.');
    expect(all).toContain('Chủ trì: Các đồng chí thành viên Ban Chỉ đạo; thời hạn: 30/11/2023.');
    pdfToPngs(file.bytes, 'thong-bao-ket-luan', PNG_DIR);

    const docx = await app.call('meetings.exportConclusions', { id: meeting.id, format: 'docx' });
    const paragraphs = wordParagraphs(unzipEntry(docx.bytes, 'word/document.xml'));
    for (const line of [...HEADER_LINES, 'Số 01-TB/BCĐ', 'THÔNG BÁO', 'T/M BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nguyễn Văn Hùng']) {
      expect(paragraphs, line).toContain(line);
    }
    CONCLUSIONS.forEach((c, i) => expect(paragraphs).toContain(`${i + 1}. ${c.content}`));
    expect(paragraphs).toContain(
      '- Xây dựng kế hoạch kiểm tra, giám sát thực hiện Quy chế dân chủ ở cơ sở theo loại hình năm 2023. Chủ trì: Ban Dân vận Tỉnh ủy; phối hợp: Ủy ban Kiểm tra Tỉnh ủy; thời hạn: 31/03/2023.',
    );
  });

  it('the print preview is the same Party HTML', async () => {
    const preview = await app.call('meetings.preview', { id: meeting.id, document: 'minutes' });
    expect(preview.html).toContain('BIÊN BẢN');
    expect(preview.html).toContain('05-BB/BCĐ');
    expect(preview.html).not.toContain('<script');
  });
});

describe('long proceedings', () => {
  it('flow over several pages and never split the signature block', async () => {
    const base = await app.call('meetings.get', { id: meeting.id });
    const long = await app.call('meetings.prefillFrom', { id: meeting.id });
    const opinions = Array.from({ length: 40 }, (_, i) => ({
      speakerName: base.opinions[i % 3]!.speakerName,
      speakerPosition: base.opinions[i % 3]!.speakerPosition,
      summary: `Ý kiến thứ ${i + 1}: ${OPINIONS[i % 3]!.summary}`,
    }));
    const created = await app.call('meetings.create', {
      meeting: { ...long, title: 'Hội nghị có nhiều ý kiến', endTime: '17:00', opinions, conclusions: [{ content: 'Kết luận chung của hội nghị.', tasks: [] }] },
    });
    const file = await app.call('meetings.exportMinutes', { id: created.id, format: 'pdf' });
    const pages = pdfPages(file.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    const text = pdfText(pages);
    for (let i = 1; i <= 40; i++) expect(text).toContain(`Ý kiến thứ ${i}:`);
    const signaturePage = pages.findIndex((p) => p.includes('THƯ KÝ'));
    expect(signaturePage).toBeGreaterThan(0);
    // Titles and names of both signers sit on the same page.
    for (const s2 of ['CHỦ TRÌ', 'Hà Thị Thu', 'Nguyễn Văn Hùng']) expect(pages[signaturePage]).toContain(s2);
    pdfToPngs(file.bytes, 'bien-ban-dai', PNG_DIR);
  });
});
