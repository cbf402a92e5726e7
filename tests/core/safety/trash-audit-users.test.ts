import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, tempDir, type TestApp } from '../../support/context';
import { newId } from '../../../electron/core/db/ids';
import { recordAudit } from '../../../electron/core/db/audit';
import { permissionFor } from '../../../electron/core/safety/users/permissions';
import { channelNames } from '../../../shared/contract';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A unit written and then soft-deleted the way features do it: row + audit in one transaction. */
async function deletedUnit(t: TestApp, name: string): Promise<string> {
  const id = newId();
  const at = t.clock.now().toISOString();
  await t.ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('units')
      .values({ id, parent_id: null, name, short_name: null, kind: 'xa', qcdc_type: null, valid_from: null, valid_to: null, merged_into_id: null, sort_order: 0, note: null, search_text: name.toLowerCase(), sort_key: name, created_at: at, updated_at: at, deleted_at: at } as never)
      .execute();
    await recordAudit(trx, t.ctx.actor, at, { entity: 'units', entityId: id, action: 'delete', before: { name, deleted_at: null }, after: { name, deleted_at: at } });
  });
  return id;
}

describe('trash', () => {
  it('lists soft-deleted rows of any table with deleted_at, with Vietnamese labels, and restores them', async () => {
    app = await openTestApp();
    const id = await deletedUnit(app, 'Xã Đông Hòa');
    // A table another feature might add later: discovered without registering it.
    await app.ctx.db.schema.createTable('future_things').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('title', 'text').addColumn('deleted_at', 'text').execute();
    const fid = newId();
    app.ctx.sqlite.prepare('INSERT INTO future_things (id, title, deleted_at) VALUES (?, ?, ?)').run(fid, '<b>Việc</b> mới', '2026-11-27T01:00:00.000Z');

    const list = await app.call('trash.list', {});
    expect(list.total).toBe(2);
    expect(list.items.find((i) => i.id === id)).toMatchObject({ entity: 'units', entityLabel: 'Đơn vị', title: 'Xã Đông Hòa' });
    expect(list.items.find((i) => i.id === fid)?.title).toBe('<b>Việc</b> mới');
    expect((await app.call('trash.list', { search: 'dong hoa' })).items.map((i) => i.id)).toEqual([id]);
    expect((await app.call('trash.list', { entity: 'future_things' })).items.map((i) => i.id)).toEqual([fid]);

    await app.call('trash.restore', { entity: 'units', id });
    const row = await app.ctx.db.selectFrom('units').select(['deleted_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeNull();
    expect((await app.call('trash.list', {})).total).toBe(1);
    const audit = await app.call('audit.list', { filter: { action: 'restore', entity: 'units' } });
    expect(audit.items[0]?.entityId).toBe(id);
    expect(audit.items[0]?.changes.find((c) => c.field === 'deleted_at')?.after).toBeNull();

    const again = await app.invoke('trash.restore', { entity: 'units', id });
    expect(again.ok).toBe(false);
    const notTable = await app.invoke('trash.restore', { entity: 'settings', id });
    expect(notTable.ok).toBe(false);
  });

  it('counts everything in the trash exactly, beyond the rows it reads per table (an undone import can put tens of thousands there)', async () => {
    app = await openTestApp();
    await app.ctx.db.schema.createTable('many_things').addColumn('id', 'text', (c) => c.primaryKey()).addColumn('title', 'text').addColumn('deleted_at', 'text').execute();
    const insert = app.ctx.sqlite.prepare('INSERT INTO many_things (id, title, deleted_at) VALUES (?, ?, ?)');
    app.ctx.sqlite.transaction(() => {
      for (let i = 0; i < 6_001; i++) insert.run(`t${i}`, `Việc số ${i}`, '2026-11-27T01:00:00.000Z');
    })();
    const list = await app.call('trash.list', { limit: 500 });
    expect(list.items).toHaveLength(500);
    expect(list.total).toBe(6_001);
    expect(list.entities).toEqual([{ entity: 'many_things', label: 'Dữ liệu "many_things"', count: 6_001 }]);
  });
});

describe('audit log', () => {
  it('shows who, when, what and before → after, filters, and exports XLSX', async () => {
    app = await openTestApp();
    const { profile } = await app.call('settings.get', {});
    await app.call('settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY A', placeName: 'Xã B' } });
    app.clock.set('2026-11-28T03:00:00.000Z');
    await app.call('settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY C', placeName: '=SUM(A1)' } });
    const all = await app.call('audit.list', {});
    expect(all.total).toBe(2);
    const latest = all.items[0]!;
    expect(latest.user).toBe('kiểm thử');
    expect(latest.actionLabel).toBe('Sửa');
    expect(latest.entityLabel).toBe('Cài đặt');
    expect(latest.changes).toEqual(
      expect.arrayContaining([
        { field: 'parentBody', label: 'Cơ quan cấp trên', before: 'HUYỆN ỦY A', after: 'HUYỆN ỦY C' },
        { field: 'placeName', label: 'Địa danh', before: 'Xã B', after: '=SUM(A1)' },
      ]),
    );
    expect((await app.call('audit.list', { filter: { from: '2026-11-28' } })).total).toBe(1);
    expect((await app.call('audit.list', { filter: { to: '2026-11-27' } })).total).toBe(1);
    expect((await app.call('audit.list', { filter: { search: 'ỦY C' } })).total).toBe(1);
    expect((await app.call('audit.list', { filter: { user: 'ai đó' } })).total).toBe(0);
    expect((await app.call('audit.list', { filter: { search: '%' } })).total).toBe(0);

    const file = await app.call('audit.exportXlsx', {});
    expect(file.fileName).toMatch(/^nhat-ky-thay-doi-2026-11-28\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    const sheet = wb.getWorksheet('Nhật ký thay đổi')!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]?.[0]).toBe('NHẬT KÝ THAY ĐỔI DỮ LIỆU');
    expect(rows).toContainEqual(['Thời gian', 'Người thực hiện', 'Loại dữ liệu', 'Mã bản ghi', 'Thao tác', 'Trường', 'Trước', 'Sau', 'Ghi chú']);
    const formulaRow = rows.find((r) => r[5] === 'Địa danh' && r[7] === '=SUM(A1)');
    expect(formulaRow?.[0]).toBe('28/11/2026 10:00:00'); // Vietnam time
    let formulaCellType: ExcelJS.ValueType | null = null;
    sheet.eachRow((r) => {
      if (r.getCell(8).value === '=SUM(A1)') formulaCellType = r.getCell(8).type;
    });
    expect(formulaCellType).toBe(ExcelJS.ValueType.String);
  });
});

