// Channels and schemas of the Quy chế dân chủ ở cơ sở (QCDC) half: the indicator catalogue by loại
// hình, each unit's periodic figures, the Excel roll-up import and the statistics. The registers behind
// some figures (dialogues, supervisions, trainings) have their own schema files; an indicator whose
// `source` names one of them is counted from it, never typed. See docs/qcdc.md.
import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema } from '../contract/bytes';
import { idSchema, intInRange, isoDate, text } from './common';
import { QCDC_TYPES } from './units';

const yearSchema = intInRange('Năm', 1990, 2100);

/** How a figure is read: a count, a yes/no ("x/y đơn vị có"), a ratio of two counts, or a short text. */
export const INDICATOR_KINDS = ['count', 'yesno', 'ratio', 'text'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  count: 'Số lượng',
  yesno: 'Có/không',
  ratio: 'Tỷ lệ (%)',
  text: 'Nội dung ngắn',
};

/**
 * Where a figure comes from: typed by the officer (or imported), or counted from a register of this
 * app for the unit and the period — then the report grid shows it read-only.
 */
export const INDICATOR_SOURCES = [
  'typed',
  'dialogues.count',
  'dialogues.opinionsRaised',
  'dialogues.opinionsAnswered',
  'dialogues.opinionsPassedOn',
  'dialogues.publishedOnTime',
  'supervisions.count',
  'trainings.count',
  'trainings.trainees',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
export const INDICATOR_SOURCE_LABELS: Record<IndicatorSource, string> = {
  typed: 'Nhập số liệu',
  'dialogues.count': 'Đếm từ sổ hội nghị đối thoại',
  'dialogues.opinionsRaised': 'Tổng ý kiến nêu tại hội nghị đối thoại',
  'dialogues.opinionsAnswered': 'Tổng ý kiến trả lời ngay tại hội nghị đối thoại',
  'dialogues.opinionsPassedOn': 'Tổng ý kiến chuyển cơ quan có thẩm quyền',
  'dialogues.publishedOnTime': 'Số hội nghị đối thoại đã công khai kết quả đúng hạn',
  'supervisions.count': 'Đếm từ sổ giám sát của thành viên BCĐ',
  'trainings.count': 'Đếm từ sổ tập huấn',
  'trainings.trainees': 'Tổng số người được tập huấn (các lớp có đơn vị tham gia)',
};

/** QCDC periods; each matches the unit-report tracking type of the same name. */
export const QCDC_PERIODS = ['six_month', 'annual', 'thematic'] as const;
export type QcdcPeriod = (typeof QCDC_PERIODS)[number];
export const QCDC_PERIOD_LABELS: Record<QcdcPeriod, string> = {
  six_month: '6 tháng đầu năm',
  annual: 'Cả năm',
  thematic: 'Chuyên đề',
};
const periodSchema = z.enum(QCDC_PERIODS, { error: 'Kỳ báo cáo không hợp lệ (six_month, annual, thematic).' });

const qcdcTypeSchema = z.enum(QCDC_TYPES, { error: 'Loại hình (QCDC) không hợp lệ.' });

// ───────────────────────────── Indicators ─────────────────────────────

export const indicatorSchema = z.object({
  id: z.string(),
  /** null = applies to every loại hình (khiếu nại, tố cáo; tiếp công dân…). */
  qcdcType: qcdcTypeSchema.nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  source: z.enum(INDICATOR_SOURCES),
  /** For a ratio: the two count indicators (same loại hình or "every loại hình"). */
  numeratorId: z.string().nullable(),
  denominatorId: z.string().nullable(),
  /** "cuộc", "ý kiến", "đơn vị"… printed after a count. */
  unitLabel: z.string().nullable(),
  /** The rule it follows ("Điều 11 Luật 10/2022/QH15"), shown as a hint. */
  legalBasis: z.string().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  /** True when the figure is counted from a register (read-only in the report grid). */
  readOnly: z.boolean(),
  /** Earlier names and states, oldest first: figures point at the id, so a rename keeps them. */
  history: z.array(z.object({ at: z.string(), name: z.string(), active: z.boolean(), position: z.number().int() })),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const nullableText = (label: string, max: number) => text(label, { max }).nullable().optional();

export const createIndicatorSchema = z
  .object({
    qcdcType: qcdcTypeSchema.nullable(),
    code: nullableText('Mã chỉ tiêu', 40),
    name: text('Tên chỉ tiêu', { min: 1, max: 300 }),
    kind: z.enum(INDICATOR_KINDS, { error: 'Kiểu chỉ tiêu không hợp lệ.' }),
    source: z.enum(INDICATOR_SOURCES, { error: 'Nguồn số liệu không hợp lệ.' }).default('typed'),
    numeratorId: idSchema.nullable().optional(),
    denominatorId: idSchema.nullable().optional(),
    unitLabel: nullableText('Đơn vị tính', 40),
    legalBasis: nullableText('Căn cứ', 300),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'ratio' && (!v.numeratorId || !v.denominatorId)) {
      ctx.addIssue({ code: 'custom', path: ['numeratorId'], message: 'Chỉ tiêu tỷ lệ cần chọn chỉ tiêu tử số và mẫu số.' });
    }
    if (v.kind !== 'count' && v.source !== 'typed') {
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'Chỉ chỉ tiêu số lượng mới đếm được từ sổ theo dõi.' });
    }
  });
