import type { HandlerMap } from '../handler';
import { calendarMonth } from './service';

export const calendarHandlers = {
  'calendar.month': (input, ctx) => calendarMonth(ctx, input.year, input.month),
} satisfies Partial<HandlerMap>;
