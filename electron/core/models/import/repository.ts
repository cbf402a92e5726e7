import type { SqliteHandle } from '../../db/open';
import type { ModelRow, YearRow } from '../repository';

/*
 * The import's own database access: prepared better-sqlite3 statements for the per-row work of a
 * 10,000-row file. Kysely compiles every query and wraps it in a promise, which costs more than
 * the insert itself at this size; these statements run on the same connection, so inside the
 * import's Kysely transaction they are part of that one transaction (commit or roll back together).
 * Row shapes are those of models/repository.ts (ModelRow, YearRow).
 */

type Value = string | number | null;
export type YearInsert = Omit<YearRow, 'n'>;

const MODEL_COLUMNS = [
  'id',
  'unit_id',
  'name',
  'name_folded',
  'kind',
  'field_id',
  'performer',
  'period_label',
  'situation',
  'goals',
  'content',
  'area',
  'lead_force',
  'coop_force',
  'resources',
  'timing',
  'expected_results',
  'replicability',
  'first_year',
  'sort_key',
  'created_at',
  'updated_at',
  'deleted_at',
] as const satisfies ReadonlyArray<keyof ModelRow>;

const YEAR_COLUMNS = [
  'id',
  'model_id',
  'year',
  'unit_id',
  'field_id',
  'kind',
  'registration',
  'status',
  'recognition_level_id',
  'recognition_decision_no',
  'recognition_date',
  'typical',
  'commended',
  'award_form_id',
  'award_by',
  'award_decision_no',
  'award_date',
  'replicated_to',
  'result',
  'note',
  'search_text',
  'sort_key',
  'created_at',
  'updated_at',
  'deleted_at',
] as const satisfies ReadonlyArray<keyof YearRow>;

/** Connection-private staging table of new yearly records (see ImportStore.flushYears). */
const STAGE = 'temp.import_year_stage';

const MODEL_COLUMN_SET = new Set<string>(MODEL_COLUMNS);
const YEAR_COLUMN_SET = new Set<string>(YEAR_COLUMNS);

function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}

function bindable(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'string') return v;
  throw new Error(`Giá trị không ghi được vào cơ sở dữ liệu: ${typeof v}`);
}

/** Reads and writes of one import on one connection; statements are prepared once per import. */
export class ImportStore {
  private readonly modelByIdentity;
  private readonly keysOfUnit;
  private readonly yearOf;
  private readonly insertModelStmt;
  private readonly stageYearStmt;
  private staged = 0;
  private readonly copyToYearsStmt;
  private readonly updates = new Map<string, ReturnType<SqliteHandle['prepare']>>();

