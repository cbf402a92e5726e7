import type { HandlerMap } from '../handler';
import { buildOverview, buildTrend } from './service';

export const overviewHandlers = {
  'overview.get': (input, ctx) => buildOverview(ctx, input.year),
  'overview.trend': (_input, ctx) => buildTrend(ctx),
} satisfies Partial<HandlerMap>;
