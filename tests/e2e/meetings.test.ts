/**
 * The acceptance example of docs/domain.md typed from scratch through the UI: the 16/12/2022
 * conference (attendance, three opinions, the Head's conclusions with four tasks), finalised,
 * then the biên bản and the thông báo kết luận exported and read back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ARTIFACTS_DIR, startE2EApp, type E2EApp } from './support/harness';
import { CONCLUSIONS, MEMBERS, OPINIONS, seedBacKan, TITLE } from '../core/meetings/fixture';

let app: E2EApp;

beforeAll(async () => {
  app = await startE2EApp({ now: '2022-12-16T01:00:00.000Z' });
  await seedBacKan(app.harness.ctx);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const position = (name: string) => MEMBERS.find((m) => m.fullName === name)!.position;

/** The input or textarea labelled `label` (Mantine also labels the closed listbox of a Select with it). */
function field(label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Required fields carry Mantine's " *" in their accessible name.
  return app.page.getByLabel(new RegExp(`^${escaped}( \\*)?$`)).and(app.page.locator('input, textarea'));
}

async function pick(input: Locator, option: string) {
  await input.click();
  await app.page.getByRole('option', { name: option, exact: true }).click();
}

/** Types into an autocomplete and closes its dropdown so it does not cover the next field. */
async function typeAuto(input: Locator, value: string) {
  await input.fill(value);
  await input.press('Escape');
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .map((p, i) => (i === 0 ? p : p.replace(/^\s*\d+\s*\n/, '')))
    .join('\n')
    .replace(/\s+/g, ' ');
}

