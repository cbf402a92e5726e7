import type { AppContext } from '../context';
import type { ModelCounts, ModelStats } from '../../../shared/schemas/models';
import { selectCatalog, selectReviews, selectStatsGroups, selectUnits, type StatsGroup } from './repository';
import { UnitTree } from './unitTree';

/*
 * Statistics of one year. One GROUP BY over the covering index gives a few hundred groups even at
 * a million records; every figure below is a sum over those groups, so the totals, the by-unit and
 * the by-field tables add up to the same register rows by construction.
 */

export function emptyCounts(): ModelCounts {
  return {
    registered: 0,
    newCount: 0,
    carriedCount: 0,
    recognised: 0,
    notRecognised: 0,
    typical: 0,
    commended: 0,
    collective: 0,
    individual: 0,
    recognisedCollective: 0,
    recognisedIndividual: 0,
  };
}

export function addGroup(c: ModelCounts, g: Pick<StatsGroup, 'kind' | 'registration' | 'status' | 'typical' | 'commended' | 'c'>): void {
  c.registered += g.c;
  if (g.registration === 'new') c.newCount += g.c;
  else c.carriedCount += g.c;
  if (g.kind === 'collective') c.collective += g.c;
  else c.individual += g.c;
  if (g.status === 'recognised') {
    c.recognised += g.c;
    if (g.kind === 'collective') c.recognisedCollective += g.c;
    else c.recognisedIndividual += g.c;
    if (g.typical) c.typical += g.c;
    if (g.commended) c.commended += g.c;
  }
  if (g.status === 'notRecognised') c.notRecognised += g.c;
}

export async function yearStats(ctx: Pick<AppContext, 'db'>, year: number): Promise<ModelStats> {
  const [groups, prevGroups, units, fields, reviews] = await Promise.all([
    selectStatsGroups(ctx.db, year),
    selectStatsGroups(ctx.db, year - 1),
    selectUnits(ctx.db),
    selectCatalog(ctx.db, ['field']),
    selectReviews(ctx.db, year),
  ]);
  const tree = new UnitTree(units);
  const subs = tree.subordinates(year);
  const subIds = new Set(subs.map((s) => s.id));
  const reviewed = new Set(reviews.map((r) => tree.current(r.unit_id, year)));

  const total = emptyCounts();
  const byStatus: Record<string, number> = {};
  const byUnit = new Map<string, ModelCounts>();
  const byField = new Map<string | null, { counts: ModelCounts; byStatus: Record<string, number> }>();
  for (const g of groups) {
    addGroup(total, g);
    byStatus[g.status] = (byStatus[g.status] ?? 0) + g.c;
    const top = tree.rollUp(g.unit_id, year, subIds);
    if (!byUnit.has(top)) byUnit.set(top, emptyCounts());
    addGroup(byUnit.get(top)!, g);
    const f = byField.get(g.field_id) ?? { counts: emptyCounts(), byStatus: {} };
    addGroup(f.counts, g);
    f.byStatus[g.status] = (f.byStatus[g.status] ?? 0) + g.c;
    byField.set(g.field_id, f);
  }
  const previous = emptyCounts();
  for (const g of prevGroups) addGroup(previous, g);

  // Subordinate organisations first, in the user's order (even with no models); then any other unit
  // records rolled up to (e.g. the province committee itself).
  const unitRows = subs.map((u) => ({ unitId: u.id, unitName: u.name, reviewed: reviewed.has(u.id), ...(byUnit.get(u.id) ?? emptyCounts()) }));
  for (const [id, counts] of byUnit) {
    if (!subIds.has(id)) unitRows.push({ unitId: id, unitName: tree.name(id), reviewed: reviewed.has(id), ...counts });
  }
  const fieldOrder = new Map(fields.map((f, i) => [f.id, i]));
  const fieldRows = [...byField.entries()]
    .map(([id, v]) => ({
      fieldId: id,
      fieldName: id ? (fields.find((f) => f.id === id)?.name ?? '(lĩnh vực đã xóa)') : '(chưa xác định lĩnh vực)',
      byStatus: v.byStatus,
      ...v.counts,
    }))
    .sort((a, b) => (a.fieldId ? (fieldOrder.get(a.fieldId) ?? 999) : 1000) - (b.fieldId ? (fieldOrder.get(b.fieldId) ?? 999) : 1000));

  return {
    year,
    ...total,
    byStatus,
    unitsReviewed: subs.filter((s) => reviewed.has(s.id)).length,
    unitsTotal: subs.length,
    byUnit: unitRows,
    byField: fieldRows,
    previous: { year: year - 1, ...previous },
  };
}
