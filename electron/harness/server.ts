import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { bytesSchema, channelNames, contract, decodeWire, encodeWire, events as eventSchemas } from '../../shared/contract';
import type { Invoke } from '../core/registry';
import type { EventBus } from '../core/events';
import { CONTENT_SECURITY_POLICY } from '../main/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Largest request body: imports carry whole Excel files as base64. */
const MAX_BODY_BYTES = 200 * 1024 * 1024;

export interface HarnessOptions {
  invoke: Invoke;
  events: EventBus;
  token: string;
  /** Built renderer (out/renderer); omitted for API-only use. */
  staticDir?: string;
  port?: number;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = encodeWire(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** JSON Schemas of every channel, generated from the zod contract (GET /rpc). */
export function describeChannels() {
  const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
    z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      override: (ctx) => {
        if ((ctx.zodSchema as unknown) === bytesSchema) {
          Object.assign(ctx.jsonSchema, {
            type: 'object',
            properties: { $bytes: { type: 'string', contentEncoding: 'base64' } },
            required: ['$bytes'],
          });
        }
      },
    });
  return channelNames.map((name) => ({
    channel: name,
    summary: contract[name].summary,
    input: toSchema(contract[name].input as z.ZodType, 'input'),
    output: toSchema(contract[name].output as z.ZodType, 'output'),
  }));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** decodeURIComponent that answers null for a malformed escape (`/%`) instead of throwing URIError. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const root = path.resolve(staticDir);
  const decoded = safeDecode(urlPath.split('?')[0] ?? '/');
  if (decoded === null) {
    sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Địa chỉ không hợp lệ.' } });
    return;
  }
  let rel = decoded;
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  // Path traversal guard: only files inside the built renderer.
  const inside = file === root || file.startsWith(root + path.sep);
  const target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
  if (!fs.existsSync(target)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Chưa có giao diện đã dựng (chạy electron-vite build).');
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[path.extname(target)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': target.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
  });
  fs.createReadStream(target).pipe(res);
}

/** The loopback names this server answers to; anything else in Host is a DNS-rebinding page. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];

/**
 * Host must name this server on loopback (with its port), and Origin, when a browser sends one,
 * must be this server's own page: a page on any other origin (or `null`, a sandboxed frame or a
 * file) is refused before anything runs. No CORS header is ever sent, so a browser never lets
 * another origin read an answer either.
 */
function fromOwnOrigin(req: http.IncomingMessage, port: number): boolean {
  const own = LOOPBACK_HOSTS.map((host) => `${host}:${port}`);
  if (!own.includes((req.headers.host ?? '').toLowerCase())) return false;
  const origin = req.headers.origin;
  return origin === undefined || own.some((host) => origin.toLowerCase() === `http://${host}`);
}

function serverPort(server: http.Server): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * The automation API and dev/test transport: POST /rpc/<channel> with a JSON body and a bearer
 * token, GET /rpc for the channel list with JSON Schemas, GET /events (SSE) for job progress and
 * notifications. Listens on 127.0.0.1 only. The token is read from the Authorization header only:
 * a token in a query string ends up in logs, history and Referer headers, and lets a plain
 * cross-site form or `<img>` carry it.
 */
export function createHarnessServer(options: HarnessOptions): http.Server {
  const { invoke, events, token } = options;
  const authorised = (req: http.IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    return given !== '' && sameToken(given, token);
  };

  const server = http.createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      // Nothing a request carries may stop the harness: answer, keep listening.
      if (!res.headersSent) sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Yêu cầu không hợp lệ.' } });
      else res.destroy(err instanceof Error ? err : undefined);
    }
  });

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!fromOwnOrigin(req, serverPort(server))) {
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ trang của QCDC Desk trên máy này nên bị từ chối.' } });
      return;
    }
    if (req.method === 'OPTIONS') {
      // A CORS preflight: never granted (no Access-Control-Allow-* header is sent anywhere).
      sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Không cho phép truy cập từ trang khác.' } });
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Địa chỉ không hợp lệ.' } });
      return;
    }
    const isApi = url.pathname === '/rpc' || url.pathname.startsWith('/rpc/') || url.pathname === '/events';
    if (isApi && !authorised(req)) {
      sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Thiếu hoặc sai mã truy cập (token).' } });
      return;
    }

    if (url.pathname === '/rpc' && req.method === 'GET') {
      sendJson(res, 200, { channels: describeChannels(), events: Object.keys(eventSchemas) });
      return;
    }

    if (url.pathname.startsWith('/rpc/') && req.method === 'POST') {
      const channelName = safeDecode(url.pathname.slice('/rpc/'.length)) ?? '';
      readBody(req)
        .then(async (body) => {
          let input: unknown;
          try {
            input = body.trim() === '' ? {} : decodeWire(body);
          } catch {
            sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'Nội dung gửi lên không phải JSON hợp lệ.' } });
            return;
          }
          const envelope = await invoke(channelName, input);
          sendJson(res, 200, envelope);
        })
        .catch(() => {
          sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên quá lớn.' } });
        });
      return;
    }

    if (url.pathname === '/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const unsubscribe = events.subscribe((name, payload) => {
        res.write(`event: ${name}\ndata: ${encodeWire(payload)}\n\n`);
      });
      const ping = setInterval(() => res.write(': ping\n\n'), 15000);
      req.on('close', () => {
        clearInterval(ping);
        unsubscribe();
      });
      return;
    }

    if (req.method === 'GET' && options.staticDir) {
      serveStatic(options.staticDir, url.pathname, res);
      return;
    }
    sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'Không có địa chỉ này.' } });
  }
  return server;
}

export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
