import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsxSheets } from '../../../electron/core/export/xlsx/reader';
import { readXlsxValues } from '../../../electron/core/models/import/xlsxFast';
import { readWorkbookGrids } from '../../../electron/core/models/import/workbook';
import { writeTableXlsx } from '../../../electron/core/export/xlsx';
import { fixtureBytes } from './support';
import { isTotalsRow } from '../../../electron/core/models/import/parse';

/*
 * The import reads cell values straight from the sheet XML (xlsxFast.ts); the exceljs reader of
 * export/xlsx is the reference. Both must give the same sheets for every kind of cell real files
 * carry.
 */

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function expectSameAsExceljs(bytes: Uint8Array): Promise<void> {
  const reference = await readXlsxSheets(bytes);
  const fast = readXlsxValues(bytes);
  expect(fast).toEqual(reference);
}

describe('the direct xlsx reader of the import', () => {
  it('reads the Chợ Mới fixture exactly as exceljs does', async () => {
    await expectSameAsExceljs(fixtureBytes());
  });

  it('reads a generated register (title rows, merged title, 2,000 rows) exactly as exceljs does', async () => {
    const bytes = await writeTableXlsx({
      title: { parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', issuingBody: 'BAN CHỈ ĐẠO', title: 'DANH SÁCH MÔ HÌNH NĂM 2026' },
      columns: [
        { header: 'TT', key: 'tt', type: 'integer' },
        { header: 'Tên mô hình', key: 'name' },
        { header: 'Ngày', key: 'date', type: 'date' },
      ],
      rows: Array.from({ length: 2000 }, (_, i) => ({ tt: i + 1, name: `Mô hình “số” ${i} & <bản> 'Nà Pài'`, date: '2023-12-16' })),
    });
    await expectSameAsExceljs(bytes);
  });

  it('dates, formulas, rich text, hyperlinks, booleans, errors, merges, hidden sheets and legacy fonts', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị A');
    ws.addRow(['ĐẢNG ỦY XÃ THANH MAI']);
    ws.mergeCells('A1:E1');
    ws.addRow(['TT', 'Tên', 'Ngày', 'Số', 'Ghi chú']);
    ws.addRow([1, { richText: [{ text: 'Dân vận ', font: { bold: true } }, { text: 'khéo' }] }, new Date(Date.UTC(2023, 11, 16)), 2360.5, true]);
    ws.addRow([2, { text: 'Liên kết', hyperlink: 'https://example.vn' }, new Date(Date.UTC(2024, 0, 2, 8, 30)), { formula: 'D3*2', result: 4721 }, false]);
    ws.addRow([3, { formula: 'B2&"x"', result: 'Tênx' }, { formula: 'C3+1', result: new Date(Date.UTC(2023, 11, 17)) }, { error: '#N/A' }, '']);
    ws.addRow([]);
    ws.addRow([4, '  khoảng   trắng  ', null, 0, 'x']);
    ws.getCell('D7').numFmt = '#,##0.00';
    ws.getCell('E7').numFmt = 'dd/mm/yyyy';
    ws.getCell('E7').value = 45000;
    ws.mergeCells('B8:C9');
    ws.getCell('B8').value = 'Ô gộp hai dòng';
    const legacy = wb.addWorksheet('Cu');
    legacy.addRow(['Céng hoµ x· héi chñ nghÜa ViÖt Nam']).getCell(1).font = { name: '.VnTime' };
    legacy.addRow(['DANH S¸CH']).getCell(1).font = { name: '.VnTimeH' };
    const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
    hidden.addRow(['không hiện']);
    const bytes = await bytesOf(wb);
    await expectSameAsExceljs(bytes);
    const [a, cu, an] = readXlsxValues(bytes);
    expect(a!.rows[0]).toEqual(Array(5).fill('ĐẢNG ỦY XÃ THANH MAI'));
    expect(a!.rows[2]).toEqual([1, 'Dân vận khéo', '2023-12-16', 2360.5, true]);
    expect(a!.rows[3]).toEqual([2, 'Liên kết', '2024-01-02T08:30', 4721, false]);
    expect(a!.rows[4]!.slice(0, 4)).toEqual([3, 'Tênx', '2023-12-17', null]);
    expect(a!.rows[6]).toEqual([4, '  khoảng   trắng  ', null, 0, '2023-03-15']);
    expect(a!.rows[8]).toEqual([null, 'Ô gộp hai dòng', 'Ô gộp hai dòng']);
    expect(cu!.textFonts).toEqual({ '.VnTime': 1, '.VnTimeH': 1 });
    expect(cu!.capitalsFontCells).toEqual([[1, 0]]);
    expect(an!.hidden).toBe(true);
  });

  it('gives the import the same grids and encoding as the exceljs path, TCVN3 converted', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sach');
    const cells = ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', '§¶ng bé x· Thanh Mai', 'M« h×nh d©n vËn khÐo'];
    for (const c of cells) ws.addRow([c]).getCell(1).font = { name: '.VnTime' };
    const grids = await readWorkbookGrids(await bytesOf(wb));
    expect(grids.encoding).toBe('tcvn3');
    expect(grids.sheets[0]!.rows.map((r) => r[0])).toEqual(['Cộng hoà xã hội chủ nghĩa Việt Nam', 'Đảng bộ xã Thanh Mai', 'Mô hình dân vận khéo']);
  });

  it('refuses what it does not understand so exceljs decides (broken zip)', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(() => readXlsxValues(bytes)).toThrow();
  });

  it('tells totals rows from models whose names start like "Cộng" or "Tổng"', () => {
    const totals = ['Cộng', 'CỘNG:', 'Tổng cộng', 'Tổng cộng: 2 mô hình', 'Tổng số 25 mô hình', 'Cộng (12)', 'Tổng: 7', 'Cộng toàn huyện', 'Tổng chung'];
    for (const t of totals) expect(isTotalsRow(['', t, '12']), t).toBe(true);
    const models = ['Công dân số, chuyển đổi số ở cơ sở', 'Cộng đồng dân cư tự quản', 'Công cà phê sạch', 'Tổng Nẻng sạch đẹp', 'Cổng làng văn hóa'];
    for (const m of models) expect(isTotalsRow(['1', 'Đảng bộ xã Thanh Mai', m, 'Tập thể']), m).toBe(false);
  });
});
