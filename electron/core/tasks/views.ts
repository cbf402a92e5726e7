/** Grouped views of tasks: by owner (lead unit, member or free text). */
import type { AppContext } from '../context';
import type { Task } from '../../../shared/schemas/tasks';
import { compareVietnamese } from '../../../shared/text/vietnamese';
import { byUrgency, tasksWhere } from './service';

export interface OwnerGroup {
  key: string;
  ownerLabel: string;
  total: number;
  done: number;
  overdue: number;
  dueSoon: number;
  tasks: Task[];
}

export async function tasksByOwner(ctx: AppContext, input: { year?: number | undefined; openOnly: boolean }): Promise<OwnerGroup[]> {
  const tasks = await tasksWhere(ctx.db, ctx, { ...(input.year ? { year: input.year } : {}), openOnly: input.openOnly });
  const groups = new Map<string, OwnerGroup>();
  for (const t of tasks) {
    const key = t.leadUnit ? `unit:${t.leadUnit.id}` : t.leadMember ? `member:${t.leadMember.id}` : t.leadText ? `text:${t.leadText}` : 'none';
    let g = groups.get(key);
    if (!g) {
      g = { key, ownerLabel: t.ownerLabel, total: 0, done: 0, overdue: 0, dueSoon: 0, tasks: [] };
      groups.set(key, g);
    }
    g.total++;
    if (t.dueState === 'done') g.done++;
    if (t.dueState === 'overdue') g.overdue++;
    if (t.dueState === 'dueSoon') g.dueSoon++;
    g.tasks.push(t);
  }
  for (const g of groups.values()) g.tasks.sort(byUrgency);
  return [...groups.values()].sort((a, b) => b.overdue - a.overdue || compareVietnamese(a.ownerLabel, b.ownerLabel));
}
