import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { corruptTable } from '../../support/corrupt';
import { channelNames } from '../../../shared/contract';
import { checkAccess } from '../../../electron/core/safety/users/service';
import { permissionFor, READ_CHANNELS } from '../../../electron/core/safety/users/permissions';

/** Issue #18 rows 2, 6 and 13: the lock and the roles, on a healthy and on a damaged database. */
let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function withUsers(a: TestApp) {
  const admin = await a.call('users.create', { name: 'Quản trị', role: 'admin', password: 'matkhau1' });
  const editor = await a.call('users.create', { name: 'Nhập liệu', role: 'editor', password: 'matkhau2' });
  const viewer = await a.call('users.create', { name: 'Người xem', role: 'viewer', password: 'matkhau3' });
  return { admin, editor, viewer };
}

/** The channels a viewer was refused before #18 although they only read (row 13). */
const READS_REFUSED_BEFORE = [
  'calendar.month',
  'meetings.attachments.get',
  'meetings.attachments.list',
  'meetings.attachments.open',
  'models.reviews',
  'models.years',
  'overview.trend',
  'reports.annual',
  'reports.sixMonth',
  'tasks.byOwner',
  'tasks.evidenceFile',
  'tasks.urgingList',
  'unitReports.matrix',
  'unitReports.periods',
];

/** Writes (and the backup download) a viewer must never get, whatever the name rule says. */
const NEVER_FOR_VIEWER = ['backup.download', 'backup.restore', 'backup.importFile', 'backup.create', 'units.create', 'tasks.urgingLetter', 'members.importPreview', 'lock.configure', 'users.list', 'settings.update', 'trash.restore'];

async function damagedAppWithUsers(): Promise<{ a: TestApp; users: Awaited<ReturnType<typeof withUsers>>; good: string }> {
  let a = await openTestApp();
  const dir = a.dir;
  const users = await withUsers(a);
  await a.call('units.create', { name: 'Đảng bộ xã Nông Thượng', kind: 'dang_bo' });
  const good = (await a.call('backup.create', {})).fileName;
  await a.close();
  corruptTable(path.join(dir, 'qcdc.sqlite'), 'units');
  fs.rmSync(path.join(dir, 'qcdc.sqlite-wal'), { force: true });
  fs.rmSync(path.join(dir, 'qcdc.sqlite-shm'), { force: true });
  a = await openTestApp({ dir });
  expect(a.ctx.startupIntegrity).not.toBe('ok');
  return { a, users, good };
}

describe('roles (#18 rows 6, 13)', () => {
  it('row 13: every read channel of the contract is open to "chỉ xem", the formerly refused ones included', async () => {
    app = await openTestApp();
    const { viewer } = await withUsers(app);
    await app.call('users.signIn', { userId: viewer.id, password: 'matkhau3' });
    expect([...READ_CHANNELS].sort()).toEqual([...READS_REFUSED_BEFORE].sort());
    const reads = channelNames.filter((c) => permissionFor(c) === 'read' || permissionFor(c) === 'public');
    for (const channel of READS_REFUSED_BEFORE) expect(reads, channel).toContain(channel);
    for (const channel of reads) expect(await checkAccess(app.ctx, channel), channel).toBeNull();
    // And every other channel is refused to the viewer, with a Vietnamese reason.
    for (const channel of channelNames.filter((c) => !reads.includes(c))) {
      const denied = await checkAccess(app.ctx, channel);
      expect(denied?.code, channel).toBe('FORBIDDEN');
    }
    for (const channel of NEVER_FOR_VIEWER) expect(reads, channel).not.toContain(channel);
  });

  it('row 13: the formerly refused reads answer real data to a viewer through the registry', async () => {
    app = await openTestApp({ now: '2023-03-01T02:00:00.000Z' });
    const { viewer } = await withUsers(app);
    await app.call('users.signIn', { userId: viewer.id, password: 'matkhau3' });
    expect((await app.invoke('calendar.month', { year: 2023, month: 3 })).ok).toBe(true);
    expect((await app.invoke('models.years', {})).ok).toBe(true);
    expect((await app.invoke('unitReports.periods', { year: 2023 })).ok).toBe(true);
    expect((await app.invoke('tasks.byOwner', {})).ok).toBe(true);
  });

  it('row 6: the read-only role cannot download a backup (it holds every password hash)', async () => {
    app = await openTestApp();
    const { admin, viewer } = await withUsers(app);
    await app.call('users.signIn', { userId: admin.id, password: 'matkhau1' });
    const backup = await app.call('backup.create', {});
    await app.call('users.signIn', { userId: viewer.id, password: 'matkhau3' });
    const answer = await app.invoke('backup.download', { fileName: backup.fileName });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('FORBIDDEN');
  });
});

