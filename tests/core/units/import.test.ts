import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function workbook(rows: Array<Array<string | number | null>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  rows.forEach((r) => ws.addRow(r));
  ws.mergeCells('A1:E1');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function readBack(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

const unitsFile = () =>
  workbook([
    ['DANH SÁCH CÁC ĐẢNG BỘ TRỰC THUỘC VÀ CƠ SỞ'],
    ['(Kèm theo Công văn số 12-CV/BCĐ)'],
    [],
    ['STT', ' Tên đơn vị ', 'Trực thuộc', 'Loại hình', 'Hiệu lực từ ngày'],
    ['(1)', '(2)', '(3)', '(4)', '(5)'],
    [1, 'Đảng bộ huyện Chợ Mới', '', '', ''],
    [2, 'Đảng ủy xã Yên Đĩnh', 'Đảng bộ huyện Chợ Mới', 'Xã, phường, thị trấn và cộng đồng dân cư', '01/07/2025'],
    [3, 'Chi bộ Trường THPT Chợ Mới', 'dang bo huyen cho moi', '2', ''],
    [4, '', 'Đảng bộ huyện Chợ Mới', '', ''],
    [5, 'Đảng ủy xã Quảng Chu', 'Huyện ủy Pác Nặm', '', ''],
    [6, 'Đảng ủy xã Như Cố', 'Đảng bộ huyện Chợ Mới', 'Hộ gia đình', '31/02/2025'],
    ['Cộng', '', '', '', ''],
  ]);

describe('Excel import and export of units and members', () => {
  it('previews a real-looking file: header under title rows, numbering row skipped, bad rows named with their Excel row numbers', async () => {
    app = await openTestApp();
    const preview = await app.call('units.importPreview', { bytes: await unitsFile() });
    expect(preview.headerRow).toBe(4);
    expect(preview.mapping).toMatchObject({ name: 2, parent: 3, qcdcType: 4, validFrom: 5 });
    expect(preview.rowsRead).toBe(6);
    expect(preview.validRows).toBe(3);
    expect(preview.errors.map((e) => e.row)).toEqual([9, 10, 11]);
    expect(preview.errors[0]!.message).toBe('Dòng 9: thiếu tên đơn vị.');
    expect(preview.errors[1]!.message).toMatch(/không tìm thấy đơn vị cấp trên "Huyện ủy Pác Nặm"/);
    expect(preview.errors[2]!.message).toMatch(/loại hình "Hộ gia đình" không hợp lệ/);
    expect(preview.errors[2]!.message).toMatch(/ngày "31\/02\/2025" không hợp lệ/);
    // The preview writes nothing.
    expect(await app.ctx.db.selectFrom('units').selectAll().execute()).toHaveLength(0);
  });

  it('commits the valid rows in one transaction, parents before children', async () => {
    app = await openTestApp();
    const result = await app.call('units.importCommit', { bytes: await unitsFile() });
    expect(result).toEqual({ created: 3, updated: 0, skipped: 3 });
    const { items } = await app.call('units.list', {});
    expect(items.map((u) => [u.name, u.depth, u.qcdcType])).toEqual([
      ['Đảng bộ huyện Chợ Mới', 0, null],
      ['Đảng ủy xã Yên Đĩnh', 1, 'xa_phuong'],
      ['Chi bộ Trường THPT Chợ Mới', 1, 'co_quan_nha_nuoc'],
    ]);
    expect(items[1]!.validFrom).toBe('2025-07-01');
    // Importing again creates nothing new.
    expect((await app.call('units.importCommit', { bytes: await unitsFile() })).created).toBe(0);
  });

  it('rejects a file that is not Excel with a Vietnamese message', async () => {
    app = await openTestApp();
    const r = await app.invoke('units.importPreview', { bytes: new TextEncoder().encode('không phải excel') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/không phải là tệp Excel \(\.xlsx\)/);
  });

  it('reads a list typed in TCVN3 (.VnTime) fonts as Unicode', async () => {
    app = await openTestApp();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    const rows = [
      ['Danh s¸ch c¸c ®¶ng bé trùc thuéc'],
      ['STT', 'Tªn ®¬n vÞ', 'Trùc thuéc'],
      [1, '§¶ng bé huyÖn Chî Míi', ''],
      [2, '§¶ng ñy x· Yªn §Ünh', '§¶ng bé huyÖn Chî Míi'],
    ];
    for (const r of rows) ws.addRow(r).eachCell((c) => (c.font = { name: '.VnTime' }));
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const preview = await app.call('units.importPreview', { bytes });
    expect(preview).toMatchObject({ encoding: 'tcvn3', headerRow: 2, validRows: 2 });
    await app.call('units.importCommit', { bytes });
    const { items } = await app.call('units.list', {});
    expect(items.map((u) => [u.name, u.depth])).toEqual([
      ['Đảng bộ huyện Chợ Mới', 0],
      ['Đảng ủy xã Yên Đĩnh', 1],
    ]);
  });

  it('imports members with roles and assignments, updating people already known', async () => {
    app = await openTestApp();
    await app.call('units.importCommit', { bytes: await unitsFile() });
    await app.call('members.create', { fullName: 'Phương Thị Thanh', role: 'uy_vien' });
    const file = await workbook([
      ['DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO'],
      [],
      ['TT', 'Họ và tên', 'Chức vụ', 'Chức danh BCĐ', 'Đơn vị phụ trách'],
      [1, 'Phương Thị Thanh', 'Phó Bí thư Thường trực Tỉnh ủy', 'Trưởng ban', ''],
      [2, 'Hà Văn Tám', 'Trưởng Ban Dân vận', 'Phó Trưởng ban thường trực', 'Đảng bộ huyện Chợ Mới; Đảng ủy xã Yên Đĩnh'],
      [3, 'Lý Thị Mai', 'Chuyên viên', 'Thư ký', ''],
      [4, 'Nông Văn Chiến', '', 'Chủ tịch', ''],
      [5, 'Hoàng Thị Đào', '', 'Ủy viên', 'Huyện ủy Ba Bể'],
    ]);
    const preview = await app.call('members.importPreview', { bytes: file });
    expect(preview.validRows).toBe(3);
    expect(preview.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Dòng 7: chức danh "Chủ tịch" không hợp lệ/),
      'Dòng 8: không tìm thấy đơn vị phụ trách: "Huyện ủy Ba Bể".',
    ]);
    const result = await app.call('members.importCommit', { bytes: file });
    expect(result).toEqual({ created: 2, updated: 1, skipped: 2 });
    const { items } = await app.call('members.list', { order: 'role' });
    expect(items.map((m) => [m.fullName, m.role])).toEqual([
      ['Phương Thị Thanh', 'truong_ban'],
      ['Hà Văn Tám', 'pho_truong_ban_tt'],
      ['Lý Thị Mai', 'to_giup_viec'],
    ]);
    expect(items[1]!.unitNames).toEqual(['Đảng bộ huyện Chợ Mới', 'Đảng ủy xã Yên Đĩnh']);
  });

  it('exports units and members to XLSX that reads back', async () => {
    app = await openTestApp();
    await app.call('units.importCommit', { bytes: await unitsFile() });
    const m = await app.call('members.create', { fullName: 'Hà Văn Tám', role: 'uy_vien', position: 'Trưởng Ban Dân vận' });
    const units = await app.call('units.list', {});
    await app.call('members.assign', { memberId: m.id, unitIds: [units.items[0]!.id] });
    const ux = await app.call('units.exportXlsx', {});
    expect(ux.fileName).toMatch(/^don-vi-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const urows = await readBack(ux.bytes);
    expect(urows.flat()).toContain('DANH SÁCH ĐƠN VỊ');
    const uh = urows.findIndex((r) => r.includes('Tên đơn vị'));
    expect(uh).toBeGreaterThan(0);
    expect(urows[uh + 1]![1]).toBe('Đảng bộ huyện Chợ Mới');
    expect(urows[uh + 1]).toContain('Hà Văn Tám');
    expect(urows[uh + 2]![1]).toBe('   Đảng ủy xã Yên Đĩnh');
    const mx = await app.call('members.exportXlsx', {});
    const mrows = await readBack(mx.bytes);
    const mh = mrows.findIndex((r) => r.includes('Họ và tên'));
    expect(mrows[mh + 1]!.slice(1, 4)).toEqual(['Hà Văn Tám', 'Ủy viên', 'Trưởng Ban Dân vận']);
    // An exported unit list imports back (round trip) without errors.
    const again = await app.call('units.importPreview', { bytes: ux.bytes });
    expect(again.errors).toEqual([]);
    expect(again.validRows).toBe(3);
  });

  it('remembers a corrected column mapping for the next file', async () => {
    app = await openTestApp();
    const file = await workbook([
      ['DANH SÁCH'],
      [],
      ['TT', 'Họ và tên', 'Chức vụ', 'Cương vị'],
      [1, 'Phương Thị Thanh', 'Phó Bí thư Thường trực Tỉnh ủy', 'Trưởng ban'],
      [2, 'Hà Văn Tám', 'Trưởng Ban Dân vận', 'Ủy viên'],
    ]);
    const first = await app.invoke('members.importPreview', { bytes: file });
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.error.message).toMatch(/Không tìm thấy cột "Chức danh trong Ban Chỉ đạo"/);
    const fixed = await app.call('members.importPreview', { bytes: file, mapping: { role: 4 } });
    expect(fixed.validRows).toBe(2);
    expect(await app.call('members.importCommit', { bytes: file, mapping: { ...fixed.mapping, role: 4 } })).toMatchObject({ created: 2 });
    const again = await app.call('members.importPreview', { bytes: file });
    expect(again.mapping.role).toBe(4);
    expect(again.validRows).toBe(2);
  });
});
