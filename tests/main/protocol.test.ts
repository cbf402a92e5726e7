import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppPath } from '../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { tempDir } from './tmp';

let base: string;
let rendererDir: string;

beforeAll(() => {
  base = tempDir('qcdc-protocol-');
  rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>QCDC Desk</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'ảnh đẹp.svg'), '<svg/>');
  // A secret right next to the renderer folder, and one further up.
  fs.writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'TOP SECRET');
});

const get = (url: string, method = 'GET') => createAppProtocolHandler(rendererDir)(new Request(url, { method }));

describe('app:// protocol handler', () => {
  it('serves the renderer with the CSP and nosniff headers', async () => {
    const res = await get('app://qcdc/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('QCDC Desk');
    const root = await get('app://qcdc/');
    expect(await root.text()).toContain('QCDC Desk');
    const js = await get('app://qcdc/assets/app.js?v=1#x');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const svg = await get(`app://qcdc/assets/${encodeURIComponent('ảnh đẹp.svg')}`);
    expect(svg.status).toBe(200);
  });

  it('refuses path traversal in every spelling', async () => {
    const attempts = [
      'app://qcdc/../secret.txt',
      'app://qcdc/%2e%2e/secret.txt',
      'app://qcdc/%2E%2E%2Fsecret.txt',
      'app://qcdc/assets/..%2f..%2fsecret.txt',
      'app://qcdc/..%5csecret.txt',
      'app://qcdc/%5c..%5c..%5csecret.txt',
      'app://qcdc/..%2frenderer-evil.txt',
      'app://qcdc/%00/../secret.txt',
      'app://qcdc//etc/passwd',
      `app://qcdc/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://other/secret.txt',
      'app://qcdc/%E0%A4%A',
    ];
    for (const url of attempts) {
      const res = await get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text(), url).not.toContain('TOP SECRET');
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    for (const url of attempts) {
      const resolved = resolveAppPath(rendererDir, url);
      if (resolved !== null) expect(resolved.startsWith(rendererDir + path.sep), url).toBe(true);
    }
    expect(resolveAppPath(rendererDir, 'app://qcdc/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(rendererDir, 'app://qcdc/assets/app.js')).toBe(path.join(rendererDir, 'assets', 'app.js'));
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await get('app://qcdc/nope.js')).status).toBe(404);
    expect((await get('app://qcdc/assets')).status).toBe(404); // a folder is not a file
    expect((await get('app://qcdc/index.html', 'POST')).status).toBe(405);
  });
});
