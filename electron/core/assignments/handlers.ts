import type { HandlerMap } from '../handler';
// The assignment rules stay in members/service: `members.assign` writes them from a member, and
// assignments sit above members (they join a member to units), so this folder only reads and prints.
import { listAssignments, removeAssignment } from '../members/service';
import { assignmentListDocx, assignmentListHtml, assignmentListPdf } from './print';

export const assignmentsHandlers = {
  'assignments.list': async (input, ctx) => ({ items: await listAssignments(ctx.db, input) }),
  'assignments.remove': async (input, ctx) => {
    await removeAssignment(ctx, input.id);
    return { ok: true as const };
  },
  'assignments.printHtml': async (input, ctx) => ({ html: await assignmentListHtml(ctx, input.date) }),
  'assignments.printPdf': (input, ctx) => assignmentListPdf(ctx, input.date),
  'assignments.printDocx': (input, ctx) => assignmentListDocx(ctx, input.date),
} satisfies Partial<HandlerMap>;
