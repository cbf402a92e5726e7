import { afterAll, describe, expect, it } from 'vitest';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { escapeHtml, html, renderPartyDocument, unsafeRaw } from '../../../electron/core/export/print';
import { committeeSignature, documentNumber, recipientLines, type PartyDocument } from '../../../electron/core/export/document';
import { HOSTILE, PROFILE, sampleMinutes, sampleNotice } from './samples';
import { pdfFonts, pdfPages, pdfToPngs, squash } from './support';

const renderer = new ChromiumPdfRenderer();
afterAll(() => renderer.close());

describe('safe HTML builder', () => {
  it('escapes every interpolated value, joins arrays, keeps trusted parts', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const out = html`<p title="${'"><script>'}">${['<b>', html`<i>${'&'}</i>`]}${unsafeRaw('<br>')}${null}${0}</p>`;
    expect(out.value).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;b&gt;<i>&amp;</i><br>0</p>');
  });

  it('writes numbers and recipients the Party way', () => {
    expect(documentNumber(5, 'BB', 'BCĐ')).toBe('05-BB/BCĐ');
    expect(documentNumber(123, 'TB', 'BCĐ')).toBe('123-TB/BCĐ');
    expect(recipientLines(['Thường trực Huyện ủy (b/c),', ' Lưu VP '])).toEqual(['- Thường trực Huyện ủy (b/c),', '- Lưu VP.']);
    expect(committeeSignature('deputy', 'Lê A').titleLines).toEqual(['K/T TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN']);
    expect(committeeSignature('direct', 'Lê A').titleLines).toEqual(['TRƯỞNG BAN']);
  });
});

