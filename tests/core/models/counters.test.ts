import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, tempDir, type TestApp } from '../../support/context';
import { createKysely, openSqlite } from '../../../electron/core/db/open';
import { migrations } from '../../../electron/core/db/migrations';
import { migrateToLatest } from '../../../electron/core/db/migrate';
import { newId } from '../../../electron/core/db/ids';
import type { SqliteHandle } from '../../../electron/core/db/open';
import { selectUnits } from '../../../electron/core/models/repository';
import { STATUS_COLUMNS } from '../../../electron/core/models/stats';
import { UnitTree } from '../../../electron/core/models/unitTree';
import { MODEL_STATUSES, type ModelCounts, type ModelStats, type ModelStatus } from '../../../shared/schemas/models';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { addCatalogItem, addUnit, fixtureBytes, loadBacKanFields } from './support';
import path from 'node:path';

/*
 * The counters of migration 0008 (dvk_unit_counts, dvk_field_counts) are kept by triggers. These
 * tests change the register through every path there is — create, edit of the record and of the
 * model (unit, field, kind), status changes, bulk recognise, soft delete, restore (models.restore
 * and trash.restore), carrying over, Excel imports (registrations and review results) and raw SQL
 * (year changes, hard deletes, single-column updates) — and after each batch compare the counters
 * and `models.stats` with counts made here, independently, from a fresh read of the live rows.
 */

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

interface LiveRow {
  id: string;
  model_id: string;
  year: number;
  unit_id: string;
  field_id: string | null;
  kind: string;
  registration: string;
  status: string;
  typical: number;
  commended: number;
}

type Counter = Record<string, number>;

/** What a counter row must hold for a set of records, written out independently of the migration's SQL. */
function expectedCounter(rows: LiveRow[]): Counter {
  const c: Counter = { total: rows.length, new_count: 0, collective: 0, typical: 0, commended: 0, typical_collective: 0, commended_collective: 0 };
  for (const s of MODEL_STATUSES) {
    c[STATUS_COLUMNS[s].all] = 0;
    c[STATUS_COLUMNS[s].collective] = 0;
  }
  for (const r of rows) {
    const coll = r.kind === 'collective';
    if (r.registration === 'new') c.new_count!++;
    if (coll) c.collective!++;
    const cols = STATUS_COLUMNS[r.status as ModelStatus];
    c[cols.all]!++;
    if (coll) c[cols.collective]!++;
    if (r.status === 'recognised' && r.typical) {
      c.typical!++;
      if (coll) c.typical_collective!++;
    }
    if (r.status === 'recognised' && r.commended) {
      c.commended!++;
      if (coll) c.commended_collective!++;
    }
  }
  return c;
}

