import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { openTestApp, type TestApp } from '../support/context';
import { BAC_KAN_PROFILE } from '../support/profiles';
import { channelNames, contract, type Channel } from '../../shared/contract';
import { baselineFor, payloadsFor, shapeOf, uncleanReason } from './support/payloads';
import { changedParts, changeStamp, contentHash } from './support/snapshot';
import { dumpFindings, LONG, reportFaults } from './support/report';

/**
 * Issue #18, fault test 2 (core): every channel of the contract, every payload generated from its
 * zod input schema. Each answer must be a clean envelope — ok, or refused with a Vietnamese message
 * and never INTERNAL — and a refused call must leave the content of every table and the data
 * folder's files exactly as they were.
 */

/** A stand-in PDF renderer: valid print payloads must not fail for lack of Chromium here. */
const renderPdf = async () => new TextEncoder().encode('%PDF-1.4 stand-in');

async function freshApp(): Promise<TestApp> {
  const app = await openTestApp({ renderPdf });
  await app.call('settings.update', { profile: BAC_KAN_PROFILE });
  await app.call('units.create', { ...baselineFor('units.create'), name: 'Đảng bộ xã Yên Đĩnh' } as never);
  return app;
}

let app: TestApp | null = null;
afterAll(async () => {
  await app?.close();
});

/** Channels whose accepted call changes who may call what: the rest of the sweep starts over. */
const changesAccess = (channel: Channel) => channel.startsWith('users.') || channel.startsWith('lock.') || channel === 'backup.restore';

describe('hostile input on every channel (core)', () => {
  it(
    `answers every generated payload on all ${channelNames.length} channels cleanly and changes nothing when it refuses`,
    async () => {
      app = await freshApp();
      const unclean: string[] = [];
      const changedOnRefusal: string[] = [];
      let payloads = 0;
      for (const channel of channelNames) {
        let before = contentHash(app.ctx.sqlite, app.dir);
        let stamp = changeStamp(app.ctx.sqlite, app.dir);
        for (const { label, payload } of payloadsFor(channel)) {
          payloads++;
          const answer = await app.invoke(channel, payload);
          const reason = uncleanReason(answer);
          if (reason) unclean.push(`${channel} (${label}): ${reason}`);
          // The full hash is taken only when something may have changed (or always in long mode):
          // an unchanged stamp proves no row and no file was touched, and keeps this run short.
          const nextStamp = changeStamp(app.ctx.sqlite, app.dir);
          if (LONG || nextStamp !== stamp) {
            const after = contentHash(app.ctx.sqlite, app.dir);
            if (!answer.ok && after.digest !== before.digest) {
              changedOnRefusal.push(`${channel} (${label}): ${changedParts(before, after).join(', ')}`);
            }
            before = after;
            stamp = nextStamp;
          }
          if (answer.ok && changesAccess(channel)) {
            // A valid-looking payload created a user or set a lock: the next calls would all be
            // refused by the lock and test nothing. Start again on a fresh data folder.
            await app.close();
            app = await freshApp();
            before = contentHash(app.ctx.sqlite, app.dir);
            stamp = changeStamp(app.ctx.sqlite, app.dir);
          }
        }
      }
      reportFaults('hostile-core', {
        channels: channelNames.length,
        payloads,
        'unclean answers': unclean.length,
        'table changes': changedOnRefusal.length,
      });
      dumpFindings('hostile-core', { unclean, changedOnRefusal });
      expect(payloads).toBeGreaterThan(channelNames.length * 10);
      expect(unclean).toEqual([]);
      expect(changedOnRefusal).toEqual([]);
      // Still up and healthy afterwards.
      expect((await app.invoke('system.info', {})).ok).toBe(true);
      expect(app.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    },
    LONG ? 900_000 : 180_000,
  );
});

const DATE_NAME = /date|day|from$|to$|deadline|until|since|on$/i;

describe('impossible dates', () => {
  it('every date field of every channel (one that takes 2026-11-27 and refuses plain text) refuses 2023-02-30', () => {
    const accepted: string[] = [];
    let dateFields = 0;
    const visit = (where: string, shape: Record<string, z.core.$ZodType>, depth: number) => {
      for (const [key, field] of Object.entries(shape)) {
        const schema = field as unknown as z.ZodType;
        // A date field: named like one, takes an ISO date, refuses plain text (a phone number field takes digits and dashes too).
        const isDate = DATE_NAME.test(key) && schema.safeParse('2026-11-27').success && !schema.safeParse('Kiểm thử').success;
        if (isDate) dateFields++;
        if (isDate && schema.safeParse('2023-02-30').success) accepted.push(`${where}.${key}`);
        const inner = shapeOf(field);
        if (inner && depth < 3) visit(`${where}.${key}`, inner, depth + 1);
      }
    };
    for (const channel of channelNames) {
      const shape = shapeOf(contract[channel].input as unknown as z.core.$ZodType);
      if (!shape) continue;
      visit(channel, shape, 0);
    }
    expect(dateFields).toBeGreaterThan(10);
    expect(accepted).toEqual([]);
  });
});
