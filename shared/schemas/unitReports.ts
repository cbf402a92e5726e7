// Channels and schemas of unit reports: report periods and the on time / late / missing matrix.
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, isoDate, text } from './common';
import { fileOutput, printOutput } from './outputs';

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

export const unitReportsChannels = {
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
};
