// Channels and schemas of plans (kế hoạch): a plan's items are tracked as tasks.
import { z } from 'zod';
import { channel } from '../contract/define';
import { issuedVersionSchema } from './issued';
import { idSchema, intInRange, isoDate, longText, text } from './common';
import { fileOutput, printOutput, byId } from './outputs';
import { ownerFields, timingSchema, taskSchema } from './tasks';

// ───────────────────────────── Plans ─────────────────────────────

export const PLAN_KINDS = ['qcdc', 'dvk', 'kiem_tra', 'khac'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  qcdc: 'Thực hiện Quy chế dân chủ ở cơ sở',
  dvk: 'Phong trào "Dân vận khéo"',
  kiem_tra: 'Kiểm tra, giám sát',
  khac: 'Khác',
};

export const planItemInputSchema = z.object({
  /** Present when editing an existing item. */
  id: idSchema.optional(),
  /** Section heading the item sits under ("I. Công tác tuyên truyền"). */
  groupLabel: text('Nhóm nội dung', { max: 300 }).nullable().optional(),
  content: text('Nội dung', { min: 1, max: 2000 }),
  ...ownerFields,
  timing: timingSchema.default({ kind: 'none', value: null }),
  deadline: isoDate('Hạn hoàn thành').nullable().optional(),
  expectedOutput: text('Sản phẩm dự kiến', { max: 1000 }).nullable().optional(),
});
export type PlanItemInput = z.output<typeof planItemInputSchema>;

const planFields = {
  kind: z.enum(PLAN_KINDS, { error: 'Loại kế hoạch không hợp lệ.' }),
  year: intInRange('Năm', 1990, 2100),
  date: isoDate('Ngày kế hoạch'),
  title: text('Trích yếu', { min: 1, max: 500 }),
  /** Purpose and requirements (mục đích, yêu cầu) — the opening of the printed plan. */
  purpose: longText('Mục đích, yêu cầu').nullable().optional(),
  /** Implementation clause (tổ chức thực hiện). */
  implementation: longText('Tổ chức thực hiện').nullable().optional(),
  recipients: longText('Nơi nhận', { max: 2000 }).nullable().optional(),
  /** Manual number override ("12-KH/BCĐ"); otherwise reserved from the register. */
  numberText: text('Số kế hoạch', { max: 50 }).nullable().optional(),
  reserveNumber: z.boolean().default(false),
};

export const createPlanSchema = z.object({ ...planFields, items: z.array(planItemInputSchema).max(500).default([]) });
export type CreatePlanData = z.output<typeof createPlanSchema>;

export const updatePlanSchema = z.object({
  id: idSchema,
  ...planFields,
  /** The full item list: items missing from it are removed (soft), new ones created. */
  items: z.array(planItemInputSchema).max(500),
});
export type UpdatePlanData = z.output<typeof updatePlanSchema>;

export const planItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  groupLabel: z.string().nullable(),
  content: z.string(),
  expectedOutput: z.string().nullable(),
  task: taskSchema,
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  year: z.number().int(),
  date: z.string(),
  title: z.string(),
  numberText: z.string().nullable(),
  itemCount: z.number().int(),
  doneCount: z.number().int(),
  overdueCount: z.number().int(),
  averageProgress: z.number(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planSchema = planSummarySchema.extend({
  purpose: z.string().nullable(),
  implementation: z.string().nullable(),
  recipients: z.string().nullable(),
  copiedFromId: z.string().nullable(),
  items: z.array(planItemSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const plansChannels = {
  'plans.list': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100).optional(), kind: z.enum(PLAN_KINDS).optional(), search: z.string().max(200).optional() }),
    output: z.array(planSummarySchema),
    summary: 'Plans (kế hoạch) with item counts and progress, newest first.',
  }),
  'plans.create': channel({
    input: createPlanSchema,
    output: planSchema,
    summary: 'Create a plan with its items; each item becomes a tracked task.',
  }),
  'plans.get': channel({ input: byId, output: planSchema, summary: 'A plan with its items and their tasks.' }),
  'plans.update': channel({
    input: updatePlanSchema,
    output: planSchema,
    summary: 'Replace a plan header and item list (items left out are removed softly).',
  }),
  'plans.delete': channel({ input: byId, output: z.object({ id: z.string() }), summary: 'Soft-delete a plan and its item tasks.' }),
  'plans.copyFromYear': channel({
    input: z.object({ sourceId: idSchema, year: intInRange('Năm', 1990, 2100), date: isoDate('Ngày kế hoạch') }),
    output: planSchema,
    summary: "Start a new plan as a copy of another year's: items copied, dates moved to the new year, progress reset.",
  }),
  'plans.print': channel({ input: byId, output: printOutput, summary: 'Printable HTML of the plan in the Party format.' }),
  'plans.export': channel({
    input: z.object({
      id: idSchema,
      format: z.enum(['docx', 'pdf']).default('docx'),
      /** true: from the data as it is now, even when the plan has been issued. */
      live: z.boolean().optional(),
    }),
    output: fileOutput,
    summary: 'The plan as DOCX or PDF bytes: once issued, exactly the bytes issued (live=true renders the current data).',
  }),
  'plans.issue': channel({
    input: z.object({ id: idSchema, reason: text('Lý do ban hành lại', { max: 1000 }).optional() }).strict(),
    output: issuedVersionSchema,
    summary: 'Issue the numbered plan (KH): its PDF and DOCX are kept as a new version (a reason is required from v2 on).',
  }),
};