function liveRows(sqlite: SqliteHandle): LiveRow[] {
  return sqlite
    .prepare('SELECT id, model_id, year, unit_id, field_id, kind, registration, status, typical, commended FROM dvk_model_years WHERE deleted_at IS NULL')
    .all() as LiveRow[];
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/** Counter rows as `year|key → counters`, leaving out rows emptied by deletes (they must be all zero). */
function counterTable(sqlite: SqliteHandle, table: 'dvk_unit_counts' | 'dvk_field_counts', key: 'unit_id' | 'field_key'): Map<string, Counter> {
  const out = new Map<string, Counter>();
  for (const row of sqlite.prepare(`SELECT * FROM ${table}`).all() as Array<Record<string, number | string>>) {
    const { year, [key]: k, ...counters } = row;
    if (counters.total === 0) {
      expect(Object.values(counters).every((v) => v === 0), `${table} ${year}|${k} emptied but not zero`).toBe(true);
      continue;
    }
    out.set(`${year}|${k}`, counters as Counter);
  }
  return out;
}

function expectCountersMatchRows(sqlite: SqliteHandle, label: string): LiveRow[] {
  const rows = liveRows(sqlite);
  const byUnit = new Map([...groupBy(rows, (r) => `${r.year}|${r.unit_id}`)].map(([k, v]) => [k, expectedCounter(v)]));
  const byField = new Map([...groupBy(rows, (r) => `${r.year}|${r.field_id ?? ''}`)].map(([k, v]) => [k, expectedCounter(v)]));
  expect(counterTable(sqlite, 'dvk_unit_counts', 'unit_id'), `${label}: unit counters`).toEqual(byUnit);
  expect(counterTable(sqlite, 'dvk_field_counts', 'field_key'), `${label}: field counters`).toEqual(byField);
  return rows;
}

function counts(rows: LiveRow[]): ModelCounts {
  const rec = rows.filter((r) => r.status === 'recognised');
  const coll = (list: LiveRow[]) => list.filter((r) => r.kind === 'collective').length;
  return {
    registered: rows.length,
    newCount: rows.filter((r) => r.registration === 'new').length,
    carriedCount: rows.filter((r) => r.registration !== 'new').length,
    recognised: rec.length,
    notRecognised: rows.filter((r) => r.status === 'notRecognised').length,
    typical: rec.filter((r) => r.typical).length,
    commended: rec.filter((r) => r.commended).length,
    collective: coll(rows),
    individual: rows.length - coll(rows),
    recognisedCollective: coll(rec),
    recognisedIndividual: rec.length - coll(rec),
    typicalCollective: coll(rec.filter((r) => r.typical)),
    commendedCollective: coll(rec.filter((r) => r.commended)),
  };
}

function byStatus(rows: LiveRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

/** Unit × status × tập thể/cá nhân as the statistics carry it (all, and the collective ones). */
const statusSplit = (rows: LiveRow[]) => ({ byStatus: byStatus(rows), byStatusCollective: byStatus(rows.filter((r) => r.kind === 'collective')) });

const pick = <T extends Record<string, unknown>>(o: T): ModelCounts => {
  const c = o as unknown as ModelCounts;
  return {
    registered: c.registered,
    newCount: c.newCount,
    carriedCount: c.carriedCount,
    recognised: c.recognised,
    notRecognised: c.notRecognised,
    typical: c.typical,
    commended: c.commended,
    collective: c.collective,
    individual: c.individual,
    recognisedCollective: c.recognisedCollective,
    recognisedIndividual: c.recognisedIndividual,
    typicalCollective: c.typicalCollective,
    commendedCollective: c.commendedCollective,
  };
};

/** `models.stats` of a year against figures counted here from the live rows (roll-up through the same unit tree). */
async function expectStatsMatchRows(a: TestApp, rows: LiveRow[], year: number, label: string): Promise<ModelStats> {
  const stats = await a.call('models.stats', { year });
  const mine = rows.filter((r) => r.year === year);
  expect(pick(stats), `${label}: totals ${year}`).toEqual(counts(mine));
  expect({ byStatus: stats.byStatus, byStatusCollective: stats.byStatusCollective }, `${label}: byStatus ${year}`).toEqual(statusSplit(mine));
  expect(pick(stats.previous), `${label}: previous of ${year}`).toEqual(counts(rows.filter((r) => r.year === year - 1)));

  const tree = new UnitTree(await selectUnits(a.ctx.db));
  const subIds = new Set(tree.subordinates(year).map((u) => u.id));
  const perTop = groupBy(mine, (r) => tree.rollUp(r.unit_id, year, subIds));
  const unitGot = new Map(
    stats.byUnit.filter((u) => u.registered > 0 || perTop.has(u.unitId)).map((u) => [u.unitId, { ...pick(u), byStatus: u.byStatus, byStatusCollective: u.byStatusCollective }]),
  );
  expect(unitGot, `${label}: byUnit ${year}`).toEqual(new Map([...perTop].map(([k, v]) => [k, { ...counts(v), ...statusSplit(v) }])));
  for (const u of stats.byUnit.filter((x) => !perTop.has(x.unitId))) expect({ ...pick(u), byStatus: u.byStatus }).toEqual({ ...counts([]), byStatus: {} });
  expect(new Set(stats.byUnit.map((u) => u.unitId)).size, 'one row per unit').toBe(stats.byUnit.length);

  const perField = groupBy(mine, (r) => r.field_id ?? '');
  const fieldGot = new Map(stats.byField.map((f) => [f.fieldId ?? '', { ...pick(f), byStatus: f.byStatus, byStatusCollective: f.byStatusCollective }]));
  expect(fieldGot, `${label}: byField ${year}`).toEqual(new Map([...perField].map(([k, v]) => [k, { ...counts(v), ...statusSplit(v) }])));

  // The reviews list's model counts are the by-unit figures.
  const reviews = await a.call('models.reviews', { year });
  for (const r of reviews) expect(r.modelCount, `${label}: reviews ${year}`).toBe(perTop.get(r.unitId)?.length ?? 0);
  return stats;
}

async function expectAll(a: TestApp, label: string): Promise<LiveRow[]> {
  const rows = expectCountersMatchRows(a.ctx.sqlite, label);
  const years = new Set(rows.map((r) => r.year));
  for (const y of [...years]) years.add(y + 1); // a year whose "previous" holds the records
  for (const y of years) await expectStatsMatchRows(a, rows, y, label);
  const listed = await a.call('models.years', {});
  expect(new Map(listed.map((y) => [y.year, y.count])), `${label}: years`).toEqual(
    new Map([...groupBy(rows, (r) => String(r.year))].map(([y, v]) => [Number(y), v.length])),
  );
  return rows;
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

async function resultsWorkbook(year: number, rows: Array<Array<string | number>>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KQ');
  ws.addRow([`KẾT QUẢ BÌNH XÉT MÔ HÌNH DÂN VẬN KHÉO NĂM ${year}`]);
  ws.addRow(['STT', 'Đơn vị', 'Tên mô hình', 'Loại', 'Công nhận', 'Điển hình', 'Hình thức khen thưởng', 'Số quyết định', 'Ngày quyết định']);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('model counters kept by triggers', () => {
  it('every status of the contract has its counter columns', async () => {
    app = await openTestApp();
    const cols = (app.ctx.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all('dvk_unit_counts') as Array<{ name: string }>).map((c) => c.name);
    for (const s of MODEL_STATUSES) expect(cols).toEqual(expect.arrayContaining([STATUS_COLUMNS[s].all, STATUS_COLUMNS[s].collective]));
  });

  it('equal a fresh count of the live records after random writes through every path', { timeout: 240_000 }, async () => {
    const a = (app = await openTestApp());
    const fields = await loadBacKanFields(a);
    const units: string[] = [];
    const tops: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const top = await addUnit(a, `Đảng bộ xã Thử ${i}`);
      tops.push(top);
      for (let j = 1; j <= 3; j++) units.push(await addUnit(a, `Chi bộ thôn Thử ${i}.${j}`, top));
    }
    // A unit merged into another at the end of 2023: its 2023 records count for its old đảng bộ, later ones for the new.
    await a.ctx.db.updateTable('units').set({ merged_into_id: units[0]!, valid_to: '2023-12-31' }).where('id', '=', units[8]!).execute();
    const levelId = await addCatalogItem(a, 'recognitionLevel', 'Cấp huyện (thử)', 90);
    const awardId = await addCatalogItem(a, 'awardForm', 'Giấy khen (thử)', 90);
    const rand = rng(2026);
    const pickOf = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const YEARS = [2022, 2023, 2024];
    const recognisedFields = { recognitionDecisionNo: '15-QĐ/BCĐ', recognitionDate: '2023-12-20', recognitionLevelId: levelId };
    // Statuses go round in turn (not at random): every status is written several times in any run,
    // so the coverage check at the end holds whatever order the records come back in.
    let nextStatus = 0;
    const yearPatch = (): Record<string, unknown> => {
      const status = MODEL_STATUSES[nextStatus++ % MODEL_STATUSES.length]!;
      if (status !== 'recognised') return { status, typical: false, awardFormId: null, awardDecisionNo: null };
      const typical = rand() < 0.4;
      const award = rand() < 0.4;
      return { status, ...recognisedFields, typical, awardFormId: award ? awardId : null, awardDecisionNo: award ? '7-QĐ/HU' : null };
    };
    // trash.restore brings back a record without its model when the delete took the model too; the
    // model services refuse such records (NOT_FOUND), so edits pick records whose model is live.
    const withLiveModel = (rows: LiveRow[]) => {
      const live = new Set(a.ctx.sqlite.prepare('SELECT id FROM dvk_models WHERE deleted_at IS NULL').pluck().all() as string[]);
      return rows.filter((x) => live.has(x.model_id));
    };
    let serial = 0;
    const ops: Record<string, (rows: LiveRow[]) => Promise<void>> = {
      async create() {
        serial++;
        await a.call('models.create', {
          unitId: pickOf(units),
          name: `Mô hình kiểm thử số ${serial}`,
          kind: rand() < 0.6 ? 'collective' : 'individual',
          fieldId: rand() < 0.8 ? pickOf(fields) : null,
          year: pickOf(YEARS),
          registration: rand() < 0.5 ? 'new' : 'carried',
          ...(yearPatch() as object),
        } as never);
      },
      async editRecord(all) {
        const rows = withLiveModel(all);
        if (rows.length) await a.call('models.update', { id: pickOf(rows).id, year: yearPatch() as never });
      },
      async editModel(all) {
        const rows = withLiveModel(all);
        if (!rows.length) return;
        const r = pickOf(rows);
        const model: Record<string, unknown> = {};
        if (rand() < 0.5) model.unitId = pickOf(units);
        if (rand() < 0.5) model.fieldId = rand() < 0.3 ? null : pickOf(fields);
        if (rand() < 0.5) model.kind = r.kind === 'collective' ? 'individual' : 'collective';
        try {
          await a.call('models.update', { id: r.id, model: model as never });
        } catch (e) {
          // Moving a model onto a unit that already has one of the same name is refused; nothing changes.
          if (!String(e).includes('CONFLICT')) throw e;
        }
      },
      async bulk(rows) {
        const ids = rows.filter(() => rand() < 0.3).map((r) => r.id);
        if (!ids.length) return;
        const recognise = rand() < 0.7;
        await a.call('models.bulkUpdateStatus', recognise ? { ids, status: 'recognised', ...recognisedFields, typical: rand() < 0.5 } : { ids, status: pickOf(['reviewed', 'notRecognised'] as const) });
      },
      async remove(rows) {
        if (rows.length) await a.call('models.delete', { id: pickOf(rows).id });
      },
      async restore() {
        const gone = a.ctx.sqlite.prepare('SELECT id FROM dvk_model_years WHERE deleted_at IS NOT NULL').all() as Array<{ id: string }>;
        if (!gone.length) return;
        const id = pickOf(gone).id;
        try {
          if (rand() < 0.5) await a.call('models.restore', { id });
          else await a.call('trash.restore', { entity: 'dvk_model_years', id });
        } catch (e) {
          // A live record of the same model and year blocks the restore (unique index); nothing changes.
          if (!/CONFLICT|UNIQUE|đã có|trùng/i.test(String(e))) throw e;
        }
      },
      async carryOver(rows) {
        if (!rows.length) return;
        const candidates = withLiveModel(rows);
        if (!candidates.length) return;
        const r = pickOf(candidates);
        const taken = new Set(rows.filter((x) => x.model_id === r.model_id).map((x) => x.year));
        const year = YEARS.find((y) => !taken.has(y));
        if (year) await a.call('models.addYear', { modelId: r.model_id, year, registration: 'carried' });
      },
      async importResults(rows) {
        const year = pickOf(YEARS);
        const names = a.ctx.sqlite
          .prepare('SELECT m.name, u.name AS unit FROM dvk_model_years y JOIN dvk_models m ON m.id = y.model_id JOIN units u ON u.id = y.unit_id WHERE y.year = ? AND y.deleted_at IS NULL LIMIT 3')
          .all(year) as Array<{ name: string; unit: string }>;
        const unitNames = a.ctx.sqlite.prepare('SELECT name FROM units WHERE parent_id IS NOT NULL AND merged_into_id IS NULL').all() as Array<{ name: string }>;
        serial++;
        const lines: Array<Array<string | number>> = [
          ...names.map((n, i) => [i + 1, n.unit, n.name, rand() < 0.5 ? 'TT' : 'CN', 'x', rand() < 0.5 ? 'x' : '', rand() < 0.5 ? 'Giấy khen (thử)' : '', '3-QĐ/HU', `10/12/${year}`]),
          [names.length + 1, pickOf(unitNames).name, `Mô hình nhập kết quả ${serial}`, 'Tập thể', 'Không', '', '', '', ''],
        ];
        const p = await a.call('models.importPreview', { fileName: `kq-${serial}.xlsx`, bytes: await resultsWorkbook(year, lines) });
        await a.call('models.importCommit', { importId: p.importId, createMissing: true });
        void rows;
      },
      // Raw SQL: no app path changes a record's year or hard-deletes one today, but the counters must follow any writer.
      async rawYear(rows) {
        if (!rows.length) return;
        const r = pickOf(rows);
        const year = pickOf(YEARS.filter((y) => y !== r.year));
        const clash = a.ctx.sqlite.prepare('SELECT 1 FROM dvk_model_years WHERE model_id = ? AND year = ? AND deleted_at IS NULL').get(r.model_id, year);
        if (!clash) a.ctx.sqlite.prepare('UPDATE dvk_model_years SET year = ? WHERE id = ?').run(year, r.id);
      },
      async rawHardDelete(rows) {
        const all = a.ctx.sqlite.prepare('SELECT id FROM dvk_model_years').all() as Array<{ id: string }>;
        if (all.length) a.ctx.sqlite.prepare('DELETE FROM dvk_model_years WHERE id = ?').run(pickOf(all).id);
        void rows;
      },
      // Unit tree changes move records between subordinate organisations: the statistics keep the
      // tree in memory and must notice (any write to units replaces its token).
      async rawUnitMove(rows) {
        const child = pickOf(units.slice(0, 8));
        a.ctx.sqlite.prepare('UPDATE units SET parent_id = ? WHERE id = ?').run(pickOf(tops), child);
        void rows;
      },
      async rawUnitMerge(rows) {
        const merged = a.ctx.sqlite.prepare('SELECT merged_into_id FROM units WHERE id = ?').pluck().get(units[7]!);
        if (merged) a.ctx.sqlite.prepare('UPDATE units SET merged_into_id = NULL, valid_to = NULL WHERE id = ?').run(units[7]!);
        else a.ctx.sqlite.prepare(`UPDATE units SET merged_into_id = ?, valid_to = '2022-12-31' WHERE id = ?`).run(units[1]!, units[7]!);
        void rows;
      },
      async rawColumn(rows) {
        if (!rows.length) return;
        const r = pickOf(rows);
        const changes: Array<[string, unknown]> = [
          ['unit_id', pickOf(units)],
          ['field_id', rand() < 0.3 ? null : pickOf(fields)],
          ['kind', r.kind === 'collective' ? 'individual' : 'collective'],
          ['registration', r.registration === 'new' ? 'carried' : 'new'],
          ['status', pickOf(MODEL_STATUSES)],
          ['typical', r.typical ? 0 : 1],
          ['commended', r.commended ? 0 : 1],
        ];
        const [col, value] = pickOf(changes);
        a.ctx.sqlite.prepare(`UPDATE dvk_model_years SET ${col} = ? WHERE id = ?`).run(value, r.id);
      },
    };

    // Start from the real fixture (60 records of 2023, created units and fields).
    const preview = await a.call('models.importPreview', { fileName: 'dvk.xlsx', bytes: fixtureBytes(), year: 2023 });
    await a.call('models.importCommit', { importId: preview.importId, createMissing: true });
    for (let i = 0; i < 40; i++) await ops.create!([]);
    let rows = await expectAll(a, 'after the fixture and 40 records');
    expect(rows.length).toBe(100);

    const names = Object.keys(ops);
    const seen = new Map<string, number>();
    let minutes = 0;
    const statuses = new Set<string>();
    for (let batch = 0; batch < 30; batch++) {
      for (let k = 0; k < 8; k++) {
        // Imports and bulk changes take a backup named after the time: move the clock so names differ.
        a.clock.set(new Date(Date.parse('2026-11-27T02:00:00.000Z') + ++minutes * 60_000).toISOString());
        const name = names[(batch * 8 + k) % names.length]!;
        seen.set(name, (seen.get(name) ?? 0) + 1);
        await ops[name]!(liveRows(a.ctx.sqlite));
      }
      rows = await expectAll(a, `batch ${batch}`);
      for (const r of rows) statuses.add(r.status);
    }
    for (const n of names) expect(seen.get(n), n).toBeGreaterThan(0);
    // The overview's funnel (now from the counters) equals the register lists its drill-down opens.
    for (const year of YEARS) {
      const o = await a.call('overview.get', { year });
      for (const step of o.funnel.filter((f) => f.step === 'typical' || f.step === 'commended')) {
        for (const kind of ['collective', 'individual'] as const) {
          const listed = await a.call('models.list', { year, statuses: ['recognised'], [step.step]: true, kind, limit: 1 });
          expect(step[kind], `${year} ${step.step} ${kind}`).toBe(listed.total);
        }
      }
    }
    // The random walk really moved records around: several years, statuses and flags are present.
    expect(new Set(rows.map((r) => r.year)).size).toBe(3);
    expect(statuses.size).toBe(MODEL_STATUSES.length);
    expect(rows.some((r) => r.status === 'recognised' && r.typical)).toBe(true);
    expect(rows.some((r) => r.field_id === null)).toBe(true);
  });

  it('fails the comparison when a counter is off (the check is not vacuous)', async () => {
    const a = (app = await openTestApp());
    await loadBacKanFields(a);
    const preview = await a.call('models.importPreview', { fileName: 'dvk.xlsx', bytes: fixtureBytes(), year: 2023 });
    await a.call('models.importCommit', { importId: preview.importId, createMissing: true });
    expectCountersMatchRows(a.ctx.sqlite, 'imported');
    // A write the triggers do not see (dropped trigger) must show up as a mismatch.
    a.ctx.sqlite.exec('DROP TRIGGER dvk_counts_au_new');
    const id = (a.ctx.sqlite.prepare('SELECT id FROM dvk_model_years LIMIT 1').get() as { id: string }).id;
    await a.call('models.update', { id, year: { status: 'reviewed' } });
    expect(() => expectCountersMatchRows(a.ctx.sqlite, 'dropped trigger')).toThrow();
  });

  it('records of a unit missing from the tree still count (the SQL roll-up falls back to unit rows)', async () => {
    const a = (app = await openTestApp());
    await loadBacKanFields(a);
    const preview = await a.call('models.importPreview', { fileName: 'dvk.xlsx', bytes: fixtureBytes(), year: 2023 });
    await a.call('models.importCommit', { importId: preview.importId, createMissing: true });
    await expectAll(a, 'imported');
    // Only possible with foreign keys off (another tool, a damaged copy): a record of an unknown unit.
    const r = a.ctx.sqlite.prepare('SELECT * FROM dvk_model_years LIMIT 1').get() as Record<string, unknown>;
    a.ctx.sqlite.pragma('foreign_keys = OFF');
    a.ctx.sqlite
      .prepare(`INSERT INTO dvk_model_years (id, model_id, year, unit_id, field_id, kind, registration, status, typical, commended, search_text, sort_key, created_at, updated_at)
        VALUES (?, ?, 2023, 'đơn-vị-không-có', ?, 'collective', 'new', 'recognised', 1, 0, 'x', 'x', ?, ?)`)
      .run(newId(), newId(), r.field_id, r.created_at, r.created_at);
    a.ctx.sqlite.pragma('foreign_keys = ON');
    const stats = await expectStatsMatchRows(a, liveRows(a.ctx.sqlite), 2023, 'unknown unit');
    expect(stats.byUnit.find((u) => u.unitId === 'đơn-vị-không-có')).toMatchObject({ registered: 1, recognised: 1, typical: 1, typicalCollective: 1 });
  });

  it('migration 0008 fills the counters from records written before it', async () => {
    const dir = tempDir();
    const sqlite = openSqlite(path.join(dir, 'qcdc.sqlite'));
    const db = createKysely(sqlite);
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0008'));
    await migrateToLatest(db, before);
    const at = '2026-01-01T00:00:00.000Z';
    const rand = rng(7);
    const insertUnit = sqlite.prepare(
      `INSERT INTO units (id, parent_id, name, kind, sort_order, search_text, sort_key, created_at, updated_at) VALUES (?, ?, ?, 'dang_bo', 0, ?, ?, ?, ?)`,
    );
    const unitIds = [1, 2, 3].map((i) => {
      const id = newId();
      const name = `Đơn vị ${i}`;
      insertUnit.run(id, null, name, foldText(name), vietnameseSortKey(name), at, at);
      return id;
    });
    const fieldIds = [1, 2].map((i) => {
      const id = newId();
      sqlite
        .prepare(`INSERT INTO catalog_items (id, catalog, name, sort_order, active, search_text, created_at, updated_at) VALUES (?, 'field', ?, ?, 1, ?, ?, ?)`)
        .run(id, `Lĩnh vực ${i}`, i, `linh vuc ${i}`, at, at);
      return id;
    });
    const insertModel = sqlite.prepare(
      `INSERT INTO dvk_models (id, unit_id, name, name_folded, kind, field_id, first_year, sort_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 2022, ?, ?, ?)`,
    );
    const insertYear = sqlite.prepare(
      `INSERT INTO dvk_model_years (id, model_id, year, unit_id, field_id, kind, registration, status, typical, commended, search_text, sort_key, created_at, updated_at, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < 400; i++) {
      const modelId = newId();
      const unit = unitIds[i % 3]!;
      const field = rand() < 0.2 ? null : fieldIds[i % 2]!;
      const kind = rand() < 0.6 ? 'collective' : 'individual';
      const name = `Mô hình ${i}`;
      insertModel.run(modelId, unit, name, foldText(name), kind, field, vietnameseSortKey(name), at, at);
      for (const year of [2022, 2023]) {
        if (rand() < 0.3) continue;
        const status = MODEL_STATUSES[Math.floor(rand() * MODEL_STATUSES.length)]!;
        const flags = status === 'recognised' ? [rand() < 0.5 ? 1 : 0, rand() < 0.5 ? 1 : 0] : [0, 0];
        insertYear.run(newId(), modelId, year, unit, field, kind, rand() < 0.5 ? 'new' : 'carried', status, flags[0], flags[1], foldText(name), vietnameseSortKey(name), at, at, rand() < 0.1 ? at : null);
      }
    }
    await db.destroy();
    sqlite.close();

    // Opening the app runs 0008 (and anything after it) on this database.
    const a = (app = await openTestApp({ dir }));
    const rows = await expectAll(a, 'migrated');
    expect(rows.length).toBeGreaterThan(400);
    // And the triggers are live after the migration.
    const id = rows.find((r) => r.status !== 'recognised')!.id;
    await a.call('models.update', { id, year: { status: 'recognised', recognitionDecisionNo: '1-QĐ', recognitionDate: '2023-12-01', typical: true } });
    await a.call('models.delete', { id: rows[1]!.id });
    await expectAll(a, 'after migration, edited');
  });
});
