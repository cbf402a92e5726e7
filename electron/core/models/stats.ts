import type { AppContext } from '../context';
import type { DvkCounterColumns } from '../db/schema';
import { MODEL_STATUSES, type ModelCounts, type ModelStats, type ModelStatus } from '../../../shared/schemas/models';
import { COUNTER_COLUMNS, selectCatalog, selectCounterTotals, selectFieldCounters, selectReviews, selectUnitCounters, selectUnits } from './repository';
import { UnitTree } from './unitTree';

/*
 * Statistics of one year from the counters kept by triggers on the yearly records (migration 0008):
 * one row per unit that has records and one per field, so the work no longer grows with the number
 * of records. The roll-up of units to the subordinate organisations (subtrees, mergers valid in the
 * year) happens here, per unit. Totals, by-unit and by-field tables sum the same live records, so
 * they add up to the register rows; tests/core/models/counters.test.ts checks the counters against
 * a fresh GROUP BY after every kind of write.
 */

/** The counter column of each status (all records / collective ones). */
export const STATUS_COLUMNS: Record<ModelStatus, { all: keyof DvkCounterColumns; collective: keyof DvkCounterColumns }> = {
  registered: { all: 'st_registered', collective: 'stc_registered' },
  implementing: { all: 'st_implementing', collective: 'stc_implementing' },
  eligible: { all: 'st_eligible', collective: 'stc_eligible' },
  reviewed: { all: 'st_reviewed', collective: 'stc_reviewed' },
  recognised: { all: 'st_recognised', collective: 'stc_recognised' },
  notRecognised: { all: 'st_not_recognised', collective: 'stc_not_recognised' },
};

export function emptyCounters(): DvkCounterColumns {
  const c = {} as DvkCounterColumns;
  for (const k of COUNTER_COLUMNS) c[k] = 0;
  return c;
}

export function addCounters(acc: DvkCounterColumns, row: DvkCounterColumns): void {
  for (const k of COUNTER_COLUMNS) acc[k] += row[k];
}

export function emptyCounts(): ModelCounts {
  return toCounts(emptyCounters());
}

/** The figures of the statistics from one set of counters. */
export function toCounts(c: DvkCounterColumns): ModelCounts {
  return {
    registered: c.total,
    newCount: c.new_count,
    carriedCount: c.total - c.new_count,
    recognised: c.st_recognised,
    notRecognised: c.st_not_recognised,
    typical: c.typical,
    commended: c.commended,
    collective: c.collective,
    individual: c.total - c.collective,
    recognisedCollective: c.stc_recognised,
    recognisedIndividual: c.st_recognised - c.stc_recognised,
  };
}

/** Records per status; statuses without records are left out (as the tables have always shown them). */
export function byStatusOf(c: DvkCounterColumns): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of MODEL_STATUSES) {
    const v = c[STATUS_COLUMNS[s].all];
    if (v) out[s] = v;
  }
  return out;
}

/** Counters per subordinate organisation: each unit's own counters rolled up through the tree for `year`. */
export function rollUpCounters(tree: UnitTree, year: number, subIds: Set<string>, rows: Array<DvkCounterColumns & { unit_id: string }>): Map<string, DvkCounterColumns> {
  const byTop = new Map<string, DvkCounterColumns>();
  for (const r of rows) {
    const top = tree.rollUp(r.unit_id, year, subIds);
    let acc = byTop.get(top);
    if (!acc) byTop.set(top, (acc = emptyCounters()));
    addCounters(acc, r);
  }
  return byTop;
}

export async function yearStats(ctx: Pick<AppContext, 'db'>, year: number): Promise<ModelStats> {
  const [unitCounters, fieldCounters, previous, units, fields, reviews] = await Promise.all([
    selectUnitCounters(ctx.db, year),
    selectFieldCounters(ctx.db, year),
    selectCounterTotals(ctx.db, year - 1),
    selectUnits(ctx.db),
    selectCatalog(ctx.db, ['field']),
    selectReviews(ctx.db, year),
  ]);
  const tree = new UnitTree(units);
  const subs = tree.subordinates(year);
  const subIds = new Set(subs.map((s) => s.id));
  const reviewed = new Set(reviews.map((r) => tree.current(r.unit_id, year)));

  // Totals from the field rows (a dozen) rather than the unit rows: both partition the same records.
  const total = emptyCounters();
  for (const f of fieldCounters) addCounters(total, f);
  const byUnit = rollUpCounters(tree, year, subIds, unitCounters);

  // Subordinate organisations first, in the user's order (even with no models); then any other unit
  // records rolled up to (e.g. the province committee itself).
  const unitRows = subs.map((u) => ({ unitId: u.id, unitName: u.name, reviewed: reviewed.has(u.id), ...toCounts(byUnit.get(u.id) ?? emptyCounters()) }));
  for (const [id, counters] of byUnit) {
    if (!subIds.has(id)) unitRows.push({ unitId: id, unitName: tree.name(id), reviewed: reviewed.has(id), ...toCounts(counters) });
  }
  const fieldOrder = new Map(fields.map((f, i) => [f.id, i]));
  const fieldNames = new Map(fields.map((f) => [f.id, f.name]));
  const rank = (id: string | null) => (id ? (fieldOrder.get(id) ?? 999) : 1000);
  const fieldRows = fieldCounters
    .map((f) => {
      const fieldId = f.field_key === '' ? null : f.field_key;
      return {
        fieldId,
        fieldName: fieldId ? (fieldNames.get(fieldId) ?? '(lĩnh vực đã xóa)') : '(chưa xác định lĩnh vực)',
        byStatus: byStatusOf(f),
        ...toCounts(f),
      };
    })
    .sort((a, b) => rank(a.fieldId) - rank(b.fieldId));

  return {
    year,
    ...toCounts(total),
    byStatus: byStatusOf(total),
    unitsReviewed: subs.filter((s) => reviewed.has(s.id)).length,
    unitsTotal: subs.length,
    byUnit: unitRows,
    byField: fieldRows,
    previous: { year: year - 1, ...toCounts(previous) },
  };
}
