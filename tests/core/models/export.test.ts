import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { ChromiumPdfRenderer } from '../../../electron/harness/chromium';
import { CHO_MOI_PROFILE, fixtureBytes, loadBacKanFields } from './support';

const ARTIFACTS = path.resolve(__dirname, '../../../test-results/models');
let app: TestApp;
const pdf = new ChromiumPdfRenderer();

beforeAll(async () => {
  app = await openTestApp({ renderPdf: (html, o) => pdf.render(html, o) });
  await app.call('settings.update', {
    profile: CHO_MOI_PROFILE,
  });
  await loadBacKanFields(app);
  const p = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
  await app.call('models.importCommit', { importId: p.importId, createMissing: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await pdf.close();
  await app?.close();
});

function pdfText(bytes: Uint8Array, name: string): string {
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  fs.writeFileSync(file, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(ARTIFACTS, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

describe('register exports', () => {
  it('exports the filtered register to XLSX with Party title rows, read back with exceljs', async () => {
    const unit = (await app.call('models.list', { year: 2023, search: 'thanh mai', limit: 1 })).rows[0]!;
    const out = await app.call('models.exportXlsx', { year: 2023, unitId: unit.unitId, kind: 'collective' });
    const expected = await app.call('models.list', { year: 2023, unitId: unit.unitId, kind: 'collective', limit: 1000 });
    expect(out.rows).toBe(expected.total);
    expect(out.fileName).toBe('so-mo-hinh-dan-van-kheo-2023.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toBe('HUYỆN ỦY CHỢ MỚI');
    expect(String(ws.getCell('A4').value)).toBe('DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2023');
    expect(String(ws.getCell('A5').value)).toContain('Đảng ủy xã Thanh Mai');
    expect(ws.getRow(7).getCell(4).value).toBe('Tên mô hình');
    const names: string[] = [];
    for (let r = 8; r < 8 + out.rows; r++) {
      names.push(String(ws.getRow(r).getCell(4).value));
      expect(ws.getRow(r).getCell(3).value).toBe('Đảng ủy xã Thanh Mai');
      expect(ws.getRow(r).getCell(5).value).toBe('Tập thể');
    }
    expect(names.sort()).toEqual(expected.rows.map((r) => r.name).sort());
    expect(String(ws.getRow(8 + out.rows).getCell(3).value)).toBe('Cộng');
  });

  it('prints the register as a landscape Party-format PDF', async () => {
    const out = await app.call('models.exportRegisterPdf', { year: 2023 });
    expect(out.rows).toBe(60);
    const text = pdfText(out.bytes, 'so-mo-hinh-2023');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('DANH SÁCH');
    expect(text).toMatch(/Mô hình "Dân vận khéo" năm 2023/);
    expect(text).toContain('Dòng họ không có tội phạm');
    expect(text).toMatch(/60 mô hình/);
    const info = execFileSync('pdfinfo', [path.join(ARTIFACTS, 'so-mo-hinh-2023.pdf')]).toString();
    const m = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect(Number(m[1])).toBeGreaterThan(Number(m[2])); // landscape
  }, 60_000);

  it('makes the summary tables as XLSX and PDF with figures equal to the statistics', async () => {
    const stats = await app.call('models.stats', { year: 2023 });
    const x = await app.call('models.exportSummary', { year: 2023, format: 'xlsx' });
    fs.writeFileSync(path.join(ARTIFACTS, 'bieu-tong-hop-2023.xlsx'), x.bytes); // kept to look at
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.bytes) as unknown as ArrayBuffer);
    const byUnit = wb.getWorksheet('Theo đơn vị')!;
    // Party-format title rows above the table, in the register export's font.
    expect(byUnit.getCell('A1').value).toBe('HUYỆN ỦY CHỢ MỚI');
    expect(byUnit.getCell('A1').font?.name).toBe('Times New Roman');
    const rowsOf = (ws: ExcelJS.Worksheet) => {
      const all = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1));
      const header = all.findIndex((r) => r.getCell(1).value === 'TT');
      const totals = all.findIndex((r) => r.getCell(2).value === 'Tổng cộng');
      expect(header).toBeGreaterThan(0);
      return { data: all.slice(header + 1, totals), totals: all[totals]!, header: all[header]! };
    };
    const units = rowsOf(byUnit);
    expect(units.header.getCell(3).value).toBe('Tổng số đăng ký');
    expect(units.totals.getCell(3).value).toBe(stats.registered);
    expect(units.totals.getCell(4).value).toBe(stats.collective);
    expect(units.totals.getCell(5).value).toBe(stats.individual);
    expect(units.totals.getCell(13).value).toBe(`${stats.unitsReviewed}/${stats.unitsTotal}`);
    expect(units.data.length).toBe(stats.byUnit.length);
    expect(units.data.reduce((a, r) => a + Number(r.getCell(3).value), 0)).toBe(60);
    expect(units.data.map((r) => r.getCell(2).value)).toContain('Đảng ủy xã Thanh Mai');
    const fields = rowsOf(wb.getWorksheet('Theo lĩnh vực')!);
    expect(fields.totals.getCell(3).value).toBe(60);
    expect(fields.data.reduce((a, r) => a + Number(r.getCell(3).value), 0)).toBe(60);

    const p = await app.call('models.exportSummary', { year: 2023, format: 'pdf' });
    const text = pdfText(p.bytes, 'bieu-tong-hop-2023');
    expect(text).toContain('BIỂU TỔNG HỢP');
    expect(text).toContain('I. THEO ĐƠN VỊ');
    expect(text).toContain('Đảng ủy xã Thanh Mai');
    expect(text).toContain('Tổng cộng');
    expect(text).toMatch(/Tổng số 60 lượt mô hình/);
  }, 60_000);
});
