import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import type { DvkCounterColumns } from '../db/schema';
import { MODEL_STATUSES, type ModelCounts, type ModelStats, type ModelStatus } from '../../../shared/schemas/models';
import {
  COUNTER_COLUMNS,
  selectCatalog,
  selectCounterTotals,
  selectCountersByTop,
  selectFieldCounters,
  selectReviews,
  selectUnitCounters,
  selectUnitTreeToken,
  selectUnits,
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
    typicalCollective: c.typical_collective,
    commendedCollective: c.commended_collective,
  };
}

/** Records per status (or the collective ones); statuses without records are left out. */
export function byStatusOf(c: DvkCounterColumns, which: 'all' | 'collective' = 'all'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of MODEL_STATUSES) {
    const v = c[STATUS_COLUMNS[s][which]];
    if (v) out[s] = v;
  }
  return out;
}

/** Everything a by-unit or by-field row carries: the figures and the unit × status × tập thể/cá nhân split. */
function rowFigures(c: DvkCounterColumns) {
  return { byStatus: byStatusOf(c), byStatusCollective: byStatusOf(c, 'collective'), ...toCounts(c) };
}

/**
 * The unit tree and its per-year roll-up, kept per database handle until the token that every write
 * to `units` replaces (migration 0008) changes. At national scale reading ~2,000 units costs more
 * than reading the year's counters.
 */
interface YearView {
  subs: UnitLite[];
  subIds: Set<string>;
  /** Every unit → the unit its records of the year roll up to, as the JSON object the SQL roll-up reads. */
  topsJson: string;
}
interface TreeEntry {
  token: string;
  tree: UnitTree;
  years: Map<number, YearView>;
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

function yearView(entry: TreeEntry, year: number): YearView {
  let v = entry.years.get(year);
  if (!v) {
    const subs = entry.tree.subordinates(year);
    const subIds = new Set(subs.map((s) => s.id));
    const tops: Record<string, string> = {};
    for (const id of entry.tree.byId.keys()) tops[id] = entry.tree.rollUp(id, year, subIds);
    v = { subs, subIds, topsJson: JSON.stringify(tops) };
    entry.years.set(year, v);
  }
  return v;
}

/**
 * Counters per subordinate organisation. Summed in SQL through the year's unit → top mapping; if
 * those sums miss records (a unit id not in the tree, which foreign keys should prevent), the unit
 * rows are read and rolled up here instead, so the figures stay exact either way.
 */
async function countersByTop(db: Db, tree: UnitTree, year: number, view: YearView, total: number): Promise<Map<string, DvkCounterColumns>> {
  const byTop = new Map<string, DvkCounterColumns>();
  let sum = 0;
  for (const r of await selectCountersByTop(db, year, view.topsJson)) {
    const { top, ...counters } = r;
    sum += counters.total;
    if (counters.total) byTop.set(top, counters); // units whose records were all deleted or moved
  }
  if (sum === total) return byTop;
  byTop.clear();
  for (const r of await selectUnitCounters(db, year)) {
    const t = tree.rollUp(r.unit_id, year, view.subIds);
    let acc = byTop.get(t);
    if (!acc) byTop.set(t, (acc = emptyCounters()));
    addCounters(acc, r);
  }
  return byTop;
}

export async function yearStats(ctx: Pick<AppContext, 'db'>, year: number): Promise<ModelStats> {
  const [fieldCounters, previous, entry, fields, reviews] = await Promise.all([
    selectFieldCounters(ctx.db, year),
    selectCounterTotals(ctx.db, year - 1),
    unitTree(ctx.db),
    selectCatalog(ctx.db, ['field']),
    selectReviews(ctx.db, year),
  ]);
  const { tree } = entry;
  const view = yearView(entry, year);
  const { subs, subIds } = view;
  const reviewed = new Set(reviews.map((r) => tree.current(r.unit_id, year)));

  // Totals from the field rows (a dozen) rather than the unit rows: both partition the same records.
  const total = emptyCounters();
  for (const f of fieldCounters) addCounters(total, f);
  const byUnit = await countersByTop(ctx.db, tree, year, view, total.total);

  // Subordinate organisations first, in the user's order (even with no models); then any other unit
  // records rolled up to (e.g. the province committee itself).
  const unitRows = subs.map((u) => ({ unitId: u.id, unitName: u.name, reviewed: reviewed.has(u.id), ...rowFigures(byUnit.get(u.id) ?? emptyCounters()) }));
  for (const [id, counters] of byUnit) {
    if (!subIds.has(id)) unitRows.push({ unitId: id, unitName: tree.name(id), reviewed: reviewed.has(id), ...rowFigures(counters) });
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
        ...rowFigures(f),
      };
    })
    .sort((a, b) => rank(a.fieldId) - rank(b.fieldId));

  return {
    year,
    ...toCounts(total),
    byStatus: byStatusOf(total),
    byStatusCollective: byStatusOf(total, 'collective'),
    unitsReviewed: subs.filter((s) => reviewed.has(s.id)).length,
    unitsTotal: subs.length,
    byUnit: unitRows,
    byField: fieldRows,
    previous: { year: year - 1, ...toCounts(previous) },
  };
}
