// Channels and schemas of the audit log (nhật ký thao tác).
import { z } from 'zod';
import { channel } from '../contract/define';
import { fileResultSchema } from '../contract/bytes';
import { intInRange, isoDate, text } from './common';
import { jobId } from './backup';
import { trashEntitySchema } from './trash';

// ---- audit ---------------------------------------------------------------------------------

export const auditFilterSchema = z
  .object({
    entity: trashEntitySchema.optional(),
    action: z.string().max(40).regex(/^[a-zA-Z_.-]+$/, 'Thao tác không hợp lệ.').optional(),
    user: text('Người thực hiện', { max: 100 }).optional(),
    from: isoDate('Từ ngày').optional(),
    to: isoDate('Đến ngày').optional(),
    search: text('Tìm kiếm', { max: 200 }).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditChangeSchema = z.object({
  field: z.string(),
  /** Vietnamese name of the field when known, else the field itself. */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export const auditItemSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  user: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  changes: z.array(auditChangeSchema),
  note: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;

export const auditChannels = {
  'audit.list': channel({
    input: z
      .object({
        filter: auditFilterSchema.default({}),
        limit: intInRange('Số dòng', 1, 500).default(100),
        offset: intInRange('Vị trí', 0, 100_000_000).default(0),
      })
      .strict(),
    output: z.object({
      items: z.array(auditItemSchema),
      total: z.number().int(),
      users: z.array(z.string()),
      entities: z.array(z.object({ entity: z.string(), label: z.string() })),
    }),
    summary: 'Audit log (who, when, what, before → after), newest first, filtered.',
  }),
  'audit.exportXlsx': channel({
    input: z.object({ filter: auditFilterSchema.default({}), jobId }).strict(),
    output: fileResultSchema,
    summary: 'The filtered audit log as an Excel file.',
  }),
};