export type CreateIndicatorData = z.output<typeof createIndicatorSchema>;

/** Only the fields given change; kind and source are fixed once figures exist (figures would change meaning). */
export const updateIndicatorSchema = z.object({
  id: idSchema,
  code: nullableText('Mã chỉ tiêu', 40),
  name: text('Tên chỉ tiêu', { min: 1, max: 300 }).optional(),
  unitLabel: nullableText('Đơn vị tính', 40),
  legalBasis: nullableText('Căn cứ', 300),
  active: z.boolean().optional(),
  /** New 0-based place among the indicators of the same loại hình. */
  position: z.number().int().min(0).max(10000).optional(),
});
export type UpdateIndicatorData = z.output<typeof updateIndicatorSchema>;

// ───────────────────────────── Unit reports ─────────────────────────────

export const figureValueSchema = z.union([z.number(), z.boolean(), z.string(), z.null()]);
export type FigureValue = z.infer<typeof figureValueSchema>;

const periodKey = { year: yearSchema, period: periodSchema.default('annual') };

export const qcdcReportSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  period: z.enum(QCDC_PERIODS),
  /** The loại hình the unit had when the figures were saved (or has now, for a new report). */
  qcdcType: qcdcTypeSchema.nullable(),
  /** Whether figures were saved for this unit and period. */
  saved: z.boolean(),
  receivedDate: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** The unit-report tracking period this report marked as received (null when none matches). */
  trackedPeriodId: z.string().nullable(),
  figures: z.array(
    z.object({
      indicatorId: z.string(),
      name: z.string(),
      kind: z.enum(INDICATOR_KINDS),
      source: z.enum(INDICATOR_SOURCES),
      readOnly: z.boolean(),
      unitLabel: z.string().nullable(),
      /** Number for count, boolean for yes/no, string for text, the percentage for a ratio (computed). */
      value: figureValueSchema,
    }),
  ),
});
export type QcdcReport = z.infer<typeof qcdcReportSchema>;

export const saveReportSchema = z.object({
  unitId: idSchema,
  ...periodKey,
  /** The day the unit's report arrived (defaults to today): on time / late in the unit-report tracking. */
  receivedDate: isoDate('Ngày nhận báo cáo').nullable().optional(),
  note: nullableText('Ghi chú', 500),
  /** Only typed indicators; read-only (counted) and ratio indicators are refused. Null clears a figure. */
  values: z
    .array(z.object({ indicatorId: idSchema, value: figureValueSchema }))
    .max(500, 'Tối đa 500 chỉ tiêu một lần.'),
});
export type SaveReportData = z.output<typeof saveReportSchema>;

// ───────────────────────────── Statistics ─────────────────────────────

