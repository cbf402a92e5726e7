import type { Timestamps } from './organisation';

export interface PlansTable extends Timestamps {
  id: string;
  /** qcdc | dvk | kiem_tra | khac */
  kind: string;
  year: number;
  date: string;
  title: string;
  purpose: string | null;
  implementation: string | null;
  recipients: string | null;
  /** As printed, "12-KH/BCĐ" (from the number register or typed). */
  number_text: string | null;
  copied_from_id: string | null;
  search_text: string;
  sort_key: string;
}

/** One line of a plan; content, owners and timing live in its task. */
export interface PlanItemsTable extends Timestamps {
  id: string;
  plan_id: string;
  task_id: string;
  position: number;
  group_label: string | null;
  expected_output: string | null;
}

export interface InspectionsTable extends Timestamps {
  id: string;
  /** kiem_tra | giam_sat */
  kind: string;
  year: number;
  date: string;
  topic: string;
  title: string | null;
  start_date: string | null;
  end_date: string | null;
  report_before_days: number;
  content: string | null;
  number_text: string | null;
  search_text: string;
  sort_key: string;
}

export interface InspectionTeamsTable {
  id: string;
  inspection_id: string;
  position: number;
  name: string;
  members_json: string;
}

/** A visited unit; its recommendations are tasks (source_type 'inspection', source_ref = this id). */
export interface InspectionTargetsTable extends Timestamps {
  id: string;
  inspection_id: string;
  team_id: string | null;
  unit_id: string;
  position: number;
  qcdc_type: string | null;
  visit_date: string | null;
  report_received_date: string | null;
  strengths: string | null;
  shortcomings: string | null;
  conclusions: string | null;
}

export interface ReportPeriodsTable extends Timestamps {
  id: string;
  /** six_month | annual | thematic */
  type: string;
  year: number;
  title: string;
  due_date: string;
}

export interface UnitReportsTable {
  id: string;
  period_id: string;
  unit_id: string;
  /** Per-unit override of the period's due date. */
  due_date: string | null;
  received_date: string | null;
  note: string | null;
  updated_at: string;
}

export interface PlanTables {
  plans: PlansTable;
  plan_items: PlanItemsTable;
  inspections: InspectionsTable;
  inspection_teams: InspectionTeamsTable;
  inspection_targets: InspectionTargetsTable;
  report_periods: ReportPeriodsTable;
  unit_reports: UnitReportsTable;
}
