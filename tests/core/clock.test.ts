import { describe, expect, it } from 'vitest';
import { localDateOf, localTimeOf, localToday } from '../../electron/core/clock';

describe('calendar dates in Vietnam', () => {
  it('gives the same date as the time-zone database for instants from 1976 to 2100, around midnight too', () => {
    const intl = (ms: number) => localToday({ now: () => new Date(ms) });
    const start = Date.UTC(1976, 0, 1);
    const end = Date.UTC(2100, 0, 1);
    // Every 7 hours 13 minutes (lands on every hour of the day over time) plus the minutes
    // either side of Vietnamese midnight (17:00 UTC) on a few thousand days.
    for (let ms = start; ms < end; ms += (7 * 60 + 13) * 60_000 * 37) {
      const iso = new Date(ms).toISOString();
      expect(localDateOf(iso), iso).toBe(intl(ms));
    }
    for (let day = start; day < end; day += 86_400_000 * 13) {
      for (const offset of [-60_000, -1, 0, 1, 60_000]) {
        const ms = day + 17 * 3600_000 + offset;
        expect(localDateOf(new Date(ms).toISOString())).toBe(intl(ms));
      }
    }
  });

  it('reads the timestamps the app stores', () => {
    expect(localDateOf('2025-12-31T16:59:59.999Z')).toBe('2025-12-31');
    expect(localDateOf('2025-12-31T17:00:00.000Z')).toBe('2026-01-01');
    expect(localTimeOf('2025-12-31T16:59:59.999Z')).toBe('23:59');
    expect(localTimeOf('2025-12-31T17:00:00.000Z')).toBe('00:00');
  });
});
