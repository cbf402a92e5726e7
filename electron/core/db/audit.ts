import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import { newId } from './ids';

export type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

export interface Actor {
  /** Shown in the audit log; the OS user until named users exist. */
  name: string;
}

/**
 * The one helper every write goes through: call it inside the same transaction as the change,
 * so the log and the data can never disagree.
 */
export async function recordAudit(db: Db, actor: Actor, at: string, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at,
      user_name: actor.name,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
      note: entry.note ?? null,
    })
    .execute();
}
