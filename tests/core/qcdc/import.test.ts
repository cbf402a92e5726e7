import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { indicatorIds, seedQcdcUnits } from './support';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A province roll-up as units send it: title rows, a two-row header, loại hình heading rows, a numbering row, totals. */
async function rollUp(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  ws.addRow(['BAN CHỈ ĐẠO QCDC TỈNH']);
  ws.addRow(['BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN QCDC NĂM 2022']);
  ws.addRow(['STT', 'Đơn vị', 'Khiếu nại, tố cáo', null, 'Tổ chức hội nghị người lao động', 'Ban Thanh tra nhân dân hoạt động', 'Số mô hình điểm']);
  ws.addRow([null, null, 'Số đơn thuộc thẩm quyền giải quyết', 'Số đơn thuộc thẩm quyền đã giải quyết', null, null, null]);
  ws.mergeCells('A3:A4');
  ws.mergeCells('B3:B4');
  ws.mergeCells('C3:D3');
  ws.mergeCells('E3:E4');
  ws.mergeCells('F3:F4');
  ws.mergeCells('G3:G4');
  ws.addRow(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']);
  ws.addRow(['I. XÃ, PHƯỜNG, THỊ TRẤN']);
  ws.addRow([1, 'Xã Nam Cường', 10, 9, null, 'x', 2]);
  ws.addRow([2, 'Phường Sông Cầu', '4', 'bốn', null, 'không', 1]);
  ws.addRow([3, 'Xã Không Có Thật', 1, 1, null, 'x', null]);
  ws.addRow([null, 'Cộng', 15, 10, null, null, 3]);
  ws.addRow(['II. DOANH NGHIỆP']);
  ws.addRow([1, 'Công ty Cổ phần Xi măng Bắc Kạn', 3, 3, 'x', null, null]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function sheetPerUnit(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [sheet, unit, rows] of [
    ['DV1', 'Đơn vị: Sở Tư pháp', [['Tổ chức hội nghị cán bộ, công chức, viên chức', 'Có'], ['Số lượt công dân được tiếp', 25]]],
    ['DV2', 'Đơn vị: Công an tỉnh', [['Hội đồng quân nhân hoạt động', 'x'], ['Số lượt công dân được tiếp', '1.200']]],
  ] as const) {
    const ws = wb.addWorksheet(sheet);
    ws.addRow(['BÁO CÁO KẾT QUẢ THỰC HIỆN QCDC']);
    ws.addRow([unit]);
    ws.addRow(['STT', 'Chỉ tiêu', 'Số liệu']);
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('QCDC roll-up import', () => {
  it('previews a row-per-unit roll-up: two-row headers, loại hình headings, totals skipped, unknown units and columns, cell errors', async () => {
    app = await openTestApp({ now: '2023-01-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const p = await app.call('qcdc.importPreview', { fileName: 'tong-hop-2022.xlsx', bytes: await rollUp(), year: 2022, period: 'annual' });
    expect(p).toMatchObject({ layout: 'rows', rowsRead: 4, columnsRead: 5 });
    expect(p.mapping.units.map((x) => [x.name, x.unitId, x.qcdcType])).toEqual([
      ['Xã Nam Cường', u.xaA.id, 'xa_phuong'],
      ['Phường Sông Cầu', u.xaB.id, 'xa_phuong'],
      ['Xã Không Có Thật', null, 'xa_phuong'],
      ['Công ty Cổ phần Xi măng Bắc Kạn', u.dn.id, 'doanh_nghiep'],
    ]);
    const col = (header: string) => p.mapping.columns.find((c) => c.header.endsWith(header))!;
    expect(col('Số đơn thuộc thẩm quyền giải quyết').indicatorId).toBe(ids.KNTC_THAM_QUYEN);
    expect(col('Ban Thanh tra nhân dân hoạt động').indicatorId).toBe(ids.XA_BAN_TTND);
    expect(p.unknownIndicators).toEqual([{ key: expect.any(String), header: 'Số mô hình điểm', qcdcType: 'xa_phuong' }]);
    expect(p.unknownUnits.map((x) => [x.name, x.row])).toEqual([['Xã Không Có Thật', 9]]);
    expect(p.errors).toEqual([{ sheet: 'Tổng hợp', row: 8, column: 'D', message: 'Số đơn thuộc thẩm quyền đã giải quyết: không phải là số.' }]);
    // Preview writes no figure.
    expect((await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'annual' })).saved).toBe(false);
  });

  it('commits in one transaction, creates missing indicators on request, and undo puts everything back', async () => {
    app = await openTestApp({ now: '2023-01-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    await app.call('qcdc.reports.save', { unitId: u.xaA.id, year: 2022, period: 'annual', values: [{ indicatorId: ids.KNTC_THAM_QUYEN!, value: 99 }, { indicatorId: ids.TIEP_LUOT!, value: 5 }] });
    const p = await app.call('qcdc.importPreview', { fileName: 'tong-hop-2022.xlsx', bytes: await rollUp(), year: 2022, period: 'annual' });
    expect(p.replacingUnits).toBe(1);
    const done = await app.call('qcdc.importCommit', { importId: p.importId, createMissing: true });
    expect(done).toMatchObject({ reportsSaved: 3, indicatorsCreated: 1, unitsSkipped: 1 });
    const s = await app.call('qcdc.stats', { year: 2022, period: 'annual' });
    const xa = s.byType.find((t) => t.qcdcType === 'xa_phuong')!;
    expect(xa.unitsReported).toBe(2);
    expect(xa.indicators.find((i) => i.id === ids.KNTC_THAM_QUYEN)!.total).toBe(14);
    expect(xa.indicators.find((i) => i.id === ids.XA_BAN_TTND)).toMatchObject({ total: 1, of: 2 });
    const created = xa.indicators.find((i) => i.name === 'Số mô hình điểm')!;
    expect(created).toMatchObject({ kind: 'count', total: 3 });
    expect(s.byType.find((t) => t.qcdcType === 'doanh_nghiep')!.indicators.find((i) => i.id === ids.DN_HN_NLD)).toMatchObject({ total: 1, of: 1 });
    // A figure the file does not carry is kept.
    const a = await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'annual' });
    expect(a.figures.find((f) => f.indicatorId === ids.TIEP_LUOT)!.value).toBe(5);
    expect(a.figures.find((f) => f.indicatorId === ids.KNTC_THAM_QUYEN)!.value).toBe(10);

    const again = await app.invoke('qcdc.importCommit', { importId: p.importId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await app.call('qcdc.importUndo', { importId: p.importId });
    const back = await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'annual' });
    expect(back.figures.find((f) => f.indicatorId === ids.KNTC_THAM_QUYEN)!.value).toBe(99);
    expect((await app.call('qcdc.reports.get', { unitId: u.dn.id, year: 2022, period: 'annual' })).saved).toBe(false);
  });

  it('maps by hand and reads one sheet per unit', async () => {
    app = await openTestApp({ now: '2023-01-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const p = await app.call('qcdc.importPreview', { fileName: 'tung-don-vi.xlsx', bytes: await sheetPerUnit(), year: 2022, period: 'annual' });
    expect(p.layout).toBe('sheets');
    expect(p.mapping.units.map((x) => [x.name, x.unitId])).toEqual([['Sở Tư pháp', u.so.id], ['Công an tỉnh', u.ca.id]]);
    expect(p.valuesCount).toBe(4);
    const skipOne = p.mapping.columns.find((c) => c.indicatorId === ids.TIEP_LUOT)!.key;
    await app.call('qcdc.importCommit', { importId: p.importId, mapping: { columns: { [skipOne]: null } } });
    const so = await app.call('qcdc.reports.get', { unitId: u.so.id, year: 2022, period: 'annual' });
    expect(so.figures.find((f) => f.indicatorId === ids.CQ_HN_CBCCVC)!.value).toBe(true);
    expect(so.figures.find((f) => f.indicatorId === ids.TIEP_LUOT)!.value).toBeNull();
    const ca = await app.call('qcdc.reports.get', { unitId: u.ca.id, year: 2022, period: 'annual' });
    expect(ca.figures.find((f) => f.indicatorId === ids.LLVT_HD_QN)!.value).toBe(true);
  });

  it('drops a preview never committed once it is a day old', async () => {
    app = await openTestApp({ now: '2023-01-20T02:00:00.000Z' });
    await seedQcdcUnits(app);
    const old = await app.call('qcdc.importPreview', { fileName: 'a.xlsx', bytes: await rollUp(), year: 2022 });
    app.clock.set('2023-01-22T02:00:00.000Z');
    const fresh = await app.call('qcdc.importPreview', { fileName: 'b.xlsx', bytes: await rollUp(), year: 2022 });
    expect(await app.invoke('qcdc.importCommit', { importId: old.importId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await app.call('qcdc.importCommit', { importId: fresh.importId })).reportsSaved).toBe(3);
  });

  it('refuses a file without a QCDC table, writing nothing', async () => {
    app = await openTestApp();
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Ghi chú', 'không phải bảng']);
    const r = await app.invoke('qcdc.importPreview', { fileName: 'x.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()), year: 2022 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Không tìm thấy bảng số liệu QCDC') } });
  });
});
