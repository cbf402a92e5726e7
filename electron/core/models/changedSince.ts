/**
 * "Has this record changed since that change?" — the one rule both undos (of an import, of a bulk
 * status change) apply before they touch anything: a record counts as changed when it is gone or
 * deleted, when its time of change is not the change's own, when an audited edit of it came later
 * (also at the same clock time), or when a later import that is still in place wrote it.
 */
import type { SqliteHandle } from '../db/open';
import { auditedSince, importsSince, rowStates } from './import/repository';

/** What an import's audit entry (`after`, parsed) says it wrote: yearly records and updated models. */
export interface ImportWrites {
  recordIds?: string[];
  undo?: { updatedModels?: Array<{ id: string }> };
}

/** The records and models a stored import wrote, from its parsed audit entry. */
export function writtenByImport(entry: ImportWrites): string[] {
  return [...(entry.recordIds ?? []), ...(entry.undo?.updatedModels?.map((u) => u.id) ?? [])];
}

/** What imports after audit entry `seq` (and not undone) wrote. */
export function laterImportWrites(sqlite: SqliteHandle, seq: number): Set<string> {
  return new Set(importsSince(sqlite, seq).flatMap((i) => writtenByImport(i.after_json ? (JSON.parse(i.after_json) as ImportWrites) : {})));
}

/** How many of `ids` changed after the change made at `since` (audit entry `seq`, time `at`). */
export function countChangedSince(
  sqlite: SqliteHandle,
  since: { seq: number; at: string },
  table: 'dvk_models' | 'dvk_model_years',
  ids: readonly string[],
  laterImports: ReadonlySet<string>,
): number {
  const states = rowStates(sqlite, table, ids);
  const audited = auditedSince(sqlite, since.seq, ids);
  return ids.filter((id) => {
    const s = states.get(id);
    return !s || s.deleted_at !== null || s.updated_at !== since.at || audited.has(id) || laterImports.has(id);
  }).length;
}
