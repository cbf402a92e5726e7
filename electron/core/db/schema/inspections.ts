import type { Timestamps } from './foundation';

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

export interface InspectionTables {
  inspections: InspectionsTable;
  inspection_teams: InspectionTeamsTable;
  inspection_targets: InspectionTargetsTable;
}
