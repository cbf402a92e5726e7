import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/context';
import { BAC_KAN_PROFILE } from '../support/profiles';
import { baselineFor, uncleanReason } from './support/payloads';
import { cannotMount, fillDisk, mountTmpfs, type Mount } from './support/mounts';
import { startHarnessProcess } from './support/harnessProcess';
import { ensureHarnessBuilt } from './support/harnessProcess';

/**
 * Issue #18, fault test 3: a data folder whose disk fills up, and one that is read-only (a
 * write-protected USB stick). Each must end in a clear Vietnamese message — never INTERNAL —
 * without damage: integrity ok once space is back, nothing acknowledged lost.
 */
if (cannotMount) console.warn(`disk-full and read-only fault tests skipped: ${cannotMount}`);

let mount: Mount | null = null;
let app: TestApp | null = null;
afterEach(async () => {
  await app?.close().catch(() => undefined);
  app = null;
  mount?.unmount();
  mount = null;
});

const unitBase = baselineFor('units.create');
/** Words a user reads in a message about a full or write-protected disk. */
const DISK_WORDS = /đầy|dung lượng|chỗ trống|chỉ đọc|không ghi được|không cho phép ghi|bảo vệ ghi/i;

async function unitNames(t: TestApp): Promise<Set<string>> {
  const rows = t.ctx.sqlite.prepare('SELECT name FROM units WHERE deleted_at IS NULL').all() as Array<{ name: string }>;
  return new Set(rows.map((r) => r.name));
}

describe.skipIf(cannotMount !== null)('disk full and read-only data folder', () => {
  it('a full disk refuses writes in Vietnamese, keeps every acknowledged write and is healthy once space is freed', async () => {
    mount = mountTmpfs('12m');
    app = await openTestApp({ dir: mount.dir });
    await app.call('settings.update', { profile: BAC_KAN_PROFILE });
    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `Đơn vị trước khi đầy ${i}`;
      await app.call('units.create', { ...unitBase, name });
      acknowledged.push(name);
    }
    const filler = fillDisk(mount.dir);

    // Writes go on until SQLite needs a page the disk does not have; the note makes each row big.
    let refusal: { code: string; message: string } | null = null;
    const unclean: string[] = [];
    const note = 'Ghi chú dài '.repeat(150);
    for (let i = 0; i < 3000 && !refusal; i++) {
      const name = `Đơn vị khi đầy ${i}`;
      const answer = await app.invoke('units.create', { ...unitBase, name, note });
      const reason = uncleanReason(answer);
      if (reason) unclean.push(reason);
      if (answer.ok) acknowledged.push(name);
      else refusal = answer.error;
    }
    expect(refusal, 'the disk never filled').not.toBeNull();
    expect(unclean).toEqual([]);
    expect(refusal!.message).toMatch(DISK_WORDS);
    // Reading still works on a full disk.
    expect((await app.invoke('units.list', {})).ok).toBe(true);

    fs.rmSync(filler);
    expect(app.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = await unitNames(app);
    expect(acknowledged.filter((n) => !present.has(n))).toEqual([]);
    expect((await app.invoke('units.create', { ...unitBase, name: 'Đơn vị sau khi có chỗ' })).ok).toBe(true);

    // And after a restart on the same folder.
    await app.close();
    app = await openTestApp({ dir: mount.dir });
    expect(app.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const again = await unitNames(app);
    expect([...acknowledged, 'Đơn vị sau khi có chỗ'].filter((n) => !again.has(n))).toEqual([]);
  });

  it('a read-only data folder is refused at start in Vietnamese (core and harness) and loses nothing', async () => {
    ensureHarnessBuilt();
    mount = mountTmpfs('16m');
    app = await openTestApp({ dir: mount.dir });
    await app.call('settings.update', { profile: BAC_KAN_PROFILE });
    const acknowledged = ['Đơn vị A', 'Đơn vị B', 'Đơn vị C'];
    for (const name of acknowledged) await app.call('units.create', { ...unitBase, name });
    await app.close();
    app = null;
    // A mount turns read-only only while no file on it is open for writing: as a write-protected
    // stick, it is read-only before the app starts.
    mount.remount('ro');

    // The core: either it refuses to open with a Vietnamese reason, or it opens and refuses writes so.
    const opened = await openTestApp({ dir: mount.dir }).then(
      (t) => ({ ok: true as const, t }),
      (err: unknown) => ({ ok: false as const, message: err instanceof Error ? err.message : String(err) }),
    );
    if (opened.ok) {
      app = opened.t;
      const answer = await app.invoke('units.create', { ...unitBase, name: 'Đơn vị khi chỉ đọc' });
      expect(answer.ok).toBe(false);
      expect(uncleanReason(answer)).toBeNull();
      if (!answer.ok) expect(answer.error.message).toMatch(DISK_WORDS);
      await app.close().catch(() => undefined);
      app = null;
    } else {
      expect(uncleanReason({ ok: false, error: { code: 'VALIDATION', message: opened.message } })).toBeNull();
      expect(opened.message).toMatch(DISK_WORDS);
    }

    // The harness process says why in one Vietnamese line (or starts and refuses writes the same way).
    const started = await startHarnessProcess(mount.dir).then(
      (h) => ({ ok: true as const, h }),
      (err: unknown) => ({ ok: false as const, message: err instanceof Error ? err.message : String(err) }),
    );
    if (started.ok) {
      const answer = await started.h.rpc('units.create', { ...unitBase, name: 'Đơn vị khi chỉ đọc' });
      await started.h.stop();
      expect(uncleanReason(answer)).toBeNull();
      expect(answer.ok).toBe(false);
    } else {
      expect(started.message).toMatch(/Không khởi động được harness: /);
      const reason = started.message.split('Không khởi động được harness: ')[1] ?? '';
      expect(uncleanReason({ ok: false, error: { code: 'VALIDATION', message: reason } })).toBeNull();
      expect(reason).toMatch(DISK_WORDS);
    }

    // Write-enabled again: everything is there and healthy.
    mount.remount('rw');
    app = await openTestApp({ dir: mount.dir });
    expect(app.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = await unitNames(app);
    expect(acknowledged.filter((n) => !present.has(n))).toEqual([]);
  });
});
