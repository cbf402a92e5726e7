// Register of BCĐ members' supervision visits to the units assigned to them (member_assignments):
// which member visited which unit when, findings, recommendations (each a tracked task, source
// "supervision"), and the assigned units no member has visited in a year.
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, isoDate, longText, text } from './common';
import { taskSchema } from './tasks';

const recommendationInput = z.object({
  taskId: idSchema.optional(),
  content: text('Nội dung kiến nghị', { min: 1, max: 2000 }),
  deadline: isoDate('Hạn thực hiện').nullable().optional(),
});

const supervisionFields = {
  memberId: idSchema,
  unitId: idSchema,
  date: isoDate('Ngày giám sát'),
  content: text('Nội dung giám sát', { max: 500 }).nullable().optional(),
  findings: longText('Kết quả, nhận xét').nullable().optional(),
  /** Each recommendation is a task led by the supervised unit. */
  recommendations: z.array(recommendationInput).max(100, 'Tối đa 100 kiến nghị.').default([]),
};

export const createSupervisionSchema = z.object(supervisionFields);
export type CreateSupervisionData = z.output<typeof createSupervisionSchema>;
export const updateSupervisionSchema = z.object({ id: idSchema, ...supervisionFields, recommendations: z.array(recommendationInput).max(100) });
export type UpdateSupervisionData = z.output<typeof updateSupervisionSchema>;

export const supervisionSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  year: z.number().int(),
  content: z.string().nullable(),
  findings: z.string().nullable(),
  /** False when the member was not assigned to the unit on that date (recorded anyway, flagged). */
  assigned: z.boolean(),
  recommendations: z.array(taskSchema),
  deletedAt: z.string().nullable(),
});
export type Supervision = z.infer<typeof supervisionSchema>;

export const unvisitedSchema = z.object({
  year: z.number().int(),
  /** Assigned units with no visit by any member in the year. */
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      qcdcType: z.string().nullable(),
      members: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  /** Per member: assigned units and how many of them they visited in the year. */
  members: z.array(z.object({ memberId: z.string(), memberName: z.string(), assigned: z.number().int(), visited: z.number().int() })),
});

const byId = z.object({ id: idSchema });

export const supervisionsChannels = {
  'supervisions.list': channel({
    input: z.object({
      year: intInRange('Năm', 1990, 2100).optional(),
      memberId: idSchema.optional(),
      unitId: idSchema.optional(),
      includeDeleted: z.boolean().default(false),
    }),
    output: z.array(supervisionSchema),
    summary: "BCĐ members' supervision visits to their assigned units, newest first.",
  }),
  'supervisions.get': channel({ input: byId, output: supervisionSchema, summary: 'One supervision visit.' }),
  'supervisions.create': channel({
    input: createSupervisionSchema,
    output: supervisionSchema,
    summary: 'Record a supervision visit; each recommendation becomes a task led by the unit.',
  }),
  'supervisions.update': channel({ input: updateSupervisionSchema, output: supervisionSchema, summary: 'Replace a supervision visit and its recommendations.' }),
  'supervisions.delete': channel({ input: byId, output: z.object({ id: z.string() }), summary: 'Move a supervision visit (and its tasks) to the trash.' }),
  'supervisions.restore': channel({ input: byId, output: supervisionSchema, summary: 'Bring a supervision visit back from the trash.' }),
  'supervisions.unvisited': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100) }),
    output: unvisitedSchema,
    summary: 'Assigned units that no BCĐ member visited in the year, and each member’s visited/assigned count.',
  }),
};
