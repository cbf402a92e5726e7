/** Every qcdc.* channel: thin wrappers over the services of this folder. */
import type { HandlerMap } from '../handler';
import type { qcdcChannels } from '../../../shared/schemas/qcdc';
import { createIndicator, listIndicators, updateIndicator } from './indicators';
import { deleteReport, getReport, saveReport } from './reports';
import { qcdcStats } from './stats';
import { drill } from './drill';
import { importCommit, importPreview, importUndo } from './import';

export const qcdcHandlers = {
  'qcdc.indicators.list': (input, ctx) => listIndicators(ctx, input),
  'qcdc.indicators.create': (input, ctx) => createIndicator(ctx, input),
  'qcdc.indicators.update': (input, ctx) => updateIndicator(ctx, input),
  'qcdc.reports.get': (input, ctx) => getReport(ctx, input),
  'qcdc.reports.save': (input, ctx) => saveReport(ctx, input),
  'qcdc.reports.delete': (input, ctx) => deleteReport(ctx, input),
  'qcdc.importPreview': (input, ctx) => importPreview(ctx, input),
  'qcdc.importCommit': (input, ctx) => importCommit(ctx, input),
  'qcdc.importUndo': (input, ctx) => importUndo(ctx, input.importId),
  'qcdc.stats': (input, ctx) => qcdcStats(ctx, input),
  'qcdc.drill': (input, ctx) => drill(ctx, input),
} satisfies Partial<HandlerMap>;

// Compile-time check that every channel of qcdcChannels has its handler here.
type MissingHandlers = Exclude<keyof typeof qcdcChannels, keyof typeof qcdcHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