export const statIndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  source: z.enum(INDICATOR_SOURCES),
  unitLabel: z.string().nullable(),
  /**
   * count: the sum; yes/no: units answering yes (x of "x/y"); ratio: percentage of the summed
   * numerator over the summed denominator (null when the denominator is 0); text: units that wrote one.
   */
  total: z.number().nullable(),
  /** yes/no: y of "x/y" (units that answered); ratio: the summed denominator; else null. */
  of: z.number().nullable(),
  /** ratio only: the summed numerator. */
  numerator: z.number().nullable(),
  /** Units with a value for this indicator. */
  unitsWithValue: z.number().int(),
  /** The same indicator's total in the previous period; null when that period has no figure for it. */
  previousTotal: z.number().nullable(),
  /** total − previousTotal; null when either is null (never "tăng N so với 0" against nothing). */
  change: z.number().nullable(),
});
export type StatIndicator = z.infer<typeof statIndicatorSchema>;

export const statTypeSchema = z.object({
  qcdcType: qcdcTypeSchema,
  label: z.string(),
  /** Units of this loại hình required to report (live in the period). */
  unitsTotal: z.number().int(),
  /** Of those, units whose figures were saved for the period. */
  unitsReported: z.number().int(),
  indicators: z.array(statIndicatorSchema),
});
export type StatType = z.infer<typeof statTypeSchema>;

export const statsOutput = z.object({
  year: z.number().int(),
  period: z.enum(QCDC_PERIODS),
  byType: z.array(statTypeSchema),
  byUnit: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      qcdcType: qcdcTypeSchema,
      /** Units merged into this one whose figures are counted here (later periods only). */
      mergedFrom: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
      reported: z.boolean(),
      values: z.record(z.string(), figureValueSchema),
    }),
  ),
  /** The period compared against: same period of the previous year; null when it has no figures at all. */
  previous: z
    .object({
      year: z.number().int(),
      period: z.enum(QCDC_PERIODS),
      byType: z.array(statTypeSchema),
    })
    .nullable(),
});
export type QcdcStats = z.infer<typeof statsOutput>;

export const statsInput = z.object({
  ...periodKey,
  qcdcType: qcdcTypeSchema.optional(),
});
export type StatsInput = z.output<typeof statsInput>;

// ───────────────────────────── Import ─────────────────────────────

export const importColumnSchema = z.object({
  /** Stable key of a column in the file ("Sheet1!C" or "C" for the row-per-unit layout). */
  key: z.string(),
  header: z.string(),
  /** The loại hình heading the column sits under, when the file says it. */
  qcdcType: qcdcTypeSchema.nullable(),
  indicatorId: z.string().nullable(),
  indicatorName: z.string().nullable(),
  /** What `createMissing` would create for an unmatched column. */
  suggestedKind: z.enum(INDICATOR_KINDS),
});

export const importPreviewOutput = z.object({
  importId: z.string(),
  fileName: z.string(),
  year: z.number().int(),
  period: z.enum(QCDC_PERIODS),
  /** rows: one row per unit, a column per indicator; sheets: one sheet per unit. */
  layout: z.enum(['rows', 'sheets']),
  sheets: z.array(z.string()),
  rowsRead: z.number().int(),
  columnsRead: z.number().int(),
  mapping: z.object({
    columns: z.array(importColumnSchema),
    units: z.array(
      z.object({
        /** Stable key of a unit in the file ("Sheet1!12" row or the sheet name). */
        key: z.string(),
        name: z.string(),
        sheet: z.string(),
        row: z.number().int().nullable(),
        qcdcType: qcdcTypeSchema.nullable(),
        unitId: z.string().nullable(),
        unitName: z.string().nullable(),
      }),
    ),
  }),
  /** Figures that would be written with this mapping. */
  valuesCount: z.number().int(),
  /** Units that already have saved figures for the period (they would be replaced for the mapped indicators). */
  replacingUnits: z.number().int(),
  errors: z.array(z.object({ sheet: z.string(), row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })),
  unknownUnits: z.array(z.object({ key: z.string(), name: z.string(), sheet: z.string(), row: z.number().int().nullable() })),
  unknownIndicators: z.array(z.object({ key: z.string(), header: z.string(), qcdcType: qcdcTypeSchema.nullable() })),
});
export type ImportPreview = z.infer<typeof importPreviewOutput>;

