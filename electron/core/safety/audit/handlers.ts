import type { HandlerMap } from '../../handler';
import { exportAuditXlsx, listAuditLog } from './service';

export const auditHandlers = {
  'audit.list': (input, ctx) => listAuditLog(ctx, input.filter, input.limit, input.offset),
  'audit.exportXlsx': (input, ctx) => ctx.jobs.run(input.jobId, (job) => exportAuditXlsx(ctx, input.filter, job)),
} satisfies Partial<HandlerMap>;