  constructor(private readonly sqlite: SqliteHandle) {
    this.keysOfUnit = sqlite.prepare('SELECT name_folded FROM dvk_models WHERE unit_id = ? AND deleted_at IS NULL');
    // The partial unique index dvk_models_identity answers this (one row at most).
    this.modelByIdentity = sqlite.prepare('SELECT * FROM dvk_models WHERE unit_id = ? AND name_folded = ? AND deleted_at IS NULL');
    // The partial unique index dvk_years_model_year answers this.
    this.yearOf = sqlite.prepare('SELECT * FROM dvk_model_years WHERE model_id = ? AND year = ? AND deleted_at IS NULL');
    this.insertModelStmt = sqlite.prepare(insertSql('dvk_models', MODEL_COLUMNS));
    // Yearly records are staged in a temporary table and inserted set-wise (flushYears): see there.
    sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${STAGE} AS SELECT ${YEAR_COLUMNS.join(', ')} FROM dvk_model_years WHERE 0`);
    sqlite.exec(`DELETE FROM ${STAGE}`);
    this.stageYearStmt = sqlite.prepare(insertSql(STAGE, YEAR_COLUMNS));
    this.copyToYearsStmt = sqlite.prepare('UPDATE dvk_model_years SET kind = ?, field_id = ?, search_text = ? WHERE model_id = ?');
  }

  /** Folded name keys of a unit's live models (the partial identity index covers this). */
  modelKeysOfUnit(unitId: string): Set<string> {
    return new Set(this.keysOfUnit.pluck().all(unitId) as string[]);
  }

  /** The live model with this identity (unit + folded name key), if any. */
  findModel(unitId: string, nameKey: string): ModelRow | undefined {
    return this.modelByIdentity.get(unitId, nameKey) as ModelRow | undefined;
  }

  /** The live yearly record of a model in a year, if any. */
  findYear(modelId: string, year: number): YearRow | undefined {
    return this.yearOf.get(modelId, year) as YearRow | undefined;
  }

  insertModel(row: ModelRow): void {
    this.insertModelStmt.run(MODEL_COLUMNS.map((c) => bindable(row[c])));
  }

  /** Yearly records staged and not yet written. */
  get stagedYears(): number {
    return this.staged;
  }

  /** Queues a new yearly record; it is written by the next `flushYears` (same transaction). */
  stageYear(row: YearInsert): void {
    this.stageYearStmt.run(YEAR_COLUMNS.map((c) => bindable(row[c])));
    this.staged++;
  }

  /**
   * Writes the staged yearly records with one INSERT … SELECT. Why set-wise: every statement that
   * fires the search-index trigger opens a statement savepoint, and FTS5 flushes its pending terms
   * to a new index segment at each savepoint, so row-by-row inserts wrote one tiny segment per record
   * and merged them over and over (10,000 records: 13.9 s at a 100k register; set-wise 1.4 s).
   * Callers flush every few thousand rows, between progress reports.
   */
  flushYears(): number {
    if (!this.staged) return 0;
    const count = this.staged;
    this.sqlite.exec(`INSERT INTO dvk_model_years (${YEAR_COLUMNS.join(', ')}) SELECT ${YEAR_COLUMNS.join(', ')} FROM ${STAGE} ORDER BY rowid; DELETE FROM ${STAGE};`);
    this.staged = 0;
    return count;
  }

  updateModel(id: string, patch: Record<string, unknown>): void {
    this.update('dvk_models', MODEL_COLUMN_SET, id, patch);
  }

  updateYear(id: string, patch: Record<string, unknown>): void {
    this.update('dvk_model_years', YEAR_COLUMN_SET, id, patch);
  }

  /** Keeps the copies of model data on its yearly records in step with the model. */
  copyModelToYears(modelId: string, kind: string, fieldId: string | null, searchText: string): void {
    this.copyToYearsStmt.run(kind, fieldId, searchText, modelId);
  }

  private update(table: string, allowed: Set<string>, id: string, patch: Record<string, unknown>): void {
    const columns = Object.keys(patch).sort();
    for (const c of columns) if (!allowed.has(c) || c === 'id') throw new Error(`Cột không hợp lệ: ${table}.${c}`);
    if (!columns.length) return;
    const key = `${table}|${columns.join(',')}`;
    let stmt = this.updates.get(key);
    if (!stmt) {
      stmt = this.sqlite.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
      this.updates.set(key, stmt);
    }
    stmt.run([...columns.map((c) => bindable(patch[c])), id]);
  }
}

/**
 * A bigger page cache while one import runs: a 10,000-row import touches pages of every index of
 * the register at random (sort keys, unit ids, search terms); with SQLite's default 2 MB cache the
 * dirty pages spill to the WAL mid-transaction and are read back. Restored afterwards.
 */
export function withImportCache<T>(sqlite: SqliteHandle, run: () => Promise<T>): Promise<T> {
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -131072'); // 128 MB, negative = KiB
  return run().finally(() => {
    sqlite.pragma(`cache_size = ${Number(previous)}`);
  });
}

// ------------------------------------------------------------------ undo of an import

/** Tables an import writes rows of (and its undo removes them from). */
export type ImportedTable = 'dvk_models' | 'dvk_model_years' | 'dvk_reviews' | 'units' | 'catalog_items';

const CHUNK = 500;

/** `updated_at` and `deleted_at` of the given rows (missing rows are absent from the map). */
export function rowStates(sqlite: SqliteHandle, table: ImportedTable, ids: readonly string[]): Map<string, { updated_at: string; deleted_at: string | null }> {
  const out = new Map<string, { updated_at: string; deleted_at: string | null }>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = sqlite.prepare(`SELECT id, updated_at, deleted_at FROM ${table} WHERE id IN (${chunk.map(() => '?').join(',')})`).all(chunk) as Array<{
      id: string;
      updated_at: string;
      deleted_at: string | null;
    }>;
    for (const r of rows) out.set(r.id, { updated_at: r.updated_at, deleted_at: r.deleted_at });
  }
  return out;
}

/** Live yearly records of the given models: `[id, model_id]`. */
export function liveYearsOfModels(sqlite: SqliteHandle, modelIds: readonly string[]): Array<{ id: string; model_id: string }> {
  const out: Array<{ id: string; model_id: string }> = [];
  for (let i = 0; i < modelIds.length; i += CHUNK) {
    const chunk = modelIds.slice(i, i + CHUNK);
    out.push(
      // INDEXED BY: for a long IN list the planner otherwise picks dvk_years_sort (deleted_at) and
      // reads every live record of the register (250 ms per 500 models at 100k).
      ...(sqlite
        .prepare(`SELECT id, model_id FROM dvk_model_years INDEXED BY dvk_years_model_year WHERE deleted_at IS NULL AND model_id IN (${chunk.map(() => '?').join(',')})`)
        .all(chunk) as Array<{
        id: string;
        model_id: string;
      }>),
    );
  }
  return out;
}

/** Moves live rows to the trash (deleted_at), as a delete from the screens does. */
export function softDeleteRows(sqlite: SqliteHandle, table: ImportedTable, ids: readonly string[], at: string): number {
  let changed = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    // `+deleted_at`: found by id, not through an index on deleted_at (which would read every live row).
    changed += sqlite.prepare(`UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE +deleted_at IS NULL AND id IN (${chunk.map(() => '?').join(',')})`).run(at, at, ...chunk).changes;
  }
  return changed;
}

/**
 * True when a live row anywhere refers to the given row (found from the schema's foreign keys, so
 * a table added later is covered): a unit or catalogue value the import created stays when
 * something entered since uses it.
 */
export function isReferenced(sqlite: SqliteHandle, target: 'units' | 'catalog_items', id: string): boolean {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const keys = sqlite.pragma(`foreign_key_list(${table})`) as Array<{ table: string; from: string }>;
    const columns = sqlite.pragma(`table_info(${table})`) as Array<{ name: string }>;
    const live = columns.some((c) => c.name === 'deleted_at') ? ' AND deleted_at IS NULL' : '';
    for (const k of keys.filter((k) => k.table === target)) {
      if (sqlite.prepare(`SELECT 1 FROM ${table} WHERE ${k.from} = ?${live} LIMIT 1`).get(id)) return true;
    }
  }
  return false;
}

/** The name of a model's unit and the model's own search fields (to rebuild its records' search text). */
export function modelSearchFields(sqlite: SqliteHandle, modelId: string): { name: string; performer: string | null; kind: string; field_id: string | null; unit_name: string } | undefined {
  return sqlite
    .prepare('SELECT m.name, m.performer, m.kind, m.field_id, u.name AS unit_name FROM dvk_models m JOIN units u ON u.id = m.unit_id WHERE m.id = ?')
    .get(modelId) as { name: string; performer: string | null; kind: string; field_id: string | null; unit_name: string } | undefined;
}

/** The audit entries of one import: its commit and, if made, its undo. */
export function importAuditEntries(sqlite: SqliteHandle, importId: string): Array<{ seq: number; action: string; at: string; after_json: string | null }> {
  return sqlite
    .prepare("SELECT seq, action, at, after_json FROM audit_log WHERE entity = 'dvk_import' AND entity_id = ? ORDER BY seq")
    .all(importId) as Array<{ seq: number; action: string; at: string; after_json: string | null }>;
}

/** Ids among the given models and yearly records that an audited change touched after audit entry `seq`. */
export function auditedSince(sqlite: SqliteHandle, seq: number, ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = sqlite
      .prepare(`SELECT DISTINCT entity_id FROM audit_log WHERE entity IN ('dvk_model', 'dvk_model_year') AND entity_id IN (${chunk.map(() => '?').join(',')}) AND seq > ?`)
      .pluck()
      .all(...chunk, seq) as string[];
    for (const id of rows) out.add(id);
  }
  return out;
}

/** Imports committed after audit entry `seq` and not undone: their ids and stored details. */
export function importsSince(sqlite: SqliteHandle, seq: number): Array<{ entity_id: string; after_json: string | null }> {
  return sqlite
    .prepare(
      `SELECT i.entity_id, i.after_json FROM audit_log i
        WHERE i.entity = 'dvk_import' AND i.action = 'import' AND i.seq > ?
          AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.entity = 'dvk_import' AND u.entity_id = i.entity_id AND u.action = 'undo')`,
    )
    .all(seq) as Array<{ entity_id: string; after_json: string | null }>;
}

/** The most recent imports (commit entries), newest first, and which of them were undone. */
export function recentImportEntries(
  sqlite: SqliteHandle,
  limit: number,
): Array<{ seq: number; entity_id: string; at: string; user_name: string; after_json: string | null; undone_at: string | null }> {
  return sqlite
    .prepare(
      `SELECT i.seq, i.entity_id, i.at, i.user_name, i.after_json,
              (SELECT u.at FROM audit_log u WHERE u.entity = 'dvk_import' AND u.entity_id = i.entity_id AND u.action = 'undo') AS undone_at
         FROM audit_log i
        WHERE i.entity = 'dvk_import' AND i.action = 'import'
        ORDER BY i.seq DESC
        LIMIT ?`,
    )
    .all(limit) as Array<{ seq: number; entity_id: string; at: string; user_name: string; after_json: string | null; undone_at: string | null }>;
}

// ------------------------------------------------------------------ undo of a bulk status change

/** The audit entries of one bulk operation (`dvk_bulk`): its change and, if made, its undo. */
export function bulkAuditEntries(sqlite: SqliteHandle, operationId: string): Array<{ seq: number; action: string; at: string; after_json: string | null }> {
  return sqlite
    .prepare("SELECT seq, action, at, after_json FROM audit_log WHERE entity = 'dvk_bulk' AND entity_id = ? ORDER BY seq")
    .all(operationId) as Array<{ seq: number; action: string; at: string; after_json: string | null }>;
}

/** The per-record entries a bulk operation wrote: the `count` entries just before its own. */
export function bulkRecordEntries(sqlite: SqliteHandle, operationSeq: number, count: number): Array<{ entity_id: string; before_json: string | null }> {
  return sqlite
    .prepare("SELECT entity_id, before_json FROM audit_log WHERE seq >= ? AND seq < ? AND entity = 'dvk_model_year' AND action = 'bulkStatus' ORDER BY seq")
    .all(operationSeq - count, operationSeq) as Array<{ entity_id: string; before_json: string | null }>;
}
