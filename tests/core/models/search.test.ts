import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, tempDir, testPlatform, type TestApp } from '../../support/context';
import { newId } from '../../../electron/core/db/ids';
import { createKysely, openSqlite } from '../../../electron/core/db/open';
import { migrateToLatest } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { createAppContext } from '../../../electron/core/context';
import { insertModelRow, insertYearRow } from '../../../electron/core/models/repository';
import { newYearRow } from '../../../electron/core/models/service';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { SEARCH_SORT_CAP, type ModelYearRow } from '../../../shared/schemas/models';
import { addUnit, loadBacKanFields } from './support';

/*
 * The register's search (migration 0009 and the capped search path): the index holds only live
 * records, a broad search comes newest first with a truthful lower-bound total, a narrow one is
 * sorted, filters are applied before the page, and paging returns every match exactly once.
 * Expected results are computed here from the names the test inserted, never read back from FTS.
 */

let app: TestApp;
let unitA: string;
let unitB: string;
const AT = '2026-01-01T00:00:00.000Z';

interface Made {
  id: string;
  name: string;
  year: number;
  unitId: string;
  kind: 'collective' | 'individual';
  order: number; // insertion order = record number order
}
const made: Made[] = [];

// 2,600 "Dân vận khéo …" records over 2024–2025 (more than the cap overall, fewer in 2024),
// plus a few narrow ones ("Hiến đất làm đường", "Bản Khuổi Tèn").
const BROAD = 'dan van kheo';
function plan(): Array<Omit<Made, 'id' | 'order'>> {
  const out: Array<Omit<Made, 'id' | 'order'>> = [];
  for (let k = 0; k < 2600; k++) {
    const year = k % 3 === 0 ? 2024 : 2025; // 867 in 2024, 1,733 in 2025
    const lead = ['Ánh', 'Bắc', 'Đồng', 'Ân', 'Ơn', 'Dũng', 'Zô'][k % 7]!;
    out.push({ name: `Dân vận khéo ${lead} ${k}`, year, unitId: k % 2 ? 'A' : 'B', kind: k % 5 === 0 ? 'individual' : 'collective' });
  }
  for (let k = 0; k < 30; k++) out.push({ name: `Hiến đất làm đường thôn ${30 - k}`, year: 2025, unitId: 'A', kind: 'collective' });
  out.push({ name: 'Nước sạch Bản Khuổi Tèn', year: 2025, unitId: 'B', kind: 'collective' });
  return out;
}

