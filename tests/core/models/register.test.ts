import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { newId } from '../../../electron/core/db/ids';
import { insertModelRow, insertYearRow } from '../../../electron/core/models/repository';
import { newYearRow } from '../../../electron/core/models/service';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { MODEL_STATUSES, type ModelYearRow } from '../../../shared/schemas/models';
import { addCatalogItem, addUnit, loadBacKanFields } from './support';

/*
 * A province-size register (11 đảng bộ trực thuộc with their cơ sở, one unit merged into another,
 * three years, ~2,400 records a year) generated with a seeded random source; statistics are
 * checked against counts made independently from the register rows.
 */

let app: TestApp;
let fields: string[];
const tops: string[] = [];
const children = new Map<string, string[]>();
let mergedOld: string;
let mergedInto: string;
let levelId: string;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const NAMES = ['Dân vận khéo trong', 'Tổ tự quản', 'Hiến đất làm đường', 'Đối thoại với Nhân dân', 'Chi hội phụ nữ giúp nhau', 'Camera an ninh', 'Dòng họ không có tội phạm'];

async function allRows(filter: Record<string, unknown>): Promise<ModelYearRow[]> {
  const out: ModelYearRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await app.call('models.list', { ...filter, offset, limit: 1000 });
    out.push(...page.rows);
    if (out.length >= page.total) return out;
  }
}

