import type { HandlerMap } from '../../handler';
import { settleRunningCopies } from '../../db/backupWorker';
import {
  createBackup,
  currentCounts,
  deleteBackup,
  exportBackupToFolder,
  importBackupFile,
  getSchedule,
  listBackups,
  readBackupBytes,
  restoreBackup,
  setSchedule,
  verifyBackup,
} from './service';
import { duringMaintenance } from '../maintenance';
import { invalidateUsersCache } from '../users/service';

export const backupHandlers = {
  'backup.list': async (_input, ctx) => {
    // A backup an import started may still be copying in its worker: list it once it is complete.
    await settleRunningCopies();
    return {
      backups: listBackups(ctx),
      schedule: await getSchedule(ctx),
      folder: ctx.layout.backupsDir,
      current: currentCounts(ctx),
    };
  },
  'backup.create': (input, ctx) => ctx.jobs.run(input.jobId, (job) => createBackup(ctx, 'manual', { note: input.note ?? null, job })),
  'backup.verify': (input, ctx) => ctx.jobs.run(input.jobId, (job) => verifyBackup(ctx, input.fileName, job)),
  'backup.delete': async (input, ctx) => ({ deleted: deleteBackup(ctx, input.fileName) }),
  'backup.restore': async (input, ctx) => {
    const result = await duringMaintenance(ctx, 'phục hồi dữ liệu', () =>
      ctx.jobs.run(input.jobId, (job) => restoreBackup(ctx, input.fileName, job)),
    );
    invalidateUsersCache(ctx);
    return result;
  },
  'backup.setSchedule': (input, ctx) => setSchedule(ctx, input.intervalHours),
  'backup.exportToFolder': (input, ctx) => ctx.jobs.run(input.jobId, (job) => exportBackupToFolder(ctx, input.fileName, job)),
  'backup.importFile': async (input, ctx) => importBackupFile(ctx, input.fileName, input.bytes),
  'backup.download': async (input, ctx) => readBackupBytes(ctx, input.fileName),
} satisfies Partial<HandlerMap>;
