import path from 'node:path';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channelNames, contract } from '../../../shared/contract';
import { zodToAppError } from '../../../electron/core/registry';
import { openTestApp, type TestApp } from '../../support/context';

/**
 * Issue #18 row 11: every message a caller can read is Vietnamese. Every channel of the contract
 * gets `{}` and wrong types for each of its fields; each refusal goes through the registry's own
 * zod → envelope mapping and must not carry an English type word.
 */
const ENGLISH = /\b(string|number|undefined|object|array|boolean|expected|received|bigint|symbol|instanceof|nan|null)\b/i;

/** The object schema inside defaults, optionals and pipes (most channel inputs are plain objects). */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  let current: unknown = schema;
  for (let i = 0; i < 10; i++) {
    if (current instanceof z.ZodObject) return current.shape as Record<string, z.ZodType>;
    if (current instanceof z.ZodPipe) current = current.in;
    else if (current instanceof z.ZodDefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap();
    else return {};
  }
  return {};
}

const WRONG_VALUES: unknown[] = [12345, 'x', '', [], {}, true, null, [{}], [1], -1, 1.5, 'không-phải-ngày'];

function payloadsFor(channel: keyof typeof contract): unknown[] {
  const shape = objectShape(contract[channel].input as z.ZodType);
  const payloads: unknown[] = [{}, [], 'x', 42, true];
  for (const key of Object.keys(shape)) for (const value of WRONG_VALUES) payloads.push({ [key]: value });
  return payloads;
}

describe('Vietnamese validation messages (#18 row 11)', () => {
  it('no refusal of any channel, for {} or a wrong type in any field, carries an English type word', () => {
    const offenders: string[] = [];
    let refusals = 0;
    for (const channel of channelNames) {
      for (const payload of payloadsFor(channel)) {
        const parsed = (contract[channel].input as z.ZodType).safeParse(payload);
        if (parsed.success) continue;
        refusals++;
        const error = zodToAppError(parsed.error);
        for (const text of [error.message, ...Object.values(error.fields ?? {})]) {
          if (ENGLISH.test(text)) offenders.push(`${channel} ${JSON.stringify(payload).slice(0, 60)} → ${text}`);
        }
      }
    }
    expect(refusals).toBeGreaterThan(channelNames.length * 5);
    expect(offenders.slice(0, 20)).toEqual([]);
  });

  it('a missing required field reads "Thiếu thông tin bắt buộc", a wrong type names the Vietnamese type', () => {
    const missing = z.object({ a: z.string() }).safeParse({});
    expect(missing.success).toBe(false);
    if (!missing.success) expect(zodToAppError(missing.error).fields?.['a']).toBe('Thiếu thông tin bắt buộc.');
    const wrong = z.object({ a: z.string(), n: z.number(), l: z.array(z.string()) }).safeParse({ a: 1, n: 'x', l: 3 });
    expect(wrong.success).toBe(false);
    if (!wrong.success) {
      const fields = zodToAppError(wrong.error).fields;
      expect(fields).toEqual({ a: 'Giá trị phải là chuỗi ký tự.', n: 'Giá trị phải là số.', l: 'Giá trị phải là một danh sách.' });
    }
  });
});

describe('files.save with "." or ".." (#18 row 11)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp();
  });
  afterAll(async () => app.close());

  it('answers a Vietnamese VALIDATION error, never INTERNAL, and writes nothing', async () => {
    const before = fs.readdirSync(app.dir).sort();
    for (const fileName of ['.', '..', '...', ' . ', 'CON', 'nul.txt']) {
      const answer = await app.invoke('files.save', { fileName, bytes: new Uint8Array([1, 2, 3]) });
      expect(answer.ok, fileName).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code, fileName).toBe('VALIDATION');
        expect(answer.error.message, fileName).toMatch(/Tên tệp/);
      }
    }
    expect(fs.readdirSync(app.dir).sort()).toEqual(before);
    expect(fs.existsSync(path.join(app.dir, '..', 'x'))).toBe(false);
    // A normal name still saves.
    expect((await app.invoke('files.save', { fileName: 'bao-cao.docx', bytes: new Uint8Array([1]) })).ok).toBe(true);
  });
});
