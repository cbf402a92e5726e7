import type { HandlerMap } from '../handler';
import { settleRunningCopies } from '../db/backupWorker';
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
} from './backup/service';
import { integrityStatus } from './integrity';
import { duringMaintenance } from './maintenance';
import { listTrash, restoreFromTrash } from './trash/service';
import { exportAuditXlsx, listAuditLog } from './audit/service';
import { dataDirInfo, moveDataDir, openDataDir } from './dataDir/service';
import {
  configureLock,
  createUser,
  deleteAppUser,
  invalidateUsersCache,
  listAppUsers,
  lockNow,
  lockStatus,
  signIn,
  signOut,
  updateAppUser,
} from './users/service';

export const safetyHandlers = {
  'integrity.status': async (_input, ctx) => integrityStatus(ctx),
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
  'trash.list': (input, ctx) => listTrash(ctx, input),
  'trash.restore': async (input, ctx) => {
    const result = await restoreFromTrash(ctx, input.entity, input.id);
    if (input.entity === 'app_users') invalidateUsersCache(ctx);
    return result;
  },
  'audit.list': (input, ctx) => listAuditLog(ctx, input.filter, input.limit, input.offset),
  'audit.exportXlsx': (input, ctx) => ctx.jobs.run(input.jobId, (job) => exportAuditXlsx(ctx, input.filter, job)),
  'dataDir.info': (_input, ctx) => dataDirInfo(ctx),
  'dataDir.open': (_input, ctx) => openDataDir(ctx),
  'dataDir.move': (input, ctx) =>
    duringMaintenance(ctx, 'chuyển thư mục dữ liệu', () => ctx.jobs.run(input.jobId, (job) => moveDataDir(ctx, job))),
  'users.list': (_input, ctx) => listAppUsers(ctx),
  'users.create': (input, ctx) => createUser(ctx, input),
  'users.update': (input, ctx) => updateAppUser(ctx, input),
  'users.delete': (input, ctx) => deleteAppUser(ctx, input.id),
  'users.signIn': (input, ctx) => signIn(ctx, input.userId, input.password),
  'users.signOut': (_input, ctx) => signOut(ctx),
  'lock.status': (_input, ctx) => lockStatus(ctx),
  'lock.lock': (_input, ctx) => lockNow(ctx),
  'lock.configure': (input, ctx) => configureLock(ctx, input.idleMinutes),
} satisfies Partial<HandlerMap>;
