/**
 * Date rules of tasks — pure functions of (task, today), so they are tested with a fixed clock
 * and never stored: a task is overdue or due soon *today*, not when it was saved.
 *
 * Deadlines from the timing of a plan item / task:
 * - `date`    "2023-03-15" → that day;
 * - `month`   "2023-06"    → the month's last day (30/06/2023);
 * - `quarter` "2023-Q2"    → the quarter's last day (30/06/2023);
 * - `recurring` ("thường xuyên") → no single deadline, see below;
 * - `none`    → no deadline unless one is typed.
 * A deadline typed explicitly overrides the one derived from a date/month/quarter timing.
 *
 * Recurring tasks are followed by **per-period checkpoints**: the value is the cadence
 * ("quarter" by default, or "month"); every period ends with a checkpoint (its last day) by
 * which the owner must have recorded at least one dated update inside that period. The span
 * runs from the task's start (its creation date, or 1 January of its year if later) to
 * 31 December of its year (open-ended without a year).
 * - overdue: the latest checkpoint before today (inside the span, after the start) has no update
 *   dated within its period; dueDate = that checkpoint.
 * - due soon: otherwise, the next checkpoint (today or later) is within the window and the
 *   current period has no update yet; dueDate = that checkpoint.
 * - otherwise on track, dueDate = the next checkpoint (null once the span is over).
 * Only the latest passed checkpoint counts: an update in a later period clears an older gap, as
 * the secretariat urges about the current reporting gap, not history.
 *
 * For every kind: status "hoàn thành" → done, "tạm dừng" → paused (neither overdue nor due soon).
 */
import type { DueState, RecurringCadence, TaskStatus, Timing, TimingKind } from '../../../shared/schemas/tasks';
import { parseIsoDate, toIsoDate, formatDate } from '../../../shared/text/format';

export const DEFAULT_DUE_SOON_DAYS = 7;

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`invalid date ${iso}`);
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return toIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** b − a in whole days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

