import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readXlsxSheets, writeTableXlsx, writeTablesXlsx, type XlsxColumn, type XlsxRow } from '../../../electron/core/export/xlsx';

/*
 * The hand-written SpreadsheetML writer: what Excel would choke on (control characters, markup
 * characters, over-long text, rows larger than an encoding slot) comes back as it should, the
 * archive is well-formed, and rows are pulled one at a time (never buffered).
 */

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function unzipTest(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qcdc-xlsx-')), 'out.xlsx');
  fs.writeFileSync(file, bytes);
  return execFileSync('unzip', ['-t', file]).toString();
}

describe('SpreadsheetML writer', () => {
  it('pulls rows one at a time: it never holds more than the row it is writing', async () => {
    let yielded = 0;
    const lag: number[] = [];
    async function* rows(): AsyncGenerator<XlsxRow> {
      for (let i = 1; i <= 1500; i += 1) {
        yielded += 1;
        yield { tt: i, name: `Mô hình số ${i}` };
      }
    }
    const bytes = await writeTableXlsx({
      columns: [
        { header: 'TT', key: 'tt', type: 'integer' },
        { header: 'Tên', key: 'name' },
      ],
      rows: rows(),
      progressEvery: 1,
      onProgress: (done) => {
        lag.push(yielded - done);
      },
    });
    expect(lag).toHaveLength(1501); // every row, plus the final call
    expect(Math.max(...lag)).toBe(0);
    const ws = (await load(bytes)).worksheets[0]!;
    expect(ws.getCell('B1501').value).toBe('Mô hình số 1500');
  });

  it('writes markup characters, control characters, spaces, line breaks and long text safely', async () => {
    const long = 'ắ'.repeat(40_000);
    const columns: XlsxColumn[] = [
      { header: 'Văn bản', key: 'text', width: 30 },
      { header: 'Số', key: 'n', type: 'number', decimals: 1 },
      { header: 'Ngày', key: 'd', type: 'date' },
    ];
    const rows: XlsxRow[] = [
      { text: 'Quyết định <số 12> & "Dân vận khéo"', n: 1234.5, d: '2023-12-20' },
      { text: 'Có ký tự\u0001 điều khiển\u000b lạ', n: 'không phải số', d: 'không rõ' },
      { text: '  thụt đầu dòng và cuối  ', n: -0.25, d: new Date(Date.UTC(2024, 1, 29)) },
      { text: 'Dòng 1\nDòng 2', n: null, d: null },
      { text: long, n: 0, d: '2000-01-01' },
    ];
    const bytes = await writeTableXlsx({ sheetName: 'Thử: ký tự/đặc biệt?', columns, rows });
    expect(unzipTest(bytes)).toMatch(/No errors detected/);
    const wb = await load(bytes);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Thử  ký tự đặc biệt');
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.getCell('A2').value).toBe('Quyết định <số 12> & "Dân vận khéo"');
    expect(ws.getCell('B2').value).toBe(1234.5);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.0');
    expect(ws.getCell('C2').value).toEqual(new Date(Date.UTC(2023, 11, 20)));
    expect(ws.getCell('A3').value).toBe('Có ký tự điều khiển lạ');
    expect(ws.getCell('B3').value).toBe('không phải số');
    expect(ws.getCell('C3').value).toBe('không rõ');
    expect(ws.getCell('A4').value).toBe('  thụt đầu dòng và cuối  ');
    expect(ws.getCell('B4').value).toBe(-0.25);
    expect(ws.getCell('C4').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(ws.getCell('A5').value).toBe('Dòng 1\nDòng 2');
    expect(ws.getCell('B5').value).toBeNull();
    expect(ws.getCell('B5').border?.left?.style).toBe('thin'); // empty cells keep the table's borders
    expect(ws.getCell('A6').value).toBe(long.slice(0, 32767)); // Excel's limit per cell
    expect(ws.getCell('B6').value).toBe(0);
    expect(wb.creator).toBe('QCDC Desk');
    // Rows are as tall as their wrapped text (no application re-fits heights on opening a file).
    expect(ws.getRow(5).height).toBe(2 * 15.75); // two lines
    expect(ws.getRow(6).height).toBe(409); // Excel's tallest row
    expect(ws.getRow(4).height ?? 15).toBeLessThan(16); // one line: the default height
  });

  it('passes rows larger than an encoding slot through intact and in order', async () => {
    // 14 cells of 32,767 three-byte characters: ~1.4 MB of UTF-8 in one row.
    const columns: XlsxColumn[] = Array.from({ length: 14 }, (_, i) => ({ header: `Cột ${i + 1}`, key: `c${i}` }));
    const big = (ch: string): XlsxRow => Object.fromEntries(columns.map((c) => [c.key, ch.repeat(32767)]));
    const rows = [{ c0: 'trước' }, big('ệ'), { c0: 'giữa' }, big('ữ'), { c0: 'sau' }];
    const bytes = await writeTableXlsx({ columns, rows });
    expect(unzipTest(bytes)).toMatch(/No errors detected/);
    const [sheet] = await readXlsxSheets(bytes);
    expect(sheet!.rows.map((r) => String(r[0]).slice(0, 5))).toEqual(['Cột 1', 'trước', 'ệệệệệ', 'giữa', 'ữữữữữ', 'sau']);
    expect(sheet!.rows[2]![13]).toBe('ệ'.repeat(32767));
  });

  it('keeps each sheet its own frozen header, print titles and page setup', async () => {
    const bytes = await writeTablesXlsx([
      { sheetName: 'Một', title: { title: 'Bảng một' }, columns: [{ header: 'A', key: 'a' }], rows: [{ a: 1 }] },
      { sheetName: 'Hai', columns: Array.from({ length: 8 }, (_, i) => ({ header: `H${i}`, key: `k${i}` })), rows: [{ k0: 'x' }], freezeHeader: false },
    ]);
    const wb = await load(bytes);
    const [one, two] = wb.worksheets;
    expect(one!.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(one!.pageSetup.orientation).toBe('portrait');
    expect(one!.pageSetup.fitToWidth).toBe(1);
    expect(one!.pageSetup.paperSize).toBe(9);
    expect(two!.views[0]?.state ?? 'normal').toBe('normal');
    expect(two!.pageSetup.orientation).toBe('landscape');
    expect(one!.pageSetup.printTitlesRow).toMatch(/^\$?3:\$?3$/); // the header repeats on every printed page
    expect(two!.pageSetup.printTitlesRow).toBeUndefined();
    expect(one!.getCell('A1').value).toBe('BẢNG MỘT');
    expect(one!.getCell('A1').font?.name).toBe('Times New Roman');
    expect(one!.getCell('A3').font?.bold).toBe(true);
  });
});
