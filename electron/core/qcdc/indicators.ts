/**
 * The QCDC indicator catalogue by loại hình. Indicators are never deleted: figures point at the
 * id, so renaming one keeps the figures of earlier periods, and deactivating hides it from new
 * reports while old periods still show it. Every change appends a history row (name, state, place).
 */
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow } from '../clock';
import { AppError, notFound } from '../errors';
import { foldText } from '../../../shared/text/vietnamese';
import { QCDC_TYPES, type QcdcType } from '../../../shared/schemas/units';
import type { CreateIndicatorData, Indicator, UpdateIndicatorData } from '../../../shared/schemas/qcdc';
import { insertHistory, insertIndicator, selectHistory, selectIndicator, selectIndicators, updateIndicatorRow, type IndicatorRow } from './repository';
import { indicatorsOfType, toIndicator } from './rules';

const typeRank = (t: string | null) => (t === null ? QCDC_TYPES.length : QCDC_TYPES.indexOf(t as QcdcType));

async function withHistory(db: Db, rows: readonly IndicatorRow[]): Promise<Indicator[]> {
  const history = await selectHistory(db, rows.map((r) => r.id));
  const byId = new Map<string, Indicator['history']>();
  for (const h of history) {
    const list = byId.get(h.indicator_id) ?? [];
    list.push({ at: h.at, name: h.name, active: h.active === 1, position: h.position });
    byId.set(h.indicator_id, list);
  }
  return rows.map((r) => toIndicator(r, byId.get(r.id) ?? []));
}

export async function listIndicators(ctx: Pick<AppContext, 'db'>, f: { qcdcType?: QcdcType | undefined; includeInactive: boolean }): Promise<Indicator[]> {
  const all = (await selectIndicators(ctx.db)).filter((r) => f.includeInactive || r.active === 1);
  const rows = f.qcdcType
    ? indicatorsOfType(all, f.qcdcType)
    : [...all].sort((a, b) => typeRank(a.qcdc_type) - typeRank(b.qcdc_type) || a.position - b.position);
  return withHistory(ctx.db, rows);
}

async function getIndicator(db: Db, id: string): Promise<Indicator> {
  const row = await selectIndicator(db, id);
  if (!row) throw notFound('chỉ tiêu');
  return (await withHistory(db, [row]))[0]!;
}

/** A ratio's two parts must be counts of the same loại hình (or of every loại hình). */
async function checkRatioParts(db: Db, type: string | null, numeratorId: string, denominatorId: string): Promise<void> {
  for (const [field, id] of [
    ['numeratorId', numeratorId],
    ['denominatorId', denominatorId],
  ] as const) {
    const part = await selectIndicator(db, id);
    if (!part) throw new AppError('VALIDATION', 'Chỉ tiêu tử số hoặc mẫu số không tồn tại.', { [field]: 'Không tồn tại.' });
    if (part.kind !== 'count') throw new AppError('VALIDATION', `"${part.name}" không phải chỉ tiêu số lượng nên không dùng được để tính tỷ lệ.`, { [field]: 'Cần một chỉ tiêu số lượng.' });
    if (part.qcdc_type !== null && part.qcdc_type !== type) {
      throw new AppError('VALIDATION', `"${part.name}" thuộc loại hình khác.`, { [field]: 'Thuộc loại hình khác.' });
    }
  }
  if (numeratorId === denominatorId) throw new AppError('VALIDATION', 'Tử số và mẫu số phải là hai chỉ tiêu khác nhau.', { denominatorId: 'Trùng tử số.' });
}