describe('sign-in back-off (#18 row 6)', () => {
  it('after 5 wrong passwords the next try must wait, longer each time, in Vietnamese, and a restart does not reset it', async () => {
    app = await openTestApp();
    const dir = app.dir;
    const { admin } = await withUsers(app);
    await app.call('users.signOut', {});
    for (let i = 1; i <= 4; i++) {
      const wrong = await app.invoke('users.signIn', { userId: admin.id, password: 'sai' });
      expect(wrong.ok).toBe(false);
      if (!wrong.ok) expect(wrong.error.code).toBe('VALIDATION');
    }
    const fifth = await app.invoke('users.signIn', { userId: admin.id, password: 'sai' });
    expect(fifth.ok).toBe(false);
    if (!fifth.ok) expect(fifth.error.message).toMatch(/chờ 30 giây/);
    // Even the right password is refused while waiting.
    const waiting = await app.invoke('users.signIn', { userId: admin.id, password: 'matkhau1' });
    expect(waiting.ok).toBe(false);
    if (!waiting.ok) {
      expect(waiting.error.code).toBe('LOCKED');
      expect(waiting.error.message).toMatch(/Vui lòng chờ \d+ giây rồi thử lại/);
    }
    // A restart keeps the wait.
    await app.close();
    app = await openTestApp({ dir });
    const afterRestart = await app.invoke('users.signIn', { userId: admin.id, password: 'matkhau1' });
    expect(afterRestart.ok).toBe(false);
    if (!afterRestart.ok) expect(afterRestart.error.code).toBe('LOCKED');
    // Once the wait is over a wrong try doubles it…
    app.clock.set('2026-11-27T02:00:31.000Z');
    const sixth = await app.invoke('users.signIn', { userId: admin.id, password: 'sai' });
    expect(sixth.ok).toBe(false);
    if (!sixth.ok) expect(sixth.error.message).toMatch(/chờ 1 phút/);
    // …and the right one, after the wait, signs in and clears the count.
    app.clock.set('2026-11-27T02:01:32.000Z');
    expect((await app.invoke('users.signIn', { userId: admin.id, password: 'matkhau1' })).ok).toBe(true);
    await app.call('users.signOut', {});
    const fresh = await app.invoke('users.signIn', { userId: admin.id, password: 'sai' });
    expect(fresh.ok).toBe(false);
    if (!fresh.ok) expect(fresh.error.code).toBe('VALIDATION');
  });
});

describe('a damaged database keeps the lock and the roles (#18 row 2)', () => {
  it('without signing in, backup.download, backup.importFile and backup.restore are refused (LOCKED); the lock status says locked', async () => {
    const { a, good } = await damagedAppWithUsers();
    app = a;
    await a.call('users.signOut', {}).catch(() => undefined);
    const status = await a.call('lock.status', {});
    expect(status.locked).toBe(true);
    for (const [channel, input] of [
      ['backup.download', { fileName: good }],
      ['backup.restore', { fileName: good }],
      ['backup.importFile', { fileName: 'x.sqlite', bytes: new Uint8Array(600) }],
      ['backup.list', {}],
    ] as const) {
      const answer = await a.invoke(channel, input);
      expect(answer.ok, channel).toBe(false);
      if (!answer.ok) expect(answer.error.code, channel).toBe('LOCKED');
    }
  });

  it('lock.configure no longer passes the recovery gate; restore stays admin-only; an admin can restore', async () => {
    const { a, users, good } = await damagedAppWithUsers();
    app = a;
    await a.call('users.signIn', { userId: users.admin.id, password: 'matkhau1' });
    const configure = await a.invoke('lock.configure', { idleMinutes: 5 });
    expect(configure.ok).toBe(false);
    if (!configure.ok) expect(configure.error.code).toBe('UNAVAILABLE');
    await a.call('users.signIn', { userId: users.editor.id, password: 'matkhau2' });
    const editorRestore = await a.invoke('backup.restore', { fileName: good });
    expect(editorRestore.ok).toBe(false);
    if (!editorRestore.ok) expect(editorRestore.error.code).toBe('FORBIDDEN');
    await a.call('users.signIn', { userId: users.viewer.id, password: 'matkhau3' });
    const viewerDownload = await a.invoke('backup.download', { fileName: good });
    expect(viewerDownload.ok).toBe(false);
    if (!viewerDownload.ok) expect(viewerDownload.error.code).toBe('FORBIDDEN');
    // Only what recovery needs is reachable, even for the admin.
    await a.call('users.signIn', { userId: users.admin.id, password: 'matkhau1' });
    const create = await a.invoke('units.create', { name: 'Chi bộ mới', kind: 'chi_bo' });
    expect(create.ok).toBe(false);
    if (!create.ok) expect(create.error.code).toBe('UNAVAILABLE');
    await a.call('backup.restore', { fileName: good });
    expect((await a.call('integrity.status', {})).ok).toBe(true);
  });
});
