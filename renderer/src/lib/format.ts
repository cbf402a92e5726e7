/**
 * Display formatting for screens: the same helpers the documents use (shared/text), so a number
 * or a date reads identically on screen and on paper (2.360; 16/12/2022).
 */
import { formatNumber } from '../../../shared/text';
export {
  formatNumber,
  formatPercent,
  formatDate,
  parseVietnameseDate,
  partyDateLine,
  formatClock,
  foldText,
  matchesFolded,
  compareVietnamese,
  comparePeople,
  vietnameseSortKey,
  personSortKey,
  normalizeText,
} from '../../../shared/text';

/** An ISO timestamp (UTC) shown in local time as "27/11/2026 09:05". Empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Today's date in the user's local calendar as ISO `YYYY-MM-DD` (not UTC: 7 a.m. in Hà Nội is still "today"). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** 1.234.567 bytes → "1,2 MB" (Vietnamese decimal comma). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
  return `${formatNumber(bytes / 1024 / 1024 / 1024, 2)} GB`;
}
