import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openTestApp, type TestApp } from '../support/context';
import { channelNames, contract } from '../../shared/contract';
import { baselineFor, HOSTILE_STRINGS, payloadsFor, shapeOf, uncleanReason } from './support/payloads';
import { changedParts, changeStamp, contentHash } from './support/snapshot';

/**
 * The fault tests are only as good as what they detect: these show that the detectors see a
 * change or an unclean answer when there is one, so a green sweep means something.
 */
let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('fault-test detectors', () => {
  it('the content hash and the change stamp see one changed column, even one rolled back to the same value', () => {
    const db = app.ctx.sqlite;
    db.exec("CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO probe (v) VALUES ('a')");
    const before = contentHash(db, app.dir);
    const stamp = changeStamp(db, app.dir);
    db.prepare("UPDATE probe SET v = 'b'").run();
    expect(changedParts(before, contentHash(db, app.dir))).toEqual(['probe']);
    expect(changeStamp(db, app.dir)).not.toBe(stamp);
    db.prepare("UPDATE probe SET v = 'a'").run();
    // Same content again: the hash agrees, the stamp (conservatively) still says "look".
    expect(contentHash(db, app.dir).digest).toBe(before.digest);
    expect(changeStamp(db, app.dir)).not.toBe(stamp);
    db.exec('DROP TABLE probe');
  });

  it('calls INTERNAL, English type words and non-envelopes unclean; a Vietnamese refusal and ok clean', () => {
    expect(uncleanReason({ ok: true, data: 1 })).toBeNull();
    expect(uncleanReason({ ok: false, error: { code: 'VALIDATION', message: 'Tên đơn vị không được để trống.' } })).toBeNull();
    expect(uncleanReason({ ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn' } })).toMatch(/INTERNAL/);
    expect(uncleanReason({ ok: false, error: { code: 'VALIDATION', message: 'Đầu vào: mong đợi string, nhận được undefined' } })).toMatch(/English/);
    expect(uncleanReason({ ok: false, error: { code: 'VALIDATION', message: 'Invalid input' } })).toMatch(/Vietnamese/);
    expect(uncleanReason('boom')).toBe('not an envelope');
  });

  it('derives a baseline each object channel accepts in shape, and hostile payloads for every field', () => {
    const unit = (contract['units.create'].input as unknown as z.ZodType).safeParse(baselineFor('units.create'));
    expect(unit.success).toBe(true);
    for (const channel of channelNames) {
      const shape = shapeOf(contract[channel].input as unknown as z.core.$ZodType);
      const payloads = payloadsFor(channel);
      if (!shape) continue;
      // Every field gets at least "wrong type" and "null".
      for (const key of Object.keys(shape)) expect(payloads.some((p) => p.label.startsWith(`${key}: `)), `${channel}.${key}`).toBe(true);
    }
    const labels = payloadsFor('units.create').map((p) => p.label);
    for (const s of HOSTILE_STRINGS) expect(labels).toContain(`name: ${s.label}`);
    expect(labels).toContain('__proto__ key');
    const proto = payloadsFor('units.create').find((p) => p.label === '__proto__ key')!.payload as object;
    expect(Object.prototype.hasOwnProperty.call(proto, '__proto__')).toBe(true);
  });
});
