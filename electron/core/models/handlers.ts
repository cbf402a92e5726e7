import type { HandlerMap } from '../handler';
import {
  addYear,
  bulkUpdateStatus,
  bulkTargetsExist,
  createModel,
  deleteYear,
  getModel,
  listModels,
  countModels,
  listOptions,
  listReviews,
  listYears,
  restoreYear,
  setReview,
  updateModel,
} from './service';
import { yearStats } from './stats';
import { importCommit, importPreview, importRemap } from './import/service';
import { importHistory, undoImport } from './import/undo';
import { undoBulkStatus } from './bulkUndo';
import { exportRegisterPdf, exportRegisterXlsx, exportSummary } from './export';
import { backupBeforeRiskyOperation } from '../safety/backup/service';

export const modelsHandlers = {
  'models.list': (input, ctx) => listModels(ctx, input),
  'models.count': (input, ctx) => countModels(ctx, input),
  'models.get': (input, ctx) => getModel(ctx, input.id),
  'models.create': (input, ctx) => createModel(ctx, input),
  'models.update': (input, ctx) => updateModel(ctx, input),
  'models.delete': (input, ctx) => deleteYear(ctx, input.id),
  'models.restore': (input, ctx) => restoreYear(ctx, input.id),
  'models.addYear': (input, ctx) => addYear(ctx, input),
  'models.bulkUpdateStatus': async (input, ctx) => {
    if (await bulkTargetsExist(ctx, input.ids)) await backupBeforeRiskyOperation(ctx, 'before-bulk');
    return bulkUpdateStatus(ctx, input);
  },
  'models.bulkUndo': (input, ctx) => undoBulkStatus(ctx, input.operationId),
  'models.stats': (input, ctx) => yearStats(ctx, input.year),
  'models.years': (_input, ctx) => listYears(ctx),
  'models.options': (_input, ctx) => listOptions(ctx),
  'models.reviews': (input, ctx) => listReviews(ctx, input.year),
  'models.setReview': (input, ctx) => setReview(ctx, input),
  'models.importPreview': (input, ctx) => importPreview(ctx, input),
  'models.importRemap': (input, ctx) => importRemap(ctx, input),
  'models.importCommit': (input, ctx) => importCommit(ctx, input),
  'models.importHistory': async (_input, ctx) => importHistory(ctx),
  'models.importUndo': (input, ctx) => undoImport(ctx, input.importId),
  'models.exportXlsx': (input, ctx) => exportRegisterXlsx(ctx, input),
  'models.exportRegisterPdf': (input, ctx) => exportRegisterPdf(ctx, input),
  'models.exportSummary': (input, ctx) => exportSummary(ctx, input),
} satisfies Partial<HandlerMap>;
