/**
 * Every channel of the plans feature (plans, tasks, inspections, unit reports, calendar):
 * thin wrappers over the services in sibling folders.
 */
import type { HandlerMap } from '../registry';
import type { plansChannels } from '../../../shared/schemas/plans';
import { AppError } from '../errors';
import { createTask, deleteTask, getTaskDetail, listTasks, updateTask } from '../tasks/service';
import { addTaskUpdate } from '../tasks/progress';
import { tasksByOwner } from '../tasks/views';
import { dueNotice } from '../tasks/notify';

const pending = async (): Promise<never> => {
  throw new AppError('INTERNAL', 'Chức năng này đang được hoàn thiện.');
};

export const plansHandlers = {
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
  'tasks.urgingList': pending,
  'tasks.urgingLetter': pending,
  'plans.list': pending,
  'plans.create': pending,
  'plans.get': pending,
  'plans.update': pending,
  'plans.delete': pending,
  'plans.copyFromYear': pending,
  'plans.print': pending,
  'plans.export': pending,
  'inspections.list': pending,
  'inspections.create': pending,
  'inspections.get': pending,
  'inspections.update': pending,
  'inspections.delete': pending,
  'inspections.recordVisit': pending,
  'inspections.addRecommendation': pending,
  'inspections.updateRecommendation': pending,
  'inspections.print': pending,
  'unitReports.periods': pending,
  'unitReports.createPeriod': pending,
  'unitReports.record': pending,
  'unitReports.matrix': pending,
  'unitReports.print': pending,
  'unitReports.export': pending,
  'calendar.month': pending,
} satisfies Partial<HandlerMap>;

// Compile-time check that every channel of plansChannels has its handler here.
type MissingHandlers = Exclude<keyof typeof plansChannels, keyof typeof plansHandlers>;
const everyChannelHandled: [MissingHandlers] extends [never] ? true : MissingHandlers = true;
void everyChannelHandled;
