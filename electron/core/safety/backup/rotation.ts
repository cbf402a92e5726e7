import type { BackupInfo } from '../../../../shared/schemas/backup';

export interface RotationPolicy {
  /** The newest N automatic backups are always kept. */
  keepRecent: number;
  /** Then the newest backup of each day, for this many days back. */
  keepDailyDays: number;
  /** Then the newest backup of each calendar month, for ever. */
}

export const DEFAULT_ROTATION: RotationPolicy = { keepRecent: 10, keepDailyDays: 31 };

/** Calendar day and month in Vietnam time: a backup at 06:30 on the 1st (UTC+7) belongs to the 1st. */
function localParts(iso: string): { day: string; month: string } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
  return { day, month: day.slice(0, 7) };
}

/**
 * Which backups rotation removes: manual (pinned) backups are never removed; of the others keep
 * the most recent ones, one per day for a month, one per month for ever. Pure, so it is tested
 * with made-up dates.
 */
export function backupsToRemove(backups: BackupInfo[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): BackupInfo[] {
  const automatic = backups.filter((b) => !b.pinned).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  automatic.slice(0, policy.keepRecent).forEach((b) => keep.add(b.fileName));
  const dailyFrom = now.getTime() - policy.keepDailyDays * 24 * 3600 * 1000;
  const seenDays = new Set<string>();
  const seenMonths = new Set<string>();
  for (const b of automatic) {
    const { day, month } = localParts(b.createdAt);
    if (new Date(b.createdAt).getTime() >= dailyFrom && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.fileName);
    }
    if (!seenMonths.has(month)) {
      seenMonths.add(month);
      keep.add(b.fileName);
    }
  }
  return automatic.filter((b) => !keep.has(b.fileName));
}
