import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { pdfToPngs } from '../export/support';
import type { TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { seedOrganisation } from '../tasks/seed';
import { openWithProfile as openWith, pdfPlain, ARTIFACTS } from '../plans/support';

const pdf = new ChromiumPdfRenderer();
let app: TestApp | null = null;
const openWithProfile = (now?: string) => openWith(pdf, now);

beforeAll(() => fs.mkdirSync(ARTIFACTS, { recursive: true }));
afterAll(async () => pdf.close());
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('unit reports', () => {
  it('gives the on time / late / missing matrix for the clock and exports it', async () => {
    app = await openWithProfile('2023-06-01T02:00:00.000Z');
    const org = await seedOrganisation(app);
    const six = await app.call('unitReports.createPeriod', { type: 'six_month', year: 2023, title: 'Báo cáo 6 tháng đầu năm 2023', dueDate: '2023-06-15', unitIds: [] });
    const thematic = await app.call('unitReports.createPeriod', { type: 'thematic', year: 2023, title: 'Báo cáo chuyên đề đối thoại', dueDate: '2023-08-31', unitIds: [org.choMoi.id, org.baBe.id] });
    app.clock.set('2023-06-20T02:00:00.000Z');
    await app.call('unitReports.record', { periodId: six.id, unitId: org.choMoi.id, receivedDate: '2023-06-14' });
    await app.call('unitReports.record', { periodId: six.id, unitId: org.baBe.id, receivedDate: '2023-06-18' });
    const future = await app.invoke('unitReports.record', { periodId: six.id, unitId: org.mttq.id, receivedDate: '2023-07-01' });
    expect(future.ok).toBe(false);
    const m = await app.call('unitReports.matrix', { year: 2023 });
    expect(m.periods.map((p) => p.id)).toEqual([six.id, thematic.id]);
    const byUnit = Object.fromEntries(m.rows.map((r) => [r.unitName, r.cells.map((c) => (c ? `${c.state}${c.daysLate ?? ''}` : '-'))]));
    expect(byUnit).toEqual({
      'Huyện ủy Ba Bể': ['late3', 'pending'],
      'Huyện ủy Chợ Mới': ['onTime', 'pending'],
      'Đảng bộ Khối Doanh nghiệp': ['missing5', '-'],
      'Ủy ban MTTQ tỉnh': ['missing5', '-'],
    });
    expect(m.totals[0]).toEqual({ periodId: six.id, onTime: 1, late: 1, missing: 2, pending: 0 });

    const xlsx = await app.call('unitReports.export', { year: 2023 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    const values = wb.worksheets[0]!.getSheetValues().flat().map(String).join('|');
    expect(values).toContain('Chậm 3 ngày');
    expect(values).toContain('Huyện ủy Chợ Mới');
    const printed = await app.call('unitReports.print', { year: 2023 });
    const text = pdfPlain(await pdf.render(printed.html, { landscape: true }));
    expect(text).toContain('Chậm 3 ngày');
    pdfToPngs(await pdf.render(printed.html, { landscape: true }), 'theo-doi-bao-cao', ARTIFACTS);
  });
});
