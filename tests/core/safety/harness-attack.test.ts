import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type HarnessHandle } from '../../../electron/harness/start';
import { decodeWire, encodeWire } from '../../../shared/contract';
import { tempDir } from '../../support/context';

/**
 * Issue #18 rows 1 and 9: the real harness on loopback, attacked the way a page on another origin
 * (or a DNS-rebinding name) can. Raw `http.request` so Host and Origin are exactly what a browser
 * would send; fetch() fixes Host itself.
 */
let h: HarnessHandle;
const TOKEN = 'attack-token-456';

beforeAll(async () => {
  h = await startHarness({ dataDir: tempDir('qcdc-harness-attack-'), port: 0, token: TOKEN, staticDir: tempDir('qcdc-static-') });
});
afterAll(async () => {
  await h?.close();
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function raw(method: string, pathAndQuery: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: h.port, method, path: pathAndQuery, headers: { host: `127.0.0.1:${h.port}`, ...headers }, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

async function unitCount(): Promise<number> {
  const answer = await raw('POST', '/rpc/units.list', auth, encodeWire({}));
  const envelope = decodeWire(answer.body) as { ok: boolean; data: { units?: unknown[] } | unknown[] };
  const data = envelope.data;
  return Array.isArray(data) ? data.length : (data.units?.length ?? 0);
}

describe('harness under attack (#18 rows 1, 9)', () => {
  it('row 1: GET /% and other malformed escapes answer 400 and the harness keeps serving', async () => {
    for (const p of ['/%', '/%E0%A4%A', '/rpc/%', '/assets/%zz.js']) {
      const answer = await raw('GET', p);
      expect(answer.status, p).toBeGreaterThanOrEqual(400);
      expect(answer.status, p).toBeLessThan(500);
    }
    const bad = await raw('POST', '/rpc/%', auth, '{}');
    expect((decodeWire(bad.body) as { ok: boolean }).ok).toBe(false);
    // Still alive and answering.
    const info = await raw('POST', '/rpc/system.info', auth, '{}');
    expect((decodeWire(info.body) as { ok: boolean }).ok).toBe(true);
  });

  it('row 9: the token is accepted from the Authorization header only, never from ?token=', async () => {
    const viaQuery = await raw('POST', `/rpc/system.info?token=${TOKEN}`, { 'content-type': 'application/json' }, '{}');
    expect(viaQuery.status).toBe(401);
    const events = await raw('GET', `/events?token=${TOKEN}`);
    expect(events.status).toBe(401);
    const list = await raw('GET', `/rpc?token=${TOKEN}`);
    expect(list.status).toBe(401);
  });

  it('row 9: a cross-site POST with the right token is refused before it runs, and nothing is written', async () => {
    const before = await unitCount();
    const input = encodeWire({ name: 'Chi bộ do trang lạ tạo', parentId: null });
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${h.port + 1}`, 'https://127.0.0.1']) {
      const answer = await raw('POST', '/rpc/units.create', { ...auth, origin }, input);
      expect(answer.status, origin).toBe(403);
      expect(answer.body).toContain('từ chối');
    }
    // A simple (no-preflight) form post, as a foreign page's <form> would send.
    const form = await raw('POST', `/rpc/units.create?token=${TOKEN}`, { origin: 'http://evil.example', 'content-type': 'text/plain' }, input);
    expect(form.status).toBe(403);
    expect(await unitCount()).toBe(before);
  });

  it('row 9: a Host other than this loopback port (DNS rebinding) is refused, pages and API alike', async () => {
    for (const host of ['evil.example', `evil.example:${h.port}`, `127.0.0.1:${h.port + 1}`, `192.168.1.5:${h.port}`]) {
      expect((await raw('GET', '/', { host })).status, host).toBe(403);
      expect((await raw('POST', '/rpc/system.info', { ...auth, host }, '{}')).status, host).toBe(403);
    }
    expect((await raw('POST', '/rpc/system.info', { ...auth, host: `localhost:${h.port}`, origin: `http://localhost:${h.port}` }, '{}')).status).toBe(200);
    expect((await raw('POST', '/rpc/system.info', { ...auth, origin: `http://127.0.0.1:${h.port}` }, '{}')).status).toBe(200);
  });

  it('row 9: no CORS: preflights are refused and no Access-Control-Allow-* header is ever sent', async () => {
    const preflight = await raw('OPTIONS', '/rpc/units.create', {
      origin: `http://127.0.0.1:${h.port}`,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    });
    expect(preflight.status).toBe(403);
    const answers = [preflight, await raw('POST', '/rpc/system.info', auth, '{}'), await raw('GET', '/'), await raw('POST', '/rpc/system.info', { ...auth, origin: 'http://evil.example' }, '{}')];
    for (const a of answers) {
      expect(Object.keys(a.headers).filter((k) => k.startsWith('access-control-'))).toEqual([]);
    }
  });
});
