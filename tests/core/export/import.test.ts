import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  cleanText,
  convertTcvn3,
  convertVni,
  detectEncoding,
  detectHeader,
  importTable,
  isNumberingRow,
  mapColumns,
  parseDateCell,
  parseIntegerCell,
  parseKind,
  parseNumberCell,
  parseTick,
  readRows,
  recallMapping,
  rememberMapping,
  readWorkbook,
  type FieldSpec,
} from '../../../electron/core/export/import';
import { AppError } from '../../../electron/core/errors';
import { fixturePath } from '../../support/fixtures';

const FIXTURE = fixturePath('dvk-cho-moi-2023.xlsx');

/** The model register's fields, as the models feature would declare them. */
const FIELDS: FieldSpec[] = [
  { key: 'tt', label: 'TT', aliases: ['STT', 'Số TT', 'Số thứ tự'] },
  { key: 'unit', label: 'Đơn vị', aliases: ['Đơn vị đăng ký', 'Tên đơn vị', 'Đảng bộ, chi bộ'], required: true },
  { key: 'name', label: 'Tên mô hình', aliases: ['Mô hình', 'Tên mô hình, điển hình'], required: true },
  { key: 'kind', label: 'Tập thể / Cá nhân', aliases: ['Loại', 'Loại mô hình', 'Tập thể, cá nhân'] },
  { key: 'field', label: 'Lĩnh vực', aliases: ['Lĩnh vực thực hiện'] },
  { key: 'status', label: 'Mới / Duy trì', aliases: ['Mới hay duy trì'] },
  { key: 'person', label: 'Người phụ trách', aliases: ['Chủ thể', 'Người thực hiện'] },
  { key: 'time', label: 'Thời gian thực hiện', aliases: ['Thời gian'] },
  { key: 'note', label: 'Ghi chú', aliases: [] },
];

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the real fixture (Huyện ủy Chợ Mới, 2023)', () => {
  it('finds the header on row 4 and exactly 64 data rows, skipping the totals row', async () => {
    const book = await readWorkbook(fs.readFileSync(FIXTURE));
    expect(book.encoding).toBe('unicode');
    const sheet = book.sheets[0]!;
    const header = detectHeader(sheet, FIELDS)!;
    expect(header.rowNumber).toBe(4);
    expect(header.rows).toEqual([3]);
    const mapping = mapColumns(header, FIELDS);
    expect(mapping.fields).toEqual({ tt: 0, unit: 1, name: 2, kind: 3, field: 4, status: 5, person: 6, time: 7, note: 8 });
    expect(mapping.missing).toEqual([]);
    expect(mapping.unmapped).toEqual([]);
    const { rows, skipped } = readRows(sheet, header, mapping);
    expect(rows).toHaveLength(64);
    expect(rows.map((r) => parseIntegerCell(r.values.tt))).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
    expect(rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 64 }, (_, i) => i + 5));
    expect(skipped.filter((s) => s.reason === 'totals').map((s) => s.rowNumber)).toEqual([69]);
    // The four rows that are wrong on purpose are still data rows, with their problems visible.
    const byTt = new Map(rows.map((r) => [parseIntegerCell(r.values.tt), r]));
    expect(cleanText(byTt.get(7)!.values.name)).toBeNull();
    expect(parseKind(byTt.get(19)!.values.kind)).toBeNull();
    expect(cleanText(byTt.get(19)!.values.kind)).toBe('Hộ gia đình');
    expect(cleanText(byTt.get(33)!.values.field)).toBe('Thể thao');
    expect(cleanText(byTt.get(50)!.values.unit)).toBeNull();
    expect(parseKind(byTt.get(1)!.values.kind)).toBe('collective');
  });

  it('importTable does the same in one call and honours a user mapping', async () => {
    const table = await importTable(fs.readFileSync(FIXTURE), FIELDS, { mapping: { note: null, person: 8 } });
    expect(table.rows).toHaveLength(64);
    expect(table.sheets[0]!.mapping.fields.note).toBeNull();
    expect(table.sheets[0]!.mapping.fields.person).toBe(8);
    expect(table.sheets[0]!.mapping.unmapped.map((c) => c.text)).toEqual(['Người phụ trách']);
  });
});

