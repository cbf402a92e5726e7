// Channels and schemas of the trash (thùng rác): soft-deleted records of every table with `deleted_at`.
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, text } from './common';

// ---- trash ---------------------------------------------------------------------------------

export const trashEntitySchema = z
  .string({ error: 'Loại dữ liệu phải là chuỗi.' })
  .max(64, 'Loại dữ liệu không hợp lệ.')
  .regex(/^[a-z][a-z0-9_]*$/, 'Loại dữ liệu không hợp lệ.');

export const trashItemSchema = z.object({
  entity: z.string(),
  entityLabel: z.string(),
  id: z.string(),
  title: z.string(),
  deletedAt: z.string(),
});
export type TrashItem = z.infer<typeof trashItemSchema>;

export const trashChannels = {
  'trash.list': channel({
    input: z
      .object({
        entity: trashEntitySchema.optional(),
        search: text('Tìm kiếm', { max: 200 }).optional(),
        limit: intInRange('Số dòng', 1, 500).default(100),
        offset: intInRange('Vị trí', 0, 10_000_000).default(0),
      })
      .strict(),
    output: z.object({
      items: z.array(trashItemSchema),
      total: z.number().int(),
      entities: z.array(z.object({ entity: z.string(), label: z.string(), count: z.number().int() })),
    }),
    summary: 'Soft-deleted rows of every table with deleted_at, newest first.',
  }),
  'trash.restore': channel({
    input: z.object({ entity: trashEntitySchema, id: idSchema }).strict(),
    output: z.object({ restored: z.boolean() }),
    summary: 'Undo a soft delete (clears deleted_at), recorded in the audit log.',
  }),
};
