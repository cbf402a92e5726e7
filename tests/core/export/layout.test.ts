/**
 * Signable as printed (issue #17): pagination keeps every heading and label with what follows and
 * never splits the signature block — in the app's PDF (checked by text positions, pdftotext
 * -bbox-layout) and in the DOCX (keep-with-next and cantSplit read from document.xml, then the
 * DOCX converted by LibreOffice Writer and compared with the app's PDF: page count and the
 * positions of the header, the title and the signature).
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { conferenceInput, seedBacKan, BAC_KAN_PROFILE, type Seeded } from '../meetings/fixture';
import { docxToPdfWithLibreOffice, lastLinesOfPages, pdfLines, pdfToPngs, unzipEntry, wordParagraphs, type PdfLine } from './support';
import type { MeetingInput } from '../../../shared/schemas/meetings';

const PNG_DIR = path.resolve(__dirname, '../../../test-results/issued');
const pdf = new ChromiumPdfRenderer();
let app: TestApp;
let s: Seeded;

beforeAll(async () => {
  app = await openTestApp({ now: '2022-12-16T05:00:00.000Z', renderPdf: (html) => pdf.render(html) });
  s = await seedBacKan(app.ctx);
  // The issuing body broken where the secretariat wants it (typed with Enter in Settings).
  await app.call('settings.update', {
    profile: {
      ...BAC_KAN_PROFILE,
      committeeName: 'BAN CHỈ ĐẠO THỰC HIỆN\nQUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀ\nPHONG TRÀO "DÂN VẬN KHÉO"',
      reportTo: ['Thường trực Tỉnh ủy (b/c)'],
      archiveLine: 'Lưu Văn phòng Ban Dân vận Tỉnh ủy',
    },
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await pdf.close();
});

/** A heading or a label that introduces what follows: never the last line of a page. */
const introduces = (l: PdfLine) => /:$/.test(l.text) || /^(I|II|III|IV|V)\. [A-ZÀ-Ỹ\s]+$/u.test(l.text);

function withOpinions(n: number, padding: number): MeetingInput {
  const input = conferenceInput(s);
  const base = input.opinions!;
  const opinions = Array.from({ length: n }, (_, i) => ({
    ...base[i % base.length]!,
    summary: `${base[i % base.length]!.summary} ${'Đề nghị các cơ quan, đơn vị tiếp tục quán triệt, thực hiện nghiêm các nội dung đã thống nhất. '.repeat(1 + ((i + padding) % 4))}`,
  }));
  return {
    ...input,
    delegates: [
      { name: 'Lường Văn Khánh', position: 'Phó Trưởng Ban Dân vận Trung ương' },
      { name: 'Đại diện Ban Dân vận các huyện ủy, thành ủy', position: '' },
      { name: 'Đồng chí Nông Văn Tú', position: 'Bí thư Huyện ủy Ba Bể' },
    ],
    purpose: `${input.purpose}\n${'Nội dung bổ sung của hội nghị. '.repeat(padding * 3)}`,
    opinions,
  };
}

describe('pagination', () => {
  it('never leaves a heading or label as the last line of a PDF page, nor splits the signatures', async () => {
    let checkedPages = 0;
    for (const [n, padding] of [[6, 0], [7, 1], [8, 2], [9, 3], [10, 4]] as const) {
      const m = await app.call('meetings.create', { meeting: withOpinions(n, padding) });
      const file = await app.call('meetings.exportMinutes', { id: m.id, format: 'pdf' });
      const lines = pdfLines(file.bytes);
      const pages = Math.max(...lines.map((l) => l.page));
      for (const last of lastLinesOfPages(lines).filter((l) => l.page < pages)) {
        expect(introduces(last), `page ${last.page} of ${n}/${padding} ends with "${last.text}"`).toBe(false);
        checkedPages += 1;
      }
      // Signature titles and names on the last page, together.
      const sig = lines.filter((l) => /THƯ KÝ|CHỦ TRÌ|^Hà Thị Thu|Nguyễn Văn Hùng$/.test(l.text) && l.page === pages);
      expect(sig.map((l) => l.text).join(' | ')).toMatch(/THƯ KÝ.*CHỦ TRÌ/);
      expect(sig.some((l) => /Hà Thị Thu/.test(l.text))).toBe(true);
    }
    expect(checkedPages).toBeGreaterThan(5);
  }, 120_000);
});

