import type { HandlerMap } from '../handler';
import { calendarMonth } from './service';
import { holidaysOf, setHolidays } from './holidays';

/** calendar.* and holidays.* (grouped: the holidays exist for the calendar's working-day arithmetic). */
export const calendarHandlers = {
  'holidays.get': (input, ctx) => holidaysOf(ctx, input.year),
  'holidays.set': (input, ctx) => setHolidays(ctx, input),
  'calendar.month': (input, ctx) => calendarMonth(ctx, input.year, input.month),
} satisfies Partial<HandlerMap>;
