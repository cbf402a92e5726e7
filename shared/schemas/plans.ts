// Channels and schemas of the plans feature: plans (kế hoạch), tasks (nhiệm vụ) and their
// dated updates, inspections (kiểm tra, giám sát) with recommendations, unit reports and the
// month calendar. Task rules (deadlines, overdue, recurring checkpoints) are documented in
// electron/core/tasks/rules.ts.
import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema } from '../contract/bytes';
import { idSchema, intInRange, isoDate, longText, text } from './common';

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

const optionalId = idSchema.nullable().optional();

/** Who leads: a known unit, a known member, or free text (at most one unit and one member). */
const ownerFields = {
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

export const fileOutput = z.object({ fileName: z.string(), bytes: bytesSchema, mimeType: z.string() });
export const printOutput = z.object({ html: z.string(), title: z.string() });

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

// ─────────────────────────── Inspections ───────────────────────────

export const INSPECTION_KINDS = ['kiem_tra', 'giam_sat'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { kiem_tra: 'Kiểm tra', giam_sat: 'Giám sát' };

export const TEAM_ROLES = ['truong_doan', 'thanh_vien', 'giup_viec', 'theo_doi_dia_ban'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  truong_doan: 'Trưởng đoàn',
  thanh_vien: 'Thành viên',
  giup_viec: 'Giúp việc',
  theo_doi_dia_ban: 'Cán bộ theo dõi địa bàn',
};

export const QCDC_TYPE_LABELS: Record<string, string> = {
  xa_phuong: 'Xã, phường, thị trấn',
  co_quan_nha_nuoc: 'Cơ quan nhà nước, đơn vị sự nghiệp công lập',
  doanh_nghiep: 'Tổ chức có sử dụng lao động',
  luc_luong_vu_trang: 'Lực lượng vũ trang',
};

const teamMemberInput = z.object({
  memberId: optionalId,
  /** Name when the person is not a BCĐ member (support staff). */
  fullName: text('Họ tên', { max: 100 }).nullable().optional(),
  role: z.enum(TEAM_ROLES, { error: 'Vai trò trong đoàn không hợp lệ.' }),
  position: text('Chức vụ', { max: 200 }).nullable().optional(),
});

const teamInput = z.object({
  id: idSchema.optional(),
  name: text('Tên đoàn', { min: 1, max: 200 }),
  members: z.array(teamMemberInput).max(30).default([]),
});

const targetInput = z.object({
  id: idSchema.optional(),
  unitId: idSchema,
  /** Index of the team in `teams` (0-based). */
  teamIndex: z.number().int().min(0).nullable().optional(),
  /** Loại hình; defaults to the unit's own. */
  qcdcType: z.string().max(40).nullable().optional(),
  visitDate: isoDate('Ngày làm việc').nullable().optional(),
});

const inspectionFields = {
  kind: z.enum(INSPECTION_KINDS, { error: 'Hình thức không hợp lệ.' }).default('kiem_tra'),
  year: intInRange('Năm', 1990, 2100),
  date: isoDate('Ngày kế hoạch'),
  topic: text('Chuyên đề', { min: 1, max: 500 }),
  title: text('Trích yếu', { max: 500 }).nullable().optional(),
  startDate: isoDate('Từ ngày').nullable().optional(),
  endDate: isoDate('Đến ngày').nullable().optional(),
  /** The unit sends its report this many working days before the visit. */
  reportBeforeDays: intInRange('Số ngày làm việc gửi báo cáo trước', 0, 60).default(5),
  content: longText('Nội dung kiểm tra').nullable().optional(),
  numberText: text('Số kế hoạch', { max: 50 }).nullable().optional(),
  reserveNumber: z.boolean().default(false),
  teams: z.array(teamInput).max(20).default([]),
  targets: z.array(targetInput).max(200).default([]),
};

export const createInspectionSchema = z.object(inspectionFields);
export type CreateInspectionData = z.output<typeof createInspectionSchema>;
/** Full replacement: teams and targets are required so an omitted list never deletes visits by accident. */
export const updateInspectionSchema = z.object({
  id: idSchema,
  ...inspectionFields,
  teams: z.array(teamInput).max(20),
  targets: z.array(targetInput).max(200),
});
export type UpdateInspectionData = z.output<typeof updateInspectionSchema>;

export const recordVisitSchema = z.object({
  targetId: idSchema,
  visitDate: isoDate('Ngày làm việc').nullable().optional(),
  reportReceivedDate: isoDate('Ngày nhận báo cáo').nullable().optional(),
  strengths: longText('Ưu điểm').nullable().optional(),
  shortcomings: longText('Hạn chế').nullable().optional(),
  conclusions: longText('Kết luận').nullable().optional(),
  /**
   * Findings per requirement of the unit's loại hình (QCDC catalogue): met true/false, null = not
   * assessed. Only the requirements listed are changed.
   */
  findings: z
    .array(z.object({ indicatorId: idSchema, met: z.boolean().nullable(), note: text('Ghi chú', { max: 1000 }).nullable().optional() }))
    .max(200)
    .optional(),
});
export type RecordVisitData = z.output<typeof recordVisitSchema>;

export const addRecommendationSchema = z.object({
  targetId: idSchema,
  content: text('Nội dung kiến nghị', { min: 1, max: 2000 }),
  deadline: isoDate('Hạn thực hiện').nullable().optional(),
  /** Lead defaults to the inspected unit. */
  leadUnitId: optionalId,
  leadText: text('Đơn vị thực hiện', { max: 300 }).nullable().optional(),
});

export const updateRecommendationSchema = z.object({
  taskId: idSchema,
  content: text('Nội dung kiến nghị', { min: 1, max: 2000 }).optional(),
  deadline: isoDate('Hạn thực hiện').nullable().optional(),
});

export const inspectionTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(
    z.object({ memberId: z.string().nullable(), fullName: z.string(), role: z.enum(TEAM_ROLES), position: z.string().nullable() }),
  ),
});

