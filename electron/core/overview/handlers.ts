import type { HandlerMap } from '../handler';
import { buildOverview, buildTrend } from './service';
import { annualReport, sixMonthReport } from '../reports/report';
import { statisticsXlsx } from '../reports/statistics';

export const overviewHandlers = {
  'overview.get': (input, ctx) => buildOverview(ctx, input.year),
  'overview.trend': (_input, ctx) => buildTrend(ctx),
  'reports.annual': (input, ctx) => ctx.jobs.run(input.jobId, (job) => annualReport(ctx, input.year, input.format, job)),
  'reports.sixMonth': (input, ctx) => ctx.jobs.run(input.jobId, (job) => sixMonthReport(ctx, input.year, input.format, job)),
  'reports.statisticsXlsx': (input, ctx) => ctx.jobs.run(input.jobId, (job) => statisticsXlsx(ctx, input.year, job)),
} satisfies Partial<HandlerMap>;
