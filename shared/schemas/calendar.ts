// Channels and schemas of the month calendar and of the public holidays its working-day deadlines
// follow (holidays.* is grouped here: two channels that exist only for the calendar's arithmetic).
import { z } from 'zod';
import { channel } from '../contract/define';
import { intInRange, isoDate, text } from './common';
import { DUE_STATES } from './tasks';

// ─────────────────────────── Calendar ───────────────────────────

export const calendarEventSchema = z.object({
  date: z.string(),
  kind: z.enum(['task', 'meeting', 'inspection', 'holiday']),
  title: z.string(),
  refId: z.string(),
  detail: z.string().nullable(),
  dueState: z.enum(DUE_STATES).nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const holidaySchema = z.object({
  date: isoDate('Ngày nghỉ'),
  name: text('Tên ngày nghỉ', { min: 1, max: 120 }),
});
export type Holiday = z.infer<typeof holidaySchema>;

export const holidayYearSchema = z.object({
  year: z.number().int(),
  days: z.array(z.object({ date: z.string(), name: z.string() })),
  /** False while the year follows the Labour Code defaults; true once the officer saved a list. */
  customised: z.boolean(),
});
export type HolidayYear = z.infer<typeof holidayYearSchema>;

export const calendarChannels = {
  'holidays.get': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100) }),
    output: holidayYearSchema,
    summary: 'Public holidays of a year that are not working days (Labour Code defaults with lunar Tết and Giỗ Tổ, or the saved list).',
  }),
  'holidays.set': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), days: z.array(holidaySchema).max(60).nullable() }),
    output: holidayYearSchema,
    summary: "Save a year's holiday list as announced (days: null goes back to the defaults); working-day deadlines follow it.",
  }),
  'calendar.month': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), month: intInRange('Tháng', 1, 12) }),
    output: z.object({ year: z.number().int(), month: z.number().int(), events: z.array(calendarEventSchema) }),
    summary: 'Plan items and tasks due, meetings and inspection visits in one month.',
  }),
};