function docxText(file: string): string {
  return execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' })
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

async function download(button: Locator, name: string): Promise<string> {
  const [dl] = await Promise.all([app.page.waitForEvent('download'), button.click()]);
  const target = path.join(ARTIFACTS_DIR, name);
  await dl.saveAs(target);
  return target;
}

describe('meetings end to end', () => {
  it('enters the 16/12/2022 conference through the UI, finalises it and exports both documents', async () => {
    const page = app.page;
    await app.open('/hoi-nghi');
    await page.getByText('Chưa có hội nghị nào').waitFor();
    await app.screenshot('meetings-empty');
    await page.getByRole('button', { name: 'Thêm hội nghị' }).first().click();
    await page.getByRole('heading', { name: 'Hội nghị mới' }).waitFor();

    // --- Thông tin chung
    await pick(field('Loại hội nghị'), 'Hội nghị tổng kết');
    await field('Tên hội nghị').fill(TITLE);
    await field('Ngày họp').fill('16/12/2022');
    await field('Giờ bắt đầu').fill('08:00');
    await field('Giờ kết thúc').fill('11:30');
    await field('Địa điểm').fill('Hội trường Tỉnh ủy Bắc Kạn');
    // The Head is proposed as chair; the minute-taker is picked by name and brings their position.
    await expect(field('Chủ trì').inputValue()).resolves.toBe('Nguyễn Văn Hùng');
    await typeAuto(field('Thư ký'), 'Hà Thị Thu');
    await expect(field('Chức vụ thư ký').inputValue()).resolves.toBe(position('Hà Thị Thu'));
    await field('Mục đích, nội dung').fill('Đánh giá hoạt động của Ban Chỉ đạo năm 2022; thảo luận, góp ý hai dự thảo kế hoạch năm 2023.');
    await field('Chương trình hội nghị').fill(
      'Báo cáo kết quả thực hiện Quy chế dân chủ ở cơ sở và phong trào "Dân vận khéo" năm 2022\n' +
        'Thảo luận dự thảo Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023\n' +
        'Thảo luận dự thảo Kế hoạch thực hiện phong trào "Dân vận khéo" năm 2023',
    );
    await field('Tài liệu sử dụng').fill('Dự thảo Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023\nDự thảo Kế hoạch thực hiện phong trào "Dân vận khéo" năm 2023');
    await field('Đại biểu mời').fill('Lường Văn Khánh, Phó Trưởng Ban Dân vận Trung ương');
    await field('Cơ quan báo chí').fill('Báo Bắc Kạn\nĐài Phát thanh và Truyền hình tỉnh');
    await app.screenshot('meetings-editor-general');

    // --- Thành phần: every member listed, present by default
    await page.getByRole('tab', { name: /Thành phần/ }).click();
    await pick(field('Tình trạng – Ma Thị Hoa'), 'Vắng mặt');
    await field('Lý do – Ma Thị Hoa').fill('Đi công tác');
    await pick(field('Tình trạng – Nông Văn Sơn'), 'Cử người dự thay');
    await field('Người dự thay – Nông Văn Sơn').fill('Hà Văn Tâm');
    await field('Chức vụ người dự thay – Nông Văn Sơn').fill('Phó Chủ tịch Liên đoàn Lao động tỉnh');
    await pick(field('Tình trạng – Triệu Văn Bình'), 'Đến muộn');
    await field('Lý do – Triệu Văn Bình').fill('Dự họp tại Ủy ban nhân dân tỉnh');
    await page.getByText('Có mặt 5/7 đồng chí', { exact: false }).waitFor();
    await app.screenshot('meetings-editor-attendance');

    // --- Ý kiến phát biểu, in order
    await page.getByRole('tab', { name: /Ý kiến phát biểu/ }).click();
    for (const [i, o] of OPINIONS.entries()) {
      await page.getByRole('button', { name: 'Thêm ý kiến' }).click();
      await typeAuto(field(`Người phát biểu ${i + 1}`), o.speaker);
      await expect(field(`Chức vụ người phát biểu ${i + 1}`).inputValue()).resolves.toBe(position(o.speaker));
      await field(`Tóm tắt ý kiến ${i + 1}`).fill(o.summary);
    }
    await app.screenshot('meetings-editor-opinions');

    // --- Kết luận and the four tasks
    await page.getByRole('tab', { name: /Kết luận, nhiệm vụ/ }).click();
    for (const [i, c] of CONCLUSIONS.entries()) {
      await page.getByRole('button', { name: 'Thêm kết luận' }).click();
      await field(`Nội dung kết luận ${i + 1}`).fill(c.content);
      for (const [j, t] of c.tasks.entries()) {
        const label = `${i + 1}.${j + 1}`;
        await page.getByRole('button', { name: `Thêm nhiệm vụ cho kết luận ${i + 1}` }).click();
        await field(`Nội dung nhiệm vụ ${label}`).fill(t.content);
        await typeAuto(field(`Chủ trì ${label}`), t.lead ?? 'Các đồng chí thành viên Ban Chỉ đạo');
        for (const unit of t.coordinators) {
          await field(`Phối hợp ${label}`).click();
          await page.getByRole('option', { name: unit, exact: true }).click();
          await page.keyboard.press('Escape');
        }
        if (t.deadline) await field(`Thời hạn ${label}`).fill(t.deadline.split('-').reverse().join('/'));
        else await field(`Thường xuyên ${label}`).check();
      }
    }
    await app.screenshot('meetings-editor-conclusions');

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/#\/hoi-nghi\/[0-9a-f-]{36}$/);
    const id = /hoi-nghi\/([0-9a-f-]{36})/.exec(page.url())![1]!;

    // What the UI stored is the whole meeting.
    const got = await app.rpc('meetings.get', { id });
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    const m = got.data;
    expect(m).toMatchObject({ title: TITLE, date: '2022-12-16', startTime: '08:00', endTime: '11:30', kindName: 'Hội nghị tổng kết' });
    expect(m.secretary).toMatchObject({ name: 'Hà Thị Thu', position: position('Hà Thị Thu') });
    expect(m.attendees.filter((a) => a.status === 'present')).toHaveLength(4);
    expect(m.attendees.find((a) => a.fullName === 'Nông Văn Sơn')).toMatchObject({ status: 'deputy', deputyName: 'Hà Văn Tâm' });
    expect(m.delegates).toEqual([{ name: 'Lường Văn Khánh', position: 'Phó Trưởng Ban Dân vận Trung ương' }]);
    expect(m.opinions.map((o) => o.summary)).toEqual(OPINIONS.map((o) => o.summary));
    expect(m.conclusions.map((c) => c.content)).toEqual(CONCLUSIONS.map((c) => c.content));
    const tasks = m.conclusions.flatMap((c) => c.tasks);
    expect(tasks).toHaveLength(4);
    expect(tasks[0]).toMatchObject({ leadLabel: 'Ban Dân vận Tỉnh ủy', coordinatorLabel: 'Ủy ban Kiểm tra Tỉnh ủy', deadline: '2023-03-31' });
    expect(tasks[2]).toMatchObject({ recurring: true, deadline: null });
    expect(tasks[3]).toMatchObject({ leadText: 'Các đồng chí thành viên Ban Chỉ đạo', deadline: '2023-11-30' });
    // …and the conclusions' tasks are real tasks the plan-tracking screens list.
    const tracked = await app.rpc('tasks.list', { sourceType: 'meeting', sourceId: id, limit: 50 });
    expect(tracked.ok && tracked.data.items.length).toBe(4);

    // --- Finalise
    await page.getByRole('button', { name: 'Hoàn tất biên bản' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hoàn tất' }).click();
    await page.getByText('Biên bản đã hoàn tất – số 01-BB/BCĐ').waitFor({ timeout: 30_000 });
    await app.screenshot('meetings-editor-finalised');
    const locked = await app.rpc('meetings.update', { id, meeting: { title: 'x', date: '2022-12-16', startTime: '08:00', chair: { name: 'A' }, secretary: { name: 'B' } } });
    expect(locked.ok ? null : locked.error.code).toBe('LOCKED');

    // --- Biên bản: preview, PDF, DOCX
    await page.getByRole('tab', { name: 'Biên bản', exact: true }).click();
    await page.frameLocator('iframe[title^="Biên bản hội nghị"]').getByText('BIÊN BẢN', { exact: true }).waitFor();
    await app.screenshot('meetings-minutes-preview');
    const minutesPdf = await download(page.getByRole('button', { name: 'Lưu PDF' }), 'meetings-bien-ban.pdf');
    const minutes = pdfText(minutesPdf);
    for (const s of ['TỈNH ỦY BẮC KẠN', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 01-BB/BCĐ', 'Bắc Kạn, ngày 16 tháng 12 năm 2022', 'BIÊN BẢN', 'Có mặt: 5/7 đồng chí.', 'Hội nghị kết thúc vào hồi 11 giờ 30 phút cùng ngày.', 'THƯ KÝ', 'CHỦ TRÌ']) {
      expect(minutes, s).toContain(s);
    }
    for (const o of OPINIONS) expect(minutes).toContain(o.summary);
    for (const c of CONCLUSIONS) expect(minutes).toContain(c.content);
    // The issued version is listed with its reason, and opens as exactly the file issued.
    const issuedTable = page.getByRole('table', { name: 'Các bản đã ban hành' });
    await issuedTable.getByText('Ban hành lần đầu').waitFor();
    expect(await issuedTable.getByRole('row').count()).toBe(2);
    await app.screenshot('meetings-issued-versions');
    const v1Pdf = await download(page.getByRole('button', { name: 'Mở bản 1 (PDF)' }), 'meetings-bien-ban-v1.pdf');
    expect(fs.readFileSync(v1Pdf).equals(fs.readFileSync(minutesPdf))).toBe(true);
    const minutesDocx = await download(page.getByRole('button', { name: 'Lưu Word' }), 'meetings-bien-ban.docx');
    const minutesWord = docxText(minutesDocx);
    for (const s of ['Số 01-BB/BCĐ', 'Bắc Kạn, ngày 16 tháng 12 năm 2022', 'BIÊN BẢN', ...OPINIONS.map((o) => o.summary), ...CONCLUSIONS.map((c) => c.content)]) {
      expect(minutesWord, s).toContain(s);
    }

    // --- Thông báo kết luận
    await page.getByRole('tab', { name: 'Thông báo kết luận' }).click();
    await page.frameLocator('iframe[title^="Thông báo kết luận"]').getByText('THÔNG BÁO', { exact: true }).waitFor();
    await app.screenshot('meetings-notice-preview');
    const notice = pdfText(await download(page.getByRole('button', { name: 'Lưu PDF' }), 'meetings-thong-bao.pdf'));
    for (const s of ['Số 01-TB/BCĐ', 'THÔNG BÁO', 'T/M BAN CHỈ ĐẠO', 'Nơi nhận:', 'Chủ trì: Ủy ban nhân dân tỉnh; phối hợp: Thanh tra tỉnh; thời hạn: 30/06/2023.']) {
      expect(notice, s).toContain(s);
    }
    for (const c of CONCLUSIONS) for (const t of c.tasks) expect(notice).toContain(t.content);
    const noticeWord = docxText(await download(page.getByRole('button', { name: 'Lưu Word' }), 'meetings-thong-bao.docx'));
    expect(noticeWord).toContain('Số 01-TB/BCĐ');

    // --- The list shows it, found without diacritics
    await app.open('/hoi-nghi');
    await field('Tìm kiếm').fill('khieu nai to cao');
    await page.getByRole('table', { name: 'Danh sách hội nghị' }).getByText(TITLE).waitFor();
    await app.screenshot('meetings-list');
    expect(fs.existsSync(path.join(ARTIFACTS_DIR, 'meetings-list.png'))).toBe(true);
  }, 300_000);
});

describe('meetings: drafts, bad input, re-opening', () => {
  it('keeps a half-typed meeting across a reload, shows a clear message for an end time before the start, and re-opens a finalised minute only with a reason', async () => {
    const page = app.page;
    await app.open('/hoi-nghi/moi');
    await page.getByRole('heading', { name: 'Hội nghị mới' }).waitFor();
    await field('Tên hội nghị').fill('Họp Ban Chỉ đạo quý I năm 2023');
    await field('Ngày họp').fill('20/03/2023');
    await field('Giờ bắt đầu').fill('14:00');
    await field('Giờ kết thúc').fill('08:00');
    // A crash or reload loses nothing typed.
    await page.reload();
    await page.getByText('Đã khôi phục nội dung chưa lưu').waitFor();
    await expect(field('Tên hội nghị').inputValue()).resolves.toBe('Họp Ban Chỉ đạo quý I năm 2023');
    await app.screenshot('meetings-draft-restored');

    const before = await app.rpc('meetings.list', {});
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Giờ kết thúc phải sau giờ bắt đầu.').first().waitFor();
    await app.screenshot('meetings-invalid-end-time');
    const after = await app.rpc('meetings.list', {});
    expect(after.ok && before.ok && after.data.total).toBe(before.ok ? before.data.total : -1);

    // Re-open the finalised conference from the first test with a reason.
    const list = await app.rpc('meetings.list', { status: 'finalized' });
    if (!list.ok) throw new Error(list.error.message);
    const id = list.data.items[0]!.id;
    await field('Giờ kết thúc').fill('16:30'); // leave this form clean before navigating away
    await app.open(`/hoi-nghi/${id}`);
    await page.getByRole('button', { name: 'Mở lại để sửa' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Mở lại' }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/Lý do mở lại/).fill('Bổ sung ý kiến của đại biểu Trung ương');
    await dialog.getByRole('button', { name: 'Mở lại' }).click();
    await page.getByRole('button', { name: 'Hoàn tất biên bản' }).waitFor();
    const got = await app.rpc('meetings.get', { id });
    expect(got.ok && got.data.status).toBe('draft');
    expect(got.ok && got.data.reopenings.map((r) => r.reason)).toEqual(['Bổ sung ý kiến của đại biểu Trung ương']);
    await app.screenshot('meetings-reopened');
  }, 120_000);
});

describe('meetings: start from a previous meeting', () => {
  it('copies attendees, agenda, chair and minute-taker into a new meeting, and saves it as a separate draft', async () => {
    const page = app.page;
    await app.open('/hoi-nghi');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await row.getByRole('button', { name: 'Bắt đầu từ hội nghị này' }).click();
    await page.getByRole('heading', { name: 'Hội nghị mới' }).waitFor();
    await expect(field('Thư ký').inputValue()).resolves.toBe('Hà Thị Thu');
    await expect(field('Chương trình hội nghị').inputValue()).resolves.toContain('Thảo luận dự thảo Kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm 2023');
    await page.getByRole('tab', { name: 'Thành phần (7)' }).waitFor();
    await page.getByRole('tab', { name: 'Ý kiến phát biểu (0)' }).waitFor();
    await field('Tên hội nghị').fill('Hội nghị sơ kết 6 tháng đầu năm 2023');
    await field('Ngày họp').fill('20/06/2023');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.waitForURL(/#\/hoi-nghi\/[0-9a-f-]{36}$/);
    await app.screenshot('meetings-started-from-previous');
    const list = await app.rpc('meetings.list', { year: 2023 });
    expect(list.ok && list.data.items.map((m) => [m.title, m.memberCount, m.conclusionCount])).toEqual([['Hội nghị sơ kết 6 tháng đầu năm 2023', 7, 0]]);
  }, 120_000);
});
