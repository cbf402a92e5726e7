import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startE2EApp, ARTIFACTS_DIR, type E2EApp } from './support/harness';
import { CHO_MOI_PROFILE, FIXTURE, loadBacKanFields } from '../core/models/support';

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
  await loadBacKanFields(app.harness);
  // A configured profile, so the app opens on its pages rather than the first-run wizard.
  const saved = await app.rpc('settings.update', {
    profile: CHO_MOI_PROFILE,
  });
  if (!saved.ok) throw new Error(saved.error.message);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

async function pickOption(label: string | RegExp, option: string | RegExp) {
  await app.page.getByRole('combobox', { name: label }).first().click();
  await app.page.getByRole('option', { name: option }).first().click();
}

describe('"Dân vận khéo" register in the browser', () => {
  it('imports the Chợ Mới fixture through the wizard, including the mapping step', async () => {
    const page = app.page;
    await app.open('/mo-hinh');
    await page.getByText('Sổ mô hình chưa có dữ liệu').waitFor();
    await page.getByRole('button', { name: 'Nhập từ Excel' }).first().click();
    await page.locator('input[type=file]').setInputFiles(FIXTURE);

    // Mapping step: detected from the header on row 4; the officer drops the empty "Ghi chú" column.
    await page.getByText('dòng tên cột là dòng 4').waitFor();
    await expect(page.getByRole('combobox', { name: 'Cột cho Tên mô hình' }).inputValue()).resolves.toBe('Cột C: Tên mô hình');
    await expect(page.getByRole('combobox', { name: 'Cột cho Người, tập thể thực hiện' }).inputValue()).resolves.toBe('Cột G: Người phụ trách');
    await pickOption('Cột cho Ghi chú', '(không nhập)');
    await app.screenshot('models-import-mapping');
    await page.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();

    // Preview: 64 read, 60 valid, the four bad rows named with their Excel row numbers.
    const errors = page.getByRole('table', { name: 'Các dòng lỗi' });
    await errors.waitFor();
    await expect(errors.getByRole('row').count()).resolves.toBe(5);
    const text = await errors.innerText();
    expect(text).toMatch(/11\s+7\s+Thiếu tên mô hình/);
    expect(text).toMatch(/Hộ gia đình/);
    expect(text).toMatch(/Thể thao/);
    expect(text).toMatch(/54\s+50\s+Thiếu đơn vị đăng ký/);
    await expect(page.getByText('Dòng đọc được', { exact: true }).locator('..').innerText()).resolves.toContain('64');
    await expect(page.getByText('Dòng hợp lệ', { exact: true }).locator('..').innerText()).resolves.toContain('60');
    await app.screenshot('models-import-preview');
    // Values not in the catalogue are added by default; the officer skips the one odd field here.
    await pickOption('Xử lý giá trị Thể thao', 'Bỏ qua các dòng này');
    await page.getByRole('button', { name: 'Nhập 60 dòng hợp lệ' }).click();
    await page.getByText('Đã nhập xong sổ mô hình năm 2023').waitFor();
    await app.screenshot('models-import-result');
    await expect(page.getByText(/Thêm mới 60, cập nhật 0, không đổi 0, bỏ qua 4 dòng/).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Xem sổ mô hình' }).click();

    await page.getByText('60 lượt mô hình').waitFor();
    await app.screenshot('models-register');
  }, 120_000);

  it('filters by unit and searches without diacritics', async () => {
    const page = app.page;
    await pickOption('Đơn vị (gồm trực thuộc)', 'Đảng ủy xã Thanh Mai');
    await page.getByText('12 lượt mô hình').waitFor();
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('bon tot');
    const expected = await app.rpc('models.list', { year: 2023, search: 'bốn tốt', limit: 100 });
    if (!expected.ok) throw new Error(expected.error.message);
    const inUnit = expected.data.rows.filter((r) => r.unitName === 'Đảng ủy xã Thanh Mai').length;
    await page.getByText(`${inUnit} lượt mô hình`).waitFor();
    await page.getByRole('textbox', { name: 'Tìm kiếm' }).fill('');
    await page.getByText('12 lượt mô hình').waitFor();
  }, 60_000);

  it('bulk-recognises the filtered models under one decision, with confirmation', async () => {
    const page = app.page;
    await page.getByRole('checkbox', { name: 'Chọn tất cả các dòng đã tải' }).check();
    await page.getByRole('button', { name: 'Công nhận 12 mô hình đã chọn' }).click();
    await page.getByRole('textbox', { name: 'Số quyết định' }).fill('125-QĐ/HU');
    await page.getByRole('textbox', { name: 'Ngày quyết định' }).fill('20/12/2023');
    await page.getByRole('dialog', { name: /Công nhận 12 mô hình/ }).getByRole('button', { name: 'Công nhận', exact: true }).click();
    // The confirmation dialog.
    await page.getByText('Công nhận các mô hình đã chọn?').waitFor();
    await page.getByRole('button', { name: 'Xác nhận công nhận' }).click();
    await page.getByText('Đã công nhận 12 mô hình.').waitFor();
    const recognised = async () => {
      const stats = await app.rpc('models.stats', { year: 2023 });
      if (!stats.ok) throw new Error(stats.error.message);
      expect(stats.data.registered).toBe(60);
      return stats.data.recognised;
    };
    expect(await recognised()).toBe(12);

    // Taken back from the register's banner (after a confirmation), then done again.
    const banner = page.getByRole('alert').filter({ hasText: 'Đã công nhận 12 mô hình theo quyết định 125-QĐ/HU' });
    await banner.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByRole('dialog', { name: 'Hoàn tác thao tác hàng loạt?' }).getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByText('12 mô hình đã trở lại như trước.').waitFor();
    expect(await recognised()).toBe(0);
    await banner.waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Chọn tất cả các dòng đã tải' }).check();
    await page.getByRole('button', { name: 'Công nhận 12 mô hình đã chọn' }).click();
    await page.getByRole('textbox', { name: 'Số quyết định' }).fill('125-QĐ/HU');
    await page.getByRole('textbox', { name: 'Ngày quyết định' }).fill('20/12/2023');
    await page.getByRole('dialog', { name: /Công nhận 12 mô hình/ }).getByRole('button', { name: 'Công nhận', exact: true }).click();
    await page.getByRole('button', { name: 'Xác nhận công nhận' }).click();
    await banner.waitFor(); // shown once the change is made
    expect(await recognised()).toBe(12);
    await page.getByRole('dialog', { name: /Công nhận/ }).waitFor({ state: 'hidden' });
    await app.screenshot('models-bulk-undo-banner');
  }, 90_000);

  it('exports the filtered register to XLSX and reads it back', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Xuất, in' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Sổ mô hình \(Excel/ }).click()]);
    const file = path.join(ARTIFACTS_DIR, 'models-register-export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A4').value)).toBe('DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2023');
    const rows: string[][] = [];
    for (let r = 8; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(3).value === 'Cộng') break;
      rows.push([String(row.getCell(3).value), String(row.getCell(4).value), String(row.getCell(10).value), String(row.getCell(11).value)]);
    }
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r[0]).toBe('Đảng ủy xã Thanh Mai');
      expect(r[2]).toMatch(/^Được công nhận/);
      expect(r[3]).toContain('125-QĐ/HU');
      expect(r[3]).toContain('20/12/2023');
    }
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
  }, 60_000);

  it('shows the detail drawer and the statistics with units reviewed', async () => {
    const page = app.page;
    await page.locator('[data-row-id]').first().click();
    await page.getByRole('table', { name: 'Các năm của mô hình' }).waitFor();
    await app.screenshot('models-drawer');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: /Thống kê/ }).click();
    await page.getByTestId('units-reviewed').waitFor();
    // Importing results is not a review; the bulk recognition was typed in the app.
    await expect(page.getByTestId('units-reviewed').innerText()).resolves.toBe('0/5');
    // The chart loads after the figures (LazyBarChart): it must arrive and draw one bar group per unit.
    await page.locator('.recharts-surface').first().waitFor({ timeout: 15000 });
    await page.waitForTimeout(500); // its entry animation
    await app.screenshot('models-stats');
    await page.getByRole('tab', { name: 'Họp xét', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Đảng ủy xã Thanh Mai đã họp xét' }).click();
    await page.getByText('1/5 đảng bộ, chi bộ trực thuộc đã họp xét').waitFor();
    await page.getByRole('tab', { name: /Thống kê/ }).click();
    await page.getByTestId('units-reviewed').getByText('1/5').waitFor();
  }, 60_000);

  it('registers one model by hand and opens it', async () => {
    const page = app.page;
    await page.getByRole('tab', { name: 'Sổ mô hình' }).click();
    await page.getByRole('button', { name: 'Thêm mô hình' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm mô hình' });
    await dialog.getByRole('textbox', { name: 'Tên mô hình' }).fill('Dân vận khéo trong chuyển đổi số ở thôn Nà Làng');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.getByText('Hãy chọn đơn vị đăng ký.').waitFor();
    await dialog.getByRole('combobox', { name: 'Đơn vị đăng ký' }).click();
    await page.getByRole('option', { name: /Đảng ủy xã Cao Kỳ/ }).click();
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('table', { name: 'Các năm của mô hình' }).waitFor();
    await expect(page.getByText('Dân vận khéo trong chuyển đổi số ở thôn Nà Làng').first().isVisible()).resolves.toBe(true);
    const found = await app.rpc('models.list', { year: 2023, search: 'chuyen doi so na lang' });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.data.total).toBe(1);
  }, 60_000);

  it('undoes an import from its result, and lists the recent imports with what can still be undone', async () => {
    const page = app.page;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2024']);
    ws.addRow(['STT', 'Đơn vị đăng ký', 'Tên mô hình', 'Tập thể/Cá nhân']);
    ws.addRow([1, 'Đảng ủy xã Cao Kỳ', 'Tổ tự quản đường thôn sáng – xanh – sạch', 'Tập thể']);
    ws.addRow([2, 'Đảng ủy xã Thanh Mai', 'Gia đình nuôi ong giỏi', 'Cá nhân']);
    const file = path.join(ARTIFACTS_DIR, 'dang-ky-2024-nham.xlsx');
    fs.writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));

    await app.open('/mo-hinh');
    await page.getByRole('button', { name: 'Nhập từ Excel' }).first().click();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Tiếp tục: xem trước' }).click();
    await page.getByRole('button', { name: 'Nhập 2 dòng hợp lệ' }).click();
    await page.getByText('Đã nhập xong sổ mô hình năm 2024').waitFor();
    const count2024 = async () => {
      const r = await app.rpc('models.list', { year: 2024, limit: 1 });
      if (!r.ok) throw new Error(r.error.message);
      return r.data.total;
    };
    expect(await count2024()).toBe(2);

    // Undo, after a confirmation that says what will happen.
    await page.getByRole('button', { name: 'Hoàn tác lần nhập này' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hoàn tác lần nhập?' });
    await confirm.getByText('Các bản ghi do tệp "dang-ky-2024-nham.xlsx" thêm mới (2) sẽ được chuyển vào thùng rác').waitFor();
    await confirm.getByRole('button', { name: 'Hoàn tác' }).click();
    await page.getByText('Đã hoàn tác lần nhập này').waitFor();
    expect(await count2024()).toBe(0);
    await expect(page.getByRole('button', { name: 'Đã hoàn tác lần nhập' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Xem sổ mô hình' }).click();

    // The recent imports, on the wizard's first step: this one undone; the Chợ Mới file no longer
    // undoable, since records it wrote were recognised and edited afterwards.
    await page.getByRole('button', { name: 'Nhập từ Excel' }).first().click();
    const history = page.getByRole('table', { name: 'Các lần nhập gần đây' });
    await history.waitFor();
    // A new import starts with no year forced: the next file's title or name gives it.
    await expect(page.getByRole('textbox', { name: 'Năm đăng ký' }).inputValue()).resolves.toBe('');
    const rows = history.getByRole('row');
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(1).innerText()).resolves.toMatch(/dang-ky-2024-nham\.xlsx[\s\S]*Đã hoàn tác/);
    await expect(rows.nth(2).innerText()).resolves.toMatch(/dvk-cho-moi-2023\.xlsx[\s\S]*Không hoàn tác được: \d+ bản ghi do lần nhập này tạo hoặc cập nhật đã được sửa/);
    await app.screenshot('models-import-history');
    await page.keyboard.press('Escape');
  }, 90_000);
});
