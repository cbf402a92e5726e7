/**
 * Every channel of the plans feature (plans, tasks, inspections, unit reports, calendar):
 * thin wrappers over the services in sibling folders.
 */
import type { HandlerMap } from '../handler';
import type { plansChannels } from '../../../shared/schemas/plans';
import { createTask, deleteTask, getTaskDetail, listTasks, updateTask } from '../tasks/service';
import { addTaskUpdate, evidenceFile } from '../tasks/progress';
import { tasksByOwner } from '../tasks/views';
import { dueNotice } from '../tasks/notify';
import { urgingLetter, urgingListHtml } from '../tasks/urging';
import { copyPlanFromYear, createPlan, deletePlan, getPlan, listPlans, updatePlan } from './service';
import { exportPlan, printPlan } from './documents';
import {
  addRecommendation,
  createInspection,
  deleteInspection,
  getInspection,
  listInspections,
  recordVisit,
  updateInspection,
  updateRecommendation,
} from '../inspections/service';
import { exportInspection, printInspection } from '../inspections/documents';
import { createPeriod, deletePeriod, listPeriods, recordReport, reportMatrix, updatePeriod } from '../unitReports/service';
import { exportMatrixXlsx, printMatrix } from '../unitReports/documents';
import { calendarMonth } from '../calendar/service';
import { holidaysOf, setHolidays } from '../calendar/holidays';

export const plansHandlers = {
  // Plans
  'plans.list': (input, ctx) => listPlans(ctx, input),
  'plans.create': (input, ctx) => createPlan(ctx, input),
  'plans.get': (input, ctx) => getPlan(ctx, input.id),
  'plans.update': (input, ctx) => updatePlan(ctx, input),
  'plans.delete': (input, ctx) => deletePlan(ctx, input.id),
  'plans.copyFromYear': (input, ctx) => copyPlanFromYear(ctx, input),
  'plans.print': (input, ctx) => printPlan(ctx, input.id),
  'plans.export': (input, ctx) => exportPlan(ctx, input.id, input.format),

  // Tasks
  'tasks.list': (input, ctx) => listTasks(ctx, input),
  'tasks.get': (input, ctx) => getTaskDetail(ctx, input.id),
  'tasks.create': (input, ctx) => ctx.db.transaction().execute((trx) => createTask(trx, ctx, input)),
  'tasks.update': (input, ctx) => ctx.db.transaction().execute((trx) => updateTask(trx, ctx, input)),
  'tasks.delete': async (input, ctx) => {
    await ctx.db.transaction().execute((trx) => deleteTask(trx, ctx, input.id));
    return { id: input.id };
  },
  'tasks.addUpdate': (input, ctx) => addTaskUpdate(ctx, input),
  'tasks.byOwner': (input, ctx) => tasksByOwner(ctx, input),
  'tasks.dueNotice': (_input, ctx) => dueNotice(ctx),
  'tasks.evidenceFile': (input, ctx) => evidenceFile(ctx, input.id),
  'tasks.urgingList': (input, ctx) => urgingListHtml(ctx, input),
  'tasks.urgingLetter': (input, ctx) => urgingLetter(ctx, input),

  // Inspections
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

  // Unit reports
  'unitReports.periods': (input, ctx) => listPeriods(ctx, input.year),
  'unitReports.createPeriod': (input, ctx) => createPeriod(ctx, input),
  'unitReports.updatePeriod': (input, ctx) => updatePeriod(ctx, input),
  'unitReports.deletePeriod': (input, ctx) => deletePeriod(ctx, input.id),
  'unitReports.record': (input, ctx) => recordReport(ctx, input),
  'unitReports.matrix': (input, ctx) => reportMatrix(ctx, input),
  'unitReports.print': (input, ctx) => printMatrix(ctx, input),
  'unitReports.export': (input, ctx) => exportMatrixXlsx(ctx, input),

  // Calendar
  'holidays.get': (input, ctx) => holidaysOf(ctx, input.year),
  'holidays.set': (input, ctx) => setHolidays(ctx, input),
  'calendar.month': (input, ctx) => calendarMonth(ctx, input.year, input.month),
} satisfies Partial<HandlerMap>;

// Compile-time check that every channel of plansChannels has its handler here.
type MissingHandlers = Exclude<keyof typeof plansChannels, keyof typeof plansHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
