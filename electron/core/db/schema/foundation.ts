import type { Generated } from 'kysely';

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

export interface FoundationTables {
  settings: SettingsTable;
  audit_log: AuditLogTable;
}

/** The columns every soft-deletable, audited table carries. */
export interface Timestamps {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
