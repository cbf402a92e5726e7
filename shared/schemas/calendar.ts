// Channels and schemas of the month calendar (tasks due, meetings, inspection visits, holidays).
import { z } from 'zod';
import { channel } from '../contract/define';
import { intInRange } from './common';
import { DUE_STATES } from './tasks';

export const calendarEventSchema = z.object({
  date: z.string(),
  kind: z.enum(['task', 'meeting', 'inspection', 'holiday']),
  title: z.string(),
  refId: z.string(),
  detail: z.string().nullable(),
  dueState: z.enum(DUE_STATES).nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const calendarChannels = {
  'calendar.month': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), month: intInRange('Tháng', 1, 12) }),
    output: z.object({ year: z.number().int(), month: z.number().int(), events: z.array(calendarEventSchema) }),
    summary: 'Plan items and tasks due, meetings and inspection visits in one month.',
  }),
};
