/** The units behind one indicator total (and, for a counted figure, the register rows). */
import type { AppContext } from '../context';
import { notFound } from '../errors';
import type { QcdcPeriod, drillOutput } from '../../../shared/schemas/qcdc';
import type { z } from 'zod';
import { selectHistory, selectIndicator, selectRegisterRows } from './repository';
import { periodRange, toIndicator } from './rules';
import { qcdcStats } from './stats';

export async function drill(ctx: Pick<AppContext, 'db'>, input: { year: number; period: QcdcPeriod; indicatorId: string }): Promise<z.infer<typeof drillOutput>> {
  const row = await selectIndicator(ctx.db, input.indicatorId);
  if (!row) throw notFound('chỉ tiêu');
  const history = (await selectHistory(ctx.db, [row.id])).map((h) => ({ at: h.at, name: h.name, active: h.active === 1, position: h.position }));
  const stats = await qcdcStats(ctx, { year: input.year, period: input.period });
  const units = stats.byUnit.filter((u) => u.values[row.id] !== undefined && u.values[row.id] !== null && u.values[row.id] !== 0);
  const { from, to } = periodRange(input.year, input.period);
  const registerRows =
    row.source !== 'typed'
      ? await selectRegisterRows(ctx.db, row.source, from, to, units.flatMap((u) => [u.unitId, ...u.mergedFrom.map((m) => m.unitId)]))
      : [];
  return {
    indicator: toIndicator(row, history),
    rows: units.map((u) => {
      const own = new Set([u.unitId, ...u.mergedFrom.map((m) => m.unitId)]);
      return {
        unitId: u.unitId,
        unitName: u.unitName,
        value: u.values[row.id] ?? null,
        sources: registerRows.filter((r) => own.has(r.unit_id)).map((r) => ({ id: r.id, date: r.date, label: r.label })),
      };
    }),
  };
}