describe('renderPartyDocument', () => {
  it('never lets user text become markup', async () => {
    const doc: PartyDocument = {
      title: HOSTILE,
      header: { parentBody: HOSTILE, issuingBody: HOSTILE, number: HOSTILE, placeDate: HOSTILE },
      kind: HOSTILE,
      summary: HOSTILE,
      body: [
        { type: 'paragraph', text: [HOSTILE, { text: HOSTILE, bold: true }] },
        { type: 'heading', text: HOSTILE },
        { type: 'list', items: [HOSTILE] },
        { type: 'table', columns: [{ header: HOSTILE }], rows: [[HOSTILE]], totalsRow: [HOSTILE] },
      ],
      signatures: { left: { titleLines: [HOSTILE], signerName: HOSTILE, note: HOSTILE }, right: { titleLines: [HOSTILE], signerName: HOSTILE } },
      recipients: [HOSTILE],
    };
    const out = renderPartyDocument(doc);
    // Only escaped forms may appear (no tag opens); toBe keeps a failure message short.
    expect(/<script|<img/i.test(out)).toBe(false);
    expect(out.includes('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(true);
    const pages = pdfPages(await renderer.render(out));
    expect(pages.join('\n')).toContain('<script>alert(1)</script>');
  });

  it('renders a long biên bản to a real Party-format PDF', async () => {
    const pdf = await renderer.render(renderPartyDocument(sampleMinutes(14)));
    pdfToPngs(pdf, 'bien-ban');
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const first = squash(pages[0]!);
    for (const line of ['HUYỆN ỦY CHỢ MỚI', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 05-BB/BCĐ', 'Bắc Kạn, ngày 16 tháng 12 năm 2022', 'BIÊN BẢN', 'BAN CHỈ ĐẠO THỰC HIỆN', 'Hội nghị Ban Chỉ đạo tổng kết công tác năm 2022,']) {
      expect(first).toContain(line);
    }
    // Diacritics with two marks and đ/ư/ơ extract exactly.
    const all = pages.join('\n');
    for (const word of ['tập trung', 'Tổ quốc', 'kế hoạch', 'Đặng Văn Ước', 'Lương Thị Ơn', 'Yên Đĩnh']) expect(squash(all)).toContain(word);
    // Page numbers: none on page 1, "2", "3"… alone on the first line of the others.
    expect(pages[0]!.trimStart().split('\n')[0]!.trim()).not.toMatch(/^\d+$/);
    pages.slice(1).forEach((page, i) => expect(page.trimStart().split('\n')[0]!.trim()).toBe(String(i + 2)));
    // The signature block is whole on the last page.
    const last = pages[pages.length - 1]!;
    for (const s of ['THƯ KÝ', 'CHỦ TRÌ', 'Triệu Thị Mận', 'Nguyễn Văn Hùng']) expect(last).toContain(s);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    expect(fonts.some((f) => /Tinos|TimesNewRoman/i.test(f.name) && /Bold/i.test(f.name))).toBe(true);
    expect(fonts.some((f) => /Italic/i.test(f.name))).toBe(true);
  });

  it('embeds its own Tinos faces (bold and italic are real faces, not synthesised)', async () => {
    const pdf = await renderer.render(renderPartyDocument(sampleNotice(), { embeddedFontOnly: true }));
    pdfToPngs(pdf, 'thong-bao');
    const names = pdfFonts(pdf).map((f) => f.name);
    expect(names.some((n) => /Tinos-Regular/.test(n))).toBe(true);
    expect(names.some((n) => /Tinos-Bold/.test(n))).toBe(true);
    expect(names.some((n) => /Tinos-Italic/.test(n))).toBe(true);
    const text = squash(pdfPages(pdf).join('\n'));
    for (const s of ['Số 12-TB/BCĐ', 'Bắc Kạn, ngày 05 tháng 02 năm 2023', 'THÔNG BÁO', 'T/M BAN CHỈ ĐẠO', 'TRƯỞNG BAN', 'Nơi nhận:', '- Thường trực Huyện ủy (b/c),', '- Lưu VP.']) {
      expect(text).toContain(s);
    }
  });

  it('never splits the signature block, whatever the body length', async () => {
    const seen = new Set<string>();
    // Steps of ~6 lines against a ~10-line signature block: some length must straddle a page end.
    for (let n = 0; n <= 30; n += 3) {
      const doc = sampleMinutes(0);
      doc.body = [...doc.body, ...Array.from({ length: n }, (_, i) => ({ type: 'paragraph' as const, text: `Đoạn bổ sung số ${i + 1}: ý kiến của đại biểu về việc thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua "Dân vận khéo" tại địa phương.` }))];
      const pages = pdfPages(await renderer.render(renderPartyDocument(doc)));
      const sigPage = pages.findIndex((p) => p.includes('THƯ KÝ'));
      expect(sigPage, `n=${n}`).toBeGreaterThanOrEqual(0);
      for (const s of ['CHỦ TRÌ', 'Triệu Thị Mận', 'Nguyễn Văn Hùng']) expect(pages[sigPage], `n=${n}`).toContain(s);
      seen.add(`${sigPage}/${pages.length}`);
    }
    // The lengths tried really moved the signature across a page boundary.
    expect(seen.size).toBeGreaterThan(1);
  });

  it('prints a landscape register whose header row repeats on every page', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => [i + 1, `Xã ${i + 1}`, `Mô hình "Dân vận khéo" số ${i + 1} trong xây dựng nông thôn mới`, i % 2 ? 'Cá nhân' : 'Tập thể', 'Công nhận']);
    const doc: PartyDocument = {
      orientation: 'landscape',
      margins: PROFILE.margins,
      header: { parentBody: PROFILE.parentBody, issuingBody: PROFILE.committeeName, number: null, placeDate: null },
      kind: 'Sổ theo dõi mô hình "Dân vận khéo"',
      summary: 'Năm 2023',
      body: [{ type: 'table', columns: [{ header: 'TT', width: 1, align: 'center' }, { header: 'Đơn vị', width: 3 }, { header: 'Tên mô hình', width: 9 }, { header: 'Loại', width: 2 }, { header: 'Kết quả', width: 2 }], rows, headerGroups: [{ title: '', span: 3 }, { title: 'Phân loại và kết quả xét', span: 2 }] }],
    };
    const pdf = await renderer.render(renderPartyDocument(doc), { landscape: true });
    pdfToPngs(pdf, 'so-mo-hinh');
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      expect(page).toContain('Tên mô hình');
      expect(page).toContain('Phân loại và kết quả xét');
    }
    expect(squash(pages.join('\n'))).toContain('Mô hình "Dân vận khéo" số 90');
  });
});
