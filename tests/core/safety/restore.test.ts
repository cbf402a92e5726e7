import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { corruptTable } from '../../support/corrupt';
import { useWorkerDriverForTests } from '../../../electron/core/db/backupWorker';
import { openTestApp, type TestApp } from '../../support/context';
import { integrityCheck } from '../../../electron/core/db/open';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function setCode(t: TestApp, committeeCode: string) {
  const { profile } = await t.call('settings.get', {});
  await t.call('settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY X', placeName: 'Xã Y', committeeCode } });
}

/** Smashes pages in the middle of a closed database file, the way a failing disk would. */
export function corruptFile(file: string) {
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) || 4096;
  for (let off = pageSize; off < bytes.length; off += pageSize) bytes.fill(0xa5, off + 8, off + pageSize - 8);
  fs.writeFileSync(file, bytes);
}

describe('restore', () => {
  it('restores a backup: safety backup first, old data back, integrity ok, audit entry', async () => {
    app = await openTestApp();
    await setCode(app, 'CŨ');
    const backup = await app.call('backup.create', {});
    await setCode(app, 'MỚI');
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('MỚI');

    const result = await app.call('backup.restore', { fileName: backup.fileName });
    expect(result.integrity).toBe('ok');
    expect(result.safetyBackup?.reason).toBe('before-restore');
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('CŨ');
    expect(integrityCheck(app.ctx.sqlite)).toBe('ok');
    // The safety backup holds the data as it was before restoring ("MỚI"): restore it back.
    await app.call('backup.restore', { fileName: result.safetyBackup!.fileName });
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('MỚI');
    const audit = await app.call('audit.list', { filter: { action: 'restore-backup' } });
    expect(audit.total).toBeGreaterThanOrEqual(1);
    // No staging or -wal leftovers beside the database.
    expect(fs.readdirSync(app.ctx.layout.root).filter((n) => n.includes('restoring'))).toEqual([]);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    app = await openTestApp();
    await setCode(app, 'GIỮ');
    const backup = await app.call('backup.create', {});
    corruptFile(path.join(app.ctx.layout.backupsDir, backup.fileName));
    const r = await app.invoke('backup.restore', { fileName: backup.fileName });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/bị hỏng/);
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('GIỮ');
  });

  it('a damaged database at start: explained in Vietnamese, writes refused, newest good backup restored', async () => {
    app = await openTestApp();
    const dir = app.dir;
    await setCode(app, 'TỐT');
    const good = await app.call('backup.create', {});
    await app.close();
    corruptFile(path.join(dir, 'qcdc.sqlite'));
    fs.rmSync(path.join(dir, 'qcdc.sqlite-wal'), { force: true });
    fs.rmSync(path.join(dir, 'qcdc.sqlite-shm'), { force: true });

    app = await openTestApp({ dir });
    const status = await app.call('integrity.status', {});
    expect(status.ok).toBe(false);
    expect(status.message).toMatch(/bị hỏng/);
    expect(status.newestGoodBackup?.fileName).toBe(good.fileName);
    const write = await app.invoke('settings.update', { profile: {} });
    expect(write.ok).toBe(false);
    const create = await app.invoke('backup.create', {});
    expect(create.ok).toBe(false);

    const result = await app.call('backup.restore', { fileName: good.fileName });
    expect(result.safetyBackup).toBeNull();
    expect((await app.call('integrity.status', {})).ok).toBe(true);
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('TỐT');
    // The damaged file is kept for a technician.
    const kept = fs.readdirSync(app.ctx.layout.backupsDir).filter((n) => n.startsWith('hong-'));
    expect(kept.length).toBe(1);
    expect(fs.readdirSync(path.join(app.ctx.layout.backupsDir, kept[0]!))).toContain('qcdc.sqlite');
  });

  it('the start-up check run in the background after opening finds damage, tells the window and refuses writes', async () => {
    app = await openTestApp();
    const dir = app.dir;
    await setCode(app, 'TỐT');
    await app.call('units.create', { name: 'Đảng bộ xã Nông Thượng', kind: 'dang_bo' });
    const good = await app.call('backup.create', {});
    await app.close();
    corruptTable(path.join(dir, 'qcdc.sqlite'), 'units');
    fs.rmSync(path.join(dir, 'qcdc.sqlite-wal'), { force: true });
    fs.rmSync(path.join(dir, 'qcdc.sqlite-shm'), { force: true });

    app = await openTestApp({ dir, deferStartupCheckMs: 0 });
    const changed: boolean[] = [];
    app.ctx.events.subscribe((name, payload) => {
      if (name === 'integrity.changed') changed.push((payload as { ok: boolean }).ok);
    });
    // Opened at once, the check still running: the status says so.
    const first = await app.call('integrity.status', {});
    expect(first.ok).toBe(true);
    expect(first.checking).toBe(true);
    for (let waited = 0; app.ctx.integrityChecking && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const status = await app.call('integrity.status', {});
    expect(status).toMatchObject({ ok: false, checking: false });
    expect(status.newestGoodBackup?.fileName).toBe(good.fileName);
    expect(changed).toEqual([false]);
    expect((app.ctx.platform as { notifications?: string[] }).notifications?.join(' ')).toMatch(/bị hỏng/);
    expect((await app.invoke('settings.update', { profile: {} })).ok).toBe(false);
    await app.call('backup.restore', { fileName: good.fileName });
    expect((await app.call('integrity.status', {})).ok).toBe(true);
  });

  it('the background check still finds damage when no worker can run (checked on the main thread)', async () => {
    app = await openTestApp();
    const dir = app.dir;
    await app.call('units.create', { name: 'Đảng bộ xã Nông Thượng', kind: 'dang_bo' });
    await app.close();
    corruptTable(path.join(dir, 'qcdc.sqlite'), 'units');
    fs.rmSync(path.join(dir, 'qcdc.sqlite-wal'), { force: true });
    fs.rmSync(path.join(dir, 'qcdc.sqlite-shm'), { force: true });
    useWorkerDriverForTests(path.join(dir, 'no-such-driver.js'));
    try {
      app = await openTestApp({ dir, deferStartupCheckMs: 0 });
      for (let waited = 0; app.ctx.integrityChecking && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect((await app.call('integrity.status', {})).ok).toBe(false);
    } finally {
      useWorkerDriverForTests(null);
    }
  });

  it('a healthy database checked in the background stays usable and ends "checked"', async () => {
    app = await openTestApp();
    const dir = app.dir;
    await setCode(app, 'TỐT');
    await app.close();
    app = await openTestApp({ dir, deferStartupCheckMs: 0 });
    for (let waited = 0; app.ctx.integrityChecking && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(await app.call('integrity.status', {})).toMatchObject({ ok: true, checking: false });
    await setCode(app, 'VAN-TOT');
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('VAN-TOT');
  });

  it('a file too damaged to open still starts, and restores', async () => {
    app = await openTestApp();
    const dir = app.dir;
    await setCode(app, 'TỐT');
    const good = await app.call('backup.create', {});
    await app.close();
    fs.writeFileSync(path.join(dir, 'qcdc.sqlite'), Buffer.alloc(8192, 0x41)); // not a database at all
    fs.rmSync(path.join(dir, 'qcdc.sqlite-wal'), { force: true });
    app = await openTestApp({ dir });
    expect((await app.call('integrity.status', {})).ok).toBe(false);
    await app.call('backup.restore', { fileName: good.fileName });
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('TỐT');
  });
});

describe('restore window', () => {
  it('refuses other calls while the files are being swapped, so no write lands in the replaced database', async () => {
    app = await openTestApp();
    await setCode(app, 'TRƯỚC');
    const backup = await app.call('backup.create', {});
    const { profile } = await app.call('settings.get', {});
    const restoring = app.invoke('backup.restore', { fileName: backup.fileName });
    // Fired while the restore is under way (it yields at every progress step).
    await new Promise((r) => setImmediate(r));
    const write = await app.invoke('settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY X', placeName: 'Xã Y', committeeCode: 'GIỮA' } });
    expect(write.ok ? null : write.error.code).toBe('CONFLICT');
    if (!write.ok) expect(write.error.message).toMatch(/phục hồi/);
    expect((await restoring).ok).toBe(true);
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('TRƯỚC');
    expect((await app.invoke('settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY X', placeName: 'Xã Y', committeeCode: 'SAU' } })).ok).toBe(true);
  });
});

