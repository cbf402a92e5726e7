/** Time source, injectable so rules (overdue, due soon, numbering per term) are tested with a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current.getTime()),
    set(next: string) {
      current = new Date(next);
    },
  };
}

/** ISO-8601 UTC timestamp. */
export const isoNow = (clock: Clock) => clock.now().toISOString();

// One formatter per time zone: constructing an Intl.DateTimeFormat costs ~0.3 ms, and task lists
// call localToday once per task (20,000 tasks at national scale: 6 s for the start-up due notice).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in the user's local time zone (Vietnam: UTC+7), `YYYY-MM-DD`. */
export function localToday(clock: Clock, timeZone = 'Asia/Ho_Chi_Minh'): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(clock.now()); // en-CA formats as YYYY-MM-DD
}

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * The Vietnamese calendar date of a stored UTC timestamp, `YYYY-MM-DD`. Vietnam has kept UTC+7
 * without daylight saving since 1975, so this is arithmetic, not an Intl call: task lists compute
 * it for every task (20 µs each through Intl, 2,000 tasks a year at national scale).
 */
export function localDateOf(isoUtc: string): string {
  return new Date(Date.parse(isoUtc) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Vietnamese clock time (`HH:mm`) of a stored UTC timestamp (UTC+7, see localDateOf). */
export function localTimeOf(isoUtc: string): string {
  return new Date(Date.parse(isoUtc) + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}
