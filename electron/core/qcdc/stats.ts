/**
 * QCDC statistics of a period: per loại hình × indicator (sums, "x/y đơn vị" for yes/no, ratios
 * from the summed parts, units with a text), per unit, and the change against the same period of
 * the previous year. Sums are taken in the database (GROUP BY), so a year of 10,000 units stays
 * fast; the per-unit table is built only when asked for.
 *
 * Loại hình: figures count under the type stored with each report (the type the unit had then).
 * Merged units: a unit closed and merged before the period began counts under its successor
 * (byUnit and the units-reported count); earlier periods keep it under its own name.
 */
import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import { QCDC_TYPES, QCDC_TYPE_LABELS, type QcdcType } from '../../../shared/schemas/units';
import type { FigureValue, QcdcPeriod, QcdcStats, StatIndicator, StatType, StatsInput } from '../../../shared/schemas/qcdc';
import {
  aggregateValues,
  selectIndicators,
  selectPeriodValues,
  selectRegisterCounts,
  selectLatestAuditSeq,
  selectReportsOfPeriod,
  selectUnitsLite,
  type IndicatorRow,
  type RegisterCounts,
  type UnitLite,
} from './repository';
import { aliveIn, countedValue, indicatorsOfType, periodRange, ratio, successorResolver } from './rules';
import { figuresOf } from './reports';

interface PeriodData {
  byType: StatType[];
  /** Whether the period holds any figure at all (typed or counted). */
  hasData: boolean;
  units: Map<string, UnitLite>;
  effectiveType: Map<string, QcdcType>;
  resolve: (id: string) => string;
  reported: Set<string>;
  counted: Map<string, RegisterCounts>;
  indicators: IndicatorRow[];
}

async function periodData(db: Db, year: number, period: QcdcPeriod, onlyType?: QcdcType): Promise<PeriodData> {
  const { from, to } = periodRange(year, period);
  const [indicators, unitRows, reports, sums, counted] = await Promise.all([
    selectIndicators(db),
    selectUnitsLite(db),
    selectReportsOfPeriod(db, year, period),
    aggregateValues(db, year, period),
    selectRegisterCounts(db, from, to),
  ]);
  const units = new Map(unitRows.map((u) => [u.id, u]));
  const resolve = successorResolver(units, from);
  // The type a unit counts under in this period: what it reported as, else what it is now.
  const effectiveType = new Map<string, QcdcType>();
  for (const u of unitRows) if (u.qcdc_type && aliveIn(u, from, to) && resolve(u.id) === u.id) effectiveType.set(u.id, u.qcdc_type as QcdcType);
  const reported = new Set<string>();
  for (const r of reports) {
    const target = resolve(r.unit_id);
    reported.add(target);
    if (!effectiveType.has(target)) effectiveType.set(target, r.qcdc_type as QcdcType);
    if (target === r.unit_id) effectiveType.set(target, r.qcdc_type as QcdcType);
  }
  // Register counts of merged units move to their successor.
  const countedByUnit = new Map<string, RegisterCounts>();
  for (const c of counted.values()) {
    const target = resolve(c.unit_id);
    const acc = countedByUnit.get(target);
    if (!acc) countedByUnit.set(target, { ...c, unit_id: target });
    else for (const k of ['dialogues', 'raised', 'answered', 'passedOn', 'publishedOnTime', 'supervisions', 'trainings', 'trainees'] as const) acc[k] += c[k];
  }

  const sumOf = new Map<string, { sum: number | null; n: number; nt: number }>();
  for (const s of sums) sumOf.set(`${s.qcdc_type}|${s.indicator_id}`, s);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const hasData = reports.length > 0 || countedByUnit.size > 0;

  const byType: StatType[] = [];
  for (const type of QCDC_TYPES) {
    if (onlyType && type !== onlyType) continue;
    const typeUnits = [...effectiveType.entries()].filter(([, t]) => t === type).map(([id]) => id);
    const countedSum = (source: string) => {
      let total = 0;
      let n = 0;
      for (const id of typeUnits) {
        const v = countedValue(source, countedByUnit.get(id));
        total += v;
        if (v) n++;
      }
      return { total, n };
    };
    const partSum = (id: string | null): number | null => {
      const ind = id ? byId.get(id) : undefined;
      if (!ind) return null;
      if (ind.source !== 'typed') return countedSum(ind.source).total;
      const s = sumOf.get(`${type}|${ind.id}`);
      return s && s.n ? (s.sum ?? 0) : null;
    };
    const list = indicatorsOfType(indicators, type).filter((i) => i.active === 1 || sumOf.has(`${type}|${i.id}`));
    const stat: StatIndicator[] = list.map((ind) => {
      const base = { id: ind.id, name: ind.name, kind: ind.kind as StatIndicator['kind'], source: ind.source as StatIndicator['source'], unitLabel: ind.unit_label };
      const s = sumOf.get(`${type}|${ind.id}`);
      if (ind.kind === 'ratio') {
        const num = partSum(ind.numerator_id);
        const den = partSum(ind.denominator_id);
        return { ...base, total: ratio(num, den), of: den, numerator: num, unitsWithValue: 0, previousTotal: null, change: null };
      }
      if (ind.source !== 'typed') {
        const c = countedSum(ind.source);
        return { ...base, total: c.total, of: null, numerator: null, unitsWithValue: c.n, previousTotal: null, change: null };
      }
      if (ind.kind === 'yesno') return { ...base, total: s?.sum ?? 0, of: s?.n ?? 0, numerator: null, unitsWithValue: s?.n ?? 0, previousTotal: null, change: null };
      if (ind.kind === 'text') return { ...base, total: s?.nt ?? 0, of: null, numerator: null, unitsWithValue: s?.nt ?? 0, previousTotal: null, change: null };
      return { ...base, total: s?.sum ?? 0, of: null, numerator: null, unitsWithValue: s?.n ?? 0, previousTotal: null, change: null };
    });
    byType.push({
      qcdcType: type,
      label: QCDC_TYPE_LABELS[type],
      unitsTotal: typeUnits.length,
      unitsReported: typeUnits.filter((id) => reported.has(id)).length,
      indicators: stat,
    });
  }
  return { byType, hasData, units, effectiveType, resolve, reported, counted: countedByUnit, indicators };
}

