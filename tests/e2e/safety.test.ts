import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, startE2EApp, type E2EApp } from './support/harness';
import { tempDir } from '../support/context';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { corruptTable } from '../support/corrupt';

/**
 * Data safety end to end in real Chromium through the harness: the restore flow from the
 * "Sao lưu, dữ liệu" screen, and a database damaged on disk between two runs.
 */
let app: E2EApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function call<C extends Channel>(a: E2EApp, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await a.rpc(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as ChannelOutput<C>;
}

async function configure(a: E2EApp) {
  const { profile } = await call(a, 'settings.get', {});
  await call(a, 'settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY ĐÔNG ANH', placeName: 'Đông Anh', headName: 'Nguyễn Văn Bình' } });
}

async function shot(a: E2EApp, name: string) {
  await a.page.waitForTimeout(300);
  await a.page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

async function unitNames(a: E2EApp): Promise<string[]> {
  const r = (await call(a, 'units.list', {})) as unknown as { items?: Array<{ name: string }> } | Array<{ name: string }>;
  const rows = Array.isArray(r) ? r : (r.items ?? []);
  return rows.map((u) => u.name).sort();
}

describe('data safety', () => {
  it('backs up, changes data, restores from the screen and shows the old data again', async () => {
    app = await startE2EApp();
    await configure(app);
    await call(app, 'units.create', { name: 'Xã Đông Hòa', kind: 'xa_phuong' });
    const tayson = await call(app, 'units.create', { name: 'Xã Tây Sơn', kind: 'xa_phuong' });

    await app.open('/du-lieu/sao-luu');
    const page = app.page;
    await page.getByRole('button', { name: 'Sao lưu ngay' }).first().click();
    await page.getByTestId('backup-row').first().waitFor();
    await page.getByText('Sao lưu thủ công').first().waitFor();

    // Change the data after the backup: delete one unit, add another, edit the profile.
    await call(app, 'units.delete', { id: tayson.id });
    await call(app, 'units.create', { name: 'Xã Mới Thêm', kind: 'xa_phuong' });
    expect(await unitNames(app)).toEqual(['Xã Mới Thêm', 'Xã Đông Hòa'].sort());

    // The trash and the audit log show what happened.
    await page.getByRole('tab', { name: 'Thùng rác' }).click();
    await page.getByTestId('trash-row').filter({ hasText: 'Xã Tây Sơn' }).waitFor();
    await shot(app, 'safety-trash');
    await page.getByRole('tab', { name: 'Nhật ký thay đổi' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    await shot(app, 'safety-audit');
    await page.getByRole('tab', { name: 'Thư mục dữ liệu' }).click();
    await page.getByText('Dữ liệu của bạn nằm ở').waitFor();
    await shot(app, 'safety-data-folder');
    await page.getByRole('tab', { name: 'Người dùng và khóa' }).click();
    await page.getByText('Chưa bật đăng nhập').waitFor();
    await shot(app, 'safety-users');

    await page.getByRole('tab', { name: 'Sao lưu và phục hồi' }).click();
    await page.getByTestId('backup-row').first().waitFor();
    await shot(app, 'safety-backups');
    const row = page.getByTestId('backup-row').filter({ hasText: 'Sao lưu thủ công' });
    await row.getByRole('button', { name: 'Phục hồi', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Phục hồi dữ liệu từ bản sao lưu' });
    await dialog.getByText('Trong bản sao lưu').waitFor();
    await dialog.getByRole('row', { name: /Đơn vị/ }).first().waitFor();
    await shot(app, 'safety-restore-preview');
    await dialog.getByRole('button', { name: 'Phục hồi bản này' }).click();
    await page.getByText('Phục hồi thành công').waitFor({ timeout: 30000 });
    await shot(app, 'safety-restored');

    expect(await unitNames(app)).toEqual(['Xã Tây Sơn', 'Xã Đông Hòa'].sort());
    // A safety backup of the data before restoring was made first.
    const list = await call(app, 'backup.list', {});
    expect(list.backups.some((b) => b.reason === 'before-restore')).toBe(true);
    // And the screens show the restored data.
    await app.open('/don-vi');
    await page.getByText('Xã Tây Sơn').first().waitFor({ timeout: 15000 });
    expect(await page.getByText('Xã Mới Thêm').count()).toBe(0);
  }, 120_000);

  it('explains a database damaged on disk in Vietnamese and restores the newest good backup', async () => {
    const dataDir = tempDir('qcdc-e2e-damaged-');
    app = await startE2EApp({ dataDir });
    await configure(app);
    await call(app, 'units.create', { name: 'Phường Hàng Bạc', kind: 'xa_phuong' });
    const good = await call(app, 'backup.create', { note: 'cuối ngày' });
    await app.close();
    app = null;

    const file = path.join(dataDir, 'qcdc.sqlite');
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // closed cleanly: everything is in the main file
    corruptTable(file, 'units');

    app = await startE2EApp({ dataDir });
    const status = await call(app, 'integrity.status', {});
    expect(status.ok).toBe(false);
    expect(status.newestGoodBackup?.fileName).toBe(good.fileName);

    await app.open('/du-lieu');
    const page = app.page;
    await page.getByRole('heading', { name: 'Dữ liệu bị hỏng, cần phục hồi' }).waitFor({ timeout: 15000 });
    await page.getByText('Bản sao lưu tốt gần nhất', { exact: true }).waitFor();
    await shot(app, 'safety-damaged');
    await page.getByRole('button', { name: 'Phục hồi bản sao lưu này…' }).click();
    await page.getByRole('dialog', { name: 'Phục hồi dữ liệu từ bản sao lưu' }).getByRole('button', { name: 'Phục hồi bản này' }).click();
    await page.getByText('Phục hồi thành công').waitFor({ timeout: 30000 });
    await page.getByRole('heading', { name: 'Sao lưu, dữ liệu' }).waitFor({ timeout: 15000 });
    await shot(app, 'safety-damaged-restored');

    expect((await call(app, 'integrity.status', {})).ok).toBe(true);
    expect(await unitNames(app)).toEqual(['Phường Hàng Bạc']);
    // The damaged file is kept for a technician, outside the list of backups.
    expect(fs.readdirSync(path.join(dataDir, 'backups')).some((n) => n.startsWith('hong-'))).toBe(true);
  }, 120_000);

  it('switches an open window to the recovery screen when the background start-up check finds damage', async () => {
    const dataDir = tempDir('qcdc-e2e-damaged-later-');
    app = await startE2EApp({ dataDir });
    await configure(app);
    await call(app, 'units.create', { name: 'Phường Hàng Bạc', kind: 'xa_phuong' });
    await call(app, 'backup.create', { note: 'cuối ngày' });
    await app.close();
    app = null;
    corruptTable(path.join(dataDir, 'qcdc.sqlite'), 'units');

    // As the desktop app starts: the window first, the check in a worker a moment later.
    app = await startE2EApp({ dataDir, deferStartupCheckMs: 2500 });
    expect(await call(app, 'integrity.status', {})).toMatchObject({ ok: true, checking: true });
    await app.open('/du-lieu');
    const page = app.page;
    await page.getByRole('heading', { name: 'Sao lưu, dữ liệu' }).waitFor({ timeout: 15000 });
    // No reload: the event from the core switches the screen.
    await page.getByRole('heading', { name: 'Dữ liệu bị hỏng, cần phục hồi' }).waitFor({ timeout: 20000 });
    await shot(app, 'safety-damaged-found-later');
    expect((await call(app, 'integrity.status', {})).ok).toBe(false);
  }, 120_000);
});

describe('users and the app lock', () => {
  it('adds the first administrator from the screen, locks, refuses calls while locked, signs in again', async () => {
    app = await startE2EApp();
    await configure(app);
    const page = app.page;
    await app.open('/du-lieu/nguoi-dung');
    await page.getByLabel('Họ tên').fill('Nguyễn Thị Lan');
    await page.getByLabel('Mật khẩu (ít nhất 6 ký tự)').fill('lan@2026');
    await page.getByRole('button', { name: 'Thêm' }).click();
    await page.getByText('Đang đăng nhập:').waitFor();
    await page.getByRole('table', { name: 'Người dùng' }).getByText('Nguyễn Thị Lan').waitFor();
    await shot(app, 'safety-users-admin');

    await page.getByRole('button', { name: 'Khóa ngay' }).click();
    await page.getByRole('heading', { name: 'QCDC Desk đang khóa' }).waitFor();
    const locked = await app.rpc('units.list', {});
    expect(locked.ok ? null : locked.error.code).toBe('LOCKED');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên người dùng hoặc mật khẩu không đúng.').waitFor();
    await shot(app, 'safety-lock-screen');
    await page.getByLabel('Mật khẩu').fill('lan@2026');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { name: 'Sao lưu, dữ liệu' }).waitFor();
    expect((await app.rpc('units.list', {})).ok).toBe(true);
    // The audit log names her.
    const audit = await call(app, 'audit.list', { filter: { entity: 'app_users' } });
    expect(audit.items[0]?.user).toBeTruthy();
  }, 120_000);
});