describe('users, roles and the app lock', () => {
  it('is open as before with no users; the first user must be an admin and is signed in', async () => {
    app = await openTestApp();
    expect((await app.call('lock.status', {})).usersEnabled).toBe(false);
    const bad = await app.invoke('users.create', { name: 'Lan', role: 'viewer' });
    expect(bad.ok).toBe(false);
    const admin = await app.call('users.create', { name: 'Nguyễn Thị Lan', role: 'admin', password: 'mat-khau-1' });
    const status = await app.call('lock.status', {});
    expect(status).toMatchObject({ usersEnabled: true, locked: false, current: { id: admin.id } });
    // The audit log names the signed-in user.
    const { profile } = await app.call('settings.get', {});
    await app.call('settings.update', { profile: { ...profile, parentBody: 'A', placeName: 'B' } });
    expect((await app.call('audit.list', { filter: { entity: 'settings' } })).items[0]?.user).toBe('Nguyễn Thị Lan');
    const hash = await app.ctx.db.selectFrom('app_users').select('password_hash').where('id', '=', admin.id).executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^scrypt\$/);
    expect(hash.password_hash).not.toContain('mat-khau-1');
  });

  it('enforces roles and locks after the idle time', async () => {
    app = await openTestApp();
    const admin = await app.call('users.create', { name: 'Quản trị', role: 'admin', password: 'matkhau1' });
    const editor = await app.call('users.create', { name: 'Nhập liệu', role: 'editor', password: 'matkhau2' });
    const viewer = await app.call('users.create', { name: 'Người xem', role: 'viewer' });
    const { profile } = await app.call('settings.get', {});
    const backup = await app.call('backup.create', {});

    await app.call('users.signIn', { userId: editor.id, password: 'matkhau2' });
    expect((await app.invoke('backup.create', {})).ok).toBe(true);
    const noSettings = await app.invoke('settings.update', { profile: { ...profile, parentBody: 'X', placeName: 'Y' } });
    expect(noSettings.ok ? null : noSettings.error.code).toBe('FORBIDDEN');
    const noRestore = await app.invoke('backup.restore', { fileName: backup.fileName });
    expect(noRestore.ok ? null : noRestore.error.code).toBe('FORBIDDEN');

    await app.call('users.signIn', { userId: viewer.id });
    expect((await app.invoke('settings.get', {})).ok).toBe(true);
    expect((await app.invoke('audit.list', {})).ok).toBe(true);
    const noWrite = await app.invoke('backup.create', {});
    expect(noWrite.ok ? null : noWrite.error.message).toMatch(/chỉ xem/);

    const wrong = await app.invoke('users.signIn', { userId: admin.id, password: 'sai' });
    expect(wrong.ok).toBe(false);
    await app.call('users.signIn', { userId: admin.id, password: 'matkhau1' });
    await app.call('lock.configure', { idleMinutes: 5 });
    app.clock.set(new Date(app.clock.now().getTime() + 6 * 60_000).toISOString());
    const locked = await app.invoke('settings.get', {});
    expect(locked.ok ? null : locked.error.code).toBe('LOCKED');
    expect((await app.call('lock.status', {})).locked).toBe(true);
    await app.call('users.signIn', { userId: admin.id, password: 'matkhau1' });
    await app.call('lock.lock', {});
    expect((await app.invoke('settings.get', {})).ok).toBe(false);
    await app.call('users.signIn', { userId: admin.id, password: 'matkhau1' });
    // The last admin cannot be demoted.
    expect((await app.invoke('users.update', { id: admin.id, role: 'viewer' })).ok).toBe(false);
  });

  it('maps every contract channel to a permission; reads stay open to "chỉ xem"', () => {
    for (const name of channelNames) expect(['public', 'read', 'write', 'admin']).toContain(permissionFor(name));
    expect(permissionFor('settings.update')).toBe('admin');
    expect(permissionFor('backup.restore')).toBe('admin');
    expect(permissionFor('audit.list')).toBe('read');
    expect(permissionFor('trash.restore')).toBe('write');
    expect(permissionFor('models.importPreview')).toBe('write');
    // Taking back an import or a bulk change writes; the list of imports is a read.
    expect(permissionFor('models.importUndo')).toBe('write');
    expect(permissionFor('models.bulkUndo')).toBe('write');
    expect(permissionFor('models.importHistory')).toBe('read');
  });
});

