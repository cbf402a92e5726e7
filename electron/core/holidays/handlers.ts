import type { HandlerMap } from '../handler';
import { holidaysOf, setHolidays } from './service';

export const holidaysHandlers = {
  'holidays.get': (input, ctx) => holidaysOf(ctx, input.year),
  'holidays.set': (input, ctx) => setHolidays(ctx, input),
} satisfies Partial<HandlerMap>;
