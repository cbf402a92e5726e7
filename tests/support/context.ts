import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext } from '../../electron/core/context';
import { createInvoker, type Invoke } from '../../electron/core/registry';
import type { Platform } from '../../electron/core/platform';
import { fixedClock, type Clock } from '../../electron/core/clock';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';

export function tempDir(prefix = 'qcdc-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A platform for core tests: files go to a folder, PDFs are rendered by a function the test chooses. */
export function testPlatform(dir: string, renderPdf?: Platform['renderPdf']): Platform & { notifications: string[] } {
  const notifications: string[] = [];
  return {
    kind: 'test',
    notifications,
    async saveFile(fileName, bytes) {
      const target = path.join(dir, fileName);
      fs.writeFileSync(target, bytes);
      return { saved: true, path: target };
    },
    renderPdf:
      renderPdf ??
      (async () => {
        throw new Error('renderPdf not available in this test');
      }),
    async openPath() {},
    notify(title, body) {
      notifications.push(`${title}: ${body}`);
    },
  };
}

export interface TestApp {
  ctx: AppContext;
  invoke: Invoke;
  /** Typed call that throws on an error envelope (for arranging data). */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  dir: string;
  clock: Clock & { set(iso: string): void };
  close(): Promise<void>;
}

/** A real app context on a real SQLite file in a fresh temporary folder, with the real migrations. */
export async function openTestApp(options: { now?: string; renderPdf?: Platform['renderPdf']; dir?: string; deferStartupCheckMs?: number } = {}): Promise<TestApp> {
  const dir = options.dir ?? tempDir();
  const clock = fixedClock(options.now ?? '2026-11-27T02:00:00.000Z');
  const ctx = await createAppContext({
    dataDir: dir,
    platform: testPlatform(dir, options.renderPdf),
    clock,
    actor: { name: 'kiểm thử' },
    appVersion: 'test',
    ...(options.deferStartupCheckMs !== undefined ? { deferStartupCheckMs: options.deferStartupCheckMs } : {}),
  });
  const invoke = createInvoker(ctx, { validateOutput: true });
  return {
    ctx,
    invoke,
    dir,
    clock,
    async call(channel, input) {
      const result = await invoke(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
      return result.data as never;
    },
    close: () => ctx.close(),
  };
}
