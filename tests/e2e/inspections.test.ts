/**
 * Inspections end to end: an inspection plan typed in the UI (team, two units, visit dates),
 * the visit's findings, two recommendations, one closed through its progress history; the
 * conclusion notice previewed; unit reports recorded in the on time / late / missing matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { startE2EApp, type E2EApp } from './support/harness';
import { seedBacKanCommittee } from './support/seed';

let app: E2EApp;

beforeAll(async () => {
  app = await startE2EApp({ now: '2023-03-01T02:00:00.000Z' });
  await seedBacKanCommittee(app);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

function input(scope: Locator, label: string | RegExp): Locator {
  return scope.getByLabel(label, typeof label === 'string' ? { exact: true } : {}).and(app.page.locator('input, textarea'));
}

async function pick(field: Locator, option: string) {
  await field.click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

describe('inspections end to end', () => {
  it('records an inspection with two recommendations and closes one', async () => {
    const page = app.page;
    await app.open('/kiem-tra');
    await page.getByText('Chưa có đợt kiểm tra, giám sát nào').waitFor();
    await app.screenshot('inspections-empty');
    await page.getByRole('button', { name: 'Lập kế hoạch kiểm tra' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Lập kế hoạch kiểm tra, giám sát' });
    await dialog.waitFor();
    await input(dialog, /^Chuyên đề/).fill('Việc thực hiện Quy chế dân chủ ở cơ sở theo loại hình');
    await input(dialog, 'Từ ngày').fill('13/03/2023');
    await input(dialog, 'Đến ngày').fill('24/03/2023');
    await pick(input(dialog, 'Thành viên 1'), 'Phương Thị Thanh — Phó Bí thư Thường trực Tỉnh ủy');
    await dialog.getByRole('button', { name: 'Thêm người' }).click();
    await input(dialog, 'Họ tên 2').fill('Nông Thị Lan');
    await pick(input(dialog, 'Vai trò 2'), 'Giúp việc');
    await pick(input(dialog, 'Đơn vị được kiểm tra 1'), 'Huyện ủy Chợ Mới');
    await input(dialog, 'Ngày làm việc 1').fill('13/03/2023');
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await pick(input(dialog, 'Đơn vị được kiểm tra 2'), 'Đảng bộ Khối Doanh nghiệp');
    await input(dialog, 'Ngày làm việc 2').fill('20/03/2023');
    await app.screenshot('inspections-editor');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();

    await page.getByText('Việc thực hiện Quy chế dân chủ ở cơ sở theo loại hình').first().waitFor();
    const choMoi = page.locator('[data-target="Huyện ủy Chợ Mới"]');
    await choMoi.getByText('hạn gửi báo cáo 06/03/2023').waitFor();

    // The visit, with the unit's report received late.
    app.clock.set('2023-03-14T02:00:00.000Z');
    await page.reload();
    await choMoi.getByRole('button', { name: 'Ghi kết quả làm việc' }).click();
    const visit = page.getByRole('dialog', { name: /Kết quả làm việc/ });
    await input(visit, 'Ngày nhận báo cáo của đơn vị').fill('08/03/2023');
    await input(visit, 'Ưu điểm').fill('Cấp ủy quan tâm lãnh đạo; thực hiện tốt việc công khai.');
    await input(visit, 'Hạn chế').fill('Hội nghị đối thoại chưa được tổ chức định kỳ.');
    await input(visit, 'Kết luận').fill('Đơn vị thực hiện cơ bản đầy đủ các nội dung.');
    await visit.getByRole('button', { name: 'Lưu' }).click();
    await choMoi.getByText('Báo cáo chậm').waitFor();

    for (const [content, deadline] of [
      ['Tổ chức hội nghị đối thoại định kỳ với Nhân dân', '30/06/2023'],
      ['Kiện toàn Ban Thanh tra nhân dân', '30/04/2023'],
    ] as const) {
      await choMoi.getByRole('button', { name: 'Thêm kiến nghị' }).click();
      const rec = page.getByRole('dialog', { name: /Kiến nghị đối với/ });
      await input(rec, /^Nội dung kiến nghị/).fill(content);
      await input(rec, 'Hạn thực hiện').fill(deadline);
      await rec.getByRole('button', { name: 'Thêm' }).click();
      await choMoi.locator(`[data-recommendation="${content}"]`).waitFor();
    }
    await page.getByText('2 kiến nghị, còn 2 chưa hoàn thành').waitFor();
    await app.screenshot('inspections-detail');

    // Close the second recommendation through its progress history.
    app.clock.set('2023-04-20T02:00:00.000Z');
    await page.reload();
    await choMoi.locator('[data-recommendation="Kiện toàn Ban Thanh tra nhân dân"]').click();
    const drawer = page.getByRole('dialog', { name: 'Chi tiết nhiệm vụ' });
    await input(drawer, /^Tiến độ \(%\)/).fill('100');
    await input(drawer, 'Nội dung cập nhật').fill('Đã kiện toàn theo Quyết định số 15-QĐ/ĐU.');
    await drawer.getByRole('button', { name: 'Ghi nhận' }).click();
    await drawer.getByText('20/04/2023 — 100% — Hoàn thành').waitFor();
    await app.screenshot('inspections-recommendation-closed');
    await page.keyboard.press('Escape');
    await page.getByText('2 kiến nghị, còn 1 chưa hoàn thành').waitFor();
    const statuses = await choMoi.locator('[data-recommendation]').allInnerTexts();
    expect(statuses.join('\n')).toMatch(/Kiện toàn Ban Thanh tra nhân dân[\s\S]*Hoàn thành/);

    // Conclusion notice preview.
    await choMoi.getByRole('button', { name: 'Thông báo kết luận' }).click();
    const frame = page.frameLocator('iframe[title^="Thông báo kết luận"]');
    await frame.getByText('Kiện toàn Ban Thanh tra nhân dân (hoàn thành trước ngày 30/04/2023).').waitFor();
    await app.screenshot('inspections-conclusion-notice');
    await page.keyboard.press('Escape');

    // Unit reports: a 6-month period, one unit on time, one late, the rest missing.
    const period = await app.rpc('unitReports.createPeriod', { type: 'six_month', year: 2023, title: 'Báo cáo 6 tháng đầu năm 2023', dueDate: '2023-04-15', unitIds: [] });
    if (!period.ok) throw new Error(period.error.message);
    await app.open('/kiem-tra?tab=bao-cao');
    await page.getByRole('table', { name: 'Bảng theo dõi báo cáo' }).waitFor();
    const row = (unit: string) => page.getByRole('row', { name: new RegExp(unit) });
    await row('Huyện ủy Ba Bể').getByText('Chưa gửi (quá hạn)').click();
    const rec = page.getByRole('dialog', { name: /Báo cáo 6 tháng đầu năm 2023/ });
    await input(rec, 'Ngày nhận báo cáo').fill('14/04/2023');
    await rec.getByRole('button', { name: 'Lưu' }).click();
    await row('Huyện ủy Ba Bể').getByText(/Đúng hạn/).waitFor();
    await row('Huyện ủy Chợ Mới').getByText('Chưa gửi (quá hạn)').click();
    await input(rec, 'Ngày nhận báo cáo').fill('18/04/2023');
    await rec.getByRole('button', { name: 'Lưu' }).click();
    await row('Huyện ủy Chợ Mới').getByText(/Chậm 3 ngày/).waitFor();
    await page.getByText('Đúng hạn 1 · chậm 1 · chưa gửi 2').waitFor();
    await app.screenshot('inspections-unit-reports');

    // The due date was typed wrong: correct the period; Chợ Mới's report becomes on time and the
    // units that have not sent theirs are no longer overdue (today is before the new date).
    await page.getByRole('button', { name: 'Sửa hoặc xóa kỳ Báo cáo 6 tháng đầu năm 2023' }).click();
    await page.getByRole('menuitem', { name: 'Sửa kỳ báo cáo' }).click();
    const editDialog = page.getByRole('dialog', { name: /Sửa kỳ báo cáo/ });
    await input(editDialog, /^Hạn gửi/).fill('20/04/2023');
    await editDialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đúng hạn 2 · chậm 0 · chưa gửi 0 · chưa đến hạn 2').waitFor();
    await page.getByText('hạn 20/04/2023').waitFor();

    // And a period created by mistake goes to the trash after a confirmation.
    await page.getByRole('button', { name: 'Sửa hoặc xóa kỳ Báo cáo 6 tháng đầu năm 2023' }).click();
    await page.getByRole('menuitem', { name: 'Xóa kỳ báo cáo' }).click();
    await page.getByRole('dialog', { name: 'Xóa kỳ báo cáo' }).getByRole('button', { name: 'Xóa' }).click();
    await page.getByText('Chưa có kỳ báo cáo nào năm 2023').waitFor();
    const trash = await app.rpc('trash.list', { entity: 'report_periods' });
    expect(trash.ok && trash.data.items.map((i) => i.title)).toEqual(['Báo cáo 6 tháng đầu năm 2023']);
  }, 180_000);
});