describe('a backup brought from a USB stick', () => {
  it('is checked, listed as a manual backup and restorable; other files are refused', async () => {
    app = await openTestApp();
    await setCode(app, 'MÁY-CŨ');
    const made = await app.call('backup.create', {});
    const bytes = new Uint8Array(fs.readFileSync(path.join(app.ctx.layout.backupsDir, made.fileName)));
    await app.close();
    app = await openTestApp(); // a reinstalled PC: empty data folder
    const imported = await app.call('backup.importFile', { fileName: 'qcdc-usb.sqlite', bytes });
    expect(imported).toMatchObject({ reason: 'manual', integrity: 'ok', note: 'Nhập từ tệp qcdc-usb.sqlite' });
    await app.call('backup.restore', { fileName: imported.fileName });
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('MÁY-CŨ');

    const before = (await app.call('backup.list', {})).backups.length;
    for (const bad of [new TextEncoder().encode('không phải sqlite'), bytes.slice(0, 3000)]) {
      const r = await app.invoke('backup.importFile', { fileName: 'x.sqlite', bytes: bad });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/Tệp "x.sqlite"/);
    }
    expect((await app.call('backup.list', {})).backups.length).toBe(before);
    expect(fs.readdirSync(app.ctx.layout.backupsDir).some((n) => n.endsWith('.partial'))).toBe(false);
  });
});
