import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { writeTableXlsx } from '../../../electron/core/export/xlsx';
import { foldText } from '../../../shared/text/vietnamese';
import { addUnit, loadBacKanFields, BAC_KAN_FIELDS } from './support';

/*
 * The import at size: a generated 2,000-row register committed through the prepared-statement
 * path, checked row by row against the database; a re-import with edits; cancel in the middle of
 * the writes; the one audit entry. Names starting with "Công dân số" / "Cộng đồng" are real models,
 * not totals rows.
 */

const ROWS = 2000;
const UNITS = 25;
const ACTIVITIES = ['Công dân số, chuyển đổi số ở cơ sở', 'Cộng đồng dân cư tự quản', 'Dân vận khéo trong xây dựng nông thôn mới', 'Hiến đất mở đường', 'Tổng Nẻng sạch đẹp'];

type SheetRow = {
  tt: number | string;
  unit: string;
  name: string;
  kind: string;
  field: string;
  performer: string;
};

let app: TestApp;
let unitNames: string[];
beforeEach(async () => {
  app = await openTestApp();
  await loadBacKanFields(app);
  const top = await addUnit(app, 'Đảng bộ huyện Chợ Mới');
  unitNames = [];
  for (let i = 1; i <= UNITS; i++) {
    const name = `Đảng bộ xã Thử Nghiệm ${i}`;
    await addUnit(app, name, top);
    unitNames.push(name);
  }
});
afterEach(async () => {
  await app.close();
});

function generate(count: number, from = 0): SheetRow[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const individual = i % 3 === 0;
    return {
      tt: k + 1,
      unit: unitNames[i % UNITS]!,
      name: `${ACTIVITIES[i % ACTIVITIES.length]} (mô hình số ${i})`,
      kind: individual ? 'Cá nhân' : 'Tập thể',
      field: BAC_KAN_FIELDS[i % BAC_KAN_FIELDS.length]!,
      performer: individual ? `Nguyễn Văn ${i}` : '',
    };
  });
}

async function xlsx(rows: SheetRow[]): Promise<Uint8Array> {
  return writeTableXlsx({
    title: { parentBody: 'ĐẢNG BỘ HUYỆN CHỢ MỚI', issuingBody: 'BAN CHỈ ĐẠO', title: 'DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026' },
    columns: [
      { header: 'TT', key: 'tt' },
      { header: 'Đơn vị đăng ký', key: 'unit' },
      { header: 'Tên mô hình', key: 'name' },
      { header: 'Tập thể/Cá nhân', key: 'kind' },
      { header: 'Lĩnh vực', key: 'field' },
      { header: 'Người thực hiện', key: 'performer' },
    ],
    rows: [...rows, { tt: '', unit: 'Cộng', name: `${rows.length} mô hình`, kind: '', field: '', performer: '' }],
  });
}

/** The year's register as the database holds it: one tuple per live yearly record. */
async function registerTuples(year: number): Promise<string[]> {
  const rows = await app.ctx.db
    .selectFrom('dvk_model_years as y')
    .innerJoin('dvk_models as m', 'm.id', 'y.model_id')
    .innerJoin('units as u', 'u.id', 'y.unit_id')
    .leftJoin('catalog_items as f', 'f.id', 'y.field_id')
    .select(['u.name as unit', 'm.name as name', 'y.kind as kind', 'f.name as field', 'm.performer as performer', 'y.registration as registration', 'y.status as status'])
    .where('y.year', '=', year)
    .where('y.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => [r.unit, r.name, r.kind, r.field, r.performer ?? '', r.registration, r.status].join(' | ')).sort();
}

function expectedTuples(rows: SheetRow[]): string[] {
  return rows
    .map((r) => [r.unit, r.name, r.kind === 'Cá nhân' ? 'individual' : 'collective', r.field, r.performer, 'new', 'registered'].join(' | '))
    .sort();
}

async function countOf(table: 'dvk_models' | 'dvk_model_years' | 'audit_log'): Promise<number> {
  const r = await app.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('c')).executeTakeFirstOrThrow();
  return Number(r.c);
}

