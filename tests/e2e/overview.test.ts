import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2EApp, ARTIFACTS_DIR, type E2EApp } from './support/harness';
import { generateProvince, PROVINCE_2022 } from '../core/overview/province';
import { unzipEntry, wordParagraphs } from '../core/export/support';
import { BAC_KAN_PROFILE } from '../support/profiles';

/*
 * The "done when": on a generated 2022 province data set the overview shows exactly
 * 2.360 / 1.106 / 286 / 53 and 10/11, a figure opens the list behind it, and the report exported
 * from the Báo cáo page contains those figures.
 */

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp({ now: '2022-12-20T02:00:00.000Z' });
  const saved = await app.rpc('settings.update', {
    profile: {
      ...BAC_KAN_PROFILE,
      parentBody: 'Tỉnh ủy Bắc Kạn',
      committeeName: 'Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở và phong trào "Dân vận khéo"',
      headName: 'Hoàng Văn Minh',
    },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  generateProvince(app.harness.ctx);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe('Tổng quan and the annual report', () => {
  it('shows the 2022 figures, opens a drill-down and exports the report with them', async () => {
    const { page } = app;
    await app.open('/tong-quan?nam=2022');
    await expect.poll(() => page.getByTestId('fig-registered').textContent(), { timeout: 20_000 }).toBe('2.360');
    expect(await page.getByTestId('fig-recognised').textContent()).toBe('1.106');
    expect(await page.getByTestId('fig-typical').textContent()).toBe('286');
    expect(await page.getByTestId('fig-commended').textContent()).toBe('53');
    expect(await page.getByTestId('fig-reviewed').textContent()).toBe(`${PROVINCE_2022.reviewed}/${PROVINCE_2022.units}`);
    await page.locator('.recharts-surface').first().waitFor({ timeout: 15000 }); // loaded after the figures
    await page.waitForTimeout(500); // let the chart finish its entry animation
    await app.screenshot('overview-2022');

    // "1.106 công nhận" → the register filtered to the recognised models of 2022.
    await page.getByTestId('fig-recognised').click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByTestId('drill-total').textContent(), { timeout: 20_000 }).toContain('1.106 mô hình');
    expect(await drawer.getByRole('row').count()).toBeGreaterThan(100);
    expect(await drawer.getByText('Không được công nhận').count()).toBe(0);
    await app.screenshot('overview-drill-recognised');
    // The drawer's link opens the register itself with the same filters, read from the address.
    await drawer.getByText('Mở trong sổ mô hình').click();
    await expect
      .poll(() => page.getByText(/lượt mô hình/).first().textContent(), { timeout: 20_000 })
      .toContain('1.106 lượt mô hình');
    await app.screenshot('overview-drill-register');
    await page.goBack();
    await page.getByTestId('fig-recognised').waitFor();

    // "10/11" → which unit has not held its review meeting.
    await page.getByTestId('fig-reviewed').click();
    await expect.poll(() => drawer.getByTestId('drill-total').textContent(), { timeout: 20_000 }).toBe('10/11 đơn vị đã họp xét');
    expect(await drawer.getByRole('row').nth(1).textContent()).toContain('Đảng bộ Quân sự tỉnh');
    expect(await drawer.getByRole('row').nth(1).textContent()).toContain('Chưa họp xét');
    await page.keyboard.press('Escape');

    // The report, from the Báo cáo page, as Word.
    await app.open('/bao-cao?nam=2022');
    const button = page.getByRole('button', { name: 'Word (DOCX)' }).first();
    await button.waitFor({ timeout: 20_000 });
    await app.screenshot('reports-2022');
    const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = path.join(ARTIFACTS_DIR, 'overview-bao-cao-nam-2022.docx');
    await dl.saveAs(file);
    expect(dl.suggestedFilename()).toBe('bao-cao-qcdc-dan-van-kheo-nam-2022.docx');
    const text = wordParagraphs(unzipEntry(new Uint8Array(fs.readFileSync(file)), 'word/document.xml')).join('\n');
    expect(text).toContain('2.360 mô hình');
    expect(text).toContain('1.106 mô hình được công nhận');
    expect(text).toContain('286 mô hình điển hình');
    expect(text).toContain('53 mô hình được biểu dương');
    expect(text).toContain('10/11 đảng bộ');
  }, 120_000);
});
