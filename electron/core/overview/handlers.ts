import type { HandlerMap } from '../handler';
import { buildOverview, buildTrend, dataYears } from './service';

export const overviewHandlers = {
  'overview.get': (input, ctx) => buildOverview(ctx, input.year),
  'overview.years': (_input, ctx) => dataYears(ctx),
  'overview.trend': (_input, ctx) => buildTrend(ctx),
} satisfies Partial<HandlerMap>;
