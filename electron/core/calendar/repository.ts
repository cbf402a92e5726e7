/** Read-only month queries for the calendar (meetings belong to the meetings feature; read only). */
import type { Db } from '../db/audit';

export async function selectMeetingsBetween(db: Db, from: string, to: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'date', 'title', 'start_time', 'place'])
    .where('deleted_at', 'is', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('start_time')
    .execute();
}

export async function selectTaskIdsDueBetween(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('deadline', '>=', from)
    .where('deadline', '<=', to)
    .execute();
  return rows.map((r) => r.id);
}
