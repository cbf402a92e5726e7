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

/** Today's calendar date in the user's local time zone (Vietnam: UTC+7), `YYYY-MM-DD`. */
export function localToday(clock: Clock, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    clock.now(),
  );
  return parts; // en-CA formats as YYYY-MM-DD
}
