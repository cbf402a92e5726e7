import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/context';
import { channelNames, contract, type Channel } from '../../shared/contract';
import { integrityCheck } from '../../electron/core/db/open';
import { invalidateUsersCache, signOut } from '../../electron/core/safety/users/service';

/**
 * Hostile input: every contract channel (enumerated at test time, so channels added later are
 * covered) gets generated malformed payloads. Each must answer with an envelope; an error
 * envelope must leave every table and the audit log unchanged; and the process stays up.
 */
const HTML = '<img src=x onerror="alert(1)"><script>alert("xss")</script>';
const SQL = "'; DROP TABLE audit_log; --";
const TRAVERSAL = '../../../../etc/passwd';
const HUGE = 'Đ'.repeat(1_000_000);

type Json = Record<string, unknown>;

/** A plausible value for a JSON Schema node, so mutations target one field at a time. */
function plausible(schema: Json | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const anyOf = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (anyOf?.length) return plausible(anyOf[0], depth + 1);
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date' || String(schema.pattern ?? '').includes('\\d{4}')) return '2026-11-27';
      if (String(schema.pattern ?? '').includes('0-9a-f')) return '01937a6e-0000-7000-8000-000000000000';
      return 'Văn bản thử';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const required = (schema.required ?? []) as string[];
      return Object.fromEntries(required.map((k) => [k, plausible(props[k], depth + 1)]));
    }
    default:
      return null;
  }
}

function payloadsFor(channel: Channel): Array<{ label: string; payload: unknown }> {
  const out: Array<{ label: string; payload: unknown }> = [
    { label: 'null', payload: null },
    { label: 'number', payload: 42 },
    { label: 'string', payload: SQL },
    { label: 'array', payload: [HTML] },
    { label: 'boolean', payload: true },
    { label: 'unknown keys', payload: { [SQL]: HTML, constructor: { prototype: { polluted: true } } } },
  ];
  let schema: Json;
  try {
    schema = z.toJSONSchema(contract[channel].input as z.ZodType, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return out;
  }
  if (schema.type !== 'object') return out;
  const base = plausible(schema) as Json;
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = (schema.required ?? []) as string[];
  for (const key of Object.keys(props)) {
    const wrong = (label: string, value: unknown) => out.push({ label: `${key}: ${label}`, payload: { ...base, [key]: value } });
    if (required.includes(key)) {
      const { [key]: _omit, ...rest } = base;
      out.push({ label: `${key}: missing`, payload: rest });
    }
    wrong('object', { $gt: '' });
    wrong('array of numbers', [1, 2, 3]);
    wrong('number', -1e308);
    wrong('huge string', HUGE);
    wrong('SQL fragment', SQL);
    wrong('HTML and script', HTML);
    wrong('path traversal', TRAVERSAL);
    wrong('bytes tag with junk', { $bytes: '!!!not base64!!!' });
  }
  return out;
}

function snapshot(t: TestApp): Record<string, number> {
  const tables = t.ctx.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as Array<{ name: string }>;
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = Number((t.ctx.sqlite.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n);
  }
  counts['(backup files)'] = fs.readdirSync(t.ctx.layout.backupsDir).length;
  counts['(settings fingerprint)'] = t.ctx.sqlite
    .prepare('SELECT coalesce(sum(length(value)), 0) AS n FROM settings')
    .get() as unknown as number;
  return counts;
}

let app: TestApp;
beforeAll(async () => {
  // PDFs are not what this test is about: a stand-in renderer keeps valid print payloads from
  // failing for lack of Chromium (the real PDF path is tested by the features and e2e).
  app = await openTestApp({ renderPdf: async () => new TextEncoder().encode('%PDF-1.4 stand-in') });
  const { profile } = await app.call('settings.get', {});
  await app.call('settings.update', { profile: { ...profile, parentBody: 'HUYỆN ỦY X', placeName: 'Xã Y' } });
});
afterAll(async () => {
  await app?.close();
});

describe('hostile input on every channel', () => {
  it(
    `answers ${channelNames.length} channels' malformed payloads with envelopes and writes nothing on error`,
    async () => {
      const internal: string[] = [];
      const wroteOnError: string[] = [];
      let calls = 0;
      for (const channel of channelNames) {
        for (const { label, payload } of payloadsFor(channel)) {
          const before = JSON.stringify(snapshot(app));
          const result = await app.invoke(channel, payload);
          calls++;
          expect(result === null || typeof result !== 'object' || !('ok' in result)).toBe(false);
          if (!result.ok) {
            expect(result.error.message.length).toBeGreaterThan(3);
            expect(result.error.message).not.toMatch(/SQLITE_|TypeError|ReferenceError|at .*\.ts:/);
            if (result.error.code === 'INTERNAL') internal.push(`${channel} (${label}): ${result.error.message}`);
            const after = JSON.stringify(snapshot(app));
            if (after !== before) wroteOnError.push(`${channel} (${label})`);
          }
          // A payload that happened to be valid may have created a user (which would lock the
          // app for the rest of the run): reset the session so every channel keeps being tested.
          if (result.ok && channel.startsWith('users.')) {
            app.ctx.sqlite.exec('DELETE FROM app_users');
            invalidateUsersCache(app.ctx);
            await signOut(app.ctx);
          }
        }
      }
      expect(calls).toBeGreaterThan(channelNames.length * 6);
      expect(wroteOnError).toEqual([]);
      expect(internal).toEqual([]);
      // Still up and healthy.
      const info = await app.invoke('system.info', {});
      expect(info.ok).toBe(true);
      expect(integrityCheck(app.ctx.sqlite)).toBe('ok');
      expect(app.ctx.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'audit_log'").get()).toEqual({ n: 1 });
    },
    240_000,
  );

  it('stores HTML typed by a user as plain text, verbatim', async () => {
    const { profile } = await app.call('settings.get', {});
    await app.call('settings.update', { profile: { ...profile, standingAgency: HTML, parentBody: 'HUYỆN ỦY X', placeName: 'Xã Y' } });
    expect((await app.call('settings.get', {})).profile.standingAgency).toBe(HTML);
    const audit = await app.call('audit.list', { filter: { entity: 'settings' } });
    expect(audit.items[0]?.changes.find((c) => c.field === 'standingAgency')?.after).toBe(HTML);
    const file = path.join(app.dir, 'qcdc.sqlite');
    expect(fs.existsSync(file)).toBe(true);
  });
});
