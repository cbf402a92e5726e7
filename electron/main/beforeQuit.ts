import type { AppContext } from '../core/context';
import { backupOnQuit } from '../core/safety/backup/service';

/**
 * THE place for work that must happen when the app quits, before the database closes
 * (the data-safety work adds "backup on quit" here). It runs once, after the window has closed and
 * before `ctx.close()`; the app waits for it, so keep it bounded in time. A throw is logged and the
 * app still closes cleanly.
 */
export async function beforeQuit(ctx: AppContext): Promise<void> {
  ctx.log.info('quitting');
  // A verified backup on quit when anything changed since the last one (never throws).
  await backupOnQuit(ctx);
}
