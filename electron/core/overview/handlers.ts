import type { HandlerMap } from '../registry';
import { buildOverview, buildTrend } from './service';
import { annualReport, sixMonthReport } from '../reports/report';
import { statisticsXlsx } from '../reports/statistics';

export const overviewHandlers = {
  'overview.get': (input, ctx) => buildOverview(ctx, input.year),
  'overview.trend': (_input, ctx) => buildTrend(ctx),
  'reports.annual': (input, ctx) => annualReport(ctx, input.year, input.format),
  'reports.sixMonth': (input, ctx) => sixMonthReport(ctx, input.year, input.format),
  'reports.statisticsXlsx': (input, ctx) => statisticsXlsx(ctx, input.year),
} satisfies Partial<HandlerMap>;
