import type { Generated } from 'kysely';
import type { Timestamps } from './foundation';

export interface TasksTable extends Timestamps {
  id: string;
  title: string;
  description: string | null;
  /** plan | meeting | inspection | direct */
  source_type: string;
  /** plan item / meeting / inspection id */
  source_id: string | null;
  /** e.g. the conclusion id inside a meeting */
  source_ref: string | null;
  lead_unit_id: string | null;
  lead_member_id: string | null;
  /** Free text when the lead is neither a known unit nor a member */
  lead_text: string | null;
  /** date | month | quarter | recurring | none */
  timing_kind: Generated<string>;
  timing_value: string | null;
  deadline: string | null;
  /** chua_thuc_hien | dang_thuc_hien | hoan_thanh | tam_dung */
  status: Generated<string>;
  progress: Generated<number>;
  completed_at: string | null;
  /** The date of the document that assigned it (migration 0014); progress is accepted from it on. */
  assigned_date: string | null;
  /** Set when an officer changed assigned_date by hand: it then no longer follows its source. */
  assigned_reason: string | null;
  year: number | null;
  search_text: string;
  sort_key: string;
}

export interface TaskCoordinatorsTable {
  task_id: string;
  unit_id: string;
}

export interface TaskUpdatesTable {
  id: string;
  task_id: string;
  date: string;
  status: string;
  progress: number;
  note: string | null;
  user_name: string;
  created_at: string;
  deleted_at: string | null;
}

export interface AttachmentsTable {
  id: string;
  owner_type: string;
  owner_id: string;
  file_name: string;
  stored_name: string;
  sha256: string;
  size: number;
  mime_type: string;
  created_at: string;
  deleted_at: string | null;
}

/** Deliberate edits after assignment (deadline extension, reassignment), with their reason. */
export interface TaskChangesTable {
  id: string;
  task_id: string;
  /** deadline | assigned_date | lead */
  field: string;
  before_value: string | null;
  after_value: string | null;
  reason: string;
  user_name: string;
  created_at: string;
}

export interface TaskTables {
  tasks: TasksTable;
  task_coordinators: TaskCoordinatorsTable;
  task_updates: TaskUpdatesTable;
  task_changes: TaskChangesTable;
  attachments: AttachmentsTable;
}
