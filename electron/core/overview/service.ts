import type { AppContext } from '../context';
import { localToday } from '../clock';
import { yearStats } from '../models/stats';
import { listYears } from '../models/service';
import { listMeetings } from '../meetings/service';
import { overdueTasks, tasksWhere, taskYears } from '../tasks/service';
import { getInspection, listInspections } from '../inspections/service';
import { reportMatrix } from '../unitReports/service';
import { listPlans } from '../plans/service';
import type { Task } from '../../../shared/schemas/tasks';
import type { MeetingSummary } from '../../../shared/schemas/meetings';
import type { Overview, Trend, TrendMetric } from '../../../shared/schemas/overview';

/*
 * The overview is assembled from the other features' own services (models stats, meetings list,
 * tasks list with computed due states, inspections, unit report matrix), so every figure here is
 * the count of exactly the rows those lists show when the user drills down.
 */

const MEETING_PAGE = 500;

/** Every meeting of a year (the list pages at 500). */
export async function meetingsOfYear(ctx: AppContext, year: number): Promise<MeetingSummary[]> {
  const out: MeetingSummary[] = [];
  for (let offset = 0; ; offset += MEETING_PAGE) {
    const page = await listMeetings(ctx, { year, limit: MEETING_PAGE, offset });
    out.push(...page.items);
    if (out.length >= page.total || page.items.length === 0) return out;
  }
}

/** Every task of a year, with its due state for today (the list's rows, however many). */
export async function tasksOfYear(ctx: AppContext, year: number): Promise<Task[]> {
  return tasksWhere(ctx.db, ctx, { year });
}

/**
 * `overdue` is the tasks still late today that the year owes (tasks/service overdueTasks: this
 * year's, earlier years' and those without a year), so the current year's figure is the start-up
 * notice's figure and the overdue list's length; without it, the year's own tasks that are late.
 */
export function taskFigures(tasks: readonly Task[], overdue?: readonly Task[]): Overview['tasks'] {
  const done = tasks.filter((t) => t.status === 'hoan_thanh').length;
  const paused = tasks.filter((t) => t.status === 'tam_dung').length;
  return {
    total: tasks.length,
    done,
    paused,
    open: tasks.length - done - paused,
    overdue: overdue ? overdue.length : tasks.filter((t) => t.dueState === 'overdue').length,
  };
}

/**
 * Every step split by kind, from the statistics (counters kept by triggers, migration 0008): the
 * same records the drill-down opens (recognised + typical/commended + kind), without four
 * register counts over the year's records.
 */
function funnel(m: Overview['models']): Overview['funnel'] {
  return [
    { step: 'registered', collective: m.collective, individual: m.individual },
    { step: 'recognised', collective: m.recognisedCollective, individual: m.recognisedIndividual },
    { step: 'typical', collective: m.typicalCollective, individual: m.typical - m.typicalCollective },
    { step: 'commended', collective: m.commendedCollective, individual: m.commended - m.commendedCollective },
  ];
}

export async function buildOverview(ctx: AppContext, year: number, options: { funnel?: boolean } = {}): Promise<Overview> {
  const today = localToday(ctx.clock);
  const [models, meetings, tasks, overdue, inspections, matrix, plans] = await Promise.all([
    yearStats(ctx, year),
    meetingsOfYear(ctx, year),
    tasksOfYear(ctx, year),
    overdueTasks(ctx.db, ctx, year),
    listInspections(ctx, year),
    reportMatrix(ctx, { year }),
    listPlans(ctx, { year }),
  ]);

  const byKind = new Map<string, number>();
  for (const m of meetings) byKind.set(m.kindName, (byKind.get(m.kindName) ?? 0) + 1);

  // Visited targets need the inspection detail; a year has a handful of rounds.
  let done = 0;
  for (const i of inspections) {
    const detail = await getInspection(ctx, i.id);
    done += detail.targets.filter((t) => t.visitDate !== null && t.visitDate <= today).length;
  }

  const sum = (k: 'onTime' | 'late' | 'missing' | 'pending') => matrix.totals.reduce((a, t) => a + t[k], 0);

  return {
    year,
    today,
    models,
    // The comparison across years shows no funnel.
    funnel: options.funnel === false ? [] : funnel(models),
    meetings: {
      total: meetings.length,
      held: meetings.filter((m) => m.date <= today).length,
      finalized: meetings.filter((m) => m.status === 'finalized').length,
      byKind: [...byKind.entries()].map(([kindName, count]) => ({ kindName, count })),
    },
    tasks: taskFigures(tasks, overdue),
    // Plan completion as the plans list shows it (items of the year's plans, done ones).
    plans: { plans: plans.length, tasks: plans.reduce((a, p) => a + p.itemCount, 0), done: plans.reduce((a, p) => a + p.doneCount, 0) },
    inspections: {
      rounds: inspections.length,
      planned: inspections.reduce((a, i) => a + i.targetCount, 0),
      done,
      recommendations: inspections.reduce((a, i) => a + i.recommendationCount, 0),
      recommendationsOpen: inspections.reduce((a, i) => a + i.openRecommendationCount, 0),
    },
    unitReports: { periods: matrix.periods.length, onTime: sum('onTime'), late: sum('late'), missing: sum('missing'), pending: sum('pending') },
  };
}

export function flatFigures(o: Overview): Record<TrendMetric, number> {
  return {
    registered: o.models.registered,
    recognised: o.models.recognised,
    typical: o.models.typical,
    commended: o.models.commended,
    collective: o.models.collective,
    individual: o.models.individual,
    unitsReviewed: o.models.unitsReviewed,
    meetingsHeld: o.meetings.held,
    tasksTotal: o.tasks.total,
    tasksDone: o.tasks.done,
    tasksOverdue: o.tasks.overdue,
    inspectionsPlanned: o.inspections.planned,
    inspectionsDone: o.inspections.done,
    recommendationsOpen: o.inspections.recommendationsOpen,
    reportsOnTime: o.unitReports.onTime,
    reportsLate: o.unitReports.late,
    reportsMissing: o.unitReports.missing,
  };
}

/** Years that have any data: model records, meetings, tasks (oldest first). */
export async function dataYears(ctx: AppContext): Promise<number[]> {
  const years = new Set<number>((await listYears(ctx)).map((y) => y.year));
  const meetings = await listMeetings(ctx, { limit: 1, offset: 0 });
  for (const y of meetings.years) years.add(y);
  // Tasks carry the year of their deadline: a December conference's tasks are next year's.
  for (const y of await taskYears(ctx.db)) years.add(y);
  return [...years].sort((a, b) => a - b);
}

export async function buildTrend(ctx: AppContext): Promise<Trend> {
  const years: Trend['years'] = [];
  for (const year of await dataYears(ctx)) years.push({ year, values: flatFigures(await buildOverview(ctx, year, { funnel: false })) });
  return { years };
}
