import type { HandlerMap } from '../handler';
import { createTask, deleteTask, getTaskDetail, listTasks, updateTask } from './service';
import { addTaskUpdate, evidenceFile } from './progress';
import { tasksByOwner } from './views';
import { dueNotice } from './notify';
import { urgingLetter, urgingListFile, urgingListHtml } from './urging';
import { editTask, taskChanges } from './changes';

export const tasksHandlers = {
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
  'tasks.urgingListFile': (input, ctx) => urgingListFile(ctx, input),
  'tasks.edit': (input, ctx) => editTask(ctx, input),
  'tasks.changes': (input, ctx) => taskChanges(ctx, input.id),
} satisfies Partial<HandlerMap>;
