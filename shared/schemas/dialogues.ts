// Register of dialogue conferences (hội nghị đối thoại, tiếp xúc) held by a unit with the people or
// its staff. Each opinion passed on to a competent body is a tracked task (tasks, source "dialogue");
// the results must be made public by a due date. Counted into the QCDC figures (see qcdc.ts sources).
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, isoDate, longText, text } from './common';
import { taskSchema } from './tasks';

const count = (label: string) => intInRange(label, 0, 1_000_000);

const passedOnInput = z.object({
  /** The task of an opinion already recorded (kept when editing); absent for a new one. */
  taskId: idSchema.optional(),
  content: text('Nội dung ý kiến chuyển đi', { min: 1, max: 2000 }),
  /** Who must answer it: a known unit or free text (cơ quan có thẩm quyền). */
  leadUnitId: idSchema.nullable().optional(),
  leadText: text('Cơ quan giải quyết', { max: 300 }).nullable().optional(),
  deadline: isoDate('Hạn giải quyết').nullable().optional(),
});

const dialogueFields = {
  unitId: idSchema,
  date: isoDate('Ngày đối thoại'),
  title: text('Nội dung, chủ đề', { max: 500 }).nullable().optional(),
  chairedBy: text('Người chủ trì', { min: 1, max: 200 }),
  participants: count('Số người tham dự'),
  participantsNote: text('Thành phần tham dự', { max: 1000 }).nullable().optional(),
  opinionsRaised: count('Số ý kiến nêu'),
  opinionsAnswered: count('Số ý kiến trả lời tại hội nghị'),
  /** The results must be made public by this date (e.g. 10 days after). */
  publicDueDate: isoDate('Hạn công khai kết quả').nullable().optional(),
  publishedDate: isoDate('Ngày công khai kết quả').nullable().optional(),
  note: longText('Ghi chú', { max: 5000 }).nullable().optional(),
  passedOn: z.array(passedOnInput).max(200, 'Tối đa 200 ý kiến chuyển đi.').default([]),
};

function checkCounts(v: { opinionsRaised: number; opinionsAnswered: number; passedOn: unknown[] }, ctx: z.RefinementCtx) {
  if (v.opinionsAnswered + v.passedOn.length > v.opinionsRaised) {
    ctx.addIssue({
      code: 'custom',
      path: ['opinionsAnswered'],
      message: 'Số ý kiến trả lời tại hội nghị cộng số ý kiến chuyển đi không được lớn hơn số ý kiến nêu.',
    });
  }
}

export const createDialogueSchema = z.object(dialogueFields).superRefine(checkCounts);
export type CreateDialogueData = z.output<typeof createDialogueSchema>;
/** Full replacement; `passedOn` is the complete list (an opinion left out has its task removed softly). */
export const updateDialogueSchema = z.object({ id: idSchema, ...dialogueFields, passedOn: z.array(passedOnInput).max(200) }).superRefine(checkCounts);
export type UpdateDialogueData = z.output<typeof updateDialogueSchema>;

export const dialogueSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  date: z.string(),
  year: z.number().int(),
  title: z.string().nullable(),
  chairedBy: z.string(),
  participants: z.number().int(),
  participantsNote: z.string().nullable(),
  opinionsRaised: z.number().int(),
  opinionsAnswered: z.number().int(),
  opinionsPassedOn: z.number().int(),
  /** Passed-on opinions still open. */
  opinionsOpen: z.number().int(),
  publicDueDate: z.string().nullable(),
  publishedDate: z.string().nullable(),
  /** published (on time) / late / overdue (not yet, past due) / pending / none (no due date). */
  publicState: z.enum(['published', 'late', 'overdue', 'pending', 'none']),
  note: z.string().nullable(),
  passedOn: z.array(taskSchema),
  deletedAt: z.string().nullable(),
});
export type Dialogue = z.infer<typeof dialogueSchema>;

const byId = z.object({ id: idSchema });

export const dialoguesChannels = {
  'dialogues.list': channel({
    input: z.object({
      year: intInRange('Năm', 1990, 2100).optional(),
      unitId: idSchema.optional(),
      includeDeleted: z.boolean().default(false),
    }),
    output: z.array(dialogueSchema),
    summary: 'Dialogue conferences (hội nghị đối thoại), newest first, with their passed-on opinions as tasks.',
  }),
  'dialogues.get': channel({ input: byId, output: dialogueSchema, summary: 'One dialogue conference.' }),
  'dialogues.create': channel({
    input: createDialogueSchema,
    output: dialogueSchema,
    summary: 'Record a dialogue conference; each passed-on opinion becomes a tracked task.',
  }),
  'dialogues.update': channel({
    input: updateDialogueSchema,
    output: dialogueSchema,
    summary: 'Replace a dialogue conference (passed-on opinions left out are removed softly with their tasks).',
  }),
  'dialogues.delete': channel({ input: byId, output: z.object({ id: z.string() }), summary: 'Move a dialogue conference (and its tasks) to the trash.' }),
  'dialogues.restore': channel({ input: byId, output: dialogueSchema, summary: 'Bring a dialogue conference (and its tasks) back from the trash.' }),
};
