import type { HandlerMap } from '../handler';
import { annualReport, sixMonthReport } from './report';
import { statisticsXlsx } from './statistics';

export const reportsHandlers = {
  'reports.annual': (input, ctx) => ctx.jobs.run(input.jobId, (job) => annualReport(ctx, input.year, input.format, job)),
  'reports.sixMonth': (input, ctx) => ctx.jobs.run(input.jobId, (job) => sixMonthReport(ctx, input.year, input.format, job)),
  'reports.statisticsXlsx': (input, ctx) => ctx.jobs.run(input.jobId, (job) => statisticsXlsx(ctx, input.year, job)),
} satisfies Partial<HandlerMap>;
