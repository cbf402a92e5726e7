/**
 * The month calendar: tasks and plan items falling due, meetings, inspection visits and the
 * public holidays (so a deadline or a meeting set on a holiday stands out).
 * Recurring tasks have no single date and are not shown (their checkpoints appear in the
 * overdue/due-soon lists instead).
 */
import type { AppContext } from '../context';
import type { CalendarEvent } from '../../../shared/schemas/calendar';
import { formatClock } from '../../../shared/text/format';
import { lastDayOfMonth } from '../tasks/rules';
import { getTasksByIds } from '../tasks/service';
import { selectTargetsVisitedBetween } from '../inspections/repository';
import { selectMeetingsBetween, selectTaskIdsDueBetween } from './repository';
import { holidaysOf } from '../holidays/service';

export async function calendarMonth(ctx: AppContext, year: number, month: number): Promise<{ year: number; month: number; events: CalendarEvent[] }> {
  const from = `${year}-${String(month).padStart(2, '0')}-01`;
  const to = lastDayOfMonth(year, month);
  const tasks = await getTasksByIds(ctx.db, ctx, await selectTaskIdsDueBetween(ctx.db, from, to));
  const meetings = await selectMeetingsBetween(ctx.db, from, to);
  const visits = await selectTargetsVisitedBetween(ctx.db, from, to);
  const holidays = (await holidaysOf(ctx, year)).days.filter((d) => d.date >= from && d.date <= to);
  const events: CalendarEvent[] = [
    ...holidays.map((d) => ({ date: d.date, kind: 'holiday' as const, title: d.name, refId: `holiday:${d.date}`, detail: 'Ngày nghỉ lễ, Tết', dueState: null })),
    ...meetings.map((m) => ({
      date: m.date,
      kind: 'meeting' as const,
      title: m.title,
      refId: m.id,
      detail: [m.start_time ? formatClock(m.start_time) : '', m.place].filter(Boolean).join(', ') || null,
      dueState: null,
    })),
    ...visits.map((v) => ({
      date: v.visit_date!,
      kind: 'inspection' as const,
      title: `Kiểm tra ${v.unit_name}`,
      refId: v.inspection_id,
      detail: v.topic,
      dueState: null,
    })),
    ...tasks.map((t) => ({
      date: t.deadline!,
      kind: 'task' as const,
      title: t.title,
      refId: t.id,
      detail: [t.ownerLabel, t.sourceLabel].filter(Boolean).join(' — ') || null,
      dueState: t.dueState,
    })),
  ];
  const order = { holiday: 0, meeting: 1, inspection: 2, task: 3 };
  events.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
  return { year, month, events };
}