beforeAll(async () => {
  app = await openTestApp();
  const fields = await loadBacKanFields(app);
  unitA = await addUnit(app, 'Đảng bộ xã Chợ Mới');
  unitB = await addUnit(app, 'Đảng bộ xã Yên Đĩnh');
  await app.ctx.db.transaction().execute(async (trx) => {
    let order = 0;
    for (const p of plan()) {
      const unitId = p.unitId === 'A' ? unitA : unitB;
      const model = {
        id: newId(),
        unit_id: unitId,
        name: p.name,
        name_folded: foldText(p.name),
        kind: p.kind,
        field_id: fields[0]!,
        performer: null, period_label: null, situation: null, goals: null, content: null, area: null,
        lead_force: null, coop_force: null, resources: null, timing: null, expected_results: null, replicability: null,
        first_year: p.year,
        sort_key: vietnameseSortKey(p.name),
        created_at: AT, updated_at: AT, deleted_at: null,
      };
      await insertModelRow(trx, model);
      const row = newYearRow(model, p.year, p.unitId === 'A' ? 'Đảng bộ xã Chợ Mới' : 'Đảng bộ xã Yên Đĩnh', AT, { registration: 'new', status: 'registered' });
      await insertYearRow(trx, row);
      made.push({ ...p, unitId, id: row.id, order: order++ });
    }
  });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

async function allPages(filter: Record<string, unknown>, limit: number): Promise<{ rows: ModelYearRow[]; pages: Array<{ total: number; totalCapped: boolean; order: string }> }> {
  const rows: ModelYearRow[] = [];
  const pages: Array<{ total: number; totalCapped: boolean; order: string }> = [];
  for (let offset = 0; offset < 100_000; offset += limit) {
    const page = await app.call('models.list', { ...filter, offset, limit });
    rows.push(...page.rows);
    pages.push({ total: page.total, totalCapped: page.totalCapped, order: page.order });
    if (page.rows.length < limit) break;
  }
  return { rows, pages };
}

const broad = (pred: (m: Made) => boolean = () => true) => made.filter((m) => m.name.startsWith('Dân vận khéo') && pred(m));
const newestFirst = (list: Made[]) => [...list].sort((a, b) => b.order - a.order).map((m) => m.id);
const byName = (list: Made[]) => [...list].sort((a, b) => (vietnameseSortKey(a.name) < vietnameseSortKey(b.name) ? -1 : 1)).map((m) => m.id);

describe('broad search (more matches than the sort cap)', () => {
  it('serves the newest records first with a truthful lower-bound total, and models.count is exact', async () => {
    const expected = broad();
    expect(expected.length).toBeGreaterThan(SEARCH_SORT_CAP);
    const page = await app.call('models.list', { search: BROAD, limit: 50 });
    expect(page.order).toBe('recent');
    expect(page.totalCapped).toBe(true);
    expect(page.total).toBe(SEARCH_SORT_CAP + 1);
    expect(page.total).toBeLessThanOrEqual(expected.length);
    expect(page.rows.map((r) => r.id)).toEqual(newestFirst(expected).slice(0, 50));
    expect((await app.call('models.count', { search: BROAD })).total).toBe(expected.length);
    // Diacritics and case do not matter.
    expect((await app.call('models.count', { search: 'DÂN VẬN KHÉO' })).total).toBe(expected.length);
  });

  it('pages through every match exactly once, the last page tells the exact total', async () => {
    const expected = broad();
    const { rows, pages } = await allPages({ search: BROAD }, 500);
    expect(rows.map((r) => r.id)).toEqual(newestFirst(expected));
    expect(new Set(rows.map((r) => r.id)).size).toBe(expected.length);
    expect(pages.slice(0, -1).every((p) => p.totalCapped && p.order === 'recent' && p.total <= expected.length)).toBe(true);
    expect(pages.at(-1)).toEqual({ total: expected.length, totalCapped: false, order: 'recent' });
  });

  it('applies other filters before the page (kind, unit) and pages them completely', async () => {
    const expected = broad((m) => m.kind === 'individual' && m.unitId === unitA);
    const { rows, pages } = await allPages({ search: BROAD, kind: 'individual', unitId: unitA }, 100);
    expect(rows.map((r) => r.id)).toEqual(newestFirst(expected));
    expect(rows.every((r) => r.kind === 'individual' && r.unitId === unitA)).toBe(true);
    // A lower bound is never more than what exists.
    expect(pages.every((p) => p.total <= expected.length)).toBe(true);
    expect(pages.at(-1)!.total).toBe(expected.length);
    expect((await app.call('models.count', { search: BROAD, kind: 'individual', unitId: unitA })).total).toBe(expected.length);
  });

  it('a unit filter: pages newest first, counted by the index (unit facets), which follows a record moved to another unit', async () => {
    const inB = broad((m) => m.unitId === unitB);
    expect(inB.length).toBeGreaterThan(SEARCH_SORT_CAP);
    const all = await allPages({ search: BROAD, unitId: unitB }, 250);
    expect(all.rows.map((r) => r.id)).toEqual(newestFirst(inB));
    expect(all.pages[0]).toMatchObject({ totalCapped: true, order: 'recent' });
    expect(all.pages.every((p) => p.total <= inB.length)).toBe(true);
    expect(all.pages.at(-1)).toEqual({ total: inB.length, totalCapped: false, order: 'recent' });
    expect((await app.call('models.count', { search: BROAD, unitId: unitB })).total).toBe(inB.length);

    // With a year: the year's matches exceed the cap, so the unit's come newest first too, complete.
    const inB2025 = broad((m) => m.unitId === unitB && m.year === 2025);
    const year = await allPages({ search: BROAD, unitId: unitB, year: 2025 }, 250);
    expect(year.rows.map((r) => r.id)).toEqual(newestFirst(inB2025));
    expect(year.pages.at(-1)).toEqual({ total: inB2025.length, totalCapped: false, order: 'recent' });
    expect((await app.call('models.count', { search: BROAD, unitId: unitB, year: 2025 })).total).toBe(inB2025.length);

    const mover = made.find((m) => m.name === 'Hiến đất làm đường thôn 2')!;
    await app.call('models.update', { id: mover.id, model: { unitId: unitB } });
    expect((await app.call('models.list', { search: 'hien dat', unitId: unitB })).rows.map((r) => r.id)).toEqual([mover.id]);
    expect((await app.call('models.list', { search: 'hien dat', unitId: unitA })).rows.map((r) => r.id)).not.toContain(mover.id);
    expect((await app.call('models.count', { search: 'hien dat', unitId: unitA })).total).toBe(29);
  });

  it('a filtered broad search that fits one page is sorted as asked', async () => {
    const target = broad((m) => m.year === 2025).slice(0, 7);
    await app.call('models.bulkUpdateStatus', { ids: target.map((t) => t.id), status: 'implementing' });
    const page = await app.call('models.list', { search: BROAD, statuses: ['implementing'], limit: 50 });
    expect(page).toMatchObject({ total: 7, totalCapped: false, order: 'name' });
    expect(page.rows.map((r) => r.id)).toEqual(byName(target));
  });
});

describe('search within a year (the register screen always has one)', () => {
  it('sorts by name when the year holds no more than the cap, with the exact total', async () => {
    const expected = broad((m) => m.year === 2024);
    expect(expected.length).toBeLessThanOrEqual(SEARCH_SORT_CAP);
    const { rows, pages } = await allPages({ search: BROAD, year: 2024 }, 200);
    expect(pages.every((p) => p.total === expected.length && !p.totalCapped && p.order === 'name')).toBe(true);
    expect(rows.map((r) => r.id)).toEqual(byName(expected));
    expect((await app.call('models.count', { search: BROAD, year: 2024 })).total).toBe(expected.length);
  });

  it('sorts by unit when asked', async () => {
    const expected = broad((m) => m.year === 2024);
    const page = await app.call('models.list', { search: BROAD, year: 2024, sort: 'unit', limit: 1000 });
    const unitKey = (m: Made) => vietnameseSortKey(m.unitId === unitA ? 'Đảng bộ xã Chợ Mới' : 'Đảng bộ xã Yên Đĩnh');
    const want = [...expected].sort((a, b) => (unitKey(a) === unitKey(b) ? (vietnameseSortKey(a.name) < vietnameseSortKey(b.name) ? -1 : 1) : unitKey(a) < unitKey(b) ? -1 : 1));
    expect(page.order).toBe('unit');
    expect(page.rows.map((r) => r.id)).toEqual(want.map((m) => m.id));
  });
});

describe('narrow search', () => {
  it('is sorted in Vietnamese order with the exact total', async () => {
    const expected = made.filter((m) => m.name.startsWith('Hiến đất'));
    const page = await app.call('models.list', { search: 'hien dat lam duong', limit: 10 });
    expect(page).toMatchObject({ total: 30, totalCapped: false, order: 'name' });
    expect(page.rows.map((r) => r.id)).toEqual(byName(expected).slice(0, 10));
    // Words complete a prefix ("duo" → "đường"), across the unit name too (one record was moved to
    // Yên Đĩnh by the unit-filter test above).
    expect((await app.call('models.list', { search: 'hien dat duo cho moi' })).total).toBe(29);
    expect((await app.call('models.list', { search: 'hien dat yen dinh' })).total).toBe(1);
  });
});

describe('the index never returns soft-deleted records', () => {
  const liveInIndex = async (year: number) =>
    Number((await sql<{ c: number }>`SELECT count(*) AS c FROM dvk_years_fts WHERE dvk_years_fts MATCH ${`facets : "y${year}"`}`.execute(app.ctx.db)).rows[0]!.c);
  const liveRows = async (year: number) =>
    Number((await app.ctx.db.selectFrom('dvk_model_years').select((eb) => eb.fn.countAll<number>().as('c')).where('year', '=', year).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).c);
  const found = async (search: string) => (await app.call('models.list', { search, year: 2025 })).rows.map((r) => r.id);

  it('through delete, restore (service and trash), text edits and hard deletes', async () => {
    const target = made.find((m) => m.name.includes('Khuổi Tèn'))!;
    expect(await found('khuoi ten')).toEqual([target.id]);

    await app.call('models.delete', { id: target.id });
    expect(await found('khuoi ten')).toEqual([]);
    expect((await app.call('models.count', { search: 'khuoi ten' })).total).toBe(0);

    await app.call('models.restore', { id: target.id });
    expect(await found('khuoi ten')).toEqual([target.id]);

    await app.call('models.delete', { id: target.id });
    await app.call('trash.restore', { entity: 'dvk_model_years', id: target.id });
    expect(await found('khuoi ten')).toEqual([target.id]);
    // Deleting a model's only yearly record deleted the model too; restoring the record from the
    // trash brings the model back with it, so the record can be edited again.
    const modelId = (await app.call('models.list', { search: 'khuoi ten' })).rows[0]!.modelId;
    expect((await app.ctx.db.selectFrom('dvk_models').select('deleted_at').where('id', '=', modelId).executeTakeFirstOrThrow()).deleted_at).toBeNull();

    // Editing the name re-indexes the text: the old words no longer find it, the new ones do.
    await app.call('models.update', { id: target.id, model: { name: 'Nước sạch Bản Pác Nặm' } });
    expect(await found('khuoi ten')).toEqual([]);
    expect(await found('pac nam')).toEqual([target.id]);

    // Hard delete of a soft-deleted row and of a live row.
    const other = made.find((m) => m.name === 'Hiến đất làm đường thôn 1')!;
    await app.call('models.delete', { id: other.id });
    await app.ctx.db.deleteFrom('dvk_model_years').where('id', '=', other.id).execute();
    await app.ctx.db.deleteFrom('dvk_model_years').where('id', '=', target.id).execute();
    expect(await found('pac nam')).toEqual([]);
    const left = await found('hien dat lam duong');
    expect(left).toHaveLength(29);
    expect(left).not.toContain(other.id);

    // The index holds exactly the live rows of each year, and FTS5 finds itself consistent.
    for (const year of [2024, 2025]) expect(await liveInIndex(year)).toBe(await liveRows(year));
    await sql`INSERT INTO dvk_years_fts(dvk_years_fts) VALUES ('integrity-check')`.execute(app.ctx.db);
  });
});

describe('migration 0009', () => {
  it('rebuilds the index from the rows written before it: live rows only, with their year', async () => {
    const dir = tempDir();
    const sqlite = openSqlite(path.join(dir, 'qcdc.sqlite'));
    const db = createKysely(sqlite);
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0009'));
    await migrateToLatest(db, before);
    const unit = newId();
    sqlite
      .prepare(`INSERT INTO units (id, name, kind, sort_order, search_text, sort_key, created_at, updated_at) VALUES (?, 'Đảng bộ xã Cũ', 'dang_bo', 0, 'dang bo xa cu', ?, ?, ?)`)
      .run(unit, vietnameseSortKey('Đảng bộ xã Cũ'), AT, AT);
    const rows: Array<{ name: string; year: number; deleted: boolean }> = [
      { name: 'Dân vận khéo bản Cũ', year: 2023, deleted: false },
      { name: 'Dân vận khéo bản Xóa', year: 2023, deleted: true },
      { name: 'Dân vận khéo bản Mới', year: 2024, deleted: false },
    ];
    for (const r of rows) {
      const modelId = newId();
      sqlite
        .prepare(`INSERT INTO dvk_models (id, unit_id, name, name_folded, kind, first_year, sort_key, created_at, updated_at) VALUES (?, ?, ?, ?, 'collective', ?, ?, ?, ?)`)
        .run(modelId, unit, r.name, foldText(r.name), r.year, vietnameseSortKey(r.name), AT, AT);
      sqlite
        .prepare(
          `INSERT INTO dvk_model_years (id, model_id, year, unit_id, kind, registration, status, search_text, sort_key, created_at, updated_at, deleted_at)
           VALUES (?, ?, ?, ?, 'collective', 'new', 'registered', ?, ?, ?, ?, ?)`,
        )
        .run(newId(), modelId, r.year, unit, foldText(`${r.name}  Đảng bộ xã Cũ`), vietnameseSortKey(r.name), AT, AT, r.deleted ? AT : null);
    }
    await db.destroy();
    sqlite.close();

    const ctx = await createAppContext({ dataDir: dir, platform: testPlatform(dir) });
    try {
      const { listModels } = await import('../../../electron/core/models/service');
      const all = await listModels(ctx, { search: 'dan van kheo', includeSubunits: true, sort: 'name', offset: 0, limit: 10 });
      expect(all.rows.map((r) => r.name)).toEqual(['Dân vận khéo bản Cũ', 'Dân vận khéo bản Mới']);
      expect(all.total).toBe(2);
      const y2023 = await listModels(ctx, { search: 'ban', year: 2023, includeSubunits: true, sort: 'name', offset: 0, limit: 10 });
      expect(y2023.rows.map((r) => r.name)).toEqual(['Dân vận khéo bản Cũ']);
      const inUnit = await listModels(ctx, { search: 'dan van kheo', unitId: unit, year: 2024, includeSubunits: true, sort: 'name', offset: 0, limit: 10 });
      expect(inUnit.rows.map((r) => r.name)).toEqual(['Dân vận khéo bản Mới']);
      const otherUnit = await listModels(ctx, { search: 'dan van kheo', unitId: newId(), includeSubunits: false, sort: 'name', offset: 0, limit: 10 });
      expect(otherUnit.total).toBe(0);
      const xoa = await listModels(ctx, { search: 'xoa', includeSubunits: true, sort: 'name', offset: 0, limit: 10 });
      expect(xoa.total).toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
