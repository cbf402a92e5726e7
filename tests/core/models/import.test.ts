import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { fixtureBytes, loadBacKanFields } from './support';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
});
afterEach(async () => {
  await app.close();
});

describe('importing the Chợ Mới 2023 registration list', () => {
  it('previews 64 rows, 60 valid, and names the four bad rows with their reasons', async () => {
    await loadBacKanFields(app);
    const p = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    expect(p.headerRow).toBe(4);
    expect(p.year).toBe(2023);
    expect(p.rowsRead).toBe(64);
    expect(p.rowsValid).toBe(60);
    const bySeq = Object.fromEntries(p.errors.map((e) => [e.seq, e]));
    expect(Object.keys(bySeq).sort()).toEqual(['19', '33', '50', '7']);
    expect(bySeq['7']!.row).toBe(11);
    expect(bySeq['7']!.reasons.join(' ')).toMatch(/Thiếu tên mô hình/);
    expect(bySeq['19']!.reasons.join(' ')).toMatch(/Hộ gia đình.*Tập thể hoặc Cá nhân/);
    expect(bySeq['33']!.reasons.join(' ')).toMatch(/Lĩnh vực “Thể thao” không có trong danh mục/);
    expect(bySeq['50']!.reasons.join(' ')).toMatch(/Thiếu đơn vị/);
    expect(p.unknownValues).toEqual([{ catalog: 'field', value: 'Thể thao', rows: 1 }]);
    expect(p.unknownUnits.length).toBeGreaterThan(0);
    expect(p.mapping).toMatchObject({ seq: 0, unit: 1, name: 2, kind: 3, field: 4, registration: 5, performer: 6, timing: 7, note: 8 });
    expect(p.plan).toEqual({ create: 60, update: 0, unchanged: 0 });
  });

  it('commits in one go, creating the units on request; a second import changes nothing', async () => {
    await loadBacKanFields(app);
    const p1 = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    const r1 = await app.call('models.importCommit', { importId: p1.importId, createMissing: true });
    expect(r1).toMatchObject({ year: 2023, created: 60, updated: 0, unchanged: 0, skipped: 4 });
    expect(r1.unitsCreated).toBe(p1.unknownUnits.length);
    expect(r1.skippedRows.map((s) => s.seq).sort()).toEqual(['19', '33', '50', '7']);
    const list1 = await app.call('models.list', { year: 2023, limit: 1000 });
    expect(list1.total).toBe(60);

    const auditBefore = await app.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
    const p2 = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    expect(p2.mappingSource).toBe('remembered');
    expect(p2.unknownUnits).toEqual([]);
    expect(p2.plan).toEqual({ create: 0, update: 0, unchanged: 60 });
    const r2 = await app.call('models.importCommit', { importId: p2.importId, createMissing: true });
    expect(r2).toMatchObject({ created: 0, updated: 0, unchanged: 60, skipped: 4, unitsCreated: 0 });
    const list2 = await app.call('models.list', { year: 2023, limit: 1000 });
    expect(list2.total).toBe(60);
    expect(list2.rows.map((r) => [r.id, r.updatedAt])).toEqual(list1.rows.map((r) => [r.id, r.updatedAt]));
    const auditAfter = await app.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
    expect(Number(auditAfter.c) - Number(auditBefore.c)).toBe(1); // only the import summary
  });

  it('without createMissing skips rows of unknown units and writes nothing else for them', async () => {
    await loadBacKanFields(app);
    const p = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    const r = await app.call('models.importCommit', { importId: p.importId });
    expect(r.created).toBe(0);
    expect(r.skipped).toBe(64);
    expect(r.skippedRows.find((s) => s.seq === '1')!.reason).toMatch(/chưa có trong danh sách đơn vị/);
    expect((await app.call('models.list', { limit: 10 })).total).toBe(0);
  });

  it('maps an unknown field to an existing one on request, making TT 33 valid', async () => {
    const fields = await loadBacKanFields(app);
    const p = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    const r = await app.call('models.importCommit', { importId: p.importId, createMissing: true, valueMap: { 'Thể thao': fields[3]! } });
    expect(r.created).toBe(61);
    expect(r.skipped).toBe(3);
  });

  it('re-import with changed values updates the matched rows instead of duplicating', async () => {
    await loadBacKanFields(app);
    const p1 = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    await app.call('models.importCommit', { importId: p1.importId, createMissing: true });
    // Same file with two models renamed performer and one recognised.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(fixtureBytes()) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    ws.getCell('H5').value = 'Người khác';
    ws.getCell('H6').value = '  người   KHÁC  ';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const p2 = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes });
    expect(p2.plan).toEqual({ create: 0, update: 2, unchanged: 58 });
    const r2 = await app.call('models.importCommit', { importId: p2.importId });
    expect(r2).toMatchObject({ created: 0, updated: 2, unchanged: 58, skipped: 4 });
    expect((await app.call('models.list', { year: 2023, limit: 1 })).total).toBe(60);
  });

  it('understands a messy layout: numbering row, TT/x marks, two-row header, totals, other order', async () => {
    await loadBacKanFields(app);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xã Thanh Mai');
    ws.addRow(['ĐẢNG ỦY XÃ THANH MAI']);
    ws.addRow(['DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2024']);
    ws.addRow(['STT', 'Tên mô hình', 'Loại', 'Loại', 'LĨNH  VỰC', 'Đơn vị']);
    ws.addRow(['', '', 'Tập thể', 'Cá nhân', '', '']);
    ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']);
    ws.addRow([1, 'Dân vận khéo trong xây dựng nông thôn mới', 'x', '', 'Xây dựng nông thôn mới, đô thị văn minh', 'Đảng ủy xã Thanh Mai']);
    ws.addRow([2, 'Hòa giải viên giỏi', '', 'X ', '2. Cải cách hành chính, xây dựng công sở', 'Đảng ủy xã Thanh Mai']);
    ws.addRow(['', 'Tổng cộng: 2 mô hình']);
    ws.mergeCells('C3:D3');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = await app.call('models.importPreview', { fileName: 'thanh-mai.xlsx', bytes });
    expect(p.year).toBe(2024);
    expect(p.rowsRead).toBe(2);
    expect(p.rowsValid).toBe(2);
    expect(p.mapping).toMatchObject({ seq: 0, name: 1, collectiveMark: 2, individualMark: 3, field: 4, unit: 5 });
    const r = await app.call('models.importCommit', { importId: p.importId, createMissing: true });
    expect(r.created).toBe(2);
    const rows = (await app.call('models.list', { year: 2024 })).rows;
    expect(rows.map((x) => [x.name, x.kind]).sort()).toEqual([
      ['Dân vận khéo trong xây dựng nông thôn mới', 'collective'],
      ['Hòa giải viên giỏi', 'individual'],
    ]);
  });

  it('refuses a file that is not xlsx and an unknown import id, with Vietnamese messages', async () => {
    const bad = await app.invoke('models.importPreview', { fileName: 'x.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/\.xls/);
    const gone = await app.invoke('models.importCommit', { importId: 'khong-co' });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('NOT_FOUND');
    const noBytes = await app.invoke('models.importPreview', { fileName: 'a.xlsx' });
    expect(noBytes.ok).toBe(false);
    if (!noBytes.ok) expect(noBytes.error.code).toBe('VALIDATION');
  });

  it('user-corrected mapping is used and remembered for the same header layout', async () => {
    await loadBacKanFields(app);
    const p = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    const fixed = { ...p.mapping, performer: null, leadForce: 6 };
    const p2 = await app.call('models.importRemap', { importId: p.importId, mapping: fixed });
    expect(p2.mapping.leadForce).toBe(6);
    expect(p2.mapping.performer).toBeUndefined();
    await app.call('models.importCommit', { importId: p2.importId, mapping: fixed, createMissing: true });
    const again = await app.call('models.importPreview', { fileName: 'dvk-cho-moi-2023.xlsx', bytes: fixtureBytes() });
    expect(again.mappingSource).toBe('remembered');
    expect(again.mapping.leadForce).toBe(6);
  });
});
