import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import type { DvkCounterColumns } from '../db/schema';
import { MODEL_STATUSES, type ModelCounts, type ModelStats, type ModelStatus } from '../../../shared/schemas/models';
import {
  COUNTER_COLUMNS,
  FIGURE_COLUMNS,
  selectCatalog,
  selectCounterTotals,
  selectFieldCounters,
  selectReviews,
  selectUnitCounters,
  selectUnitTreeToken,
  selectUnits,
  type FigureCounters,
  type UnitLite,
} from './repository';
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

function emptyFigures(): FigureCounters {
  const c = {} as FigureCounters;
  for (const k of FIGURE_COLUMNS) c[k] = 0;
  return c;
}

export function emptyCounts(): ModelCounts {
  return toCounts(emptyCounters());
}

/** The figures of the statistics from one set of counters. */
export function toCounts(c: FigureCounters): ModelCounts {
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

/**
 * The unit tree and its per-year roll-up, kept per database handle until the token that every write
 * to `units` replaces (migration 0008) changes. At national scale reading ~2,000 units costs more
 * than reading the year's counters.
 */
interface TreeEntry {
  token: string;
  tree: UnitTree;
  years: Map<number, { subs: UnitLite[]; subIds: Set<string>; top: Map<string, string> }>;
}
const treeCache = new WeakMap<object, TreeEntry>();

async function unitTree(db: Db): Promise<TreeEntry> {
  // Token first, then the units: a change in between leaves a stale token, so the next call reloads.
  const token = await selectUnitTreeToken(db);
  const cached = treeCache.get(db);
  if (cached && token && cached.token === token) return cached;
  const entry: TreeEntry = { token, tree: new UnitTree(await selectUnits(db)), years: new Map() };
  if (token) treeCache.set(db, entry);
  return entry;
}

function yearView(entry: TreeEntry, year: number) {
  let v = entry.years.get(year);
  if (!v) {
    const subs = entry.tree.subordinates(year);
    v = { subs, subIds: new Set(subs.map((s) => s.id)), top: new Map() };
    entry.years.set(year, v);
  }
  return v;
}

export async function yearStats(ctx: Pick<AppContext, 'db'>, year: number): Promise<ModelStats> {
  const [unitCounters, fieldCounters, previous, entry, fields, reviews] = await Promise.all([
    selectUnitCounters(ctx.db, year),
    selectFieldCounters(ctx.db, year),
    selectCounterTotals(ctx.db, year - 1),
    unitTree(ctx.db),
    selectCatalog(ctx.db, ['field']),
    selectReviews(ctx.db, year),
  ]);
  const { tree } = entry;
  const { subs, subIds, top } = yearView(entry, year);
  const reviewed = new Set(reviews.map((r) => tree.current(r.unit_id, year)));

  // Totals from the field rows (a dozen) rather than the unit rows: both partition the same records.
  const total = emptyCounters();
  for (const f of fieldCounters) addCounters(total, f);
  const byUnit = new Map<string, FigureCounters>();
  for (const r of unitCounters) {
    let t = top.get(r.unit_id);
    if (t === undefined) top.set(r.unit_id, (t = tree.rollUp(r.unit_id, year, subIds)));
    let acc = byUnit.get(t);
    if (!acc) byUnit.set(t, (acc = emptyFigures()));
    for (const k of FIGURE_COLUMNS) acc[k] += r[k];
  }

  // Subordinate organisations first, in the user's order (even with no models); then any other unit
  // records rolled up to (e.g. the province committee itself).
  const unitRows = subs.map((u) => ({ unitId: u.id, unitName: u.name, reviewed: reviewed.has(u.id), ...toCounts(byUnit.get(u.id) ?? emptyFigures()) }));
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
