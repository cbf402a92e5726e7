import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { addCatalogItem, addUnit, loadBacKanFields } from './support';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
  await loadBacKanFields(app);
});
afterEach(async () => {
  await app.close();
});

async function workbook(rows: Array<Array<string | number>>, header: string[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KQ');
  ws.addRow(['KẾT QUẢ BÌNH XÉT MÔ HÌNH DÂN VẬN KHÉO NĂM 2024']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('importing review results', () => {
  it('sets recognition, typical and award, creates the award form on request, and counts as the unit’s review', async () => {
    const top = await addUnit(app, 'Đảng bộ xã Yên Đĩnh');
    await addUnit(app, 'Chi bộ thôn Nà Bưa', top);
    await addUnit(app, 'Đảng bộ xã Thanh Mai');
    await addCatalogItem(app, 'recognitionLevel', 'Cấp huyện (kiểm thử)', 50);
    const bytes = await workbook(
      [
        [1, 'Chi bộ thôn Nà Bưa', 'Tổ hòa giải giỏi', 'TT', 'x', 'x', 'Thư khen Huyện ủy (thử)', '12-QĐ/HU', '15/12/2024', 'Cấp huyện (kiểm thử)'],
        [2, 'Chi bộ thôn Nà Bưa', 'Camera an ninh', 'Tập thể', 'Không', '', '', '', '', ''],
      ],
      ['STT', 'Đơn vị', 'Tên mô hình', 'Loại', 'Công nhận', 'Điển hình', 'Hình thức khen thưởng', 'Số quyết định', 'Ngày quyết định', 'Cấp công nhận'],
    );
    const p = await app.call('models.importPreview', { fileName: 'ket-qua.xlsx', bytes });
    expect(p.year).toBe(2024);
    expect(p.rowsValid).toBe(2);
    expect(p.unknownValues).toEqual([{ catalog: 'awardForm', value: 'Thư khen Huyện ủy (thử)', rows: 1 }]);
    const r = await app.call('models.importCommit', { importId: p.importId, createMissing: true });
    expect(r).toMatchObject({ created: 2, skipped: 0, catalogItemsCreated: 1, unitsMarkedReviewed: 1 });
    const rows = (await app.call('models.list', { year: 2024, limit: 10 })).rows;
    const hoaGiai = rows.find((x) => x.name === 'Tổ hòa giải giỏi')!;
    expect(hoaGiai).toMatchObject({
      status: 'recognised',
      typical: true,
      commended: true,
      awardFormName: 'Thư khen Huyện ủy (thử)',
      recognitionDecisionNo: '12-QĐ/HU',
      recognitionDate: '2024-12-15',
      recognitionLevelName: 'Cấp huyện (kiểm thử)',
    });
    expect(rows.find((x) => x.name === 'Camera an ninh')!.status).toBe('notRecognised');
    const stats = await app.call('models.stats', { year: 2024 });
    expect(stats).toMatchObject({ recognised: 1, typical: 1, commended: 1, unitsReviewed: 1, unitsTotal: 2 });
    const reviews = await app.call('models.reviews', { year: 2024 });
    expect(reviews.find((x) => x.unitId === top)).toMatchObject({ reviewed: true, source: 'import', meetingDate: null, modelCount: 2 });
  });

  it('cancelling the commit rolls everything back', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [i + 1, 'Đảng bộ xã Yên Đĩnh', `Mô hình số ${i + 1}`, 'Cá nhân']);
    const bytes = await workbook(rows, ['TT', 'Đơn vị đăng ký', 'Tên mô hình', 'Tập thể/Cá nhân']);
    const p = await app.call('models.importPreview', { fileName: 'lon-2024.xlsx', bytes });
    expect(p.rowsValid).toBe(3000);
    const jobId = 'huy-nhap-thu';
    const off = app.ctx.events.subscribe((name, payload) => {
      const e = payload as { jobId: string; done: number };
      if (name === 'job.progress' && e.jobId === jobId && e.done > 0) app.ctx.jobs.cancel(jobId);
    });
    const res = await app.invoke('models.importCommit', { importId: p.importId, createMissing: true, jobId });
    off();
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('CANCELLED');
    expect((await app.call('models.list', { limit: 1 })).total).toBe(0);
    const units = await app.ctx.db.selectFrom('units').select('name').execute();
    expect(units.map((u) => u.name)).not.toContain('Đảng bộ xã Yên Đĩnh');
  });
});