/** The figure that can be compared: null when nothing stood behind it in that period. */
function comparable(s: StatIndicator): number | null {
  if (s.kind === 'ratio') return s.total;
  return s.unitsWithValue > 0 ? s.total : null;
}

/**
 * Results per database handle, valid while the newest audit sequence number is unchanged: every
 * write (figures, registers, units, indicators, trash restores) is audited in its transaction, so a
 * change of data always moves it. A year of 10,000 units is then summed once per change instead of
 * on every look at the overview (the sums cost ~0.3–1 s at that size; the check ~0.1 ms).
 * Results are shared: callers treat them as read-only.
 */
const cache = new WeakMap<object, { seq: number; results: Map<string, QcdcStats> }>();

export async function qcdcStats(ctx: Pick<AppContext, 'db'>, input: StatsInput & { includeUnits?: boolean }): Promise<QcdcStats> {
  const seq = await selectLatestAuditSeq(ctx.db);
  let entry = cache.get(ctx.db);
  if (!entry || entry.seq !== seq) {
    entry = { seq, results: new Map() };
    cache.set(ctx.db, entry);
  }
  const key = `${input.year}|${input.period}|${input.qcdcType ?? ''}|${input.includeUnits === false ? 0 : 1}`;
  const hit = entry.results.get(key);
  if (hit) return hit;
  const value = await computeStats(ctx, input);
  // Only cache when nothing was written meanwhile (a write between the check and the reads).
  if ((await selectLatestAuditSeq(ctx.db)) === seq) entry.results.set(key, value);
  return value;
}

async function computeStats(ctx: Pick<AppContext, 'db'>, input: StatsInput & { includeUnits?: boolean }): Promise<QcdcStats> {
  const current = await periodData(ctx.db, input.year, input.period, input.qcdcType);
  const prev = await periodData(ctx.db, input.year - 1, input.period, input.qcdcType);
  if (prev.hasData) {
    for (const t of current.byType) {
      const pt = prev.byType.find((x) => x.qcdcType === t.qcdcType);
      for (const s of t.indicators) {
        const p = pt?.indicators.find((x) => x.id === s.id);
        const before = p ? comparable(p) : null;
        const now = comparable(s);
        s.previousTotal = before;
        s.change = before !== null && now !== null ? Math.round((now - before) * 10) / 10 : null;
      }
    }
  }
  const byUnit = input.includeUnits === false ? [] : await unitTable(ctx.db, input.year, input.period, current, input.qcdcType);
  return {
    year: input.year,
    period: input.period,
    byType: current.byType,
    byUnit,
    previous: prev.hasData ? { year: input.year - 1, period: input.period, byType: prev.byType } : null,
  };
}

/** One row per unit (merged units folded into their successor): typed, counted and ratio figures. */
async function unitTable(db: Db, year: number, period: QcdcPeriod, d: PeriodData, onlyType?: QcdcType): Promise<QcdcStats['byUnit']> {
  const rows = await selectPeriodValues(db, year, period);
  const typed = new Map<string, Map<string, { num_value: number | null; text_value: string | null }>>();
  const mergedFrom = new Map<string, Set<string>>();
  for (const r of rows) {
    const target = d.resolve(r.unit_id);
    if (target !== r.unit_id) mergedFrom.set(target, (mergedFrom.get(target) ?? new Set()).add(r.unit_id));
    let m = typed.get(target);
    if (!m) typed.set(target, (m = new Map()));
    const prev = m.get(r.indicator_id);
    // Figures of a merged unit add up with the successor's (yes/no: either says yes; text: both kept).
    if (!prev) m.set(r.indicator_id, { num_value: r.num_value, text_value: r.text_value });
    else
      m.set(r.indicator_id, {
        num_value: prev.num_value === null ? r.num_value : r.num_value === null ? prev.num_value : prev.num_value + r.num_value,
        text_value: [prev.text_value, r.text_value].filter(Boolean).join('; ') || null,
      });
  }
  const out: QcdcStats['byUnit'] = [];
  const sorted = [...d.effectiveType.entries()].sort(([a], [b]) => ((d.units.get(a)?.sort_key ?? '') < (d.units.get(b)?.sort_key ?? '') ? -1 : 1));
  // The indicator list of each loại hình once, not once per unit (10,000 units).
  const ofType = new Map<string, IndicatorRow[]>();
  for (const [unitId, type] of sorted) {
    if (onlyType && type !== onlyType) continue;
    let all = ofType.get(type);
    if (!all) ofType.set(type, (all = indicatorsOfType(d.indicators, type)));
    const own = typed.get(unitId);
    const indicators = all.filter((i) => i.active === 1 || own?.has(i.id));
    const values: Record<string, FigureValue> = {};
    const fig = figuresOf(indicators, typed.get(unitId) ?? new Map(), d.counted.get(unitId));
    for (const i of indicators) values[i.id] = fig.get(i.id) ?? null;
    out.push({
      unitId,
      unitName: d.units.get(unitId)?.name ?? '',
      qcdcType: type,
      mergedFrom: [...(mergedFrom.get(unitId) ?? [])].map((id) => ({ unitId: id, unitName: d.units.get(id)?.name ?? '' })),
      reported: d.reported.has(unitId),
      values,
    });
  }
  return out;
}