export const inspectionTargetSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  qcdcType: z.string().nullable(),
  qcdcTypeLabel: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  visitDate: z.string().nullable(),
  /** visitDate minus reportBeforeDays working days (Mon–Fri). */
  reportDueDate: z.string().nullable(),
  reportReceivedDate: z.string().nullable(),
  /** on time / late / missing / pending — computed. */
  reportState: z.enum(['onTime', 'late', 'missing', 'pending', 'noDate']),
  strengths: z.string().nullable(),
  shortcomings: z.string().nullable(),
  conclusions: z.string().nullable(),
  recommendations: z.array(taskSchema),
  /** The QCDC requirements (yes/no indicators) of the unit's loại hình, with the findings recorded. */
  requirements: z
    .array(
      z.object({
        indicatorId: z.string(),
        name: z.string(),
        legalBasis: z.string().nullable(),
        met: z.boolean().nullable(),
        note: z.string().nullable(),
      }),
    )
    .optional(),
});
export type InspectionTarget = z.infer<typeof inspectionTargetSchema>;

export const inspectionSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  year: z.number().int(),
  date: z.string(),
  topic: z.string(),
  title: z.string().nullable(),
  numberText: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  targetCount: z.number().int(),
  recommendationCount: z.number().int(),
  openRecommendationCount: z.number().int(),
});
export const inspectionSchema = inspectionSummarySchema.extend({
  reportBeforeDays: z.number().int(),
  content: z.string().nullable(),
  teams: z.array(inspectionTeamSchema),
  targets: z.array(inspectionTargetSchema),
});
export type Inspection = z.infer<typeof inspectionSchema>;
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

// ─────────────────────────── Unit reports ───────────────────────────

