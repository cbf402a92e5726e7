// Channels and schemas of tasks (nhiệm vụ) and their dated updates. Task rules (deadlines, overdue,
// recurring checkpoints) are documented in electron/core/tasks/rules.ts.
import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema } from '../contract/bytes';
import { idSchema, intInRange, isoDate, longText, text } from './common';
import { fileOutput, printOutput, byId } from './outputs';

// ───────────────────────────── Tasks ─────────────────────────────

export const TASK_SOURCE_TYPES = ['plan', 'meeting', 'inspection', 'direct', 'dialogue', 'supervision'] as const;
export type TaskSourceType = (typeof TASK_SOURCE_TYPES)[number];
export const TASK_SOURCE_LABELS: Record<TaskSourceType, string> = {
  plan: 'Kế hoạch',
  meeting: 'Kết luận hội nghị',
  inspection: 'Kiến nghị sau kiểm tra',
  direct: 'Giao trực tiếp',
  dialogue: 'Ý kiến chuyển đi sau hội nghị đối thoại',
  supervision: 'Kiến nghị sau giám sát của thành viên BCĐ',
};

export const TASK_STATUSES = ['chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh', 'tam_dung'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  chua_thuc_hien: 'Chưa thực hiện',
  dang_thuc_hien: 'Đang thực hiện',
  hoan_thanh: 'Hoàn thành',
  tam_dung: 'Tạm dừng',
};

export const TIMING_KINDS = ['date', 'month', 'quarter', 'recurring', 'none'] as const;
export type TimingKind = (typeof TIMING_KINDS)[number];
export const TIMING_KIND_LABELS: Record<TimingKind, string> = {
  date: 'Ngày cụ thể',
  month: 'Trong tháng',
  quarter: 'Trong quý',
  recurring: 'Thường xuyên',
  none: 'Không ấn định',
};

/** Cadence of the checkpoints of a recurring ("thường xuyên") task. */
export const RECURRING_CADENCES = ['month', 'quarter'] as const;
export type RecurringCadence = (typeof RECURRING_CADENCES)[number];

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/**
 * When a task is due: a date ("2023-03-15"), a month ("2023-06"), a quarter ("2023-Q2"),
 * recurring (value = checkpoint cadence "month" | "quarter", default quarter) or none.
 */
export const timingSchema = z
  .object({
    kind: z.enum(TIMING_KINDS, { error: 'Loại thời hạn không hợp lệ.' }),
    value: z.string().nullable().optional(),
  })
  .superRefine((t, ctx) => {
    const v = t.value ?? '';
    const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if (t.kind === 'date' && !isoDateOk(v)) bad('Thời hạn: cần một ngày hợp lệ.');
    if (t.kind === 'month' && !MONTH_RE.test(v)) bad('Thời hạn: cần tháng dạng YYYY-MM (ví dụ 2023-06).');
    if (t.kind === 'quarter' && !QUARTER_RE.test(v)) bad('Thời hạn: cần quý dạng YYYY-Qn (ví dụ 2023-Q2).');
    if (t.kind === 'recurring' && v !== '' && !(RECURRING_CADENCES as readonly string[]).includes(v)) {
      bad('Nhiệm vụ thường xuyên: chu kỳ phải là "month" hoặc "quarter".');
    }
  })
  .transform((t) => ({
    kind: t.kind,
    value: t.kind === 'none' ? null : t.kind === 'recurring' ? (t.value || 'quarter') : (t.value ?? null),
  }));
export type Timing = z.output<typeof timingSchema>;

function isoDateOk(v: string): boolean {
  return isoDate('x').safeParse(v).success;
}

export const optionalId = idSchema.nullable().optional();

/** Who leads: a known unit, a known member, or free text (at most one unit and one member). */
export const ownerFields = {
  leadUnitId: optionalId,
  leadMemberId: optionalId,
  leadText: text('Đơn vị/người chủ trì', { max: 300 }).nullable().optional(),
  coordinatingUnitIds: z.array(idSchema).max(50, 'Tối đa 50 đơn vị phối hợp.').default([]),
};

