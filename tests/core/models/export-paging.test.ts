import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { generateDataset } from '../../../bench/generate';
import { openExportPages, selectExportNumbers } from '../../../electron/core/models/exportRepository';
import { toListQuery } from '../../../electron/core/models/service';
import type { ChannelInput } from '../../../shared/contract';
import { BAC_KAN_PROFILE } from '../../support/profiles';

type Filter = Omit<ChannelInput<'models.exportXlsx'>, 'jobId'>;

/*
 * The register's XLSX export at a size where paging matters (5,000 records): read back with
 * exceljs, compared with what `models.list` shows for the same filters, and the paging itself
 * (pages never larger than asked, the connection free between them).
 */

const ARTIFACTS = path.resolve(__dirname, '../../../test-results/models');
const RECORDS = 5000;
let app: TestApp;

interface ListRow {
  id: string;
  year: number;
  unitId: string;
  unitName: string;
  name: string;
  kind: string;
  recognitionDate: string | null;
}

beforeAll(async () => {
  app = await openTestApp();
  await app.call('settings.update', {
    profile: { ...BAC_KAN_PROFILE, parentBody: 'Tỉnh ủy Bắc Kạn', committeeName: 'Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở', headName: 'Nguyễn Văn Đông' },
  });
  generateDataset(app.ctx.sqlite, { records: RECORDS, firstYear: 2022, lastYear: 2023, topUnits: 3, childrenPerUnit: 5, tasks: 0, seed: 11 });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

/** Every row `models.list` gives for a filter, in register (unit) order, page by page. */
async function listAll(filter: Filter): Promise<ListRow[]> {
  const out: ListRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await app.call('models.list', { ...filter, sort: 'unit', offset, limit: 1000 });
    out.push(...(page.rows as ListRow[]));
    if (page.rows.length < 1000) return out;
  }
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('register export at 5,000 rows', () => {
  it('reads back with title rows, merges, header, typed cells and every row in register order', async () => {
    const out = await app.call('models.exportXlsx', {});
    const expected = await listAll({});
    expect(expected.length).toBe(RECORDS);
    expect(out.rows).toBe(RECORDS);
    fs.writeFileSync(path.join(ARTIFACTS, 'register-5000.xlsx'), out.bytes);
    // A well-formed archive: every entry's CRC checks out.
    execFileSync('unzip', ['-tq', path.join(ARTIFACTS, 'register-5000.xlsx')]);

    const ws = await load(out.bytes);
    expect(ws.name).toBe('Sổ mô hình');
    // Party-format title block.
    expect(ws.getCell('A1').value).toBe('TỈNH ỦY BẮC KẠN');
    expect(ws.getCell('H1').value).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(ws.getCell('H1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('BAN CHỈ ĐẠO THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ');
    expect(ws.getCell('A4').value).toBe('DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO"');
    expect(ws.getCell('A4').font?.size).toBe(14);
    expect(ws.getCell('A5').value).toBe('(Tổng số: 5.000 lượt mô hình)');
    for (const [cell, master] of [['N4', 'A4'], ['G1', 'A1'], ['N1', 'H1'], ['M5', 'A5']] as const) {
      expect(ws.getCell(cell).isMerged).toBe(true);
      expect(ws.getCell(cell).master.address).toBe(master);
    }
    // Header row (row 7), frozen under it.
    const header = (ws.getRow(7).values as unknown[]).slice(1);
    expect(header).toEqual([
      'TT', 'Năm', 'Đơn vị đăng ký', 'Tên mô hình', 'Tập thể / Cá nhân', 'Lĩnh vực', 'Mới / Duy trì', 'Người, tập thể thực hiện',
      'Thời gian thực hiện', 'Trạng thái', 'Quyết định công nhận', 'Ngày công nhận', 'Điển hình', 'Khen thưởng', 'Ghi chú',
    ]);
    expect(ws.getCell('D7').border?.top?.style).toBe('thin');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });

    // Every data row: the same record as models.list at the same position, values typed.
    let dates = 0;
    for (let i = 0; i < expected.length; i += 1) {
      const row = ws.getRow(8 + i);
      const e = expected[i]!;
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(e.year);
      expect(row.getCell(3).value).toBe(e.unitName);
      expect(row.getCell(4).value).toBe(e.name);
      expect(row.getCell(5).value).toBe(e.kind === 'collective' ? 'Tập thể' : 'Cá nhân');
      const date = row.getCell(12).value;
      if (e.recognitionDate) {
        dates += 1;
        expect(date).toBeInstanceOf(Date);
        expect((date as Date).toISOString().slice(0, 10)).toBe(e.recognitionDate);
      } else expect(date).toBeNull();
    }
    expect(dates).toBeGreaterThan(100); // the data set has recognised records to check
    // Number formats: years without a thousands separator, dates dd/mm/yyyy.
    expect(ws.getCell('B8').numFmt).toBe('0');
    expect(ws.getCell('A8').numFmt).toBe('#,##0');
    expect(ws.getRow(8).getCell(12).numFmt).toBe('dd/mm/yyyy');
    // Vietnamese text survives (diacritics, đ, quotes) exactly as stored.
    expect(expected.some((e) => /[ăâđêôơưạảãáàẹẻẽéèịỉĩíìọỏõóòụủũúùỵỷỹýỳ]/i.test(e.name))).toBe(true);
    const totals = ws.getRow(8 + RECORDS);
    expect(totals.getCell(3).value).toBe('Cộng');
    expect(totals.getCell(4).value).toBe('5.000 mô hình');
    expect(totals.getCell(3).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(8 + RECORDS);
  }, 120_000);

  it('holds exactly the rows models.list shows for the same filters', async () => {
    const topUnit = app.ctx.sqlite.prepare('select id from units where parent_id is null and deleted_at is null order by sort_order limit 1').get() as { id: string };
    const someName = (await app.call('models.list', { year: 2023, limit: 1, offset: 777 })).rows[0]!.name;
    const word = someName.split(' ').filter((w) => w.length > 3)[1] ?? someName.split(' ')[0]!;
    const filters: Filter[] = [
      { year: 2023 },
      { unitId: topUnit.id, includeSubunits: true },
      { year: 2022, kind: 'individual' },
      { year: 2023, statuses: ['recognised'] },
      { year: 2023, search: word },
      { search: word, kind: 'collective' },
    ];
    for (const filter of filters) {
      const expected = await listAll(filter);
      const out = await app.call('models.exportXlsx', filter);
      expect(out.rows, JSON.stringify(filter)).toBe(expected.length);
      const ws = await load(out.bytes);
      const names: string[] = [];
      for (let r = 8; r < 8 + out.rows; r += 1) names.push(String(ws.getRow(r).getCell(4).value));
      expect(names, JSON.stringify(filter)).toEqual(expected.map((e) => e.name));
    }
  }, 120_000);

  it('reads in pages no larger than asked, and leaves the connection free between them', async () => {
    const q = await toListQuery(app.ctx.db, { includeSubunits: true });
    const numbers = await selectExportNumbers(app.ctx.db, q);
    expect(numbers).toHaveLength(RECORDS);
    const { total, pages } = await openExportPages(app.ctx.db, q, 300);
    expect(total).toBe(RECORDS);
    const seen: number[] = [];
    let count = 0;
    for await (const page of pages) {
      count += 1;
      expect(page.length).toBeLessThanOrEqual(300);
      seen.push(...page.map((r) => r.n));
      // Another query between pages works (an open iterator would make better-sqlite3 refuse it).
      const list = await app.call('models.list', { limit: 1 });
      expect(list.rows).toHaveLength(1);
    }
    expect(count).toBe(Math.ceil(RECORDS / 300));
    expect(seen).toEqual(numbers);
  }, 60_000);

  it('lets the app keep answering while an export runs', async () => {
    const state = { done: false };
    const exporting = app.call('models.exportXlsx', {}).finally(() => {
      state.done = true;
    });
    let answered = 0;
    while (!state.done) {
      const list = await app.call('models.list', { search: 'dan van', limit: 5 });
      expect(list.rows.length).toBeGreaterThan(0);
      answered += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await exporting).rows).toBe(RECORDS);
    // Reads queue for Kysely's one connection: a cursor held for the whole export (the old
    // streamed query) let a list in only at the end; pages of 500 let one in between every page.
    expect(answered).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
