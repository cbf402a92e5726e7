import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { corruptTable } from '../../support/corrupt';
import { BAC_KAN_PROFILE } from '../../support/profiles';
import { mayWrite } from '../../../electron/core/safety/users/permissions';

/**
 * Issue #18 row 10: the desktop app defers its start-up check by a minute (the first screen must
 * not wait for it), and a write was accepted on a damaged database in that minute. Now the first
 * write starts the check at once and waits for its result.
 */
let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function damagedFolder(): Promise<string> {
  const a = await openTestApp();
  await a.call('settings.update', { profile: { ...BAC_KAN_PROFILE, committeeCode: 'TRƯỚC' } });
  await a.call('members.create', { fullName: 'Phương Thị Thanh', role: 'truong_ban', position: 'Phó Bí thư' });
  const dir = a.dir;
  await a.close();
  corruptTable(path.join(dir, 'qcdc.sqlite'), 'members');
  fs.rmSync(path.join(dir, 'qcdc.sqlite-wal'), { force: true });
  fs.rmSync(path.join(dir, 'qcdc.sqlite-shm'), { force: true });
  return dir;
}

const auditRows = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return Number(db.prepare('SELECT count(*) FROM audit_log').pluck().get());
  } finally {
    db.close();
  }
};

describe('deep damage found at start (#18 row 10)', () => {
  it('a write in the first minute, before the deferred check has run, is refused on a damaged database and writes nothing', async () => {
    const dir = await damagedFolder();
    const before = auditRows(path.join(dir, 'qcdc.sqlite'));
    app = await openTestApp({ dir, deferStartupCheckMs: 60_000 });
    expect(app.ctx.integrityChecking).toBe(true);
    // Reading needs no wait.
    expect((await app.call('settings.get', {})).profile.committeeCode).toBe('TRƯỚC');
    const started = Date.now();
    const write = await app.invoke('settings.update', { profile: { ...BAC_KAN_PROFILE, committeeCode: 'SAU' } });
    expect(write.ok).toBe(false);
    if (!write.ok) {
      expect(write.error.code).toBe('UNAVAILABLE');
      expect(write.error.message).toMatch(/bị hỏng/);
    }
    expect(Date.now() - started).toBeLessThan(10_000); // it did not wait for the minute
    expect(app.ctx.startupIntegrity).not.toBe('ok');
    await app.close();
    app = null;
    expect(auditRows(path.join(dir, 'qcdc.sqlite'))).toBe(before);
  });

  it('on a healthy database the first write waits only for the check, then goes through', async () => {
    const a = await openTestApp();
    await a.call('settings.update', { profile: BAC_KAN_PROFILE });
    const dir = a.dir;
    await a.close();
    app = await openTestApp({ dir, deferStartupCheckMs: 60_000 });
    expect(app.ctx.integrityChecking).toBe(true);
    const write = await app.invoke('settings.update', { profile: { ...BAC_KAN_PROFILE, committeeCode: 'SAU' } });
    expect(write.ok).toBe(true);
    expect(app.ctx.integrityChecking).toBe(false);
    expect(app.ctx.startupIntegrity).toBe('ok');
  });

  it('only channels that may write wait for the check (an admin-only read such as users.list does not)', () => {
    for (const c of ['units.create', 'settings.update', 'backup.restore', 'users.create', 'lock.configure']) expect(mayWrite(c), c).toBe(true);
    for (const c of ['users.list', 'backup.download', 'settings.get', 'integrity.status', 'calendar.month', 'lock.status']) expect(mayWrite(c), c).toBe(false);
  });
});