export const createTaskSchema = z.object({
  title: text('Nội dung nhiệm vụ', { min: 1, max: 2000 }),
  description: longText('Mô tả').nullable().optional(),
  sourceType: z.enum(TASK_SOURCE_TYPES, { error: 'Nguồn nhiệm vụ không hợp lệ.' }).default('direct'),
  sourceId: z.string().max(80).nullable().optional(),
  sourceRef: z.string().max(200).nullable().optional(),
  ...ownerFields,
  timing: timingSchema.default({ kind: 'none', value: null }),
  /** Overrides the deadline derived from the timing (e.g. a quarter item due earlier). */
  deadline: isoDate('Hạn hoàn thành').nullable().optional(),
  year: intInRange('Năm', 1990, 2100).nullable().optional(),
  status: z.enum(TASK_STATUSES, { error: 'Trạng thái không hợp lệ.' }).optional(),
});
export type CreateTaskInput = z.input<typeof createTaskSchema>;
export type CreateTaskData = z.output<typeof createTaskSchema>;

/** Only the fields given change (no defaults here: a missing field keeps its stored value). */
export const updateTaskSchema = z.object({
  id: idSchema,
  title: text('Nội dung nhiệm vụ', { min: 1, max: 2000 }).optional(),
  description: longText('Mô tả').nullable().optional(),
  leadUnitId: optionalId,
  leadMemberId: optionalId,
  leadText: text('Đơn vị/người chủ trì', { max: 300 }).nullable().optional(),
  coordinatingUnitIds: z.array(idSchema).max(50, 'Tối đa 50 đơn vị phối hợp.').optional(),
  timing: timingSchema.optional(),
  deadline: isoDate('Hạn hoàn thành').nullable().optional(),
  year: intInRange('Năm', 1990, 2100).nullable().optional(),
});
export type UpdateTaskData = z.output<typeof updateTaskSchema>;

export const DUE_STATES = ['overdue', 'dueSoon', 'onTrack', 'done', 'paused', 'noDeadline'] as const;
export type DueState = (typeof DUE_STATES)[number];
export const DUE_STATE_LABELS: Record<DueState, string> = {
  overdue: 'Quá hạn',
  dueSoon: 'Sắp đến hạn',
  onTrack: 'Trong hạn',
  done: 'Đã hoàn thành',
  paused: 'Tạm dừng',
  noDeadline: 'Không có hạn',
};

const refSchema = z.object({ id: z.string(), name: z.string() });

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  sourceType: z.enum(TASK_SOURCE_TYPES),
  sourceId: z.string().nullable(),
  sourceRef: z.string().nullable(),
  /** e.g. "Kế hoạch 12-KH/BCĐ" — filled where the source is known. */
  sourceLabel: z.string().nullable(),
  leadUnit: refSchema.nullable(),
  leadMember: refSchema.nullable(),
  leadText: z.string().nullable(),
  /** What to print in the "chủ trì" column. */
  ownerLabel: z.string(),
  coordinatingUnits: z.array(refSchema),
  timing: z.object({ kind: z.enum(TIMING_KINDS), value: z.string().nullable() }),
  /** "Tháng 6/2023", "Quý II/2023", "Thường xuyên"… */
  timingLabel: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  progress: z.number().int(),
  completedAt: z.string().nullable(),
  year: z.number().int().nullable(),
  /** Computed from the clock on every read, never stored. */
  dueState: z.enum(DUE_STATES),
  /** The date the due state refers to: the deadline, or the recurring checkpoint. */
  dueDate: z.string().nullable(),
  /** Days past dueDate (overdue) or left until it (negative = late); null without a due date. */
  daysLeft: z.number().int().nullable(),
  lastUpdateDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const evidenceFileSchema = z.object({
  fileName: text('Tên tệp', { min: 1, max: 255 }),
  bytes: bytesSchema,
  mimeType: z.string().max(100).optional(),
});

export const addUpdateSchema = z.object({
  taskId: idSchema,
  date: isoDate('Ngày cập nhật'),
  progress: intInRange('Tiến độ (%)', 0, 100),
  status: z.enum(TASK_STATUSES, { error: 'Trạng thái không hợp lệ.' }).optional(),
  note: longText('Ghi chú', { max: 5000 }).nullable().optional(),
  evidence: z.array(evidenceFileSchema).max(20, 'Tối đa 20 tệp minh chứng mỗi lần.').default([]),
});
export type AddUpdateData = z.output<typeof addUpdateSchema>;

