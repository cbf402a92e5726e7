import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2EApp, ARTIFACTS_DIR, type E2EApp } from './support/harness';
import { addCatalogItem, addUnit, CHO_MOI_PROFILE, loadBacKanFields } from '../core/models/support';
import { LAYOUTS } from '../fixtures/register-corpus/layouts';
import { FIELDS, titleRows, xlsx, type Cell } from '../fixtures/register-corpus/build';

/*
 * A province's list through the UI: two-row header, district heading rows, communes not yet in the
 * unit list, look-alike rows kept, new units placed under chosen parents; then a điển hình and a
 * khen thưởng recorded on one record through its edit form, checked in models.stats and Tổng quan.
 */

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
  await loadBacKanFields(app.harness);
  const choMoi = await addUnit(app.harness, 'Huyện ủy Chợ Mới');
  await addUnit(app.harness, 'Đảng ủy xã Yên Đĩnh', choMoi);
  const baBe = await addUnit(app.harness, 'Huyện ủy Ba Bể');
  await addUnit(app.harness, 'Đảng ủy xã Nam Mẫu', baBe);
  await addUnit(app.harness, 'Thành ủy Bắc Kạn');
  await addUnit(app.harness, 'Đảng ủy Công an tỉnh');
  await addCatalogItem(app.harness, 'awardForm', 'Giấy khen của Ban Thường vụ Tỉnh ủy', 1);
  const saved = await app.rpc('settings.update', { profile: CHO_MOI_PROFILE });
  if (!saved.ok) throw new Error(saved.error.message);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function pickOption(label: string | RegExp, option: string | RegExp) {
  await app.page.getByRole('combobox', { name: label }).first().click();
  await app.page.getByRole('option', { name: option }).first().click();
}