describe('importing a 2,000-row register', () => {
  it('writes exactly the rows of the file, searchable, with one audit entry naming every record', async () => {
    const rows = generate(ROWS);
    const bytes = await xlsx(rows);
    const auditBefore = await countOf('audit_log');
    const p = await app.call('models.importPreview', { fileName: 'dang-ky-2026.xlsx', bytes });
    expect(p.year).toBe(2026);
    expect(p.rowsRead).toBe(ROWS); // "Công dân số…" and "Cộng đồng…" rows are data, "Cộng" is not
    expect(p.rowsValid).toBe(ROWS);
    expect(p.plan).toEqual({ create: ROWS, update: 0, unchanged: 0 });
    const r = await app.call('models.importCommit', { importId: p.importId });
    expect(r).toMatchObject({ year: 2026, created: ROWS, updated: 0, unchanged: 0, skipped: 0, unitsCreated: 0 });

    expect(await registerTuples(2026)).toEqual(expectedTuples(rows));
    expect(await countOf('dvk_models')).toBe(ROWS);

    // Search (FTS kept by triggers) and the register see the new rows.
    const hit = await app.call('models.list', { year: 2026, search: 'cong dan so mo hinh so 1995', limit: 10 });
    expect(hit.rows.map((x) => x.name)).toContain('Công dân số, chuyển đổi số ở cơ sở (mô hình số 1995)');
    expect((await app.call('models.list', { year: 2026, limit: 1 })).total).toBe(ROWS);
    const stats = await app.call('models.stats', { year: 2026 });
    expect(stats.registered).toBe(ROWS);
    expect(stats.individual).toBe(rows.filter((x) => x.kind === 'Cá nhân').length);

    // One audit entry for the import, carrying the counts and every yearly record id.
    expect((await countOf('audit_log')) - auditBefore).toBe(1);
    const entry = await app.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'dvk_import').executeTakeFirstOrThrow();
    expect(entry.entity_id).toBe(p.importId);
    expect(entry.note).toBe('Nhập tệp dang-ky-2026.xlsx: 2.000 tạo mới, 0 cập nhật, 0 giữ nguyên, 0 bỏ qua');
    const after = JSON.parse(entry.after_json!) as { fileName: string; created: number; recordIds: string[] };
    expect(after).toMatchObject({ fileName: 'dang-ky-2026.xlsx', created: ROWS, updated: 0, unchanged: 0, skipped: 0 });
    const ids = (await app.ctx.db.selectFrom('dvk_model_years').select('id').where('year', '=', 2026).execute()).map((x) => x.id);
    expect([...after.recordIds].sort()).toEqual(ids.sort());
  });

  it('a second import with edits reports created / updated / unchanged exactly and changes only those rows', async () => {
    const rows = generate(ROWS);
    const p1 = await app.call('models.importPreview', { fileName: 'dang-ky-2026.xlsx', bytes: await xlsx(rows) });
    await app.call('models.importCommit', { importId: p1.importId });
    const before = new Map(
      (await app.ctx.db.selectFrom('dvk_models').select(['id', 'name', 'unit_id', 'updated_at']).execute()).map((m) => [`${m.unit_id}|${m.name}`, m]),
    );

    app.clock.set('2026-12-01T03:00:00.000Z');
    const edited = rows.map((r) => ({ ...r }));
    const performerEdits = [3, 300, 999, 1500, 1998]; // individual rows (i % 3 === 0): new performer
    for (const i of performerEdits) edited[i]!.performer = `Lò Thị Mới ${i}`;
    const kindEdits = [10, 11, 700]; // collective → individual
    for (const i of kindEdits) edited[i]!.kind = 'Cá nhân';
    edited[20]!.name = `  ${edited[20]!.name.toUpperCase()}  `; // same folded name: unchanged
    const dropped = edited.splice(1200, 5); // not in the second file: left as they are
    const added = generate(4, 5000);
    const second = [...edited, ...added];

    const p2 = await app.call('models.importPreview', { fileName: 'dang-ky-2026.xlsx', bytes: await xlsx(second) });
    const changed = performerEdits.length + kindEdits.length;
    const unchanged = ROWS - dropped.length - changed;
    expect(p2.plan).toEqual({ create: 4, update: changed, unchanged });
    const r2 = await app.call('models.importCommit', { importId: p2.importId });
    expect(r2).toMatchObject({ created: 4, updated: changed, unchanged, skipped: 0 });

    expect(await countOf('dvk_model_years')).toBe(ROWS + 4);
    expect(await countOf('dvk_models')).toBe(ROWS + 4);
    const now = await app.ctx.db.selectFrom('dvk_models').select(['id', 'name', 'unit_id', 'performer', 'kind', 'updated_at']).execute();
    const touched = now.filter((m) => m.updated_at === '2026-12-01T03:00:00.000Z');
    expect(touched.length).toBe(changed + 4);
    for (const i of performerEdits) {
      const m = now.find((x) => x.name === rows[i]!.name)!;
      expect(m.performer).toBe(`Lò Thị Mới ${i}`);
      expect(m.id).toBe(before.get(`${m.unit_id}|${m.name}`)!.id);
    }
    for (const i of kindEdits) expect(now.find((x) => x.name === rows[i]!.name)!.kind).toBe('individual');
    // The yearly copies follow the model (register filters and search read them).
    const kinds = await app.ctx.db
      .selectFrom('dvk_model_years as y')
      .innerJoin('dvk_models as m', 'm.id', 'y.model_id')
      .select(['y.kind as yk', 'm.kind as mk', 'y.search_text as st', 'm.performer as performer'])
      .execute();
    expect(kinds.every((k) => k.yk === k.mk)).toBe(true);
    expect(kinds.filter((k) => k.performer?.startsWith('Lò Thị Mới')).every((k) => k.st.includes(foldText('Lò Thị Mới')))).toBe(true);
    const hit = await app.call('models.list', { year: 2026, search: 'lo thi moi 999' });
    expect(hit.rows.map((x) => x.name)).toEqual([rows[999]!.name]);

    // A third import of the same file changes nothing.
    const p3 = await app.call('models.importPreview', { fileName: 'dang-ky-2026.xlsx', bytes: await xlsx(second) });
    expect(p3.plan).toEqual({ create: 0, update: 0, unchanged: second.length });
  });

  it('cancelling in the middle of the writes leaves nothing: no record, no search entry, no counter, no audit', async () => {
    const rows = generate(ROWS);
    const p = await app.call('models.importPreview', { fileName: 'dang-ky-2026.xlsx', bytes: await xlsx(rows) });
    const auditBefore = await countOf('audit_log');
    const jobId = 'huy-giua-chung';
    const seen: number[] = [];
    // Every report is sent (not ~20 a second), so the cancel below lands on the report at row 500
    // however fast this machine writes.
    app.ctx.jobs.minIntervalMs = 0;
    const off = app.ctx.events.subscribe((name, payload) => {
      const e = payload as { jobId: string; phase: string; done: number };
      if (name !== 'job.progress' || e.jobId !== jobId || e.phase !== 'Ghi dữ liệu') return;
      seen.push(e.done);
      // Cancel once rows have been written: the import stops at this report.
      if (e.done > 0) app.ctx.jobs.cancel(jobId);
    });
    const res = await app.invoke('models.importCommit', { importId: p.importId, jobId });
    off();
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('CANCELLED');
    // The cancel took effect at the report it was made on, after 500 rows had been written (so the
    // rollback is what removed them): no later report came.
    expect(seen).toEqual([0, 500]);
    expect(await countOf('dvk_model_years')).toBe(0);
    expect(await countOf('dvk_models')).toBe(0);
    expect((await app.call('models.list', { search: 'cong dan so', limit: 5 })).rows).toEqual([]);
    expect((await app.call('models.stats', { year: 2026 })).registered).toBe(0);
    expect((await countOf('audit_log')) - auditBefore).toBe(0);
    // The import can be started again from a new preview and completes.
    const again = await app.call('models.importPreview', { fileName: 'dang-ky-2026.xlsx', bytes: await xlsx(rows) });
    expect((await app.call('models.importCommit', { importId: again.importId })).created).toBe(ROWS);
  });

  it('one file with a model in two years: one model, two yearly records, the later one carried over', async () => {
    const bytes = await writeTableXlsx({
      title: { parentBody: 'ĐẢNG BỘ HUYỆN CHỢ MỚI', issuingBody: 'BAN CHỈ ĐẠO', title: 'DANH SÁCH MÔ HÌNH' },
      columns: [
        { header: 'TT', key: 'tt' },
        { header: 'Năm', key: 'year' },
        { header: 'Đơn vị đăng ký', key: 'unit' },
        { header: 'Tên mô hình', key: 'name' },
        { header: 'Tập thể/Cá nhân', key: 'kind' },
      ],
      rows: [
        { tt: 1, year: '2024', unit: unitNames[0]!, name: 'Chợ phiên văn minh', kind: 'Tập thể' },
        { tt: 2, year: '2025', unit: unitNames[0]!, name: 'Chợ phiên văn minh', kind: 'Tập thể' },
      ],
    });
    const p = await app.call('models.importPreview', { fileName: 'nhieu-nam.xlsx', bytes, year: 2024 });
    expect(p.rowsValid).toBe(2);
    const r = await app.call('models.importCommit', { importId: p.importId });
    expect(r).toMatchObject({ created: 2, skipped: 0 });
    expect(await countOf('dvk_models')).toBe(1);
    const years = await app.ctx.db.selectFrom('dvk_model_years').select(['year', 'registration']).orderBy('year').execute();
    expect(years).toEqual([
      { year: 2024, registration: 'new' },
      { year: 2025, registration: 'carried' },
    ]);
  });
});
