import type { HandlerMap } from '../handler';
import { createPeriod, deletePeriod, listPeriods, recordReport, reportMatrix, updatePeriod } from './service';
import { exportMatrixXlsx, printMatrix } from './documents';

export const unitReportsHandlers = {
  'unitReports.periods': (input, ctx) => listPeriods(ctx, input.year),
  'unitReports.createPeriod': (input, ctx) => createPeriod(ctx, input),
  'unitReports.updatePeriod': (input, ctx) => updatePeriod(ctx, input),
  'unitReports.deletePeriod': (input, ctx) => deletePeriod(ctx, input.id),
  'unitReports.record': (input, ctx) => recordReport(ctx, input),
  'unitReports.matrix': (input, ctx) => reportMatrix(ctx, input),
  'unitReports.print': (input, ctx) => printMatrix(ctx, input),
  'unitReports.export': (input, ctx) => exportMatrixXlsx(ctx, input),
} satisfies Partial<HandlerMap>;