beforeAll(async () => {
  app = await openTestApp();
  fields = await loadBacKanFields(app);
  for (let i = 1; i <= 11; i++) {
    const top = await addUnit(app, `Đảng bộ số ${i}`);
    tops.push(top);
    const kids: string[] = [];
    for (let j = 1; j <= 8; j++) kids.push(await addUnit(app, `Cơ sở ${i}.${j}`, top));
    children.set(top, kids);
  }
  // Đảng bộ số 11's cơ sở 11.8 merged into 10.1 at the end of 2023.
  mergedInto = children.get(tops[9]!)![0]!;
  mergedOld = children.get(tops[10]!)![7]!;
  await app.ctx.db.updateTable('units').set({ merged_into_id: mergedInto, valid_to: '2023-12-31' }).where('id', '=', mergedOld).execute();
  levelId = await addCatalogItem(app, 'recognitionLevel', 'Cấp huyện (thử)', 99);

  const rand = rng(42);
  const at = '2026-01-01T00:00:00.000Z';
  await app.ctx.db.transaction().execute(async (trx) => {
    const allUnits = [...children.values()].flat();
    for (let k = 0; k < 3000; k++) {
      const unitId = allUnits[Math.floor(rand() * allUnits.length)]!;
      const name = `${NAMES[k % NAMES.length]} số ${k}`;
      const model = {
        id: newId(),
        unit_id: unitId,
        name,
        name_folded: foldText(name),
        kind: rand() < 0.7 ? 'collective' : 'individual',
        field_id: rand() < 0.95 ? fields[Math.floor(rand() * 4)]! : null,
        performer: null, period_label: null, situation: null, goals: null, content: null, area: null,
        lead_force: null, coop_force: null, resources: null, timing: null, expected_results: null, replicability: null,
        first_year: 2022,
        sort_key: vietnameseSortKey(name),
        created_at: at, updated_at: at, deleted_at: null,
      };
      await insertModelRow(trx, model);
      for (const year of [2022, 2023, 2024]) {
        if (rand() < 0.2) continue;
        const status = MODEL_STATUSES[Math.floor(rand() * MODEL_STATUSES.length)]!;
        const recognised = status === 'recognised';
        await insertYearRow(
          trx,
          newYearRow(model, year, 'x', at, {
            registration: year === 2022 || rand() < 0.3 ? 'new' : 'carried',
            status,
            typical: recognised && rand() < 0.3 ? 1 : 0,
            commended: recognised && rand() < 0.1 ? 1 : 0,
          }),
        );
      }
    }
  });
  for (const top of tops.slice(0, 10)) await app.call('models.setReview', { year: 2023, unitId: top, reviewed: true, meetingDate: '2023-12-10' });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('statistics reconcile with the register rows', () => {
  for (const year of [2023, 2024]) {
    it(`year ${year}: totals, by unit (roll-up with merged units), by field`, async () => {
      const stats = await app.call('models.stats', { year });
      const rows = await allRows({ year });
      const count = (pred: (r: ModelYearRow) => boolean, list = rows) => list.filter(pred).length;
      expect(stats.registered).toBe(rows.length);
      expect(stats.registered).toBeGreaterThan(2000);
      expect(stats.newCount).toBe(count((r) => r.registration === 'new'));
      expect(stats.carriedCount).toBe(count((r) => r.registration === 'carried'));
      expect(stats.recognised).toBe(count((r) => r.status === 'recognised'));
      expect(stats.typical).toBe(count((r) => r.status === 'recognised' && r.typical));
      expect(stats.commended).toBe(count((r) => r.status === 'recognised' && r.commended));
      expect(stats.collective).toBe(count((r) => r.kind === 'collective'));
      expect(stats.individual).toBe(count((r) => r.kind === 'individual'));
      expect(stats.recognisedIndividual).toBe(count((r) => r.kind === 'individual' && r.status === 'recognised'));
      for (const s of MODEL_STATUSES) expect(stats.byStatus[s] ?? 0).toBe(count((r) => r.status === s));

      // By unit: each đảng bộ's figure equals the rows of its subtree (the merged cơ sở counts
      // for Đảng bộ số 11 up to 2023 and for Đảng bộ số 10 after).
      expect(stats.unitsTotal).toBe(11);
      expect(stats.byUnit.reduce((a, u) => a + u.registered, 0)).toBe(rows.length);
      for (const [i, top] of tops.entries()) {
        let mine = new Set([top, ...children.get(top)!]);
        if (year > 2023 && i === 9) mine = new Set([...mine, mergedOld]);
        if (year > 2023 && i === 10) mine.delete(mergedOld);
        const u = stats.byUnit.find((b) => b.unitId === top)!;
        expect(u.registered, `đảng bộ ${i + 1}`).toBe(count((r) => mine.has(r.unitId)));
        expect(u.recognised).toBe(count((r) => mine.has(r.unitId) && r.status === 'recognised'));
        expect(u.collective).toBe(count((r) => mine.has(r.unitId) && r.kind === 'collective'));
        // The register's own unit filter (subtree + merged units) agrees for the current structure.
        expect((await app.call('models.list', { year, unitId: top, limit: 1 })).total).toBe(u.registered);
      }
      for (const f of stats.byField) expect(f.registered).toBe(count((r) => r.fieldId === f.fieldId));
      expect(stats.byField.reduce((a, f) => a + f.registered, 0)).toBe(rows.length);
      const prev = await allRows({ year: year - 1 });
      expect(stats.previous.registered).toBe(prev.length);
    }, 60_000);
  }

  it('counts the review meetings: 10/11 đảng bộ đã họp xét', async () => {
    const stats = await app.call('models.stats', { year: 2023 });
    expect(`${stats.unitsReviewed}/${stats.unitsTotal}`).toBe('10/11');
    const reviews = await app.call('models.reviews', { year: 2023 });
    expect(reviews.filter((r) => r.reviewed)).toHaveLength(10);
    expect(reviews.reduce((a, r) => a + r.modelCount, 0)).toBe(stats.registered);
  });
});

describe('register list', () => {
  it('searches without diacritics (đ → d) and filters combine', async () => {
    const hits = await app.call('models.list', { year: 2023, search: 'doi thoai voi nhan dan', limit: 1000 });
    expect(hits.total).toBeGreaterThan(0);
    expect(hits.rows.every((r) => r.name.startsWith('Đối thoại với Nhân dân'))).toBe(true);
    const upper = await app.call('models.list', { year: 2023, search: 'ĐỐI THOẠI', limit: 1 });
    expect(upper.total).toBe(hits.total);
    const narrowed = await app.call('models.list', { year: 2023, search: 'doi thoai', kind: 'individual', statuses: ['recognised'], limit: 1000 });
    expect(narrowed.rows.every((r) => r.kind === 'individual' && r.status === 'recognised')).toBe(true);
    expect(narrowed.total).toBeLessThan(hits.total);
  });

  it('sorts in Vietnamese order and pages with a stable total', async () => {
    const p1 = await app.call('models.list', { year: 2024, limit: 50 });
    const p2 = await app.call('models.list', { year: 2024, offset: 50, limit: 50 });
    expect(p1.total).toBe(p2.total);
    const names = [...p1.rows, ...p2.rows].map((r) => vietnameseSortKey(r.name));
    expect(names).toEqual([...names].sort());
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(100);
  });
});

describe('bulk recognition', () => {
  it('marks 50 selected records recognised under one decision, with one audit row each', async () => {
    const page = await app.call('models.list', { year: 2024, statuses: ['eligible'], limit: 50 });
    expect(page.rows).toHaveLength(50);
    const before = await app.call('models.stats', { year: 2024 });
    const res = await app.call('models.bulkUpdateStatus', {
      ids: page.rows.map((r) => r.id),
      status: 'recognised',
      recognitionDecisionNo: '125-QĐ/HU',
      recognitionDate: '2024-12-20',
      recognitionLevelId: levelId,
    });
    expect(res.updated).toBe(50);
    const after = await app.call('models.stats', { year: 2024 });
    expect(after.recognised).toBe(before.recognised + 50);
    expect(after.byStatus.eligible).toBe(before.byStatus.eligible! - 50);
    const detail = await app.call('models.get', { id: page.rows[0]!.id });
    const rec = detail.years.find((y) => y.year === 2024)!;
    expect(rec).toMatchObject({ status: 'recognised', recognitionDecisionNo: '125-QĐ/HU', recognitionDate: '2024-12-20', recognitionLevelName: 'Cấp huyện (thử)' });
    const audits = await app.ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'bulkStatus').where('entity', '=', 'dvk_model_year').execute();
    expect(new Set(audits.map((a) => a.entity_id))).toEqual(new Set(page.rows.map((r) => r.id)));
    // Plus one entry for the operation itself (what models.bulkUndo starts from).
    const operation = await app.ctx.db.selectFrom('audit_log').select('entity_id').where('entity', '=', 'dvk_bulk').execute();
    expect(operation.map((o) => o.entity_id)).toEqual([res.operationId]);
  });

  it('rejects recognition without a decision number and writes nothing', async () => {
    const page = await app.call('models.list', { year: 2024, statuses: ['eligible'], limit: 3 });
    const res = await app.invoke('models.bulkUpdateStatus', { ids: page.rows.map((r) => r.id), status: 'recognised' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION');
      expect(res.error.fields?.recognitionDecisionNo).toBe('Công nhận cần có số quyết định.');
    }
    const still = await app.call('models.list', { year: 2024, statuses: ['eligible'], limit: 3 });
    expect(still.rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
  });

  it('rolls back entirely when one id is unknown', async () => {
    const page = await app.call('models.list', { year: 2024, statuses: ['implementing'], limit: 2 });
    const res = await app.invoke('models.bulkUpdateStatus', { ids: [...page.rows.map((r) => r.id), newId()], status: 'eligible' });
    expect(res.ok).toBe(false);
    const again = await app.call('models.list', { year: 2024, statuses: ['implementing'], limit: 2 });
    expect(again.rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
  });
});

describe('single model lifecycle and bad input', () => {
  it('creates, carries over into a new year, updates, deletes and restores', async () => {
    const unitId = tops[0]!;
    const created = await app.call('models.create', { unitId, year: 2025, name: '  Dân vận khéo   ở  bản Nà Bưa ', kind: 'collective', registration: 'new', fieldId: fields[0]! });
    expect(created.model.name).toBe('Dân vận khéo ở bản Nà Bưa');
    const dup = await app.invoke('models.create', { unitId, year: 2025, name: 'DÂN VẬN KHÉO Ở BẢN NÀ BƯA', kind: 'collective', registration: 'new' });
    expect(dup.ok).toBe(false);
    const carried = await app.call('models.addYear', { modelId: created.model.id, year: 2026 });
    expect(carried.years.map((y) => [y.year, y.registration])).toEqual([[2026, 'carried'], [2025, 'new']]);
    const y2026 = carried.years[0]!;
    const updated = await app.call('models.update', { id: y2026.id, model: { performer: 'Hoàng Văn Đức' }, year: { status: 'implementing' } });
    expect(updated.years[0]!.status).toBe('implementing');
    expect((await app.call('models.list', { search: 'hoang van duc' })).total).toBe(2);
    await app.call('models.delete', { id: y2026.id });
    expect((await app.call('models.list', { year: 2026 })).total).toBe(0);
    await app.call('models.restore', { id: y2026.id });
    expect((await app.call('models.list', { year: 2026 })).total).toBe(1);
  });

  it('returns Vietnamese validation errors and writes nothing', async () => {
    const before = (await app.call('models.list', { limit: 1 })).total;
    const bad = await app.invoke('models.create', { unitId: tops[0], year: 1990, name: '', kind: 'group', registration: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('VALIDATION');
      expect(bad.error.fields?.name).toMatch(/Tên mô hình không được để trống/);
      expect(bad.error.fields?.year).toMatch(/Năm/);
      expect(bad.error.fields?.kind).toMatch(/Tập thể hoặc Cá nhân/);
    }
    const typicalNotRecognised = await app.invoke('models.create', { unitId: tops[0], year: 2025, name: 'Mô hình thử', kind: 'individual', registration: 'new', typical: true });
    expect(typicalNotRecognised.ok).toBe(false);
    expect((await app.call('models.list', { limit: 1 })).total).toBe(before);
  });
});