export const taskUpdateSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  date: z.string(),
  status: z.enum(TASK_STATUSES),
  progress: z.number().int(),
  note: z.string().nullable(),
  userName: z.string(),
  createdAt: z.string(),
  evidence: z.array(z.object({ id: z.string(), fileName: z.string(), size: z.number() })),
});
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const taskDetailSchema = taskSchema.extend({ updates: z.array(taskUpdateSchema) });
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const taskListSchema = z.object({
  search: z.string().max(200).optional(),
  sourceType: z.enum(TASK_SOURCE_TYPES).optional(),
  sourceId: z.string().max(80).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  year: intInRange('Năm', 1990, 2100).optional(),
  leadUnitId: idSchema.optional(),
  leadMemberId: idSchema.optional(),
  /** Only tasks overdue today (by ctx.clock). */
  overdue: z.boolean().optional(),
  /** Only open tasks whose due date falls within the next N days (not yet overdue). */
  dueWithinDays: intInRange('Số ngày', 0, 366).optional(),
  limit: intInRange('Số dòng', 1, 5000).default(1000),
});
export type TaskListFilter = z.output<typeof taskListSchema>;

export const taskListOutput = z.object({
  items: z.array(taskSchema),
  total: z.number().int(),
  today: z.string(),
});

export const ownerGroupSchema = z.object({
  key: z.string(),
  ownerLabel: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  tasks: z.array(taskSchema),
});

export const tasksChannels = {
  'tasks.list': channel({
    input: taskListSchema,
    output: taskListOutput,
    summary: 'Tasks with computed due state; filters: search, source, status, year, owner, overdue, dueWithinDays.',
  }),
  'tasks.get': channel({ input: byId, output: taskDetailSchema, summary: 'A task with its dated updates and evidence files.' }),
  'tasks.create': channel({ input: createTaskSchema, output: taskSchema, summary: 'Create a task (typed directly or from a source).' }),
  'tasks.update': channel({ input: updateTaskSchema, output: taskSchema, summary: 'Change a task’s title, owners or timing.' }),
  'tasks.delete': channel({ input: byId, output: z.object({ id: z.string() }), summary: 'Soft-delete a task.' }),
  'tasks.addUpdate': channel({
    input: addUpdateSchema,
    output: taskDetailSchema,
    summary: 'Record dated progress (0–100 %), status, note and evidence files for a task.',
  }),
  'tasks.byOwner': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100).optional(), openOnly: z.boolean().default(false) }),
    output: z.array(ownerGroupSchema),
    summary: 'Tasks grouped by their lead (unit, member or text), with counts.',
  }),
  'tasks.urgingList': channel({
    input: z.object({ dueWithinDays: intInRange('Số ngày', 0, 366).default(7), year: intInRange('Năm', 1990, 2100).optional() }),
    output: printOutput,
    summary: 'Printable list of overdue and due-soon tasks (danh sách nhiệm vụ chậm tiến độ).',
  }),
  'tasks.urgingLetter': channel({
    input: z.object({
      dueWithinDays: intInRange('Số ngày', 0, 366).default(7),
      year: intInRange('Năm', 1990, 2100).optional(),
      leadUnitId: idSchema.optional(),
      numberText: text('Số công văn', { max: 50 }).nullable().optional(),
      reserveNumber: z.boolean().default(false),
      recipients: longText('Kính gửi', { max: 2000 }).nullable().optional(),
      format: z.enum(['docx', 'pdf']).default('docx'),
    }),
    output: fileOutput,
    summary: 'Urging letter (công văn đôn đốc) listing overdue and due-soon tasks, as DOCX or PDF.',
  }),
  'tasks.evidenceFile': channel({
    input: byId,
    output: fileOutput,
    summary: 'The bytes of one evidence file of a task update (checked against its SHA-256).',
  }),
  'tasks.dueNotice': channel({
    input: z.object({}).strict(),
    output: z.object({ overdue: z.number().int(), dueSoon: z.number().int(), title: z.string(), body: z.string() }),
    summary: 'Counts of overdue and due-soon tasks with the text of the start-up notification.',
  }),
};
