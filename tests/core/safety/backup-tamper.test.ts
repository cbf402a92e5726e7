import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { sidecarPath } from '../../../electron/core/safety/backup/files';

/**
 * Issue #18 rows 3, 4 and 7: a backup is restored or imported only when it is byte for byte what
 * was written (SHA-256 at creation) and its schema is exactly the one the app's migrations make;
 * concurrent backups get distinct names and leave nothing behind in backups/.
 */
let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function seeded(): Promise<TestApp> {
  const a = await openTestApp();
  await a.call('units.create', { name: 'Đảng bộ xã Nông Thượng', kind: 'dang_bo' });
  await a.call('members.create', { fullName: 'Phương Thị Thanh', role: 'truong_ban', position: 'Phó Bí thư' });
  return a;
}

const memberCount = (a: TestApp) => Number(a.ctx.sqlite.prepare('SELECT count(*) FROM members WHERE deleted_at IS NULL').pluck().get());

/** Flips one byte inside a text value of a table page: integrity_check still passes. */
function flipTextByte(file: string, needle: string): void {
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(Buffer.from(needle, 'utf8'));
  expect(at).toBeGreaterThan(0);
  bytes[at] = bytes[at]! ^ 0x01;
  fs.writeFileSync(file, bytes);
}

describe('backups carry a SHA-256 (#18 row 7)', () => {
  it('a backup with one flipped byte passes integrity_check but is refused by verify and by restore', async () => {
    app = await seeded();
    const backup = await app.call('backup.create', {});
    const file = path.join(app.ctx.layout.backupsDir, backup.fileName);
    const sidecar = JSON.parse(fs.readFileSync(sidecarPath(file), 'utf8')) as { sha256?: string; counts: unknown[] };
    expect(sidecar.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sidecar.counts.length).toBeGreaterThan(0);
    const good = await app.call('backup.verify', { fileName: backup.fileName });
    expect(good.integrity).toBe('ok');
    expect(good.verification).toMatch(/SHA-256/);

    flipTextByte(file, 'Nông Thượng');
    const check = new BetterSqlite3(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok'); // the old check alone let it through
    check.close();

    const verified = await app.call('backup.verify', { fileName: backup.fileName });
    expect(verified.integrity).toMatch(/SHA-256 không khớp/);
    const restore = await app.invoke('backup.restore', { fileName: backup.fileName });
    expect(restore.ok).toBe(false);
    if (!restore.ok) {
      expect(restore.error.code).toBe('VALIDATION');
      expect(restore.error.message).toMatch(/SHA-256 không khớp/);
    }
    // Nothing changed: the live data is as it was.
    expect(memberCount(app)).toBe(1);
    // The recorded hash was not replaced by the file's new one: it is still refused.
    expect((await app.call('backup.verify', { fileName: backup.fileName })).integrity).toMatch(/SHA-256 không khớp/);
  });

  it('an old backup without a hash: verify says so and falls back to integrity_check and the schema fingerprint', async () => {
    app = await seeded();
    const backup = await app.call('backup.create', {});
    const file = path.join(app.ctx.layout.backupsDir, backup.fileName);
    fs.rmSync(sidecarPath(file)); // as a backup made before #18 (or the pre-migration copy)
    const verified = await app.call('backup.verify', { fileName: backup.fileName });
    expect(verified.integrity).toBe('ok');
    expect(verified.verification).toMatch(/chưa có mã kiểm tra SHA-256/);
  });
});

describe('restore and import accept only the app\'s own schema (#18 row 3)', () => {
  const PLANTS = [
    "CREATE TRIGGER xoa_het AFTER INSERT ON units BEGIN DELETE FROM members; END",
    'CREATE VIEW v_la AS SELECT * FROM members',
    'CREATE INDEX idx_la ON members(full_name)',
    'CREATE TABLE bang_la (x)',
  ];

  it('a backup from elsewhere with a planted trigger (or view, index, table) is refused in Vietnamese by import and by restore; nothing changes', async () => {
    app = await seeded();
    const backup = await app.call('backup.create', {});
    const file = path.join(app.ctx.layout.backupsDir, backup.fileName);
    const clean = fs.readFileSync(file);
    for (const plant of PLANTS) {
      const planted = path.join(app.dir, 'planted.sqlite');
      fs.writeFileSync(planted, clean);
      const db = new BetterSqlite3(planted);
      db.exec(plant);
      db.close();
      const bytes = new Uint8Array(fs.readFileSync(planted));
      const listed = (await app.call('backup.list', {})).backups.length;
      const imported = await app.invoke('backup.importFile', { fileName: 'tu-may-khac.sqlite', bytes });
      expect(imported.ok, plant).toBe(false);
      if (!imported.ok) {
        expect(imported.error.code).toBe('VALIDATION');
        expect(imported.error.message).toMatch(/cấu trúc dữ liệu khác/);
      }
      expect((await app.call('backup.list', {})).backups.length).toBe(listed);

      // The same file put straight into backups/ (no sidecar, as if copied there by hand).
      const dropped = path.join(app.ctx.layout.backupsDir, 'qcdc-2026-11-27T03-00-00Z-manual.sqlite');
      fs.copyFileSync(planted, dropped);
      fs.rmSync(sidecarPath(dropped), { force: true });
      const restored = await app.invoke('backup.restore', { fileName: path.basename(dropped) });
      expect(restored.ok, plant).toBe(false);
      if (!restored.ok) expect(restored.error.message).toMatch(/cấu trúc dữ liệu khác/);
      fs.rmSync(dropped);
      fs.rmSync(sidecarPath(dropped), { force: true });
    }
    // The planted trigger never ran: creating a unit keeps every member.
    await app.call('units.create', { name: 'Chi bộ thôn Nà Mòn', kind: 'chi_bo' });
    expect(memberCount(app)).toBe(1);
    expect((await app.call('settings.get', {})).profile).toBeTruthy();
  });

  it('an unchanged backup from another PC is still imported and restored', async () => {
    app = await seeded();
    const backup = await app.call('backup.create', {});
    const bytes = new Uint8Array(fs.readFileSync(path.join(app.ctx.layout.backupsDir, backup.fileName)));
    const imported = await app.call('backup.importFile', { fileName: 'qcdc-usb.sqlite', bytes });
    expect(imported.integrity).toBe('ok');
    await app.call('backup.restore', { fileName: imported.fileName });
    expect(memberCount(app)).toBe(1);
  });
});

describe('concurrent backups (#18 row 4)', () => {
  it('several at once get distinct names, all succeed, and leave no -wal/-shm/.partial files in backups/', async () => {
    app = await seeded();
    const a = app;
    const bytes = new Uint8Array(fs.readFileSync(path.join(a.ctx.layout.backupsDir, (await a.call('backup.create', {})).fileName)));
    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => a.invoke('backup.create', {})),
      a.invoke('backup.importFile', { fileName: 'mot.sqlite', bytes }),
      a.invoke('backup.importFile', { fileName: 'hai.sqlite', bytes }),
    ]);
    for (const answer of answers) expect(answer.ok, JSON.stringify(answer).slice(0, 200)).toBe(true);
    const names = answers.map((answer) => (answer.ok ? (answer.data as { fileName: string }).fileName : ''));
    expect(new Set(names).size).toBe(names.length);
    // Read every backup (list, verify) as the screens do, then look at the folder.
    for (const name of names) await a.call('backup.verify', { fileName: name });
    await a.call('backup.list', {});
    const leftovers = fs.readdirSync(a.ctx.layout.backupsDir).filter((n) => !/\.(sqlite|json)$/.test(n));
    expect(leftovers).toEqual([]);
  });
});