describe('data folder', () => {
  it('moves the data with a verified copy, switches the running app, keeps the old folder', async () => {
    app = await openTestApp();
    const { profile } = await app.call('settings.get', {});
    await app.call('settings.update', { profile: { ...profile, parentBody: 'TRƯỚC KHI CHUYỂN', placeName: 'Xã B' } });
    fs.mkdirSync(app.ctx.layout.attachmentsDir, { recursive: true });
    fs.writeFileSync(path.join(app.ctx.layout.attachmentsDir, 'a.txt'), 'đính kèm');
    const from = app.ctx.layout.root;
    const usb = tempDir('qcdc-newdir-');
    const locationFile = path.join(tempDir('qcdc-config-'), 'data-location.json');
    app.ctx.platform = { ...app.ctx.platform, chooseDirectory: async () => usb, dataLocationFile: locationFile };

    const info = await app.call('dataDir.info', {});
    expect(info.root).toBe(from);
    expect(info.canChooseFolder).toBe(true);
    const moved = await app.call('dataDir.move', {});
    expect(moved).toMatchObject({ moved: true, from, to: usb });
    expect(app.ctx.layout.root).toBe(usb);
    expect((await app.call('settings.get', {})).profile.parentBody).toBe('TRƯỚC KHI CHUYỂN');
    await app.call('settings.update', { profile: { ...profile, parentBody: 'SAU KHI CHUYỂN', placeName: 'Xã B' } });
    expect(JSON.parse(fs.readFileSync(locationFile, 'utf8'))).toMatchObject({ dataDir: usb, previous: [from] });
    expect(fs.readFileSync(path.join(usb, 'attachments', 'a.txt'), 'utf8')).toBe('đính kèm');
    expect(fs.existsSync(path.join(from, 'qcdc.sqlite'))).toBe(true); // old one kept
    expect(fs.existsSync(path.join(from, 'DU-LIEU-DA-CHUYEN.txt'))).toBe(true);
    expect(fs.existsSync(path.join(from, 'qcdc.lock'))).toBe(false);
    expect(fs.existsSync(path.join(usb, 'qcdc.lock'))).toBe(true);
    expect((await app.call('dataDir.info', {})).previousRoots).toEqual([from]);
    // Refuses a folder inside the current data folder.
    app.ctx.platform = { ...app.ctx.platform, chooseDirectory: async () => usb };
    const again = await app.invoke('dataDir.move', {});
    expect(again.ok).toBe(false);
  });

  it('without a folder dialog (the harness) says so', async () => {
    app = await openTestApp();
    const r = await app.invoke('dataDir.move', {});
    expect(r.ok ? null : r.error.code).toBe('UNAVAILABLE');
  });
});
