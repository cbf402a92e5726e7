import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * The renderer is served from `app://qcdc/` rather than file://: a real origin (so the sender-frame
 * check can compare origins), a CSP sent as a header, and no access to the rest of the disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'qcdc';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `app.ready` (Electron requires it). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

function plain(status: number, body: string): Response {
  return new Response(body, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * Maps a request URL to a file inside `rootDir`, or null when it would leave it (`..`, encoded
 * separators, absolute paths, NUL bytes, another host).
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  // The URL parser already folds "/a/../b"; an encoded "%2e%2e" only appears after decoding.
  if (rel.split('/').some((segment) => segment === '..')) return null;
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + rel);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

/**
 * The `protocol.handle(APP_SCHEME, …)` handler: GET only, files from the built renderer with the
 * CSP header; 404 for anything missing (no SPA fallback needed: routing is in the hash).
 */
export function createAppProtocolHandler(
  rootDir: string,
  readFile: ReadFile = (file) => fs.readFile(file),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(rootDir, request.url);
    if (!file) return plain(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : (body as ConstructorParameters<typeof Response>[0]), { status: 200, headers: securityHeaders(type) });
  };
}
