import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsxSheets, sniffSpreadsheet, writeTableXlsx, type XlsxColumn } from '../../../electron/core/export/xlsx';
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
