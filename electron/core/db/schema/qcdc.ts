import type { Generated } from 'kysely';
import type { Timestamps } from './foundation';

export interface QcdcIndicatorsTable extends Timestamps {
  id: string;
  /** xa_phuong | co_quan_nha_nuoc | doanh_nghiep | luc_luong_vu_trang; null = every loại hình */
  qcdc_type: string | null;
  code: string | null;
  name: string;
  /** count | yesno | ratio | text */
  kind: string;
  /** typed | dialogues.count | … (see INDICATOR_SOURCES) */
  source: string;
  numerator_id: string | null;
  denominator_id: string | null;
  unit_label: string | null;
  legal_basis: string | null;
  position: number;
  active: Generated<number>;
  search_text: string;
}

export interface QcdcIndicatorHistoryTable {
  id: string;
  indicator_id: string;
  version: number;
  at: string;
  name: string;
  active: number;
  position: number;
}

export interface QcdcReportsTable extends Timestamps {
  id: string;
  unit_id: string;
  year: number;
  /** six_month | annual | thematic */
  period: string;
  /** The unit's loại hình when it reported. */
  qcdc_type: string;
  received_date: string | null;
  note: string | null;
  import_id: string | null;
}

export interface QcdcValuesTable {
  report_id: string;
  indicator_id: string;
  /** count; yes/no as 1/0 */
  num_value: number | null;
  text_value: string | null;
}

export interface QcdcImportsTable {
  id: string;
  file_name: string;
  year: number;
  period: string;
  created_at: string;
  parsed_json: string;
  committed_at: string | null;
  before_json: string | null;
  undone_at: string | null;
}

export interface DialoguesTable extends Timestamps {
  id: string;
  unit_id: string;
  date: string;
  year: number;
  title: string | null;
  chaired_by: string;
  participants: number;
  participants_note: string | null;
  opinions_raised: number;
  opinions_answered: number;
  opinions_passed_on: number;
  public_due_date: string | null;
  published_date: string | null;
  note: string | null;
  search_text: string;
}

export interface SupervisionsTable extends Timestamps {
  id: string;
  member_id: string;
  unit_id: string;
  date: string;
  year: number;
  content: string | null;
  findings: string | null;
}

export interface TrainingsTable extends Timestamps {
  id: string;
  date: string;
  year: number;
  topic: string;
  organiser: string | null;
  trainees: number;
  note: string | null;
  search_text: string;
}

export interface TrainingUnitsTable {
  training_id: string;
  unit_id: string;
}

export interface InspectionFindingsTable {
  id: string;
  target_id: string;
  indicator_id: string;
  /** 1 met, 0 not met, null not assessed */
  met: number | null;
  note: string | null;
  updated_at: string;
}

export interface QcdcTables {
  qcdc_indicators: QcdcIndicatorsTable;
  qcdc_indicator_history: QcdcIndicatorHistoryTable;
  qcdc_reports: QcdcReportsTable;
  qcdc_values: QcdcValuesTable;
  qcdc_imports: QcdcImportsTable;
  dialogues: DialoguesTable;
  supervisions: SupervisionsTable;
  trainings: TrainingsTable;
  training_units: TrainingUnitsTable;
  inspection_findings: InspectionFindingsTable;
}
