import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsxSheets, sniffSpreadsheet, writeTablesXlsx, writeTableXlsx, type XlsxColumn } from '../../../electron/core/export/xlsx';
import { detectHeader, mapColumns, readRows } from '../../../electron/core/export/import';
import { AppError } from '../../../electron/core/errors';

const COLUMNS: XlsxColumn[] = [
  { header: 'TT', key: 'tt', type: 'integer', width: 6 },
  { header: 'Đơn vị', key: 'unit', width: 30 },
  { header: 'Tên mô hình', key: 'name', width: 50 },
  { header: 'Ngày công nhận', key: 'date', type: 'date', width: 14 },
  { header: 'Kinh phí (đồng)', key: 'money', type: 'number', width: 16 },
  { header: 'Điển hình', key: 'typical', type: 'boolean', width: 10 },
];

function* rows(n: number) {
  for (let i = 1; i <= n; i += 1) {
    yield { tt: i, unit: `Đảng ủy xã số ${i % 97}`, name: `Mô hình "Dân vận khéo" số ${i}`, date: `2023-${String((i % 12) + 1).padStart(2, '0')}-16`, money: i * 1000, typical: i % 5 === 0 };
  }
}

describe('writeTableXlsx', () => {
  it('writes Party-format title rows, typed cells and totals that read back', async () => {
    const progress: number[] = [];
    const bytes = await writeTableXlsx({
      sheetName: 'Sổ mô hình 2023',
      title: { parentBody: 'Huyện ủy Chợ Mới', issuingBody: 'Ban Chỉ đạo QCDC', placeDate: 'Bắc Kạn, ngày 16 tháng 12 năm 2022', title: 'Sổ theo dõi mô hình "Dân vận khéo"', subtitle: 'Năm 2023' },
      columns: COLUMNS,
      rows: rows(25),
      rowCount: 25,
      totals: { unit: 'Cộng', money: 325000 },
      progressEvery: 10,
      onProgress: (done) => {
        progress.push(done);
      },
    });
    expect(progress).toEqual([10, 20, 25]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sổ mô hình 2023')!;
    expect(ws.getCell('A1').value).toBe('HUYỆN ỦY CHỢ MỚI');
    expect(ws.getCell('D1').value).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(ws.getCell('A2').value).toBe('BAN CHỈ ĐẠO QCDC');
    expect(ws.getCell('D2').value).toBe('Bắc Kạn, ngày 16 tháng 12 năm 2022');
    expect(ws.getCell('A4').value).toBe('SỔ THEO DÕI MÔ HÌNH "DÂN VẬN KHÉO"');
    expect(ws.getCell('A5').value).toBe('Năm 2023');
    expect(ws.getRow(7).values).toEqual([undefined, 'TT', 'Đơn vị', 'Tên mô hình', 'Ngày công nhận', 'Kinh phí (đồng)', 'Điển hình']);
    const first = ws.getRow(8);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(4).value).toEqual(new Date(Date.UTC(2023, 1, 16)));
    expect(first.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(5).value).toBe(1000);
    expect(first.getCell(5).numFmt).toBe('#,##0');
    expect(ws.getRow(12).getCell(6).value).toBe('x');
    expect(ws.getRow(33).getCell(2).value).toBe('Cộng');
    expect(ws.getRow(33).getCell(2).font?.bold).toBe(true);
    expect(ws.getCell('A1').font?.name).toBe('Times New Roman');
    // Our own reader gives the same values back (dates as ISO).
    const [sheet] = await readXlsxSheets(bytes);
    expect(sheet!.rows[7]).toEqual([1, 'Đảng ủy xã số 1', 'Mô hình "Dân vận khéo" số 1', '2023-02-16', 1000]);
    expect(sheet!.rows[11]![5]).toBe('x');
  });

  it('writes several summary tables with two-level headers into one workbook, readable by the import engine', async () => {
    const columns: XlsxColumn[] = [
      { header: 'TT', key: 'tt', type: 'integer' },
      { header: 'Đơn vị', key: 'unit', width: 28 },
      { header: 'Tập thể', key: 'regC', type: 'integer' },
      { header: 'Cá nhân', key: 'regI', type: 'integer' },
      { header: 'Tập thể', key: 'recC', type: 'integer' },
      { header: 'Cá nhân', key: 'recI', type: 'integer' },
    ];
    const rows = [
      { tt: 1, unit: 'Đảng ủy xã Yên Đĩnh', regC: 3, regI: 2, recC: 2, recI: 1 },
      { tt: 2, unit: 'Đảng ủy xã Thanh Mai', regC: 4, regI: 0, recC: 3, recI: 0 },
    ];
    const bytes = await writeTablesXlsx([
      { sheetName: 'Theo đơn vị', title: { title: 'Biểu tổng hợp theo đơn vị' }, columns, rows, headerGroups: [{ title: '', span: 2 }, { title: 'Đăng ký', span: 2 }, { title: 'Công nhận', span: 2 }], totals: { unit: 'Cộng', regC: 7, regI: 2, recC: 5, recI: 1 } },
      { sheetName: 'Theo đơn vị', columns: [{ header: 'Lĩnh vực', key: 'f' }], rows: [{ f: 'Cải cách hành chính' }] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo đơn vị', 'Theo đơn vị (2)']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A3').value).toBe('TT');
    expect(ws.getCell('A4').isMerged).toBe(true);
    expect(ws.getCell('C3').value).toBe('Đăng ký');
    expect(ws.getCell('E3').value).toBe('Công nhận');
    expect(ws.getCell('E4').value).toBe('Tập thể');
    expect(ws.getCell('F5').value).toBe(1);
    // The import engine reads our own two-level header back.
    const [sheet] = await readXlsxSheets(bytes);
    const fields = [
      { key: 'unit', label: 'Đơn vị', aliases: [] },
      { key: 'recC', label: 'Công nhận Tập thể', aliases: [] },
      { key: 'recI', label: 'Công nhận Cá nhân', aliases: [] },
      { key: 'regC', label: 'Đăng ký Tập thể', aliases: [] },
    ];
    const header = detectHeader(sheet!, fields)!;
    expect(header.rowNumber).toBe(3);
    const mapping = mapColumns(header, fields);
    expect(mapping.fields).toEqual({ unit: 1, recC: 4, recI: 5, regC: 2 });
    const read = readRows(sheet!, header, mapping);
    expect(read.rows.map((r) => [r.values.unit, r.values.recC])).toEqual([['Đảng ủy xã Yên Đĩnh', 2], ['Đảng ủy xã Thanh Mai', 3]]);
    expect(read.skipped.map((s) => s.reason)).toEqual(['totals']);
  });

  it('streams 100,000 rows quickly and without holding them in memory', async () => {
    const before = process.memoryUsage().heapUsed;
    const started = Date.now();
    let peak = 0;
    const bytes = await writeTableXlsx({
      columns: COLUMNS,
      rows: (async function* () {
        yield* rows(100_000);
      })(),
      progressEvery: 10_000,
      onProgress: () => {
        peak = Math.max(peak, process.memoryUsage().heapUsed - before);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    expect(sniffSpreadsheet(bytes)).toBe('xlsx');
    expect(bytes.byteLength).toBeGreaterThan(1_000_000);
    expect(seconds).toBeLessThan(30);
    // The output itself is a few MB; cell objects for 100k rows would be hundreds.
    expect(peak).toBeLessThan(250 * 1024 * 1024);
  }, 60_000);

  it('rejects files it cannot read with a clear Vietnamese message', async () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(), /Tệp rỗng/],
      [new TextEncoder().encode('TT;Tên\n1;A'), /không phải là tệp Excel/],
      [Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0), ...Buffer.from('Workbook', 'utf16le')]), /định dạng cũ \(\.xls\)/],
      [Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0), ...Buffer.from('EncryptedPackage', 'utf16le')]), /mật khẩu/],
      [Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /bị hỏng/],
    ];
    for (const [bytes, message] of cases) {
      const err = await readXlsxSheets(bytes).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('VALIDATION');
      expect((err as AppError).message).toMatch(message);
    }
  });
});
