/**
 * Plans end to end through the UI: the 2023 QCDC plan typed with items and owners, progress
 * recorded, the clock moved to mid-2023, the overdue list seen, the urging list previewed and
 * the urging letter (công văn đôn đốc) downloaded and read back.
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ARTIFACTS_DIR, startE2EApp, type E2EApp } from './support/harness';
import { seedBacKanCommittee } from './support/seed';

let app: E2EApp;

beforeAll(async () => {
  app = await startE2EApp({ now: '2022-12-20T02:00:00.000Z' });
  await seedBacKanCommittee(app, [{ fullName: 'Đinh Văn Hùng', role: 'to_giup_viec', position: 'Chuyên viên Ban Dân vận' }]);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** The input labelled `label` inside `scope` (Mantine also labels a Select's listbox with it). */
function input(scope: Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: true }).and(app.page.locator('input'));
}

async function pick(input: Locator, option: string) {
  await input.click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

describe('plans end to end', () => {
  it('creates the 2023 plan, records progress, moves the clock and urges the late tasks', async () => {
    const page = app.page;
    await app.open('/ke-hoach?tab=ke-hoach');
    await page.getByText('Chưa có kế hoạch nào').waitFor();
    await app.screenshot('plans-empty');
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Tạo kế hoạch' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Trích yếu/).fill('Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023');
    await dialog.getByLabel('Mục đích, yêu cầu').fill('Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền về thực hiện dân chủ ở cơ sở.');

    // Item 1: propaganda, led by the Front, Quý I/2023.
    const item1 = dialog.locator('[data-plan-item="0"]');
    await item1.getByLabel('Nhóm nội dung').fill('Công tác tuyên truyền');
    await item1.getByLabel(/^Nội dung/).fill('Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở');
    await pick(input(item1, 'Đơn vị chủ trì'), 'Ủy ban MTTQ tỉnh');
    await pick(input(item1, 'Loại thời hạn'), 'Trong quý');
    await item1.getByLabel('Sản phẩm dự kiến').fill('Báo cáo kết quả tuyên truyền');

    // Item 2: dialogue, led by Chợ Mới, Quý II/2023.
    await dialog.getByRole('button', { name: 'Thêm nội dung' }).click();
    const item2 = dialog.locator('[data-plan-item="1"]');
    await item2.getByLabel(/^Nội dung/).fill('Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với Nhân dân');
    await pick(input(item2, 'Đơn vị chủ trì'), 'Huyện ủy Chợ Mới');
    await pick(input(item2, 'Thành viên phụ trách'), 'Đinh Văn Hùng — Chuyên viên Ban Dân vận');
    await pick(input(item2, 'Loại thời hạn'), 'Trong quý');
    await pick(input(item2, 'Quý'), 'Quý II');

    // Item 3: recurring follow-up.
    await dialog.getByRole('button', { name: 'Thêm nội dung' }).click();
    const item3 = dialog.locator('[data-plan-item="2"]');
    await item3.getByLabel(/^Nội dung/).fill('Theo dõi, đôn đốc việc thực hiện kết luận của Ban Chỉ đạo');
    await item3.getByLabel('Hoặc ghi chủ trì').fill('Ban Dân vận Tỉnh ủy');
    await pick(input(item3, 'Loại thời hạn'), 'Thường xuyên');
    await app.screenshot('plans-editor');
    await dialog.getByRole('button', { name: 'Lưu kế hoạch' }).click();

    await page.getByText('Số 01-KH/BCĐ, ngày 20/12/2022').waitFor();
    await page.getByText('Quý I/2023').first().waitFor();
    await app.screenshot('plans-detail');

    // The printed plan.
    await page.getByRole('button', { name: 'Xem bản in' }).click();
    const frame = page.frameLocator('iframe[title^="Kế hoạch"]');
    await frame.getByText('Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở').waitFor();
    await app.screenshot('plans-print-preview');
    await page.keyboard.press('Escape');

    // Progress on item 1 through the task drawer.
    app.clock.set('2023-03-10T02:00:00.000Z');
    await page.reload();
    await page.getByRole('row', { name: /Tuyên truyền, phổ biến/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    await drawer.waitFor();
    await drawer.getByLabel(/^Tiến độ \(%\)/).fill('60');
    await drawer.getByLabel('Nội dung cập nhật').fill('Đã tổ chức 12 hội nghị tuyên truyền tại các huyện.');
    await drawer.getByRole('button', { name: 'Ghi nhận' }).click();
    await drawer.getByText('10/03/2023 — 60% — Đang thực hiện').waitFor();
    await app.screenshot('plans-task-drawer');

    // Over 100 % is refused with a Vietnamese message and nothing is saved.
    await drawer.getByLabel(/^Tiến độ \(%\)/).fill('120');
    await drawer.getByRole('button', { name: 'Ghi nhận' }).click();
    await drawer.getByText('Tiến độ (%) không được lớn hơn 100.').waitFor();
    await page.keyboard.press('Escape');

    // Three months later: item 1 is overdue, item 2 and the recurring follow-up are due soon.
    app.clock.set('2023-06-25T02:00:00.000Z');
    await app.open('/ke-hoach?tab=hom-nay');
    await page.getByText('Tính đến ngày 25/06/2023.').waitFor();
    // Item 1 missed 31/03; the recurring follow-up had no update in Q1 (checkpoint 31/03) either.
    await page.getByText('Quá hạn 86 ngày').first().waitFor();
    await expect(page.getByText('Quá hạn 86 ngày').count()).resolves.toBe(2);
    // The start-up notice of due tasks, shown in the page when the app runs in a browser.
    // (It is asked for once the first screen has drawn, so wait for its own words, not any notice.)
    await page.getByText(/2 nhiệm vụ quá hạn/).first().waitFor();
    await expect(page.getByText('Nhiệm vụ cần đôn đốc').count()).resolves.toBeGreaterThan(0);
    await page.getByText('Còn 5 ngày').waitFor();
    const rows = page.getByRole('table', { name: 'Danh sách nhiệm vụ' }).getByRole('row');
    await expect(rows.count()).resolves.toBe(4); // header + 3 tasks
    await app.screenshot('plans-urging');

    await page.getByRole('button', { name: 'In danh sách chậm tiến độ' }).click();
    await page.frameLocator('iframe[title="Danh sách nhiệm vụ chậm tiến độ"]').getByText('DANH SÁCH').waitFor();
    await app.screenshot('plans-urging-list-print');
    await page.keyboard.press('Escape');

    // The letter's options (number from the register, Kính gửi, Nơi nhận), then Word; the PDF and
    // Word of the list itself are saved from the print preview.
    await page.getByRole('button', { name: 'Công văn đôn đốc' }).click();
    const letter = page.getByRole('dialog', { name: 'Công văn đôn đốc' });
    const [dl] = await Promise.all([page.waitForEvent('download'), letter.getByRole('button', { name: 'Lưu Word' }).click()]);
    const file = path.join(ARTIFACTS_DIR, 'cong-van-don-doc.docx');
    await dl.saveAs(file);
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
    expect(xml).toContain('V/v đôn đốc thực hiện các nhiệm vụ chậm tiến độ');
    expect(xml).toContain('Bắc Kạn, ngày 25 tháng 6 năm 2023');
    expect(xml).toContain('Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở');
    expect(xml).toContain('Quá hạn 86 ngày');
    expect(xml).toMatch(/Kính gửi: .*Ủy ban MTTQ tỉnh/);
    expect(xml).toContain('Số 01-CV/BCĐ');
    await page.keyboard.press('Escape');

    // Other views of the same tasks.
    await app.open('/ke-hoach?tab=nhiem-vu');
    await page.getByText('3 nhiệm vụ').waitFor();
    await app.screenshot('plans-tasks');
    await page.getByText('Theo đơn vị chủ trì').click();
    await page.getByText('Ủy ban MTTQ tỉnh').first().waitFor();
    await app.screenshot('plans-tasks-by-owner');
    await app.open('/ke-hoach?tab=lich');
    await page.getByText('Tháng 6/2023').waitFor();
    await page.getByText('Tổ chức hội nghị đối thoại giữa').first().waitFor();
    await app.screenshot('plans-calendar');
  }, 180_000);
});
