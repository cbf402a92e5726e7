/**
 * The record kinds a package carries, one entry each. Adding QCDC period reports, dialogue
 * conferences or evidence files is one more entry here: a table, how its rows of a year are read,
 * the columns that stay on this machine, and the fields that are the receiver's own decisions.
 */
export interface RecordKind {
  kind: string;
  /** Vietnamese, for the preview */
  label: string;
  /** A SELECT yielding one row per record of the year (`?` = the year); must include id, updated_at. */
  selectSql: string;
  /** Column whose value names the record in the preview */
  labelField: string;
  /**
   * Fields the receiving level decides for itself on the sender's record (review result, its own
   * recognition, its award). The sender's values travel as information; the receiver's decisions
   * are stored apart (exchange_records.local_json) and a new version from the sender never touches
   * them — a sender change to one of them is listed as a conflict for the user.
   */
  decisionFields: readonly string[];
}

/** Columns that are machine-local (search/sort helpers, the rowid, the soft-delete marker). */
export const LOCAL_COLUMNS = new Set(['n', 'search_text', 'sort_key', 'name_folded', 'deleted_at']);

export const recordKinds: readonly RecordKind[] = [
  {
    kind: 'model',
    label: 'Mô hình',
    selectSql: `SELECT m.*, u.name AS unit_name FROM dvk_models m JOIN units u ON u.id = m.unit_id
      WHERE m.deleted_at IS NULL AND EXISTS (SELECT 1 FROM dvk_model_years y WHERE y.model_id = m.id AND y.year = ? AND y.deleted_at IS NULL)`,
    labelField: 'name',
    decisionFields: [],
  },
  {
    kind: 'modelYear',
    label: 'Lượt mô hình trong năm',
    selectSql: `SELECT y.*, m.name AS model_name, u.name AS unit_name FROM dvk_model_years y
      JOIN dvk_models m ON m.id = y.model_id JOIN units u ON u.id = y.unit_id
      WHERE y.year = ? AND y.deleted_at IS NULL`,
    labelField: 'model_name',
    decisionFields: ['status', 'recognition_level_id', 'recognition_decision_no', 'recognition_date', 'typical', 'commended', 'award_form_id', 'award_by', 'award_decision_no', 'award_date'],
  },
  {
    kind: 'review',
    label: 'Họp xét mô hình',
    selectSql: `SELECT r.*, u.name AS unit_name FROM dvk_reviews r JOIN units u ON u.id = r.unit_id WHERE r.year = ? AND r.deleted_at IS NULL`,
    labelField: 'unit_name',
    decisionFields: [],
  },
];

export const kindByName = new Map(recordKinds.map((k) => [k.kind, k]));
