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
  await recordAudits(db, actor, at, [entry]);
}

/** Audit rows per statement: 9 columns each, far below SQLite's 32,766 bound parameters. */
const AUDIT_CHUNK = 500;

/**
 * Several entries of one write (a plan's 30 item tasks) in one INSERT per 500: each statement
 * through Kysely costs a compile, a prepare and a promise, which dominated saving a long plan.
 */
export async function recordAudits(db: Db, actor: Actor, at: string, entries: readonly AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + AUDIT_CHUNK).map((entry) => ({
          id: newId(),
          at,
          user_name: actor.name,
          entity: entry.entity,
          entity_id: entry.entityId,
          action: entry.action,
          before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
          after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
          note: entry.note ?? null,
        })),
      )
      .execute();
  }
}
