import type { Generated } from 'kysely';

/**
 * The single truth of the database schema for Kysely. Every migration that changes a table
 * changes its interface here in the same commit. Conventions: text UUIDv7 `id`; timestamps
 * ISO-8601 UTC; calendar dates `YYYY-MM-DD`; nullable columns typed `| null`; soft delete via
 * `deleted_at`; searchable rows carry a folded `search_text` and a Vietnamese `sort_key`.
 */
export interface SettingsTable {
  key: string;
  /** JSON */
  value: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_name: string;
  entity: string;
  entity_id: string;
  /** create | update | delete | restore | finalize | reopen | import | … */
  action: string;
  before_json: string | null;
  after_json: string | null;
  note: string | null;
  seq: Generated<number>;
}

export interface Database {
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
