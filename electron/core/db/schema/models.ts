import type { Generated } from 'kysely';
import type { Timestamps } from './foundation';

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

/**
 * Counters of the live yearly records of one year (migration 0008, kept by triggers on
 * dvk_model_years). Each column counts records; typical/commended only on recognised records;
 * st_<status> per status and stc_<status> the collective ones among them.
 */
export interface DvkCounterColumns {
  total: number;
  new_count: number;
  collective: number;
  typical: number;
  commended: number;
  typical_collective: number;
  commended_collective: number;
  st_registered: number;
  st_implementing: number;
  st_eligible: number;
  st_reviewed: number;
  st_recognised: number;
  st_not_recognised: number;
  stc_registered: number;
  stc_implementing: number;
  stc_eligible: number;
  stc_reviewed: number;
  stc_recognised: number;
  stc_not_recognised: number;
}

/** Per (year, unit): the unit's own records (roll-up to subordinate organisations happens in code). */
export interface DvkUnitCountsTable extends DvkCounterColumns {
  year: number;
  unit_id: string;
}

/** Per (year, field): field_key is the field id, or '' for records without a field. */
export interface DvkFieldCountsTable extends DvkCounterColumns {
  year: number;
  field_key: string;
}

/** One row (id 1): a random token replaced by every write to `units` (statistics cache the unit tree by it). */
export interface DvkUnitTreeVersionTable {
  id: number;
  token: Uint8Array;
}

export interface ModelTables {
  dvk_models: DvkModelsTable;
  dvk_model_years: DvkModelYearsTable;
  dvk_unit_counts: DvkUnitCountsTable;
  dvk_field_counts: DvkFieldCountsTable;
  dvk_unit_tree_version: DvkUnitTreeVersionTable;
  dvk_reviews: DvkReviewsTable;
  dvk_import_mappings: DvkImportMappingsTable;
}