describe('delegates and recipients', () => {
  it('prints invited groups as typed, people as "Đồng chí", and the notice\'s Nơi nhận from tasks and settings', async () => {
    const m = await app.call('meetings.create', { meeting: withOpinions(3, 0) });
    const text = pdfLines((await app.call('meetings.exportMinutes', { id: m.id, format: 'pdf' })).bytes).map((l) => l.text).join('\n');
    expect(text).toContain('- Đồng chí Lường Văn Khánh, Phó Trưởng Ban Dân vận Trung ương.');
    expect(text).toContain('- Đại diện Ban Dân vận các huyện ủy, thành ủy.');
    expect(text).toContain('- Đồng chí Nông Văn Tú, Bí thư Huyện ủy Ba Bể.');
    expect(text).not.toMatch(/Đồng chí Đại diện|Đồng chí Đồng chí/);
    expect(m.noticeRecipientsDefault).toEqual([
      'Thường trực Tỉnh ủy (b/c)',
      'Các đồng chí thành viên Ban Chỉ đạo',
      'Ban Dân vận Tỉnh ủy',
      'Ủy ban nhân dân tỉnh',
      'Các đồng chí thành viên Ban Chỉ đạo'.replace('Các đồng chí thành viên Ban Chỉ đạo', 'Ủy ban Kiểm tra Tỉnh ủy'),
      'Thanh tra tỉnh',
      'Lưu Văn phòng Ban Dân vận Tỉnh ủy',
    ]);
    const draftNotice = await app.call('meetings.exportConclusions', { id: m.id, format: 'pdf' });
    expect(draftNotice.fileName).toBe('Thông báo kết luận (dự thảo) ngày 16-12-2022.pdf');
    pdfToPngs(draftNotice.bytes, 'thong-bao-du-thao', PNG_DIR);
    const notice = pdfLines(draftNotice.bytes).map((l) => l.text).join('\n');
    expect(notice).toContain('- Thường trực Tỉnh ủy (b/c),');
    expect(notice).toContain('- Lưu Văn phòng Ban Dân vận Tỉnh ủy.');
    expect(notice).toContain('DỰ THẢO');

    // Edited per document: own lines and a deputy signing for the Head.
    const input = withOpinions(3, 0);
    const edited = await app.call('meetings.update', {
      id: m.id,
      meeting: {
        ...input,
        conclusions: m.conclusions.map((c) => ({ id: c.id, content: c.content, tasks: c.tasks.map((t) => ({ ...t })) })),
        noticeRecipients: ['Thường trực Tỉnh ủy (b/c)', 'Ban Tuyên giáo Tỉnh ủy', 'Lưu VT'],
        noticeSignature: { mode: 'deputy', signerName: 'Hoàng Thị Lan', signerTitle: 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC' },
      },
    });
    expect(edited.noticeRecipients).toEqual(['Thường trực Tỉnh ủy (b/c)', 'Ban Tuyên giáo Tỉnh ủy', 'Lưu VT']);
    const file = await app.call('meetings.exportConclusions', { id: m.id, format: 'docx' });
    const paragraphs = wordParagraphs(unzipEntry(file.bytes, 'word/document.xml'));
    for (const line of ['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN THƯỜNG TRỰC', 'Hoàng Thị Lan', '- Ban Tuyên giáo Tỉnh ủy,', '- Lưu VT.']) expect(paragraphs, line).toContain(line);
    expect(paragraphs).not.toContain('- Thanh tra tỉnh,');

    // Bad input writes nothing.
    const bad = await app.invoke('meetings.update', { id: m.id, meeting: { ...input, noticeSignature: { mode: 'boss', signerName: '', signerTitle: '' } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('Cách ký không hợp lệ');
    expect((await app.call('meetings.get', { id: m.id })).noticeSignature).toMatchObject({ mode: 'deputy' });
  });
});

describe('DOCX in LibreOffice Writer', () => {
  it('keeps headings with the next paragraph, never splits the signature table, and lays out like the app\'s PDF', async () => {
    const m = await app.call('meetings.create', { meeting: withOpinions(8, 2) });
    const f = await app.call('meetings.finalize', { id: m.id });
    fs.mkdirSync(PNG_DIR, { recursive: true });
    for (const [which, channel, titleWord, signWord] of [
      ['bien-ban', 'meetings.exportMinutes', 'BIÊN BẢN', 'CHỦ TRÌ'],
      ['thong-bao', 'meetings.exportConclusions', 'THÔNG BÁO', 'TRƯỞNG BAN'],
    ] as const) {
      const appPdf = (await app.call(channel, { id: f.id, format: 'pdf' })).bytes;
      const docx = (await app.call(channel, { id: f.id, format: 'docx' })).bytes;
      const xml = unzipEntry(docx, 'word/document.xml');
      // Headings and labels carry keep-with-next; the rule under the title is a border, not text.
      const paras = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
      const texts = wordParagraphs(xml);
      paras.forEach((p, i) => {
        const t = texts[i]!;
        if (/^(I|II|III)\. |:$/.test(t)) expect(p, t).toContain('<w:keepNext/>');
      });
      expect(texts).not.toContain('-----');
      expect(xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
      // The closing table's rows may not split across pages.
      const lastTable = xml.slice(xml.lastIndexOf('<w:tbl>'));
      expect(lastTable).toContain('<w:cantSplit/>');
      // The issuing body breaks only where the user typed Enter.
      expect(texts).toContain('BAN CHỈ ĐẠO THỰC HIỆNQUY CHẾ DÂN CHỦ Ở CƠ SỞ VÀPHONG TRÀO "DÂN VẬN KHÉO"');

      const lo = docxToPdfWithLibreOffice(docx, which);
      // Kept for looking at them (test-results/ is not committed).
      fs.writeFileSync(path.join(PNG_DIR, `${which}.docx`), docx);
      pdfToPngs(appPdf, `${which}-app`, PNG_DIR);
      pdfToPngs(lo, `${which}-writer`, PNG_DIR);
      const a = pdfLines(appPdf);
      const b = pdfLines(lo);
      const pagesA = Math.max(...a.map((l) => l.page));
      const pagesB = Math.max(...b.map((l) => l.page));
      expect(pagesB, `${which}: pages in Writer vs the app`).toBe(pagesA);
      const find = (lines: PdfLine[], re: RegExp) => lines.find((l) => re.test(l.text));
      for (const [label, re, tolerance] of [
        ['header', /ĐẢNG CỘNG SẢN VIỆT NAM/, 6],
        ['issuing body line 1', /^BAN CHỈ ĐẠO THỰC HIỆN$/, 6],
        ['issuing body line 3', /^PHONG TRÀO "DÂN VẬN KHÉO"$/, 10],
        ['title', new RegExp(`^${titleWord}$`), 14],
      ] as const) {
        const x = find(a, re);
        const y = find(b, re);
        expect(x, `${which} ${label} in the app PDF`).toBeDefined();
        expect(y, `${which} ${label} in Writer`).toBeDefined();
        expect(y!.page).toBe(x!.page);
        expect(Math.abs(y!.top - x!.top), `${which} ${label}: ${x!.top} vs ${y!.top}`).toBeLessThan(tolerance);
      }
      const sigA = a.filter((l) => l.text.includes(signWord)).pop()!;
      const sigB = b.filter((l) => l.text.includes(signWord)).pop()!;
      expect(sigB.page, `${which}: signature page`).toBe(sigA.page);
    }
    expect(execFileSync('pdfinfo', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBeDefined();
  }, 300_000);
});
