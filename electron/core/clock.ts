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