export const REPORT_TYPES = ['six_month', 'annual', 'thematic'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_TYPE_LABELS: Record<ReportType, string> = {
  six_month: 'Báo cáo 6 tháng',
  annual: 'Báo cáo năm',
  thematic: 'Báo cáo chuyên đề',
};

export const REPORT_STATES = ['onTime', 'late', 'missing', 'pending'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export const REPORT_STATE_LABELS: Record<ReportState, string> = {
  onTime: 'Đúng hạn',
  late: 'Chậm',
  missing: 'Chưa gửi (quá hạn)',
  pending: 'Chưa đến hạn',
};

export const createReportPeriodSchema = z.object({
  type: z.enum(REPORT_TYPES, { error: 'Loại báo cáo không hợp lệ.' }),
  year: intInRange('Năm', 1990, 2100),
  title: text('Tên báo cáo', { min: 1, max: 300 }),
  dueDate: isoDate('Hạn gửi'),
  /** Units that must report; empty = every active unit at the top level. */
  unitIds: z.array(idSchema).max(500).default([]),
});

/** A period corrected after the fact: every field replaced; `unitIds` is the complete list of units that must report. */
export const updateReportPeriodSchema = z.object({
  id: idSchema,
  type: z.enum(REPORT_TYPES, { error: 'Loại báo cáo không hợp lệ.' }),
  year: intInRange('Năm', 1990, 2100),
  title: text('Tên báo cáo', { min: 1, max: 300 }),
  dueDate: isoDate('Hạn gửi'),
  unitIds: z.array(idSchema).min(1, 'Chọn ít nhất một đơn vị phải gửi báo cáo.').max(500),
});

export const recordReportSchema = z.object({
  periodId: idSchema,
  unitId: idSchema,
  receivedDate: isoDate('Ngày nhận').nullable(),
  /** A per-unit due date override. */
  dueDate: isoDate('Hạn gửi').nullable().optional(),
  note: text('Ghi chú', { max: 500 }).nullable().optional(),
});

export const reportPeriodSchema = z.object({
  id: z.string(),
  type: z.enum(REPORT_TYPES),
  year: z.number().int(),
  title: z.string(),
  dueDate: z.string(),
});

export const matrixSchema = z.object({
  year: z.number().int(),
  today: z.string(),
  periods: z.array(reportPeriodSchema),
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      cells: z.array(
        z
          .object({
            periodId: z.string(),
            dueDate: z.string(),
            receivedDate: z.string().nullable(),
            state: z.enum(REPORT_STATES),
            daysLate: z.number().int().nullable(),
          })
          .nullable(),
      ),
    }),
  ),
  totals: z.array(z.object({ periodId: z.string(), onTime: z.number().int(), late: z.number().int(), missing: z.number().int(), pending: z.number().int() })),
});
export type ReportMatrix = z.infer<typeof matrixSchema>;

// ─────────────────────────── Calendar ───────────────────────────

