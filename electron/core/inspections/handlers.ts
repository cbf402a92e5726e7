import type { HandlerMap } from '../handler';
import {
  addRecommendation,
  createInspection,
  deleteInspection,
  getInspection,
  listInspections,
  recordVisit,
  updateInspection,
  updateRecommendation,
} from './service';
import { exportInspection, issueInspectionConclusion, printInspection } from './documents';

export const inspectionsHandlers = {
  'inspections.list': (input, ctx) => listInspections(ctx, input.year),
  'inspections.create': (input, ctx) => createInspection(ctx, input),
  'inspections.get': (input, ctx) => getInspection(ctx, input.id),
  'inspections.update': (input, ctx) => updateInspection(ctx, input),
  'inspections.delete': (input, ctx) => deleteInspection(ctx, input.id),
  'inspections.recordVisit': (input, ctx) => recordVisit(ctx, input),
  'inspections.addRecommendation': (input, ctx) => addRecommendation(ctx, input),
  'inspections.updateRecommendation': (input, ctx) => updateRecommendation(ctx, input),
  'inspections.print': (input, ctx) => printInspection(ctx, input),
  'inspections.export': (input, ctx) => exportInspection(ctx, input),
  'inspections.issueConclusion': (input, ctx) => issueInspectionConclusion(ctx, input),
} satisfies Partial<HandlerMap>;