/** Inserts inside the caller's transaction (the import creates missing indicators this way). */
export async function insertIndicatorIn(trx: Db, ctx: Pick<AppContext, 'clock' | 'actor'>, data: CreateIndicatorData): Promise<string> {
  if (data.kind === 'ratio') await checkRatioParts(trx, data.qcdcType, data.numeratorId!, data.denominatorId!);
  const at = isoNow(ctx.clock);
  const id = newId(ctx.clock.now().getTime());
  const siblings = (await selectIndicators(trx)).filter((r) => r.qcdc_type === data.qcdcType);
  const position = siblings.reduce((m, r) => Math.max(m, r.position + 1), 0);
  const row = {
    id,
    qcdc_type: data.qcdcType,
    code: data.code ?? null,
    name: data.name,
    kind: data.kind,
    source: data.source,
    numerator_id: data.kind === 'ratio' ? data.numeratorId! : null,
    denominator_id: data.kind === 'ratio' ? data.denominatorId! : null,
    unit_label: data.unitLabel ?? null,
    legal_basis: data.legalBasis ?? null,
    position,
    active: 1,
    search_text: foldText(`${data.code ?? ''} ${data.name}`),
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
  await insertIndicator(trx, row);
  await insertHistory(trx, { id: newId(), indicator_id: id, at, name: row.name, active: 1, position });
  await recordAudit(trx, ctx.actor, at, { entity: 'qcdc_indicator', entityId: id, action: 'create', after: row });
  return id;
}

export async function createIndicator(ctx: AppContext, data: CreateIndicatorData): Promise<Indicator> {
  const id = await ctx.db.transaction().execute((trx) => insertIndicatorIn(trx, ctx, data));
  return getIndicator(ctx.db, id);
}

export async function updateIndicator(ctx: AppContext, data: UpdateIndicatorData): Promise<Indicator> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await selectIndicator(trx, data.id);
    if (!before) throw notFound('chỉ tiêu');
    const at = isoNow(ctx.clock);
    const name = data.name ?? before.name;
    const code = data.code !== undefined ? data.code : before.code;
    const patch = {
      name,
      code,
      ...(data.unitLabel !== undefined ? { unit_label: data.unitLabel } : {}),
      ...(data.legalBasis !== undefined ? { legal_basis: data.legalBasis } : {}),
      ...(data.active !== undefined ? { active: data.active ? 1 : 0 } : {}),
      search_text: foldText(`${code ?? ''} ${name}`),
      updated_at: at,
    };
    if (data.active === false) {
      // A ratio computed from this count would silently turn empty.
      const users = (await selectIndicators(trx)).filter((r) => r.active === 1 && (r.numerator_id === before.id || r.denominator_id === before.id));
      if (users.length) {
        throw new AppError('CONFLICT', `Chỉ tiêu đang dùng để tính "${users[0]!.name}"; hãy ngừng dùng chỉ tiêu tỷ lệ đó trước.`, { active: 'Đang được dùng để tính tỷ lệ.' });
      }
    }
    await updateIndicatorRow(trx, before.id, patch);
    let position = before.position;
    if (data.position !== undefined && data.position !== before.position) {
      // Renumber the siblings 0..n-1 with this one moved to its new place.
      const siblings = (await selectIndicators(trx)).filter((r) => r.qcdc_type === before.qcdc_type && r.id !== before.id).sort((a, b) => a.position - b.position);
      position = Math.min(data.position, siblings.length);
      siblings.splice(position, 0, { ...before });
      for (const [i, s] of siblings.entries()) if (s.position !== i) await updateIndicatorRow(trx, s.id, { position: i, updated_at: at });
    }
    const after = (await selectIndicator(trx, before.id))!;
    if (after.name !== before.name || after.active !== before.active || position !== before.position) {
      await insertHistory(trx, { id: newId(), indicator_id: before.id, at, name: after.name, active: after.active, position });
    }
    await recordAudit(trx, ctx.actor, at, { entity: 'qcdc_indicator', entityId: before.id, action: 'update', before, after });
  });
  return getIndicator(ctx.db, data.id);
}


/**
 * The requirements an inspection checks for a loại hình: its yes/no indicators (and those of every
 * loại hình), active ones plus any in `keep` (findings already recorded against them).
 */
export async function requirementsOf(db: Db, qcdcType: string, keep: ReadonlySet<string> = new Set()): Promise<IndicatorRow[]> {
  return indicatorsOfType(await selectIndicators(db), qcdcType).filter((i) => i.kind === 'yesno' && (i.active === 1 || keep.has(i.id)));
}