async function stats(year: number) {
  const r = await app.rpc('models.stats', { year });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

async function writeFixture(name: string, bytes: Uint8Array): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('importing a province list and working one record', () => {
  it('imports the grouped two-row-header list, keeps the look-alikes and places new units where chosen', async () => {
    const page = app.page;
    const province = LAYOUTS.find((l) => l.fileName === 'tinh-bac-kan-2022.xlsx')!;
    const file = await writeFixture('tinh-bac-kan-2022.xlsx', await province.build());
    await app.open('/mo-hinh');
    await page.getByRole('button', { name: 'Nhập từ Excel' }).first().click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByText('dòng tên cột là dòng 5').waitFor();
    // Mapped by content: the "Kết quả" column holds review results.
    await expect(page.getByRole('combobox', { name: 'Cột cho Kết quả công nhận' }).inputValue()).resolves.toBe('Cột H: Kết quả');
    await page.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();

    const dupes = page.getByRole('table', { name: 'Dòng giống nhau' });
    await dupes.waitFor();
    await expect(dupes.getByRole('row').count()).resolves.toBe(1);
    // New communes: the first under the district chosen for all, the second one by one.
    await pickOption('Đặt các đơn vị mới dưới', 'Huyện ủy Chợ Mới');
    await pickOption('Cấp trên của Đảng ủy xã Bành Trạch', 'Huyện ủy Ba Bể');
    await app.screenshot('models-import-province-preview');
    await page.getByRole('button', { name: 'Nhập 5 dòng hợp lệ' }).click();
    await page.getByText('Đã nhập xong sổ mô hình năm 2022').waitFor();
    await expect(page.getByText(/Thêm mới 5, cập nhật 0, không đổi 0, bỏ qua 0 dòng/).isVisible()).resolves.toBe(true);

    const s = await stats(2022);
    expect({ registered: s.registered, recognised: s.recognised, typical: s.typical, commended: s.commended, units: s.unitsTotal, reviewed: s.unitsReviewed }).toEqual({
      registered: 5,
      recognised: 2,
      typical: 1,
      commended: 0,
      units: 4,
      reviewed: 1,
    });
    const units = await app.harness.ctx.db.selectFrom('units').select(['name', 'parent_id']).execute();
    const idOf = (n: string) => app.harness.ctx.db.selectFrom('units').select('id').where('name', '=', n).executeTakeFirstOrThrow();
    expect(units.find((u) => u.name === 'Đảng ủy xã Bình Văn')?.parent_id).toBe((await idOf('Huyện ủy Chợ Mới')).id);
    expect(units.find((u) => u.name === 'Đảng ủy xã Bành Trạch')?.parent_id).toBe((await idOf('Huyện ủy Ba Bể')).id);
    await page.getByRole('button', { name: 'Xem sổ mô hình' }).click();
    await page.getByText('5 lượt mô hình').waitFor();
  }, 120_000);

  it('records a điển hình and a khen thưởng on one record through its edit form', async () => {
    const page = app.page;
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('dong ho khong co nguoi vi pham');
    await page.getByText('1 lượt mô hình').waitFor();
    await page.locator('[data-row-id]').first().click();
    await page.getByRole('table', { name: 'Các năm của mô hình' }).waitFor();
    // "Được công nhận" opens the record's form with the status set (it used to fail with no request).
    await pickOption('Trạng thái năm 2022', 'Được công nhận');
    const form = page.getByRole('form', { name: 'Sửa bản ghi năm 2022' });
    await form.waitFor();
    await form.getByRole('textbox', { name: 'Số quyết định', exact: true }).fill('88-QĐ/TU');
    await form.getByRole('textbox', { name: 'Ngày quyết định', exact: true }).fill('20/12/2022');
    await form.getByRole('checkbox', { name: 'Mô hình điển hình' }).check();
    await pickOption('Hình thức khen thưởng', 'Giấy khen của Ban Thường vụ Tỉnh ủy');
    await form.getByRole('textbox', { name: 'Cấp khen thưởng (ai khen)' }).fill('Ban Thường vụ Tỉnh ủy');
    await form.getByRole('textbox', { name: 'Nhân rộng tới đơn vị' }).fill('Đảng ủy xã Nam Mẫu');
    await app.screenshot('models-year-form');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu bản ghi năm 2022.').waitFor();

    const s = await stats(2022);
    expect({ recognised: s.recognised, typical: s.typical, commended: s.commended, reviewed: s.unitsReviewed }).toEqual({ recognised: 3, typical: 2, commended: 1, reviewed: 1 });
    const list = await app.rpc('models.list', { year: 2022, search: 'dòng họ không có người vi phạm', limit: 5 });
    if (!list.ok) throw new Error(list.error.message);
    expect(list.data.rows[0]).toMatchObject({ status: 'recognised', typical: true, commended: true, recognitionDecisionNo: '88-QĐ/TU', recognitionDate: '2022-12-20', awardBy: 'Ban Thường vụ Tỉnh ủy', replicatedTo: 'Đảng ủy xã Nam Mẫu' });

    await page.keyboard.press('Escape');
    await app.open('/tong-quan?nam=2022');
    await expect.poll(() => page.getByTestId('fig-registered').textContent(), { timeout: 20_000 }).toBe('5');
    expect(await page.getByTestId('fig-recognised').textContent()).toBe('3');
    expect(await page.getByTestId('fig-typical').textContent()).toBe('2');
    expect(await page.getByTestId('fig-commended').textContent()).toBe('1');
  }, 120_000);

  it('previews a 2,000-row list with problems as one screen with the commit in view', async () => {
    const page = app.page;
    const rows: Cell[][] = [];
    for (let i = 0; i < 2000; i++) {
      const bad = i % 5; // every fifth row lacks its name, every fifth has an odd kind
      rows.push([i + 1, i % 2 ? 'Huyện ủy Chợ Mới' : `Đảng ủy xã Mới ${i % 40}`, bad === 1 ? null : `Mô hình số ${i + 1}`, bad === 2 ? 'Hộ gia đình' : 'Tập thể', FIELDS.party, 'Mới', `Tổ ${i + 1}`]);
    }
    const bytes = await xlsx({ rows: [...titleRows(2023, 7), ['TT', 'Đơn vị', 'Tên mô hình', 'Loại', 'Lĩnh vực', 'Mới/Duy trì', 'Người thực hiện'], ...rows] });
    const file = await writeFixture('dai-2023.xlsx', bytes);
    await app.open('/mo-hinh');
    await page.getByRole('button', { name: 'Nhập từ Excel' }).first().click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();
    await page.getByText('Vấn đề trong tệp (2 loại)').waitFor();
    const commit = page.getByRole('button', { name: 'Nhập 1.200 dòng hợp lệ' });
    await expect(commit.isVisible()).resolves.toBe(true);
    // The commit button is on the first screen of the dialog (no scrolling through 800 problems).
    const box = await commit.boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.y + box.height <= viewport.height).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'models-import-2000-preview.png') });
    await page.getByRole('button', { name: 'Đóng' }).first().click();
  }, 120_000);
});
