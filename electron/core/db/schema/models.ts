import type { Generated } from 'kysely';
import type { Timestamps } from './organisation';

/** A "Dân vận khéo" model: the registration, shared by all its yearly records. */
export interface DvkModelsTable extends Timestamps {
  id: string;
  unit_id: string;
  name: string;
  /** Folded name: with unit_id, the identity a re-import matches on. */
  name_folded: string;
  /** collective | individual */
  kind: string;
  field_id: string | null;
  performer: string | null;
  period_label: string | null;
  situation: string | null;
  goals: string | null;
  content: string | null;
  area: string | null;
  lead_force: string | null;
  coop_force: string | null;
  resources: string | null;
  timing: string | null;
  expected_results: string | null;
  replicability: string | null;
  first_year: number;
  sort_key: string;
}

/**
 * One yearly record (lượt) of a model. Unit, field, kind, name key and search text are copied from
 * the model (kept in step by the repository) so the register, its search and the statistics read
 * one table through covering indexes.
 */
export interface DvkModelYearsTable extends Timestamps {
  /** INTEGER PRIMARY KEY: the stable rowid the external-content FTS5 index points at. */
  n: Generated<number>;
  id: string;
  model_id: string;
  year: number;
  unit_id: string;
  field_id: string | null;
  kind: string;
  /** new | carried */
  registration: string;
  /** registered | implementing | eligible | reviewed | recognised | notRecognised */
  status: string;
  recognition_level_id: string | null;
  recognition_decision_no: string | null;
  recognition_date: string | null;
  typical: number;
  commended: number;
  award_form_id: string | null;
  award_by: string | null;
  award_decision_no: string | null;
  award_date: string | null;
  replicated_to: string | null;
  result: string | null;
  note: string | null;
  /** Folded name + performer + unit name (diacritics-free search, FTS5). */
  search_text: string;
  sort_key: string;
}

/** Review meeting (họp xét) of one subordinate organisation for one year. */
export interface DvkReviewsTable extends Timestamps {
  id: string;
  year: number;
  unit_id: string;
  meeting_date: string | null;
  /** meeting | import */
  source: string;
  note: string | null;
}

/** Column mappings the user confirmed, remembered per header signature. */
export interface DvkImportMappingsTable {
  signature: string;
  mapping_json: string;
  updated_at: string;
}

export interface ModelTables {
  dvk_models: DvkModelsTable;
  dvk_model_years: DvkModelYearsTable;
  dvk_reviews: DvkReviewsTable;
  dvk_import_mappings: DvkImportMappingsTable;
}