export function lastDayOfMonth(year: number, month: number): string {
  return fromUtc(Date.UTC(year, month, 0));
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** Subtracts working days: Monday to Friday, skipping the given public holidays (ISO dates). */
export function subtractWorkingDays(iso: string, days: number, holidays: ReadonlySet<string> = new Set()): string {
  let ms = toUtc(iso);
  let left = days;
  while (left > 0) {
    ms -= DAY_MS;
    const dow = new Date(ms).getUTCDay();
    if (dow !== 0 && dow !== 6 && !holidays.has(fromUtc(ms))) left--;
  }
  return fromUtc(ms);
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** The deadline a timing implies (null for recurring and none). */
export function deadlineFromTiming(timing: Timing): string | null {
  const v = timing.value ?? '';
  switch (timing.kind) {
    case 'date':
      return v;
    case 'month': {
      const [y, m] = v.split('-').map(Number);
      return lastDayOfMonth(y!, m!);
    }
    case 'quarter': {
      const m = /^(\d{4})-Q([1-4])$/.exec(v);
      if (!m) return null;
      return lastDayOfMonth(Number(m[1]), Number(m[2]) * 3);
    }
    default:
      return null;
  }
}

/** The year a timing points at, when it names one. */
export function yearOfTiming(timing: Timing): number | null {
  if (timing.kind === 'date' || timing.kind === 'month' || timing.kind === 'quarter') {
    const y = Number((timing.value ?? '').slice(0, 4));
    return Number.isFinite(y) && y > 0 ? y : null;
  }
  return null;
}

/** What the plan's "thời gian" column shows: "15/03/2023", "Tháng 6/2023", "Quý II/2023", "Thường xuyên". */
export function timingLabel(kind: TimingKind, value: string | null, deadline: string | null): string {
  switch (kind) {
    case 'date':
      return formatDate(value);
    case 'month': {
      const [y, m] = (value ?? '').split('-');
      return `Tháng ${Number(m)}/${y}`;
    }
    case 'quarter': {
      const m = /^(\d{4})-Q([1-4])$/.exec(value ?? '');
      return m ? `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}` : '';
    }
    case 'recurring':
      return value === 'month' ? 'Thường xuyên (báo cáo hằng tháng)' : 'Thường xuyên';
    default:
      return deadline ? `Trước ${formatDate(deadline)}` : 'Không ấn định';
  }
}

/** Moves a timing by whole years (copying last year's plan). */
export function shiftTimingYears(timing: Timing, years: number): Timing {
  const v = timing.value;
  if (!v) return timing;
  if (timing.kind === 'date') {
    const d = parseIsoDate(v)!;
    const year = d.year + years;
    const day = Math.min(d.day, Number(lastDayOfMonth(year, d.month).slice(8)));
    return { kind: 'date', value: toIsoDate({ year, month: d.month, day }) };
  }
  if (timing.kind === 'month' || timing.kind === 'quarter') {
    return { kind: timing.kind, value: `${Number(v.slice(0, 4)) + years}${v.slice(4)}` };
  }
  return timing;
}

export function shiftDateYears(iso: string, years: number): string {
  return shiftTimingYears({ kind: 'date', value: iso }, years).value!;
}

export interface DueInput {
  status: TaskStatus;
  timingKind: TimingKind;
  timingValue: string | null;
  deadline: string | null;
  year: number | null;
  /** Local calendar date the task was created. */
  startDate: string;
  /** Dates of the task's updates (any order). */
  updateDates: readonly string[];
}

export interface DueResult {
  state: DueState;
  dueDate: string | null;
  /** dueDate − today: negative when late. */
  daysLeft: number | null;
}

interface Period {
  start: string;
  end: string;
}

function periodOf(iso: string, cadence: RecurringCadence): Period {
  const d = parseIsoDate(iso)!;
  if (cadence === 'month') {
    return { start: toIsoDate({ year: d.year, month: d.month, day: 1 }), end: lastDayOfMonth(d.year, d.month) };
  }
  const q = quarterOf(d.month);
  return { start: toIsoDate({ year: d.year, month: q * 3 - 2, day: 1 }), end: lastDayOfMonth(d.year, q * 3) };
}

function hasUpdateIn(dates: readonly string[], p: Period): boolean {
  return dates.some((d) => d >= p.start && d <= p.end);
}

function recurringDue(input: DueInput, today: string, window: number): DueResult {
  const cadence: RecurringCadence = input.timingValue === 'month' ? 'month' : 'quarter';
  const yearStart = input.year ? `${input.year}-01-01` : null;
  const spanStart = yearStart && yearStart > input.startDate ? yearStart : input.startDate;
  const spanEnd = input.year ? `${input.year}-12-31` : null;
  const result = (state: DueState, dueDate: string | null): DueResult => ({
    state,
    dueDate,
    daysLeft: dueDate ? daysBetween(today, dueDate) : null,
  });

  // Latest checkpoint strictly before today, clamped to the span.
  const current = periodOf(today, cadence);
  let previous: Period | null = periodOf(addDays(current.start, -1), cadence);
  if (spanEnd && today > spanEnd) previous = periodOf(spanEnd, cadence);
  if (previous && previous.end < spanStart) previous = null;
  if (previous && !hasUpdateIn(input.updateDates, previous)) return result('overdue', previous.end);

  if (spanEnd && today > spanEnd) return result('onTrack', null);
  if (current.end < spanStart) return result('onTrack', periodOf(spanStart, cadence).end);
  const daysLeft = daysBetween(today, current.end);
  if (daysLeft <= window && !hasUpdateIn(input.updateDates, current)) return result('dueSoon', current.end);
  return result('onTrack', current.end);
}

/** Overdue / due soon / … for `today` with a due-soon window in days. */
export function computeDue(input: DueInput, today: string, window = DEFAULT_DUE_SOON_DAYS): DueResult {
  if (input.status === 'hoan_thanh') return { state: 'done', dueDate: input.deadline, daysLeft: null };
  if (input.status === 'tam_dung') return { state: 'paused', dueDate: input.deadline, daysLeft: null };
  if (input.timingKind === 'recurring') return recurringDue(input, today, window);
  if (!input.deadline) return { state: 'noDeadline', dueDate: null, daysLeft: null };
  const daysLeft = daysBetween(today, input.deadline);
  if (daysLeft < 0) return { state: 'overdue', dueDate: input.deadline, daysLeft };
  if (daysLeft <= window) return { state: 'dueSoon', dueDate: input.deadline, daysLeft };
  return { state: 'onTrack', dueDate: input.deadline, daysLeft };
}
