import { sql } from 'kysely';
import type { Db } from '../../db/audit';
import type { AuditFilter } from '../../../../shared/schemas/audit';

export interface AuditRow {
  id: string;
  seq: number;
  at: string;
  user_name: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
}

/** Start of a Vietnamese calendar day (UTC+7, no DST) as the ISO instant stored in `at`. */
function dayStart(date: string): string {
  return new Date(`${date}T00:00:00+07:00`).toISOString();
}
function nextDayStart(date: string): string {
  return new Date(new Date(`${date}T00:00:00+07:00`).getTime() + 24 * 3600_000).toISOString();
}

function filtered(db: Db, filter: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (filter.entity) q = q.where('entity', '=', filter.entity);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.user) q = q.where('user_name', '=', filter.user);
  if (filter.from) q = q.where('at', '>=', dayStart(filter.from));
  if (filter.to) q = q.where('at', '<', nextDayStart(filter.to));
  if (filter.search) {
    // JSON text holds the user's words verbatim; LIKE is parameterised, % and _ escaped.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (col: string) => sql<boolean>`${sql.ref(col)} LIKE ${pattern} ESCAPE '\\'`;
    q = q.where((eb) => eb.or([like('entity_id'), like('before_json'), like('after_json'), like('note'), like('user_name')].map((e) => eb(e, '=', sql<boolean>`1`))));
  }
  return q;
}

export async function listAudit(db: Db, filter: AuditFilter, limit: number, offset: number): Promise<{ rows: AuditRow[]; total: number }> {
  const rows = await filtered(db, filter)
    .select(['id', 'seq', 'at', 'user_name', 'entity', 'entity_id', 'action', 'before_json', 'after_json', 'note'])
    .orderBy('seq', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  const count = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

export async function distinctUsers(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('user_name').distinct().orderBy('user_name').limit(500).execute();
  return rows.map((r) => r.user_name);
}

export async function distinctEntities(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('entity').distinct().orderBy('entity').limit(500).execute();
  return rows.map((r) => r.entity);
}
