import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { backupOnQuit, createBackup, listBackups, rotateBackups, runScheduledBackupIfDue, startBackupScheduler } from '../../../electron/core/safety/backup/service';
import { backupsToRemove } from '../../../electron/core/safety/backup/rotation';
import { integrityCheck } from '../../../electron/core/db/open';
import { recordAudit } from '../../../electron/core/db/audit';
import type { BackupInfo } from '../../../shared/schemas/backup';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A few settings writes: real rows with audit entries, through the real channel. */
async function writeProfile(t: TestApp, committeeCode: string) {
  const { profile } = await t.call('settings.get', {});
  await t.call('settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY X', placeName: 'Xã Y', headName: 'Nguyễn Văn A', committeeCode } });
}

async function addUnitRows(t: TestApp, n: number, prefix = 'Đơn vị') {
  const at = t.clock.now().toISOString();
  for (let i = 0; i < n; i++) {
    const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}${prefix === 'Đơn vị' ? '' : ''}`.slice(0, 36);
    await t.ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('units')
        .values({ id: crypto.randomUUID(), parent_id: null, name: `${prefix} ${i}`, short_name: null, kind: 'xa', qcdc_type: null, valid_from: null, valid_to: null, merged_into_id: null, sort_order: i, note: null, search_text: `don vi ${i}`, sort_key: `don vi ${i}`, created_at: at, updated_at: at, deleted_at: null } as never)
        .execute();
      await recordAudit(trx, t.ctx.actor, at, { entity: 'units', entityId: id, action: 'create', after: { name: `${prefix} ${i}` } });
    });
  }
}

describe('backups', () => {
  it('creates a verified backup with a sidecar and record counts, and lists it', async () => {
    app = await openTestApp();
    await writeProfile(app, 'BCĐ');
    await addUnitRows(app, 3);
    const info = await app.call('backup.create', { note: 'trước khi họp' });
    expect(info.integrity).toBe('ok');
    expect(info.reason).toBe('manual');
    expect(info.pinned).toBe(true);
    expect(info.counts.find((c) => c.table === 'units')?.count).toBe(3);
    expect(info.counts.find((c) => c.table === 'units')?.label).toBe('Đơn vị');
    const file = path.join(app.ctx.layout.backupsDir, info.fileName);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.existsSync(file.replace(/\.sqlite$/, '.json'))).toBe(true);
    // A backup the officer asks for gets the full check.
    expect(JSON.parse(fs.readFileSync(file.replace(/\.sqlite$/, '.json'), 'utf8')).checkedWith).toBe('integrity_check');
    expect(fs.readdirSync(app.ctx.layout.backupsDir).some((n) => n.endsWith('.partial'))).toBe(false);
    const listed = await app.call('backup.list', {});
    expect(listed.backups.map((b) => b.fileName)).toEqual([info.fileName]);
    expect(listed.current.counts.find((c) => c.table === 'units')?.count).toBe(3);
    expect(info.sizeBytes).toBe(fs.statSync(file).size);
  });

  it('verifies a backup and reports a damaged one', async () => {
    app = await openTestApp();
    await addUnitRows(app, 50);
    const info = await app.call('backup.create', {});
    expect((await app.call('backup.verify', { fileName: info.fileName })).integrity).toBe('ok');
    const file = path.join(app.ctx.layout.backupsDir, info.fileName);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 4096 * 2, bytes.length - 1); // smash every page after the second
    fs.writeFileSync(file, bytes);
    const checked = await app.call('backup.verify', { fileName: info.fileName });
    expect(checked.integrity).not.toBe('ok');
  });

  it('refuses traversal in backup names and unknown files', async () => {
    app = await openTestApp();
    for (const fileName of ['../qcdc.sqlite', '..\\x.sqlite', '/etc/passwd', 'a/b.sqlite', 'x.db']) {
      const r = await app.invoke('backup.restore', { fileName });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('VALIDATION');
    }
    const missing = await app.invoke('backup.delete', { fileName: 'qcdc-khong-co.sqlite' });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('NOT_FOUND');
  });

  it('makes a scheduled backup only when due and something changed', async () => {
    app = await openTestApp({ now: '2026-11-27T02:00:00.000Z' });
    await writeProfile(app, 'BCĐ');
    const first = await runScheduledBackupIfDue(app.ctx);
    expect(first?.reason).toBe('scheduled');
    app.clock.set('2026-11-27T03:00:00.000Z');
    await writeProfile(app, 'BCĐX');
    expect(await runScheduledBackupIfDue(app.ctx)).toBeNull(); // interval (4 h) not passed
    app.clock.set('2026-11-27T07:00:00.000Z');
    expect((await runScheduledBackupIfDue(app.ctx))?.reason).toBe('scheduled');
    app.clock.set('2026-11-27T12:00:00.000Z');
    expect(await runScheduledBackupIfDue(app.ctx)).toBeNull(); // nothing changed since
    await app.call('backup.setSchedule', { intervalHours: 0 });
    app.clock.set('2026-11-28T12:00:00.000Z');
    expect(await runScheduledBackupIfDue(app.ctx)).toBeNull(); // switched off
  });

  it('rotates: keeps recent ones, one a day for a month, one a month; never manual ones', () => {
    const mk = (iso: string, pinned = false): BackupInfo => ({
      fileName: `b-${iso}.sqlite`,
      createdAt: iso,
      reason: pinned ? 'manual' : 'scheduled',
      reasonLabel: '',
      note: null,
      sizeBytes: 1,
      counts: [],
      totalRecords: 0,
      integrity: 'ok',
      schemaVersion: '',
      appVersion: '',
      pinned,
    });
    const now = new Date('2026-11-27T10:00:00.000Z');
    const backups: BackupInfo[] = [];
    // Every 4 hours for 120 days, plus an old manual one.
    for (let h = 0; h < 120 * 24; h += 4) backups.push(mk(new Date(now.getTime() - h * 3600_000).toISOString()));
    backups.push(mk('2025-01-01T00:00:00.000Z', true));
    const removed = new Set(backupsToRemove(backups, now, { keepRecent: 10, keepDailyDays: 31 }).map((b) => b.fileName));
    const kept = backups.filter((b) => !removed.has(b.fileName));
    expect(kept.some((b) => b.pinned)).toBe(true);
    const automaticKept = kept.filter((b) => !b.pinned).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    // the 10 newest
    expect(automaticKept.slice(0, 10).map((b) => b.createdAt)).toEqual(backups.slice(0, 10).map((b) => b.createdAt));
    // one per day within 31 days (≈31–32 days), one per month beyond: far fewer than 720
    const older = automaticKept.filter((b) => new Date(b.createdAt).getTime() < now.getTime() - 32 * 24 * 3600_000);
    const months = new Set(older.map((b) => b.createdAt.slice(0, 7)));
    expect(older.length).toBe(months.size);
    expect(automaticKept.length).toBeLessThan(10 + 33 + 5);
    expect(automaticKept.length).toBeGreaterThan(35);
  });

  it('rotation on disk removes files and sidecars but keeps manual backups', async () => {
    app = await openTestApp({ now: '2026-01-01T00:00:00.000Z' });
    const manual = await createBackup(app.ctx, 'manual');
    for (let i = 0; i < 14; i++) {
      app.clock.set(new Date(Date.UTC(2026, 0, 1, 0, 10 + i)).toISOString());
      await createBackup(app.ctx, 'scheduled');
    }
    rotateBackups(app.ctx);
    const left = listBackups(app.ctx);
    expect(left.find((b) => b.fileName === manual.fileName)).toBeTruthy();
    expect(left.filter((b) => !b.pinned).length).toBe(10);
    const files = fs.readdirSync(app.ctx.layout.backupsDir);
    expect(files.filter((f) => f.endsWith('.json')).length).toBe(files.filter((f) => f.endsWith('.sqlite')).length);
    for (const b of left) {
      const copy = new (await import('better-sqlite3')).default(path.join(app.ctx.layout.backupsDir, b.fileName), { readonly: true });
      expect(integrityCheck(copy)).toBe('ok');
      copy.close();
    }
  });
});

describe('scheduler and quit', () => {
  it('the running scheduler makes a backup when due, and stops', async () => {
    app = await openTestApp();
    await writeProfile(app, 'BCĐ');
    const stop = startBackupScheduler(app.ctx, { checkEveryMs: 20 });
    try {
      for (let i = 0; i < 100 && listBackups(app.ctx).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      stop();
    }
    expect(listBackups(app.ctx).map((b) => b.reason)).toEqual(['scheduled']);
  });

  it('backs up on quit only when something changed, and never throws', async () => {
    app = await openTestApp();
    await writeProfile(app, 'BCĐ');
    expect((await backupOnQuit(app.ctx))?.reason).toBe('quit');
    expect(await backupOnQuit(app.ctx)).toBeNull(); // nothing changed since
    await writeProfile(app, 'BCĐX');
    expect((await backupOnQuit(app.ctx))?.reason).toBe('quit');
    app.ctx.startupIntegrity = 'hỏng';
    expect(await backupOnQuit(app.ctx)).toBeNull();
    app.ctx.startupIntegrity = 'ok';
  });
});
