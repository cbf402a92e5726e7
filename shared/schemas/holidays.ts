// Channels and schemas of the public holidays (ngày nghỉ lễ) that working-day deadlines follow.
import { z } from 'zod';
import { channel } from '../contract/define';
import { intInRange, isoDate, text } from './common';

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

export const holidaysChannels = {
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
};
