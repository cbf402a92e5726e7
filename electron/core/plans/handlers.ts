import type { HandlerMap } from '../handler';
import { copyPlanFromYear, createPlan, deletePlan, getPlan, listPlans, updatePlan } from './service';
import { exportPlan, issuePlan, printPlan } from './documents';

/** Thin wrappers over the plan services; a plan's items are tasks (tasks/handlers.ts). */
export const plansHandlers = {
  'plans.list': (input, ctx) => listPlans(ctx, input),
  'plans.create': (input, ctx) => createPlan(ctx, input),
  'plans.get': (input, ctx) => getPlan(ctx, input.id),
  'plans.update': (input, ctx) => updatePlan(ctx, input),
  'plans.delete': (input, ctx) => deletePlan(ctx, input.id),
  'plans.copyFromYear': (input, ctx) => copyPlanFromYear(ctx, input),
  'plans.print': (input, ctx) => printPlan(ctx, input.id),
  'plans.export': (input, ctx) => exportPlan(ctx, input.id, input.format, input.live ?? false),
  'plans.issue': (input, ctx) => issuePlan(ctx, input.id, input.reason),
} satisfies Partial<HandlerMap>;
