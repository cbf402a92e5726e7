import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { addUnit, CHO_MOI_PROFILE, loadBacKanFields } from './support';
import { unzipEntry, wordParagraphs } from '../export/support';
import { titleRows, xlsx } from '../../fixtures/register-corpus/build';

/* The register's smaller joints: reversed sort, the XLSX export's filter and columns, no comparison with an empty year. */

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
  await loadBacKanFields(app);
  await addUnit(app, 'Huyện ủy Chợ Mới');
  await addUnit(app, 'Huyện ủy Ba Bể');
  await app.call('settings.update', { profile: CHO_MOI_PROFILE });
  const bytes = await xlsx({
    rows: [
      ...titleRows(2022, 7),
      ['TT', 'Đơn vị', 'Tên mô hình', 'Loại', 'Công nhận', 'Điển hình', 'Khen thưởng'],
      [1, 'Huyện ủy Chợ Mới', 'An ninh trật tự', 'Tập thể', 'x', 'x', 'x'],
      [2, 'Huyện ủy Ba Bể', 'Bếp ăn nhân ái', 'Tập thể', 'x', null, null],
      [3, 'Huyện ủy Chợ Mới', 'Chợ văn minh', 'Cá nhân', null, null, null],
    ],
  });
  const p = await app.call('models.importPreview', { fileName: 'ds-2022.xlsx', bytes });
  await app.call('models.importCommit', { importId: p.importId, createMissing: true, createMissingFields: true });
});
afterAll(async () => {
  await app.close();
});

describe('register joints', () => {
  it('reverses the sort on request', async () => {
    const names = async (descending?: boolean) => (await app.call('models.list', { year: 2022, sort: 'name', ...(descending ? { descending } : {}) })).rows.map((r) => r.name);
    expect(await names()).toEqual(['An ninh trật tự', 'Bếp ăn nhân ái', 'Chợ văn minh']);
    expect(await names(true)).toEqual(['Chợ văn minh', 'Bếp ăn nhân ái', 'An ninh trật tự']);
    const units = (await app.call('models.list', { year: 2022, sort: 'unit', descending: true })).rows.map((r) => r.unitName);
    expect(units[0]).toBe('Huyện ủy Chợ Mới');
  });

  it('exports XLSX with an AutoFilter over the data and điển hình / khen thưởng in their own columns', async () => {
    const file = await app.call('models.exportXlsx', { year: 2022 });
    const sheet = unzipEntry(file.bytes, 'xl/worksheets/sheet1.xml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'TT') header = n;
    });
    const headers = (ws.getRow(header).values as unknown[]).slice(1);
    const col = (h: string) => headers.indexOf(h) + 1;
    expect(sheet).toContain(`<autoFilter ref="A${header}:${String.fromCharCode(64 + headers.length)}${header + 3}"/>`);
    const rowOf = (name: string) => [1, 2, 3].map((k) => ws.getRow(header + k)).find((r) => r.getCell(col('Tên mô hình')).value === name)!;
    const first = rowOf('An ninh trật tự');
    expect(first.getCell(col('Trạng thái')).value).toBe('Được công nhận');
    expect(first.getCell(col('Điển hình')).value).toBe('Điển hình');
    expect(first.getCell(col('Khen thưởng')).value).toBe('Có');
    expect(rowOf('Bếp ăn nhân ái').getCell(col('Điển hình')).value ?? '').toBe('');
  });

  it('keeps a model typed twice by hand as a model of its own, with a warning', async () => {
    const unitId = (await app.call('models.list', { year: 2022, sort: 'name' })).rows[0]!.unitId;
    const input = { unitId, year: 2022, name: 'An ninh trật tự', kind: 'collective' as const, registration: 'new' as const, separate: true };
    const refused = await app.invoke('models.create', { ...input, separate: undefined });
    expect(refused.ok).toBe(false);
    const d = await app.call('models.create', input);
    expect(d.warning).toMatch(/được giữ là mô hình riêng/);
    const again = await app.call('models.create', input);
    expect(again.model.id).not.toBe(d.model.id);
    const list = await app.call('models.list', { year: 2022, search: 'an ninh trat tu' });
    expect(list.total).toBe(3);
    await app.call('models.delete', { id: d.years[0]!.id });
    await app.call('models.delete', { id: again.years[0]!.id });
  });

  it('writes no comparison with the previous year when that year has no records', async () => {
    const file = await app.call('reports.annual', { year: 2022, format: 'docx' });
    const text = wordParagraphs(unzipEntry(file.bytes, 'word/document.xml')).join('\n');
    expect(text).toContain('đã đăng ký 3 mô hình');
    expect(text).not.toMatch(/so với năm trước/);
    const stats = await app.call('models.stats', { year: 2022 });
    expect(stats.previous.registered).toBe(0);
  });
});
