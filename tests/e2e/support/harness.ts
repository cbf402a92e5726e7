import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { startHarness, type HarnessHandle } from '../../../electron/harness/start';
import { launchChromium } from '../../../electron/harness/chromium';
import { fixedClock } from '../../../electron/core/clock';
import { encodeWire, decodeWire, type Channel, type ChannelInput, type ChannelOutput, type Envelope } from '../../../shared/contract';
import { tempDir } from '../../support/context';

const ROOT = path.resolve(__dirname, '../../..');
/** Screenshots and other artifacts of the end-to-end runs (kept by CI, ignored by git). */
export const ARTIFACTS_DIR = path.join(ROOT, 'test-results', 'e2e');

/**
 * The built renderer the harness serves. `QCDC_E2E_RENDERER_DIR` points elsewhere (a private
 * build when several people work in one tree); otherwise out/renderer, built once if missing.
 */
export function rendererDir(): string {
  const dir = process.env.QCDC_E2E_RENDERER_DIR ?? path.join(ROOT, 'out', 'renderer');
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '-c', 'vite.renderer.config.ts', '--outDir', dir, '--emptyOutDir'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  return dir;
}

export interface E2EApp {
  harness: HarnessHandle;
  browser: Browser;
  page: Page;
  dataDir: string;
  clock: ReturnType<typeof fixedClock>;
  /** Calls a channel over HTTP exactly as a script would; returns the envelope. */
  rpc<C extends Channel>(channel: C, input: ChannelInput<C> | unknown): Promise<Envelope<ChannelOutput<C>>>;
  /** Opens the app at a hash route (e.g. '/cai-dat'), already authorised. */
  open(route?: string): Promise<void>;
  /** Full-page screenshot into test-results/e2e/<name>.png. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** A real harness (real core, real SQLite file in a fresh folder) and a real Chromium page on it. */
export async function startE2EApp(options: { now?: string; dataDir?: string; deferStartupCheckMs?: number } = {}): Promise<E2EApp> {
  const dataDir = options.dataDir ?? tempDir('qcdc-e2e-');
  const clock = fixedClock(options.now ?? '2026-11-27T02:00:00.000Z');
  const harness = await startHarness({
    dataDir,
    port: 0,
    staticDir: rendererDir(),
    clock,
    appVersion: 'e2e',
    ...(options.deferStartupCheckMs !== undefined ? { deferStartupCheckMs: options.deferStartupCheckMs } : {}),
  });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true });
  const page = await context.newPage();
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return {
    harness,
    browser,
    page,
    dataDir,
    clock,
    async rpc(channel, input) {
      const res = await fetch(`${harness.url}/rpc/${channel}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${harness.token}`, 'content-type': 'application/json' },
        body: encodeWire(input),
      });
      return decodeWire(await res.text()) as never;
    },
    async open(route = '/') {
      await page.goto(`${harness.url}/?token=${encodeURIComponent(harness.token)}#${route}`);
    },
    async screenshot(name) {
      const file = path.join(ARTIFACTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await harness.close();
    },
  };
}
