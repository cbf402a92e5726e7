/**
 * Start-up notification of due tasks. The Electron main process and the harness call
 * `notifyDueTasks(ctx)` once the context is open; it shows one notification through
 * `ctx.platform.notify` (an OS notification on the desktop, an in-app one in the harness) when
 * tasks are overdue or due within the default window, and nothing otherwise.
 */
import type { AppContext } from '../context';
import { localToday } from '../clock';
import { formatNumber } from '../../../shared/text/format';
import { DEFAULT_DUE_SOON_DAYS } from './rules';
import { overdueTasks, tasksWhere } from './service';

export interface DueNotice {
  overdue: number;
  dueSoon: number;
  title: string;
  body: string;
}

export async function dueNotice(ctx: Pick<AppContext, 'db' | 'clock'>): Promise<DueNotice> {
  const tasks = await tasksWhere(ctx.db, ctx, { openOnly: true });
  const overdue = (await overdueTasks(ctx.db, ctx)).length;
  const dueSoon = tasks.filter((t) => t.dueState === 'dueSoon').length;
  const parts: string[] = [];
  if (overdue) parts.push(`${formatNumber(overdue)} nhiệm vụ quá hạn`);
  if (dueSoon) parts.push(`${formatNumber(dueSoon)} nhiệm vụ đến hạn trong ${DEFAULT_DUE_SOON_DAYS} ngày tới`);
  return {
    overdue,
    dueSoon,
    title: 'Nhiệm vụ cần đôn đốc',
    body: parts.length ? `${parts.join(', ')} (tính đến ngày ${localToday(ctx.clock).split('-').reverse().join('/')}).` : 'Không có nhiệm vụ quá hạn hoặc sắp đến hạn.',
  };
}

/**
 * Runs `notifyDueTasks` a little after start-up rather than during it: counting the due state of
 * every open task takes ~0.7 s at national scale (15,000 open tasks) on the one thread that also
 * answers the first screen's calls, and the notice is not what the officer opened the app for.
 * Returns a cancel function (called on quit/close).
 */
export function scheduleDueNotice(ctx: AppContext, delayMs = 3000): () => void {
  const timer = setTimeout(() => void notifyDueTasks(ctx), delayMs);
  timer.unref?.();
  return () => clearTimeout(timer);
}

/** Shows the notification when something is due; returns what was counted. Never throws. */
export async function notifyDueTasks(ctx: AppContext): Promise<DueNotice | null> {
  try {
    const notice = await dueNotice(ctx);
    if (notice.overdue + notice.dueSoon > 0) ctx.platform.notify(notice.title, notice.body);
    return notice;
  } catch (err) {
    ctx.log.error('notifyDueTasks failed', err);
    return null;
  }
}
