// Channels and schemas of the overview (Tổng quan): the year's figures and their trend.
import { z } from 'zod';
import { channel } from '../contract/define';
import { intInRange } from './common';
import { statsOutputSchema } from './models';

export const yearInput = z.object({ year: intInRange('Năm', 1990, 2100) }).strict();

export const FUNNEL_STEPS = ['registered', 'recognised', 'typical', 'commended'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export const FUNNEL_LABELS: Record<FunnelStep, string> = {
  registered: 'Đăng ký',
  recognised: 'Công nhận',
  typical: 'Điển hình',
  commended: 'Khen thưởng',
};

/** Every figure of the Tổng quan page for one year; each one reconciles with the rows behind it. */
export const overviewSchema = z.object({
  year: z.number().int(),
  /** The core's "today" (ISO), the date every overdue / held / done figure refers to. */
  today: z.string(),
  models: statsOutputSchema,
  /** The funnel registered → recognised → typical → commended, split tập thể / cá nhân. */
  funnel: z.array(z.object({ step: z.enum(FUNNEL_STEPS), collective: z.number().int(), individual: z.number().int() })),
  meetings: z.object({
    total: z.number().int(),
    /** Held = dated today or earlier. */
    held: z.number().int(),
    finalized: z.number().int(),
    byKind: z.array(z.object({ kindName: z.string(), count: z.number().int() })),
  }),
  tasks: z.object({
    total: z.number().int(),
    open: z.number().int(),
    overdue: z.number().int(),
    done: z.number().int(),
    paused: z.number().int(),
  }),
  /** Plan completion: tasks that come from the year's plans. */
  plans: z.object({ plans: z.number().int(), tasks: z.number().int(), done: z.number().int() }),
  inspections: z.object({
    /** Inspection rounds (đợt) of the year. */
    rounds: z.number().int(),
    /** Units planned to be inspected (targets) and those already visited. */
    planned: z.number().int(),
    done: z.number().int(),
    recommendations: z.number().int(),
    recommendationsOpen: z.number().int(),
  }),
  unitReports: z.object({
    periods: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    pending: z.number().int(),
  }),
});
export type Overview = z.infer<typeof overviewSchema>;

/** Flat figures of one year, for the comparison across years. */
export const TREND_METRICS = [
  'registered',
  'recognised',
  'typical',
  'commended',
  'collective',
  'individual',
  'unitsReviewed',
  'meetingsHeld',
  'tasksTotal',
  'tasksDone',
  'tasksOverdue',
  'inspectionsPlanned',
  'inspectionsDone',
  'recommendationsOpen',
  'reportsOnTime',
  'reportsLate',
  'reportsMissing',
] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const TREND_METRIC_LABELS: Record<TrendMetric, string> = {
  registered: 'Mô hình đăng ký',
  recognised: 'Mô hình được công nhận',
  typical: 'Mô hình điển hình',
  commended: 'Mô hình được khen thưởng',
  collective: 'Mô hình tập thể',
  individual: 'Mô hình cá nhân',
  unitsReviewed: 'Đơn vị đã họp xét',
  meetingsHeld: 'Hội nghị, cuộc họp đã tổ chức',
  tasksTotal: 'Nhiệm vụ',
  tasksDone: 'Nhiệm vụ hoàn thành',
  tasksOverdue: 'Nhiệm vụ quá hạn',
  inspectionsPlanned: 'Đơn vị được kiểm tra theo kế hoạch',
  inspectionsDone: 'Đơn vị đã kiểm tra',
  recommendationsOpen: 'Kiến nghị chưa thực hiện xong',
  reportsOnTime: 'Báo cáo đơn vị đúng hạn',
  reportsLate: 'Báo cáo đơn vị chậm',
  reportsMissing: 'Báo cáo đơn vị chưa gửi',
};

export const trendSchema = z.object({
  years: z.array(z.object({ year: z.number().int(), values: z.record(z.enum(TREND_METRICS), z.number().int()) })),
});
export type Trend = z.infer<typeof trendSchema>;

export const overviewChannels = {
  'overview.get': channel({
    input: yearInput,
    output: overviewSchema,
    summary: 'Every figure of the overview for a year: models (funnel, by unit, units reviewed, previous year), meetings, tasks, plan completion, inspections, recommendations, unit reports.',
  }),
  'overview.years': channel({
    input: z.object({}).strict(),
    output: z.array(z.number().int()),
    summary: 'Every year with data (model records, meetings, tasks), oldest first: the overview’s year list.',
  }),
  'overview.trend': channel({
    input: z.object({}).strict(),
    output: trendSchema,
    summary: 'The overview figures of every year in the database (year-over-year comparison).',
  }),
};