export const importPreviewInput = z.object({
  fileName: text('Tên tệp', { min: 1, max: 255 }),
  bytes: bytesSchema,
  ...periodKey,
});

export const importCommitInput = z.object({
  importId: idSchema,
  mapping: z
    .object({
      /** column key → indicator id (null = ignore the column). */
      columns: z.record(z.string(), idSchema.nullable()).optional(),
      /** unit key → unit id (null = skip the unit). */
      units: z.record(z.string(), idSchema.nullable()).optional(),
    })
    .optional(),
  /** Create an indicator for every still-unmatched column that has a loại hình. */
  createMissing: z.boolean().default(false),
  receivedDate: isoDate('Ngày nhận báo cáo').nullable().optional(),
});
export type ImportCommitData = z.output<typeof importCommitInput>;

export const importCommitOutput = z.object({
  importId: z.string(),
  reportsSaved: z.number().int(),
  valuesSaved: z.number().int(),
  indicatorsCreated: z.number().int(),
  unitsSkipped: z.number().int(),
  errors: z.array(z.object({ sheet: z.string(), row: z.number().int().nullable(), column: z.string().nullable(), message: z.string() })),
});

// ───────────────────────────── Channels ─────────────────────────────

export const drillOutput = z.object({
  indicator: indicatorSchema,
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      value: figureValueSchema,
      /** Register rows behind a counted figure (dialogue, supervision, training ids). */
      sources: z.array(z.object({ id: z.string(), date: z.string(), label: z.string() })),
    }),
  ),
});

export const qcdcChannels = {
  'qcdc.indicators.list': channel({
    input: z.object({
      qcdcType: qcdcTypeSchema.optional(),
      includeInactive: z.boolean().default(false),
    }),
    output: z.array(indicatorSchema),
    summary: 'QCDC indicator catalogue by loại hình (those of every loại hình included), in order, with their history.',
  }),
  'qcdc.indicators.create': channel({
    input: createIndicatorSchema,
    output: indicatorSchema,
    summary: 'Add an indicator (count, yes/no, ratio of two counts, short text) to a loại hình or to every loại hình.',
  }),
  'qcdc.indicators.update': channel({
    input: updateIndicatorSchema,
    output: indicatorSchema,
    summary: 'Rename, reorder, (de)activate an indicator; earlier figures keep pointing at it and its history is kept.',
  }),
  'qcdc.reports.get': channel({
    input: z.object({ unitId: idSchema, ...periodKey }),
    output: qcdcReportSchema,
    summary: "A unit's QCDC figures for a period, per indicator of its loại hình (counted ones from the registers).",
  }),
  'qcdc.reports.save': channel({
    input: saveReportSchema,
    output: qcdcReportSchema,
    summary: "Save a unit's QCDC figures for a period; marks the unit reported in the unit-report tracking.",
  }),
  'qcdc.reports.delete': channel({
    input: z.object({ unitId: idSchema, ...periodKey }),
    output: z.object({ unitId: z.string() }),
    summary: "Move a unit's QCDC figures for a period to the trash.",
  }),
  'qcdc.importPreview': channel({
    input: importPreviewInput,
    output: importPreviewOutput,
    summary: 'Read a QCDC roll-up workbook (row per unit or sheet per unit): mapping, rows/columns read, errors, unknown units and indicators.',
  }),
  'qcdc.importCommit': channel({
    input: importCommitInput,
    output: importCommitOutput,
    summary: 'Write a previewed QCDC import in one transaction (optionally creating missing indicators).',
  }),
  'qcdc.importUndo': channel({
    input: z.object({ importId: idSchema }),
    output: z.object({ importId: z.string(), reportsRestored: z.number().int() }),
    summary: 'Undo a QCDC import: figures go back to what they were before it.',
  }),
  'qcdc.stats': channel({
    input: statsInput,
    output: statsOutput,
    summary: 'QCDC statistics by loại hình × indicator × unit for a period, x/y for yes/no, ratios from sums, change against the previous year.',
  }),
  'qcdc.drill': channel({
    input: z.object({ ...periodKey, indicatorId: idSchema }),
    output: drillOutput,
    summary: 'The units (and register rows) behind one indicator total.',
  }),
};
