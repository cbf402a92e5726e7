// Channels and schemas of inspections and supervisions (kiểm tra, giám sát): teams, visited units,
// findings and recommendations (each recommendation is tracked as a task).
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, isoDate, longText, text } from './common';
import { fileOutput, printOutput, byId } from './outputs';
import { optionalId, taskSchema } from './tasks';

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

export const inspectionsChannels = {
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
};