export const calendarEventSchema = z.object({
  date: z.string(),
  kind: z.enum(['task', 'meeting', 'inspection', 'holiday']),
  title: z.string(),
  refId: z.string(),
  detail: z.string().nullable(),
  dueState: z.enum(DUE_STATES).nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const holidaySchema = z.object({
  date: isoDate('Ngày nghỉ'),
  name: text('Tên ngày nghỉ', { min: 1, max: 120 }),
});
export type Holiday = z.infer<typeof holidaySchema>;

export const holidayYearSchema = z.object({
  year: z.number().int(),
  days: z.array(z.object({ date: z.string(), name: z.string() })),
  /** False while the year follows the Labour Code defaults; true once the officer saved a list. */
  customised: z.boolean(),
});
export type HolidayYear = z.infer<typeof holidayYearSchema>;

// ─────────────────────────── Channels ───────────────────────────

const byId = z.object({ id: idSchema });

export const plansChannels = {
  // Plans
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
    input: z.object({ id: idSchema, format: z.enum(['docx', 'pdf']).default('docx') }),
    output: fileOutput,
    summary: 'The plan as DOCX or PDF bytes.',
  }),

  // Tasks
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

  // Inspections
  'inspections.list': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100).optional() }),
    output: z.array(inspectionSummarySchema),
    summary: 'Inspection and supervision plans, newest first.',
  }),
  'inspections.create': channel({
    input: createInspectionSchema,
    output: inspectionSchema,
    summary: 'Create an inspection plan with teams and target units.',
  }),
  'inspections.get': channel({ input: byId, output: inspectionSchema, summary: 'An inspection with teams, targets, findings and recommendations.' }),
  'inspections.update': channel({ input: updateInspectionSchema, output: inspectionSchema, summary: 'Replace an inspection plan header, teams and targets.' }),
  'inspections.delete': channel({ input: byId, output: z.object({ id: z.string() }), summary: 'Soft-delete an inspection.' }),
  'inspections.recordVisit': channel({
    input: recordVisitSchema,
    output: inspectionSchema,
    summary: 'Record a visit: report received date, strengths, shortcomings, conclusions.',
  }),
  'inspections.addRecommendation': channel({
    input: addRecommendationSchema,
    output: inspectionSchema,
    summary: 'Add a recommendation (kiến nghị) to a visited unit; it is tracked as a task.',
  }),
  'inspections.updateRecommendation': channel({
    input: updateRecommendationSchema,
    output: taskSchema,
    summary: 'Edit a recommendation; progress and closure go through tasks.addUpdate.',
  }),
  'inspections.print': channel({
    input: z.object({ id: idSchema, document: z.enum(['plan', 'conclusion']), targetId: idSchema.optional() }),
    output: printOutput,
    summary: 'Printable inspection plan, or the conclusion notice of one visited unit.',
  }),

  'inspections.export': channel({
    input: z.object({ id: idSchema, document: z.enum(['plan', 'conclusion']), targetId: idSchema.optional(), format: z.enum(['docx', 'pdf']).default('docx') }),
    output: fileOutput,
    summary: 'The inspection plan or a conclusion notice as DOCX or PDF bytes.',
  }),

  // Unit reports
  'unitReports.periods': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100).optional() }),
    output: z.array(reportPeriodSchema),
    summary: 'Report periods (6-month, annual, thematic).',
  }),
  'unitReports.createPeriod': channel({
    input: createReportPeriodSchema,
    output: reportPeriodSchema,
    summary: 'Create a report period with its due date and the units that must report.',
  }),
  'unitReports.updatePeriod': channel({
    input: updateReportPeriodSchema,
    output: reportPeriodSchema,
    summary: 'Correct a report period: type, year, title, due date and the units that must report (a unit whose report was received cannot be dropped).',
  }),
  'unitReports.deletePeriod': channel({
    input: z.object({ id: idSchema }),
    output: z.object({ id: z.string() }),
    summary: 'Move a report period to the trash (its received dates stay with it and come back on restore).',
  }),
  'unitReports.record': channel({
    input: recordReportSchema,
    output: matrixSchema,
    summary: 'Record (or clear) the date a unit’s report was received.',
  }),
  'unitReports.matrix': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), type: z.enum(REPORT_TYPES).optional() }),
    output: matrixSchema,
    summary: 'On time / late / missing matrix of unit reports per period for a year.',
  }),
  'unitReports.print': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), type: z.enum(REPORT_TYPES).optional() }),
    output: printOutput,
    summary: 'Printable report-tracking matrix.',
  }),
  'unitReports.export': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), type: z.enum(REPORT_TYPES).optional() }),
    output: fileOutput,
    summary: 'Report-tracking matrix as XLSX.',
  }),

  // Calendar
  'holidays.get': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100) }),
    output: holidayYearSchema,
    summary: 'Public holidays of a year that are not working days (Labour Code defaults with lunar Tết and Giỗ Tổ, or the saved list).',
  }),
  'holidays.set': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), days: z.array(holidaySchema).max(60).nullable() }),
    output: holidayYearSchema,
    summary: "Save a year's holiday list as announced (days: null goes back to the defaults); working-day deadlines follow it.",
  }),
  'calendar.month': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), month: intInRange('Tháng', 1, 12) }),
    output: z.object({ year: z.number().int(), month: z.number().int(), events: z.array(calendarEventSchema) }),
    summary: 'Plan items and tasks due, meetings and inspection visits in one month.',
  }),
};
