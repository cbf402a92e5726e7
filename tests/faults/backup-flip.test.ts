import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/context';
import { BAC_KAN_PROFILE } from '../support/profiles';
import { baselineFor, uncleanReason } from './support/payloads';
import { contentHash } from './support/snapshot';
import { envCount, LONG, reportFaults } from './support/report';

/**
 * Issue #18, fault test 4 (row 7): a backup with one changed byte. integrity_check alone passes a
 * byte changed inside a record (the page structure is intact — the name just reads differently),
 * so verification must compare the SHA-256 recorded when the backup was made. Both `backup.verify`
 * and `backup.restore` must refuse such a file, and a refused restore must change nothing.
 */
const RANDOM_FLIPS = envCount('QCDC_FAULT_FLIPS', LONG ? 200 : 12);
const MARKER = 'DAU-VET-KIEM-THU';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** Refused: an error envelope in Vietnamese, or a verify answer that does not say `ok`. */
function refused(answer: Awaited<ReturnType<TestApp['invoke']>>): boolean {
  if (!answer.ok) return uncleanReason(answer) === null;
  const data = answer.data as { integrity?: unknown };
  return typeof data.integrity === 'string' && data.integrity !== 'ok';
}

async function appWithBackup(): Promise<{ t: TestApp; file: string; fileName: string }> {
  const t = await openTestApp();
  await t.call('settings.update', { profile: BAC_KAN_PROFILE });
  for (let i = 0; i < 30; i++) await t.call('units.create', { ...baselineFor('units.create'), name: `Đơn vị ${i} ${MARKER}` });
  const backup = await t.call('backup.create', {});
  return { t, fileName: backup.fileName, file: path.join(t.ctx.layout.backupsDir, backup.fileName) };
}

describe('a backup with one changed byte', () => {
  it('is refused by backup.verify and backup.restore, and the refused restore changes nothing', async () => {
    const { t, file, fileName } = await appWithBackup();
    app = t;
    expect((await t.call('backup.verify', { fileName })).integrity).toBe('ok');

    // One byte inside a unit's name: the database stays structurally valid.
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from(MARKER, 'utf8'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(file, bytes);

    const verify = await t.invoke('backup.verify', { fileName });
    expect(uncleanReason(verify)).toBeNull();
    expect(refused(verify), JSON.stringify(verify).slice(0, 300)).toBe(true);

    const before = contentHash(t.ctx.sqlite);
    const restore = await t.invoke('backup.restore', { fileName });
    expect(uncleanReason(restore)).toBeNull();
    expect(restore.ok, JSON.stringify(restore).slice(0, 300)).toBe(false);
    expect(contentHash(t.ctx.sqlite).digest).toBe(before.digest);
    const names = t.ctx.sqlite.prepare('SELECT count(*) AS n FROM units WHERE name LIKE ?').get(`%${MARKER}`) as { n: number };
    expect(names.n).toBe(30);
  });

  it(`refuses every one of ${RANDOM_FLIPS} random single-bit flips at verify`, async () => {
    const { t, file, fileName } = await appWithBackup();
    app = t;
    const original = fs.readFileSync(file);
    // Seeded positions (a failure names the offset, so it can be replayed).
    let s = 0x9e3779b9;
    const next = () => ((s = (s * 1664525 + 1013904223) >>> 0), s);
    const passed: string[] = [];
    for (let i = 0; i < RANDOM_FLIPS; i++) {
      const offset = next() % original.length;
      const bit = (next() >>> 16) % 8;
      const flipped = Buffer.from(original);
      flipped[offset] = flipped[offset]! ^ (1 << bit);
      fs.writeFileSync(file, flipped);
      const verify = await t.invoke('backup.verify', { fileName });
      if (uncleanReason(verify) !== null || !refused(verify)) passed.push(`offset ${offset} bit ${bit}: ${JSON.stringify(verify).slice(0, 160)}`);
    }
    fs.writeFileSync(file, original);
    reportFaults('backup-flip', { 'flipped backups accepted': passed.length });
    expect(passed).toEqual([]);
  });
});
