import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';
import { addUnit, CHO_MOI_PROFILE, loadBacKanFields } from '../core/models/support';
import { newId } from '../../electron/core/db/ids';
import { insertModelRow, insertYearRow } from '../../electron/core/models/repository';
import { newYearRow } from '../../electron/core/models/service';
import { foldText, vietnameseSortKey } from '../../shared/text/vietnamese';
import { SEARCH_SORT_CAP } from '../../shared/schemas/models';

/*
 * The register with a search that matches more records than are sorted on demand: the footer
 * first says "hơn 1.000 kết quả", then the exact count from models.count; the rows come newest
 * first and the screen says so (no sort arrow on the name column); the user can scroll to the last
 * match; one more word brings the name order back.
 */

const COUNT = 2300;
const LEADS = ['Ánh', 'Bắc', 'Đồng', 'Ân', 'Ơn', 'Dũng', 'Zô'];
let app: E2EApp;

beforeAll(async () => {
  app = await startE2EApp();
  const fields = await loadBacKanFields(app.harness);
  const saved = await app.rpc('settings.update', {
    profile: CHO_MOI_PROFILE,
  });
  if (!saved.ok) throw new Error(saved.error.message);
  const unitId = await addUnit(app.harness, 'Đảng bộ xã Yên Đĩnh');
  const at = '2026-01-01T00:00:00.000Z';
  await app.harness.ctx.db.transaction().execute(async (trx) => {
    for (let k = 0; k < COUNT; k++) {
      const name = `Dân vận khéo ${LEADS[k % LEADS.length]} số ${k + 1}`;
      const model = {
        id: newId(), unit_id: unitId, name, name_folded: foldText(name), kind: 'collective', field_id: fields[0]!,
        performer: null, period_label: null, situation: null, goals: null, content: null, area: null,
        lead_force: null, coop_force: null, resources: null, timing: null, expected_results: null, replicability: null,
        first_year: 2025, sort_key: vietnameseSortKey(name), created_at: at, updated_at: at, deleted_at: null,
      };
      await insertModelRow(trx, model);
      await insertYearRow(trx, newYearRow(model, 2025, 'Đảng bộ xã Yên Đĩnh', at, { registration: 'new', status: 'registered' }));
    }
  });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('register search with many results', () => {
  it('says the rows come newest first, counts them exactly, scrolls to the last one, and sorts by name once narrowed', async () => {
    const page = app.page;
    await app.open('/mo-hinh?year=2025');
    const footer = page.getByTestId('register-count');
    await expect.poll(() => footer.innerText()).toMatch(/2\.300 lượt mô hình/);

    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('dan van kheo');
    const note = page.getByTestId('register-order-note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/mới đưa vào sổ được xếp lên trước/);
    expect(await note.innerText()).toMatch(new RegExp(`không quá ${SEARCH_SORT_CAP.toLocaleString('de-DE')} kết quả`));
    // The exact count replaces "hơn 1.000 kết quả (đang đếm…)" as soon as models.count answers.
    await expect.poll(() => footer.innerText()).toMatch(/^2\.300 kết quả/);
    const nameHeader = page.getByRole('columnheader', { name: 'Tên mô hình' });
    expect(await nameHeader.getAttribute('aria-sort')).toBeNull();
    const rows = page.getByRole('rowgroup', { name: 'Sổ mô hình' }).getByRole('row');
    await expect.poll(() => rows.first().innerText()).toMatch(/Dân vận khéo \S+ số 2300\b/);
    await app.screenshot('register-search-many');

    // Scroll to the very end: the oldest match is there (the table grew to the exact count).
    const scroller = page.getByRole('rowgroup', { name: 'Sổ mô hình' });
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(async () => (await rows.allInnerTexts()).join('\n'), { timeout: 15_000 }).toMatch(/Dân vận khéo Ánh số 1\b/);

    // One more word: 329 matches, sorted by name, exact count, no note.
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('dan van kheo anh');
    await expect.poll(() => footer.innerText()).toMatch(/^329 lượt mô hình/);
    // The list and the count answer separately: wait for both rather than read once.
    await expect.poll(() => note.count()).toBe(0);
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => rows.first().innerText()).toMatch(/Dân vận khéo Ánh số 1\b/);
    await app.screenshot('register-search-narrowed');
  }, 120_000);
});
