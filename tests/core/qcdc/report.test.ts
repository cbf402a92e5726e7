import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { pdfPages, squash, unzipEntry, wordParagraphs } from '../export/support';
import { indicatorIds, seedQcdcUnits } from './support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp;

beforeAll(async () => {
  app = await openTestApp({ now: '2023-01-20T02:00:00.000Z', renderPdf: (html, o) => pdf.render(html, o) });
  const u = await seedQcdcUnits(app);
  const ids = await indicatorIds(app);
  const save = (unitId: string, year: number, values: Record<string, number | boolean>) =>
    app.call('qcdc.reports.save', { unitId, year, period: 'annual', values: Object.entries(values).map(([k, value]) => ({ indicatorId: ids[k]!, value })) });
  await save(u.xaA.id, 2021, { XA_CONG_KHAI: 10, KNTC_THAM_QUYEN: 6, KNTC_DA_GIAI_QUYET: 6 });
  await save(u.xaA.id, 2022, { XA_CONG_KHAI: 14, XA_BAN_TTND: true, KNTC_THAM_QUYEN: 10, KNTC_DA_GIAI_QUYET: 9 });
  await save(u.xaB.id, 2022, { XA_CONG_KHAI: 9, XA_BAN_TTND: false, KNTC_THAM_QUYEN: 2, KNTC_DA_GIAI_QUYET: 2 });
  await save(u.dn.id, 2022, { DN_HN_NLD: true, DN_DOI_THOAI_DK: 4, KNTC_THAM_QUYEN: 4, KNTC_DA_GIAI_QUYET: 1 });
  await app.call('dialogues.create', { unitId: u.xaA.id, date: '2022-05-10', chairedBy: 'Chủ tịch UBND xã', participants: 120, opinionsRaised: 9, opinionsAnswered: 7, passedOn: [{ content: 'Sửa đường' }] });
});
afterAll(async () => {
  await app?.close();
  await pdf.close();
});

describe('the QCDC section of the reports', () => {
  it('drafts the annual report’s QCDC section from the figures (DOCX)', async () => {
    const file = await app.call('reports.annual', { year: 2022, format: 'docx' });
    const text = wordParagraphs(unzipEntry(file.bytes, 'word/document.xml')).join('\n');
    expect(text).toContain('5. Kết quả thực hiện Quy chế dân chủ ở cơ sở theo loại hình');
    expect(text).toContain('Năm 2022, 3/5 đơn vị đã gửi số liệu thực hiện Quy chế dân chủ ở cơ sở (60,0%).');
    expect(text).toContain('- Xã, phường, thị trấn và cộng đồng dân cư (2/2 đơn vị báo cáo): số nội dung chính quyền cấp xã đã công khai: 23 nội dung (tăng 13 so với năm trước)');
    expect(text).toContain('ban Thanh tra nhân dân hoạt động: 1/2 đơn vị');
    expect(text).toContain('tổ chức hội nghị người lao động: 1/1 đơn vị');
    // Common figures summed over the loại hình: 12 of 16 resolved = 75 %.
    expect(text).toContain('tỷ lệ giải quyết đơn thuộc thẩm quyền: 75%');
    expect(text).toContain('số hội nghị đối thoại: 1 cuộc');
    expect(text).toContain('6. Phong trào thi đua "Dân vận khéo"');
    expect(text).toContain('7. Chế độ thông tin, báo cáo');
    // The assessment stays the officer's.
    expect(text).toContain('II. ĐÁNH GIÁ CHUNG');
  });

  it('carries the same figures in the PDF', async () => {
    const file = await app.call('reports.annual', { year: 2022, format: 'pdf' });
    const all = pdfPages(file.bytes).map(squash).join('\n').replace(/\s+/g, ' ');
    expect(all).toContain('3/5 đơn vị đã gửi số liệu');
    expect(all).toContain('1/2 đơn vị');
    expect(all).toContain('23 nội dung');
  }, 60_000);

  it('adds the QCDC sheets to the statistics workbook', async () => {
    const file = await app.call('reports.statisticsXlsx', { year: 2022 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['QCDC theo loại hình', 'QCDC Xã, phường', 'QCDC Doanh nghiệp']));
    const ws = wb.getWorksheet('QCDC theo loại hình')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const row = rows.find((r) => r[1] === 'Số nội dung chính quyền cấp xã đã công khai')!;
    expect(row.slice(2, 6)).toEqual([23, undefined, 10, 13]);
  });
});