describe('files as units really send them', () => {
  it('handles title rows, a merged two-row header, a numbering row, sections, stray spaces and "Tổng cộng"', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Tổng hợp');
      ws.addRow(['ĐẢNG BỘ HUYỆN BẠCH THÔNG']);
      ws.addRow(['DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" ĐỀ NGHỊ CÔNG NHẬN NĂM 2024']);
      ws.addRow(['(Kèm theo Báo cáo số 12-BC/HU)']);
      ws.mergeCells('A1:G1');
      ws.mergeCells('A2:G2');
      ws.addRow([]);
      ws.addRow(['S.T.T', 'Tên đơn vị', 'Tên mô hình, điển hình', 'Phân loại', null, 'Lĩnh vực', 'Ngày đăng ký']); // row 5
      ws.addRow([null, null, null, 'Tập thể', 'Cá nhân', null, null]); // row 6
      for (const col of ['A', 'B', 'C', 'F', 'G']) ws.mergeCells(`${col}5:${col}6`);
      ws.mergeCells('D5:E5');
      ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']); // row 7
      ws.addRow(['I. ĐẢNG BỘ XÃ CẨM GIÀNG']); // row 8
      ws.addRow([1, '  Đảng ủy xã   Cẩm Giàng ', 'Mo\u0302 hi\u0300nh "Da\u0302n va\u0323\u0302n khe\u0301o" chợ phiên', 'x', null, 'Xây dựng nông thôn mới', '05/02/2024']); // row 9, NFD
      ws.addRow([2, 'Đảng ủy xã Cẩm Giàng', 'Bà Hoàng Thị Lan nuôi ong', null, 'X', 'Cải cách hành chính', new Date(Date.UTC(2024, 1, 6))]);
      ws.addRow([]);
      ws.addRow(['II. ĐẢNG BỘ XÃ QUÂN BÌNH']); // row 12
      ws.addRow([3, 'Đảng ủy xã Quân Bình', 'Tổ hòa giải giỏi', 'x', null, 'Xây dựng Đảng', 45328]); // Excel serial
      ws.addRow([null, 'Tổng cộng', '3 mô hình', 2, 1]);
    });
    const fields: FieldSpec[] = [
      { key: 'tt', label: 'TT', aliases: ['STT', 'S.T.T'] },
      { key: 'unit', label: 'Đơn vị', aliases: ['Tên đơn vị'] },
      { key: 'name', label: 'Tên mô hình', aliases: ['Tên mô hình, điển hình'] },
      { key: 'collective', label: 'Tập thể', aliases: [] },
      { key: 'individual', label: 'Cá nhân', aliases: [] },
      { key: 'field', label: 'Lĩnh vực', aliases: [] },
      { key: 'date', label: 'Ngày đăng ký', aliases: [] },
    ];
    const table = await importTable(bytes, fields);
    const sheet = table.sheets[0]!;
    expect(sheet.header.rows).toEqual([4, 5]);
    expect(sheet.header.rowNumber).toBe(5);
    expect(sheet.mapping.fields).toEqual({ tt: 0, unit: 1, name: 2, collective: 3, individual: 4, field: 5, date: 6 });
    expect(sheet.header.columns[3]!.text).toBe('Phân loại - Tập thể');
    expect(table.rows.map((r) => r.rowNumber)).toEqual([9, 10, 13]);
    expect(sheet.skipped.map((s) => [s.rowNumber, s.reason])).toEqual([
      [7, 'numbering'],
      [8, 'section'],
      [11, 'empty'],
      [12, 'section'],
      [14, 'totals'],
    ]);
    const [a, b, c] = table.rows;
    expect(a!.section).toBe('I. ĐẢNG BỘ XÃ CẨM GIÀNG');
    expect(c!.section).toBe('II. ĐẢNG BỘ XÃ QUÂN BÌNH');
    expect(cleanText(a!.values.unit)).toBe('Đảng ủy xã Cẩm Giàng');
    expect(cleanText(a!.values.name)).toBe('Mô hình "Dân vận khéo" chợ phiên');
    expect([parseTick(a!.values.collective), parseTick(a!.values.individual)]).toEqual([true, false]);
    expect([parseTick(b!.values.collective), parseTick(b!.values.individual)]).toEqual([false, true]);
    expect([a, b, c].map((r) => parseDateCell(r!.values.date))).toEqual(['2024-02-05', '2024-02-06', '2024-02-06']);
  });

  it('reads one sheet per unit, whatever row each header is on, and ignores sheets without a table', async () => {
    const bytes = await workbookBytes((wb) => {
      const notes = wb.addWorksheet('Hướng dẫn');
      notes.addRow(['Mỗi đơn vị một trang tính.']);
      const units = ['Xã Yên Đĩnh', 'Xã Thanh Mai', 'Thị trấn Đồng Tâm'];
      units.forEach((unit, u) => {
        const ws = wb.addWorksheet(unit);
        for (let t = 0; t < u; t += 1) ws.addRow([`Dòng tiêu đề ${t + 1}`]);
        ws.addRow(['Số TT', 'ĐƠN VỊ', 'TÊN MÔ HÌNH', 'Tập thể/Cá nhân']);
        ws.addRow([1, unit, `Mô hình thứ nhất của ${unit}`, u % 2 ? 'CN' : 'TT']);
        ws.addRow([2, unit, `Mô hình thứ hai của ${unit}`, 'tập thể']);
        ws.addRow(['', 'Cộng', '2']);
      });
      const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
      hidden.addRow(['TT', 'Đơn vị', 'Tên mô hình']);
      hidden.addRow([1, 'Không đọc', 'Không đọc']);
    });
    const table = await importTable(bytes, FIELDS);
    expect(table.sheets.map((s) => [s.name, s.header.rowNumber])).toEqual([
      ['Xã Yên Đĩnh', 1],
      ['Xã Thanh Mai', 2],
      ['Thị trấn Đồng Tâm', 3],
    ]);
    expect(table.ignoredSheets).toEqual(['Hướng dẫn']);
    expect(table.rows).toHaveLength(6);
    expect(table.rows.map((r) => parseKind(r.values.kind))).toEqual(['collective', 'collective', 'individual', 'collective', 'collective', 'collective']);
    expect(table.rows.map((r) => `${r.sheet}:${r.rowNumber}`)).toEqual(['Xã Yên Đĩnh:2', 'Xã Yên Đĩnh:3', 'Xã Thanh Mai:3', 'Xã Thanh Mai:4', 'Thị trấn Đồng Tâm:4', 'Thị trấn Đồng Tâm:5']);
  });

  it('converts a TCVN3 (.VnTime) workbook to Unicode before matching', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['Danh s¸ch m« h×nh "D©n vËn khÐo"']);
      ws.addRow(['TT', '§¬n vÞ', 'Tªn m« h×nh', 'Lo¹i']);
      ws.addRow([1, '§¶ng ñy x· Yªn §Ünh', 'Tæ hßa gi¶i ë c¬ së', 'TËp thÓ']);
      ws.addRow([2, '§¶ng ñy x· Thanh Mai', 'Ng­êi cã uy tÝn', 'C¸ nh©n']);
    });
    const table = await importTable(bytes, FIELDS);
    expect(table.encoding).toBe('tcvn3');
    expect(table.rows.map((r) => [cleanText(r.values.unit), cleanText(r.values.name), parseKind(r.values.kind)])).toEqual([
      ['Đảng ủy xã Yên Đĩnh', 'Tổ hòa giải ở cơ sở', 'collective'],
      ['Đảng ủy xã Thanh Mai', 'Người có uy tín', 'individual'],
    ]);
  });

  it('trusts legacy font names and restores capitals typed in .VnTimeH', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['danh s¸ch m« h×nh']).getCell(1).font = { name: '.VnTimeH' };
      const header = ws.addRow(['TT', '§¬n vÞ', 'Tªn m« h×nh']);
      header.eachCell((c) => (c.font = { name: '.VnTime' }));
      const row = ws.addRow([1, 'X· Yªn C\u00ad', 'Hßa gi¶i']);
      row.eachCell((c) => (c.font = { name: '.VnTime' }));
    });
    const book = await readWorkbook(bytes);
    expect(book.encoding).toBe('tcvn3');
    expect(book.sheets[0]!.rows[0]![0]).toBe('DANH SÁCH MÔ HÌNH');
    expect(book.sheets[0]!.rows[2]).toEqual([1, 'Xã Yên Cư', 'Hòa giải']);
  });

  it('fills vertically merged unit cells into every row they cover', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['TT', 'Đơn vị', 'Tên mô hình']);
      ws.addRow([1, 'Đảng ủy xã Nông Hạ', 'Mô hình A']);
      ws.addRow([2, null, 'Mô hình B']);
      ws.addRow([3, null, 'Mô hình C']);
      ws.mergeCells('B2:B4');
    });
    const table = await importTable(bytes, FIELDS);
    expect(table.rows.map((r) => r.values.unit)).toEqual(['Đảng ủy xã Nông Hạ', 'Đảng ủy xã Nông Hạ', 'Đảng ủy xã Nông Hạ']);
  });

  it('remembers a mapping by header text, so it survives a unit inserting a column', async () => {
    const first = await importTable(fs.readFileSync(FIXTURE), FIELDS, { mapping: { person: 8, note: null } });
    const saved = rememberMapping(first.sheets[0]!.header, first.sheets[0]!.mapping);
    expect(saved.person).toBe('ghi chu');
    expect(saved.note).toBeNull();
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow(['STT', 'Xã', 'Đơn vị đăng ký', 'Tên mô hình', 'Ghi chú', 'Người phụ trách']);
      ws.addRow([1, 'Nông Hạ', 'Đảng ủy xã Nông Hạ', 'Mô hình A', 'Bà Lan', 'ông Tư']);
    });
    const book = await readWorkbook(bytes);
    const header = detectHeader(book.sheets[0]!, FIELDS)!;
    const mapping = mapColumns(header, FIELDS, recallMapping(header, saved));
    expect(mapping.fields.person).toBe(4);
    expect(mapping.fields.note).toBeNull();
    expect(mapping.fields.unit).toBe(2);
    expect(mapping.unmapped.map((c) => c.text)).toEqual(['Xã', 'Người phụ trách']);
  });

  it('fails clearly on a workbook without data or without a table', async () => {
    const empty = await workbookBytes((wb) => void wb.addWorksheet('Sheet1'));
    await expect(readWorkbook(empty)).rejects.toThrow(/không có dữ liệu/);
    const noTable = await workbookBytes((wb) => void wb.addWorksheet('A').addRow(['Xin chào', 'các đồng chí']));
    const err = await importTable(noTable, FIELDS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toMatch(/Không tìm thấy dòng tiêu đề/);
  });
});

