import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type HarnessHandle } from '../../electron/harness/start';
import { decodeWire, encodeWire, channelNames } from '../../shared/contract';
import { DEFAULT_PROFILE } from '../../shared/schemas/settings';
import { tempDir } from '../support/context';

let h: HarnessHandle;
beforeAll(async () => {
  h = await startHarness({ dataDir: tempDir('qcdc-harness-'), port: 0, token: 'test-token-123' });
});
afterAll(async () => {
  await h?.close();
});

const post = (channel: string, body: unknown, token = 'test-token-123') =>
  fetch(`${h.url}/rpc/${channel}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : encodeWire(body),
  });

describe('harness (automation API)', () => {
  it('listens on the loopback interface only', () => {
    const address = h.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
  });

  it('refuses calls without the right token', async () => {
    expect((await post('settings.get', {}, 'wrong')).status).toBe(401);
    expect((await fetch(`${h.url}/rpc/settings.get`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await fetch(`${h.url}/rpc`)).status).toBe(401);
    expect((await fetch(`${h.url}/events`)).status).toBe(401);
  });

  it('lists every channel with JSON Schemas generated from the contract', async () => {
    const res = await fetch(`${h.url}/rpc`, { headers: { authorization: 'Bearer test-token-123' } });
    const body = (await res.json()) as { channels: Array<{ channel: string; input: { type?: string; properties?: Record<string, unknown> } }> };
    expect(body.channels.map((c) => c.channel)).toEqual(channelNames);
    const update = body.channels.find((c) => c.channel === 'settings.update')!;
    expect(update.input.type).toBe('object');
    expect(Object.keys(update.input.properties ?? {})).toEqual(['profile']);
  });

  it('round-trips the settings and rejects a malformed payload in Vietnamese without writing', async () => {
    const profile = { ...DEFAULT_PROFILE, parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', placeName: 'Bắc Kạn' };
    const saved = decodeWire(await (await post('settings.update', { profile })).text()) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const bad = decodeWire(await (await post('settings.update', { profile: { ...profile, placeName: '', margins: 'x' } })).text()) as {
      ok: boolean;
      error: { code: string; message: string; fields: Record<string, string> };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('VALIDATION');
    expect(bad.error.fields['profile.placeName']).toBe('Địa danh ghi ngày tháng không được để trống.');
    const after = decodeWire(await (await post('settings.get', {})).text()) as { data: { profile: { placeName: string } } };
    expect(after.data.profile.placeName).toBe('Bắc Kạn');
    const notJson = decodeWire(await (await post('settings.update', '{oops')).text()) as { ok: boolean; error: { message: string } };
    expect(notJson.ok).toBe(false);
    expect(notJson.error.message).toMatch(/JSON/);
  });

  it('answers an unknown channel with an error envelope', async () => {
    const body = decodeWire(await (await post('nope.nothing', {})).text()) as { ok: boolean; error: { code: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('carries bytes as base64 and saves them inside the data folder, never along a given path', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const res = decodeWire(await (await post('files.save', { fileName: 'bien-ban.pdf', bytes })).text()) as { ok: boolean; data: { path: string } };
    expect(res.ok).toBe(true);
    expect(res.data.path.startsWith(h.ctx.layout.exportsDir)).toBe(true);
    expect([...fs.readFileSync(res.data.path)]).toEqual([...bytes]);
    const traversal = decodeWire(await (await post('files.save', { fileName: '../../etc/passwd', bytes })).text()) as { ok: boolean };
    expect(traversal.ok).toBe(false);
    expect(fs.existsSync(path.join(h.ctx.layout.root, '..', 'etc'))).toBe(false);
  });

  it('streams job progress as Server-Sent Events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${h.url}/events`, { headers: { authorization: 'Bearer test-token-123' }, signal: controller.signal });
    const reader = res.body!.getReader();
    // Emit once the stream is open.
    setTimeout(() => h.ctx.events.emit('job.progress', { jobId: 'j1', phase: 'Đang nhập', done: 3, total: 10 }), 50);
    let text = '';
    while (!text.includes('job.progress')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: job.progress');
    expect(text).toContain('"phase":"Đang nhập"');
  });
});
