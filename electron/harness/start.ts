import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { createAppContext, type AppContext } from '../core/context';
import { createInvoker } from '../core/registry';
import { fileLogger } from '../core/log';
import { systemClock, type Clock } from '../core/clock';
import { dataDirLayout } from '../core/db/dataDir';
import { startBackupScheduler } from '../core/safety/backup/service';
import { harnessPlatform } from './platform';
import { createHarnessServer, listen } from './server';

export interface HarnessHandle {
  url: string;
  /** URL that opens the app already authorised. */
  appUrl: string;
  port: number;
  token: string;
  ctx: AppContext;
  server: http.Server;
  close(): Promise<void>;
}

export interface StartHarnessOptions {
  dataDir: string;
  port?: number;
  token?: string;
  staticDir?: string;
  appVersion?: string;
  clock?: Clock;
  echoLog?: boolean;
  /** As the desktop app: run the start-up check in a worker this long after opening (ContextOptions). */
  deferStartupCheckMs?: number;
}

/**
 * A clock tests can move from outside the process: when QCDC_CLOCK_FILE is set, "now" is the ISO
 * time written in that file (re-read on every call). Only the harness honours it; the desktop app
 * always uses the system clock.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env): Clock {
  const file = env.QCDC_CLOCK_FILE;
  if (!file) return systemClock;
  return {
    now() {
      try {
        const text = fs.readFileSync(file, 'utf8').trim();
        const d = new Date(text);
        return Number.isNaN(d.getTime()) ? new Date() : d;
      } catch {
        return new Date();
      }
    },
  };
}

export async function startHarness(options: StartHarnessOptions): Promise<HarnessHandle> {
  const layout = dataDirLayout(options.dataDir);
  fs.mkdirSync(layout.logsDir, { recursive: true });
  const log = fileLogger(layout.logsDir, 'harness', options.echoLog ?? false);
  let ctxRef: AppContext | null = null;
  const platform = harnessPlatform(layout.exportsDir, () => ctxRef?.events ?? null);
  const ctx = await createAppContext({
    dataDir: options.dataDir,
    platform,
    log,
    appVersion: options.appVersion ?? '0.0.0',
    clock: options.clock ?? clockFromEnvironment(),
    ...(options.deferStartupCheckMs !== undefined ? { deferStartupCheckMs: options.deferStartupCheckMs } : {}),
  });
  ctxRef = ctx;
  // Automatic backups on their schedule (data safety); stopped on close.
  const stopBackups = startBackupScheduler(ctx);
  // No start-up notice of due tasks from here: in a browser the page asks `tasks.dueNotice` once it
  // has drawn its first screen (a notice pushed from here would arrive twice, or to no one).
  const token = options.token ?? randomBytes(24).toString('base64url');
  const invoke = createInvoker(ctx, { validateOutput: true });
  const server = createHarnessServer({
    invoke,
    events: ctx.events,
    token,
    ...(options.staticDir ? { staticDir: path.resolve(options.staticDir) } : {}),
  });
  const port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  log.info('harness listening', { url, dataDir: layout.root });
  return {
    url,
    appUrl: `${url}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    ctx,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      stopBackups();
      await platform.close();
      await ctx.close();
    },
  };
}
