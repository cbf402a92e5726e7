import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { newId } from '../../../electron/core/db/ids';
import { addUnit, loadBacKanFields } from './support';
import { titleRows, xlsx, type Cell } from '../../fixtures/register-corpus/build';

/* The preview's decisions (keep or merge look-alikes, skip a value, place new units) are what the commit does. */

let app: TestApp;
let choMoi: string;
let baBe: string;
beforeEach(async () => {
  app = await openTestApp();
  choMoi = await addUnit(app, 'Huyện ủy Chợ Mới');
  baBe = await addUnit(app, 'Huyện ủy Ba Bể');
  await loadBacKanFields(app);
});
afterEach(async () => {
  await app.close();
});

const HEADER = ['TT', 'Đơn vị', 'Tên mô hình', 'Loại', 'Người thực hiện', 'Hình thức khen thưởng'];
const file = (rows: Cell[][]) => xlsx({ rows: [...titleRows(2023, 6), HEADER, ...rows] });
const lookAlikes: Cell[][] = [
  [1, 'Huyện ủy Chợ Mới', 'Camera an ninh', 'Tập thể', 'Chi đoàn thôn', null],
  [2, 'Huyện ủy Chợ Mới', 'Camera an ninh', 'Tập thể', 'Chi đoàn thôn', null],
  [3, 'Huyện ủy Chợ Mới', 'Camera an ninh', 'Tập thể', 'Chi đoàn thôn', null],
];

describe('import decisions', () => {
  it('lists look-alike rows, keeps them as separate models by default, and a re-import finds each again', async () => {
    const p = await app.call('models.importPreview', { fileName: 'a-2023.xlsx', bytes: await file(lookAlikes) });
    expect(p.errors).toEqual([]);
    expect(p.duplicates?.map((d) => [d.row, d.sameAsRow])).toEqual([[6, 5], [7, 5]]);
    const r = await app.call('models.importCommit', { importId: p.importId, createMissing: true, createMissingFields: true });
    expect(r).toMatchObject({ created: 3, skipped: 0 });
    const again = await app.call('models.importPreview', { fileName: 'a-2023.xlsx', bytes: await file(lookAlikes) });
    expect(again.plan).toEqual({ create: 0, update: 0, unchanged: 3 });
  });

  it('merges the look-alike rows the user names', async () => {
    const p = await app.call('models.importPreview', { fileName: 'a-2023.xlsx', bytes: await file(lookAlikes) });
    const r = await app.call('models.importCommit', { importId: p.importId, createMissing: true, createMissingFields: true, mergeRows: ['Sheet1!7'] });
    expect(r).toMatchObject({ created: 2, skipped: 1 });
    expect(r.skippedRows[0]).toMatchObject({ row: 7, reason: expect.stringMatching(/Gộp vào dòng 5/) });
  });

  it('skips the rows of a value the user chose to skip, creating nothing for it', async () => {
    const rows: Cell[][] = [
      [1, 'Huyện ủy Chợ Mới', 'Tổ hòa giải', 'Tập thể', 'Tổ 1', 'Giấy khen Huyện ủy'],
      [2, 'Huyện ủy Chợ Mới', 'Camera an ninh', 'Tập thể', 'Tổ 2', null],
    ];
    const p = await app.call('models.importPreview', { fileName: 'k-2023.xlsx', bytes: await file(rows) });
    expect(p.unknownValues).toEqual([{ catalog: 'awardForm', value: 'Giấy khen Huyện ủy', rows: 1 }]);
    const r = await app.call('models.importCommit', { importId: p.importId, createMissing: true, createMissingFields: true, skipValues: ['awardForm|Giấy khen Huyện ủy'] });
    expect(r).toMatchObject({ created: 1, skipped: 1, catalogItemsCreated: 0 });
    const items = await app.ctx.db.selectFrom('catalog_items').select('name').where('catalog', '=', 'awardForm').execute();
    expect(items.map((i) => i.name)).not.toContain('Giấy khen Huyện ủy');
  });

  it('places new units under the parent chosen for all, or one by one; createMissingUnits false skips their rows', async () => {
    const rows: Cell[][] = [
      [1, 'Đảng ủy xã Quảng Chu', 'Tổ hòa giải', 'Tập thể', 'Tổ 1', null],
      [2, 'Đảng ủy xã Nam Mẫu', 'Camera an ninh', 'Tập thể', 'Tổ 2', null],
    ];
    const p = await app.call('models.importPreview', { fileName: 'u-2023.xlsx', bytes: await file(rows) });
    expect(p.unknownUnits.map((u) => [u.name, u.parentId ?? null])).toEqual([['Đảng ủy xã Quảng Chu', null], ['Đảng ủy xã Nam Mẫu', null]]);
    const r = await app.call('models.importCommit', {
      importId: p.importId,
      createMissing: true,
      createMissingFields: true,
      parentId: choMoi,
      unitParents: { 'Đảng ủy xã Nam Mẫu': baBe },
    });
    expect(r).toMatchObject({ created: 2, unitsCreated: 2 });
    const units = await app.ctx.db.selectFrom('units').select(['name', 'parent_id']).where('name', 'like', 'Đảng ủy xã%').orderBy('name').execute();
    expect(units).toEqual([
      { name: 'Đảng ủy xã Nam Mẫu', parent_id: baBe },
      { name: 'Đảng ủy xã Quảng Chu', parent_id: choMoi },
    ]);
    const stats = await app.call('models.stats', { year: 2023 });
    expect(stats.unitsTotal).toBe(2);

    const p2 = await app.call('models.importPreview', { fileName: 'u2-2023.xlsx', bytes: await file([[1, 'Đảng ủy xã Mới Lập', 'Tổ hòa giải', 'Tập thể', 'Tổ 1', null]]) });
    const r2 = await app.call('models.importCommit', { importId: p2.importId, createMissing: true, createMissingFields: true, createMissingUnits: false });
    expect(r2).toMatchObject({ created: 0, skipped: 1, unitsCreated: 0 });
  });

  it('refuses a parent that is not in the unit list, writing nothing', async () => {
    const p = await app.call('models.importPreview', { fileName: 'u-2023.xlsx', bytes: await file([[1, 'Đảng ủy xã Quảng Chu', 'Tổ hòa giải', 'Tập thể', 'Tổ 1', null]]) });
    const r = await app.invoke('models.importCommit', { importId: p.importId, createMissing: true, parentId: newId() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Đơn vị cấp trên/);
    const list = await app.call('models.list', { year: 2023, limit: 10 });
    expect(list.total).toBe(0);
  });
});
