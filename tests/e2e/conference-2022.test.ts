/**
 * The 16/12/2022 conference followed through its dossier and months after it (issue #17), in
 * Chromium: the giấy mời issued with its GM number and the chương trình before the meeting, the
 * minutes finalised, a trích thông báo kết luận for one lead unit, then — on 28/03/2023, the
 * day's real date — progress recorded on a task and its deadline extended, the minutes staying
 * locked. (Typing the conference itself through the editor is meetings.test.ts.)
 */
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ARTIFACTS_DIR, startE2EApp, type E2EApp } from './support/harness';
import { conferenceInput, seedBacKan } from '../core/meetings/fixture';

let app: E2EApp;
let meetingId = '';

beforeAll(async () => {
  // 05/12/2022: the invitation goes out eleven days before the conference.
  app = await startE2EApp({ now: '2022-12-05T02:00:00.000Z' });
  const s = await seedBacKan(app.harness.ctx);
  const created = await app.rpc('meetings.create', { meeting: conferenceInput(s) });
  if (!created.ok) throw new Error(created.error.message);
  meetingId = created.data.id;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Saves what the button downloads and renders its first page to PNG beside it (to look at). */
async function download(button: Locator, name: string): Promise<string> {
  const [dl] = await Promise.all([app.page.waitForEvent('download'), button.click()]);
  const target = path.join(ARTIFACTS_DIR, name);
  await dl.saveAs(target);
  if (target.endsWith('.pdf')) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', target, target.replace(/\.pdf$/, '')]);
  return target;
}

describe('the 16/12/2022 conference, its dossier and its tasks months later', () => {
  it('issues the giấy mời and prints the chương trình before the meeting', async () => {
    const page = app.page;
    await app.open(`/hoi-nghi/${meetingId}`);
    await page.getByRole('tab', { name: 'Hồ sơ hội nghị' }).click();
    const units = page.getByLabel('Đơn vị được mời').and(page.locator('input'));
    await units.click();
    await page.getByRole('option', { name: 'Thanh tra tỉnh', exact: true }).click();
    await units.press('Escape');
    const invitation = await download(page.getByRole('button', { name: 'Ban hành giấy mời (lấy số)' }), 'conference-giay-moi.pdf');
    const text = pdfText(invitation);
    expect(text).toContain('GIẤY MỜI');
    expect(text).toContain('01-GM/BCĐ');
    expect(text).toContain('Đại diện lãnh đạo Thanh tra tỉnh');
    await page.getByText('Giấy mời số 01-GM/BCĐ đã ban hành').waitFor();
    await app.screenshot('conference-giay-moi');

    await page.getByText('Chương trình', { exact: true }).click();
    const agenda = await download(page.getByRole('button', { name: 'Lưu PDF' }), 'conference-chuong-trinh.pdf');
    expect(pdfText(agenda)).toContain('CHƯƠNG TRÌNH');
  });

  it('finalises the minutes and gives Ủy ban nhân dân tỉnh its trích thông báo with only its task', async () => {
    const page = app.page;
    app.clock.set('2022-12-16T05:00:00.000Z');
    await app.open(`/hoi-nghi/${meetingId}`);
    await page.getByRole('button', { name: 'Hoàn tất biên bản' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tất' }).click();
    await page.getByText('Biên bản đã hoàn tất – số 01-BB/BCĐ').waitFor({ timeout: 30_000 });

    await page.getByRole('tab', { name: 'Hồ sơ hội nghị' }).click();
    await page.getByText('Trích thông báo', { exact: true }).click();
    await page.getByText('Ủy ban nhân dân tỉnh (1)').click();
    const extract = await download(page.getByRole('button', { name: 'Lưu PDF' }), 'conference-trich-thong-bao-ubnd.pdf');
    const text = pdfText(extract);
    expect(text).toContain('TRÍCH THÔNG BÁO');
    expect(text).toContain('01-TB/BCĐ');
    expect(text).toContain('Tổ chức hội nghị đối thoại');
    expect(text).not.toContain('Xây dựng kế hoạch kiểm tra');
    await app.screenshot('conference-trich-thong-bao');
  });

  it('records progress dated 28/03/2023 and extends a deadline from the meeting’s task badge, the minutes staying locked', async () => {
    const page = app.page;
    app.clock.set('2023-03-28T02:00:00.000Z');
    await app.open(`/hoi-nghi/${meetingId}`);
    await page.getByRole('tab', { name: /Kết luận/ }).click();
    await page.getByRole('button', { name: /Mở nhiệm vụ Xây dựng kế hoạch kiểm tra/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('cell', { name: 'Ngày giao' }).waitFor();
    await expect(drawer.getByText('16/12/2022').first().isVisible()).resolves.toBe(true);

    await drawer.getByRole('textbox', { name: /^Tiến độ \(%\)/ }).fill('60');
    await drawer.getByRole('textbox', { name: 'Nội dung cập nhật' }).fill('Đã xây dựng dự thảo kế hoạch kiểm tra');
    await drawer.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText('Đã ghi nhận tiến độ.').waitFor();
    await drawer.getByText(/28\/03\/2023 — 60%/).waitFor();

    await drawer.getByRole('textbox', { name: 'Thời hạn mới' }).fill('30/04/2023');
    await drawer.getByRole('textbox', { name: /^Lý do/ }).fill('Chờ hướng dẫn của Ban Dân vận Trung ương');
    await drawer.getByRole('button', { name: 'Lưu gia hạn, giao lại' }).click();
    await drawer.getByText('Thời hạn: 31/03/2023 → 30/04/2023').waitFor();
    await app.screenshot('conference-task-extended');

    const meeting = await app.rpc('meetings.get', { id: meetingId });
    expect(meeting.ok && meeting.data.status).toBe('finalized');
    const tasks = await app.rpc('tasks.list', { sourceType: 'meeting', sourceId: meetingId, limit: 50 });
    const plan = tasks.ok ? tasks.data.items.find((t) => t.title.startsWith('Xây dựng kế hoạch kiểm tra')) : undefined;
    expect(plan).toMatchObject({ deadline: '2023-04-30', progress: 60, lastUpdateDate: '2023-03-28' });

    // Esc with typed text asks first, and the text is kept as a draft.
    await drawer.getByRole('textbox', { name: 'Nội dung cập nhật' }).fill('Đang tổng hợp ý kiến');
    await page.keyboard.press('Escape');
    await page.getByText('Đóng khi đang gõ dở?').waitFor();
    await page.getByRole('button', { name: 'Đóng, giữ bản nháp' }).click();
    await page.getByRole('button', { name: /Mở nhiệm vụ Xây dựng kế hoạch kiểm tra/ }).click();
    await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Nội dung cập nhật' }).inputValue()).resolves.toBe('Đang tổng hợp ý kiến');
  });
});
