import os from 'node:os';
import { migrations } from '../db/migrations';
import type { HandlerMap } from '../handler';
import { localToday } from '../clock';

export const systemHandlers = {
  'system.info': async (_input, ctx) => ({
    appVersion: ctx.appVersion,
    transport: ctx.platform.kind,
    dataDir: ctx.layout.root,
    databaseFile: ctx.layout.databaseFile,
    schemaVersion: ctx.schemaVersion,
    migrations: Object.keys(migrations).length,
    integrity: ctx.startupIntegrity,
    platform: `${os.platform()} ${os.release()}`,
    today: localToday(ctx.clock),
  }),
  'jobs.cancel': async (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
  'files.save': (input, ctx) => ctx.platform.saveFile(input.fileName, input.bytes),
} satisfies Partial<HandlerMap>;