describe('normalisers and legacy encodings', () => {
  it('normalises ticks, kinds, dates and numbers as units type them', () => {
    expect(['x', 'X', ' có ', 'Có', true, 1].map((v) => parseTick(v))).toEqual([true, true, true, true, true, true]);
    expect([null, '', 'không', 0].map((v) => parseTick(v))).toEqual([false, false, false, false]);
    expect(parseTick('chưa rõ')).toBeNull();
    expect(['Tập thể', 'TT', 'tập thể', ' TẬP  THỂ ', 'T.thể'].map((v) => parseKind(v))).toEqual(Array(5).fill('collective'));
    expect(['Cá nhân', 'CN', 'cá nhân'].map((v) => parseKind(v))).toEqual(Array(3).fill('individual'));
    expect(parseKind('Hộ gia đình')).toBeNull();
    expect(parseDateCell('16/12/2022')).toBe('2022-12-16');
    expect(parseDateCell('5-2-2023')).toBe('2023-02-05');
    expect(parseDateCell(44911)).toBe('2022-12-16');
    expect(parseDateCell('2022-12-16')).toBe('2022-12-16');
    expect(parseDateCell('31/02/2023')).toBeNull();
    expect(parseNumberCell('2.360')).toBe(2360);
    expect(parseNumberCell('1.234.567')).toBe(1234567);
    expect(parseNumberCell('1.234,5')).toBe(1234.5);
    expect(parseNumberCell('46,9')).toBe(46.9);
    expect(parseNumberCell('46,9%')).toBe(46.9);
    expect(parseNumberCell(' 12 ')).toBe(12);
    expect(parseNumberCell('mười')).toBeNull();
    expect(cleanText('  Đảng\u00a0ủy   xã ')).toBe('Đảng ủy xã');
    expect(cleanText('Vie\u0323\u0302t')).toBe('Việt');
    expect(isNumberingRow(['(1)', '(2)', '(3)'])).toBe(true);
    expect(isNumberingRow([1, 2, 3, 4, 5])).toBe(true);
    expect(isNumberingRow([1, 'Đảng ủy xã', 'Mô hình'])).toBe(false);
  });

  it('converts TCVN3 and VNI text and tells them apart', () => {
    expect(convertTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(convertTcvn3('§¶ng bé tr­êng §¹i häc')).toBe('Đảng bộ trường Đại học');
    expect(convertVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(convertVni('Ñaûng uûy xaõ Yeân Ñónh, tröôøng hoïc, aên uoáng, ngöôøi')).toBe('Đảng ủy xã Yên Đĩnh, trường học, ăn uống, người');
    expect(detectEncoding(['Céng hoµ x· héi chñ nghÜa ViÖt Nam', '§¶ng ñy x· Yªn §Ünh'])).toBe('tcvn3');
    expect(detectEncoding(['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Ñaûng uûy xaõ Yeân Ñónh'])).toBe('vni');
    expect(detectEncoding(['Cộng hòa xã hội chủ nghĩa Việt Nam', 'Cô Tô', 'Hà Nội', 'TT'])).toBe('unicode');
  });
});
