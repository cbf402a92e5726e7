import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError, notFound } from '../errors';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { formatDate } from '../../../shared/text/format';
import { guessUnitKind, QCDC_TYPE_OF_KIND, type QcdcType, type Unit, type UnitFieldsInput, type UnitKind, type UnitListItem } from '../../../shared/schemas/units';

export { guessUnitKind };
import { matchesWords, nullable, queryWords, validOn, withTrx, type WriteCtx } from '../db/write';
import {
  countLiveAssignmentsOfUnit,
  insertUnitRow,
  maxSiblingOrder,
  selectAllUnitRows,
  selectChildRows,
  selectCurrentFollowers,
  selectUnitRow,
  updateUnitRow,
  type UnitRow,
} from './repository';

/*
 * Units (đơn vị): a tree of any depth. Top-level units (no parent) are the đảng bộ/chi bộ trực
 * thuộc of the committee; their children are the cơ sở. A unit closed by the 2025 restructuring
 * keeps its row with `valid_to` and `merged_into_id`, so records of old years still point at it.
 */


export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind as UnitKind,
    qcdcType: (row.qcdc_type as QcdcType | null) ?? null,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    mergedIntoId: row.merged_into_id,
    sortOrder: row.sort_order,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

const searchTextOf = (name: string, shortName: string | null) => foldText(`${name} ${shortName ?? ''}`);

/** One unit (deleted ones too, so old records can still show their name), or null. */
export async function getUnit(db: Db, unitId: string): Promise<Unit | null> {
  const row = await selectUnitRow(db, unitId);
  return row ? toUnit(row) : null;
}

async function requireUnit(db: Db, unitId: string, what = 'đơn vị'): Promise<UnitRow> {
  const row = await selectUnitRow(db, unitId);
  if (!row || row.deleted_at) throw notFound(what);
  return row;
}

export interface ListUnitsOptions {
  search?: string | undefined;
  includeClosed?: boolean | undefined;
  deletedOnly?: boolean | undefined;
  order?: 'tree' | 'name' | undefined;
  onDate?: string | null | undefined;
}

/** Tree order: each parent followed by its children (user order, then Vietnamese order). */
function treeOrder(rows: UnitRow[]): Array<{ row: UnitRow; depth: number; path: string[] }> {
  const byParent = new Map<string | null, UnitRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    // A unit whose parent is not in the list (deleted, filtered) shows at the top level.
    const key = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    const list = byParent.get(key) ?? [];
    list.push(r);
    byParent.set(key, list);
  }
  for (const list of byParent.values()) {
    list.sort((a, b) => a.sort_order - b.sort_order || (a.sort_key < b.sort_key ? -1 : a.sort_key > b.sort_key ? 1 : 0));
  }
  const out: Array<{ row: UnitRow; depth: number; path: string[] }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, path: string[]) => {
    for (const row of byParent.get(parent) ?? []) {
      if (seen.has(row.id)) continue; // defends against a cycle in bad data
      seen.add(row.id);
      out.push({ row, depth, path });
      walk(row.id, depth + 1, [...path, row.name]);
    }
  };
  walk(null, 0, []);
  return out;
}

/**
 * Units for lists and pickers. A search returns the matching units (with their ancestors' names
 * in `path`) in tree order; `order: 'name'` gives Vietnamese alphabetical order.
 */
export async function listUnits(db: Db, opts: ListUnitsOptions = {}, today?: string): Promise<UnitListItem[]> {
  const all = await selectAllUnitRows(db, { withDeleted: true });
  const live = opts.deletedOnly ? all.filter((r) => r.deleted_at) : all.filter((r) => !r.deleted_at);
  const date = opts.onDate ?? today ?? new Date().toISOString().slice(0, 10);
  const ordered = treeOrder(live);
  const byId = new Map(all.map((r) => [r.id, r]));
  const childCount = new Map<string, number>();
  for (const r of live) if (r.parent_id) childCount.set(r.parent_id, (childCount.get(r.parent_id) ?? 0) + 1);
  const followers = new Map<string, string[]>();
  for (const f of await selectCurrentFollowers(db, date)) {
    const list = followers.get(f.unit_id) ?? [];
    list.push(f.full_name);
    followers.set(f.unit_id, list);
  }
  const words = queryWords(opts.search);
  let items = ordered.filter(({ row }) => {
    if (!matchesWords(row.search_text, words)) return false;
    if (opts.onDate && !validOn(row.valid_from, row.valid_to, opts.onDate)) return false;
    if (opts.includeClosed === false && (row.merged_into_id || (row.valid_to && row.valid_to < date))) return false;
    return true;
  });
  if (opts.order === 'name') items = [...items].sort((a, b) => (a.row.sort_key < b.row.sort_key ? -1 : a.row.sort_key > b.row.sort_key ? 1 : 0));
  return items.map(({ row, depth, path }) => ({
    ...toUnit(row),
    depth,
    path,
    childCount: childCount.get(row.id) ?? 0,
    mergedIntoName: row.merged_into_id ? (byId.get(row.merged_into_id)?.name ?? null) : null,
    memberNames: followers.get(row.id) ?? [],
  }));
}

/** Position of every unit (deleted too) in tree order, to list a member's units parent-first. */
export async function unitTreeIndex(db: Db): Promise<Map<string, number>> {
  const rows = await selectAllUnitRows(db, { withDeleted: true });
  return new Map(treeOrder(rows).map(({ row }, i) => [row.id, i]));
}

/** The unit and all its live descendants (for "models of this đảng bộ and its cơ sở"). */
export async function unitSubtreeIds(db: Db, unitId: string): Promise<string[]> {
  const rows = await selectAllUnitRows(db);
  const children = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.parent_id) continue;
    const list = children.get(r.parent_id) ?? [];
    list.push(r.id);
    children.set(r.parent_id, list);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [unitId];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

/**
 * The unit that statistics of `year` belong to. A unit merged into another (merged_into_id, closed
 * on valid_to) keeps its own years up to the year it closed; later years roll up to the unit it
 * merged into (following chains of mergers). Returns `unitId` itself when nothing applies.
 */
export async function resolveCurrentUnit(db: Db, unitId: string, year: number): Promise<string> {
  let current = unitId;
  const seen = new Set<string>();
  for (;;) {
    if (seen.has(current)) return current;
    seen.add(current);
    const row = await selectUnitRow(db, current);
    if (!row?.merged_into_id) return current;
    const closedYear = yearOf(row.valid_to);
    if (closedYear !== null && year <= closedYear) return current;
    current = row.merged_into_id;
  }
}

/** A live unit whose name or short name folds to the same text as `name` ("Dang uy xa Dong Xa" finds "Đảng ủy xã Đông Xá"). */
export async function findUnitByFoldedName(db: Db, name: string): Promise<Unit | null> {
  const wanted = foldText(name);
  if (!wanted) return null;
  const rows = await selectAllUnitRows(db);
  const hit =
    rows.find((r) => foldText(r.name) === wanted) ?? rows.find((r) => r.short_name !== null && foldText(r.short_name) === wanted);
  return hit ? toUnit(hit) : null;
}

/** The đảng bộ/chi bộ trực thuộc valid on `date` (top-level units), in the user's order — the N of "10/11 đã họp xét". */
export async function topLevelUnits(db: Db, date: string): Promise<Unit[]> {
  const rows = await selectChildRows(db, null);
  return rows.filter((r) => validOn(r.valid_from, r.valid_to, date) && !(r.merged_into_id && r.valid_to && r.valid_to < date)).map(toUnit);
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

async function checkNameFree(db: Db, name: string, parentId: string | null, exceptId?: string): Promise<void> {
  const wanted = foldText(name);
  const siblings = await selectChildRows(db, parentId);
  const clash = siblings.find((s) => s.id !== exceptId && foldText(s.name) === wanted);
  if (clash) {
    throw new AppError('CONFLICT', `Đã có đơn vị "${clash.name}" ở cùng cấp.`, { name: `Đã có đơn vị "${clash.name}" ở cùng cấp.` });
  }
}

/** Creates a unit inside the caller's transaction (used by imports and the wizard too). */
export async function insertUnit(trx: Db, ctx: Pick<AppContext, 'actor' | 'clock'>, input: UnitFieldsInput & { name: string }): Promise<Unit> {
  const parentId = input.parentId ?? null;
  if (parentId) await requireUnit(trx, parentId, 'đơn vị cấp trên');
  await checkNameFree(trx, input.name, parentId);
  const at = isoNow(ctx.clock);
  const row = {
    id: newId(),
    parent_id: parentId,
    name: input.name,
    short_name: nullable(input.shortName),
    kind: input.kind,
    qcdc_type: nullable(input.qcdcType),
    valid_from: nullable(input.validFrom),
    valid_to: nullable(input.validTo),
    merged_into_id: null,
    sort_order: (await maxSiblingOrder(trx, parentId)) + 1,
    note: nullable(input.note),
    search_text: searchTextOf(input.name, nullable(input.shortName)),
    sort_key: vietnameseSortKey(input.name),
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
  await insertUnitRow(trx, row);
  const unit = toUnit(row);
  await recordAudit(trx, ctx.actor, at, { entity: 'unit', entityId: unit.id, action: 'create', after: unit });
  return unit;
}

export async function createUnit(ctx: WriteCtx, input: UnitFieldsInput & { name: string }): Promise<Unit> {
  return withTrx(ctx.db, (trx) => insertUnit(trx, ctx, input));
}

export async function updateUnit(ctx: WriteCtx, id: string, patch: Partial<Omit<UnitFieldsInput, 'parentId'>>): Promise<Unit> {
  return withTrx(ctx.db, async (trx) => {
    const before = await requireUnit(trx, id);
    const name = patch.name ?? before.name;
    if (patch.name !== undefined) await checkNameFree(trx, name, before.parent_id, id);
    const shortName = patch.shortName === undefined ? before.short_name : nullable(patch.shortName);
    const validFrom = patch.validFrom === undefined ? before.valid_from : nullable(patch.validFrom);
    const validTo = patch.validTo === undefined ? before.valid_to : nullable(patch.validTo);
    if (validFrom && validTo && validFrom > validTo) {
      throw new AppError('VALIDATION', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', { validTo: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' });
    }
    const at = isoNow(ctx.clock);
    const next = {
      name,
      short_name: shortName,
      kind: patch.kind ?? before.kind,
      qcdc_type: patch.qcdcType === undefined ? before.qcdc_type : nullable(patch.qcdcType),
      valid_from: validFrom,
      valid_to: validTo,
      note: patch.note === undefined ? before.note : nullable(patch.note),
      search_text: searchTextOf(name, shortName),
      sort_key: vietnameseSortKey(name),
      updated_at: at,
    };
    await updateUnitRow(trx, id, next);
    const after = toUnit({ ...before, ...next });
    await recordAudit(trx, ctx.actor, at, { entity: 'unit', entityId: id, action: 'update', before: toUnit(before), after });
    return after;
  });
}

/** Moves a unit under another parent (or to the top) and/or before a sibling; refuses cycles. */
export async function moveUnit(ctx: WriteCtx, id: string, parentId: string | null, beforeId?: string | null): Promise<Unit> {
  return withTrx(ctx.db, async (trx) => {
    const before = await requireUnit(trx, id);
    if (parentId) {
      await requireUnit(trx, parentId, 'đơn vị cấp trên');
      if ((await unitSubtreeIds(trx, id)).includes(parentId)) {
        throw new AppError('VALIDATION', 'Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', {
          parentId: 'Không thể chuyển một đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
        });
      }
    }
    if (parentId !== before.parent_id) await checkNameFree(trx, before.name, parentId, id);
    const siblings = (await selectChildRows(trx, parentId)).filter((s) => s.id !== id).map((s) => s.id);
    const at = beforeId ? siblings.indexOf(beforeId) : -1;
    if (beforeId && at < 0) throw new AppError('VALIDATION', 'Đơn vị đứng sau không cùng cấp với vị trí mới.', { beforeId: 'Không hợp lệ.' });
    const ordered = at < 0 ? [...siblings, id] : [...siblings.slice(0, at), id, ...siblings.slice(at)];
    const now = isoNow(ctx.clock);
    if (parentId !== before.parent_id) await updateUnitRow(trx, id, { parent_id: parentId, updated_at: now });
    for (let i = 0; i < ordered.length; i++) await updateUnitRow(trx, ordered[i]!, { sort_order: i + 1 });
    const after = toUnit((await selectUnitRow(trx, id))!);
    await recordAudit(trx, ctx.actor, now, { entity: 'unit', entityId: id, action: 'move', before: toUnit(before), after });
    return after;
  });
}

/** Sets the order of one parent's children (drag and drop, up/down buttons). */
export async function reorderUnits(ctx: WriteCtx, parentId: string | null, orderedIds: string[]): Promise<void> {
  await withTrx(ctx.db, async (trx) => {
    const children = await selectChildRows(trx, parentId);
    const ids = new Set(children.map((c) => c.id));
    if (orderedIds.length !== ids.size || orderedIds.some((id) => !ids.has(id))) {
      throw new AppError('CONFLICT', 'Danh sách đơn vị đã thay đổi; vui lòng tải lại rồi sắp xếp lại.');
    }
    const at = isoNow(ctx.clock);
    for (let i = 0; i < orderedIds.length; i++) await updateUnitRow(trx, orderedIds[i]!, { sort_order: i + 1 });
    await recordAudit(trx, ctx.actor, at, {
      entity: 'unit',
      entityId: parentId ?? 'root',
      action: 'reorder',
      before: children.map((c) => c.id),
      after: orderedIds,
    });
  });
}

/**
 * Closes `sourceIds` on `closeDate` and records that they merged into `targetId`. Their records stay
 * theirs; `resolveCurrentUnit` sends years after the close year to the target. Children of a merged
 * unit move under the target so the live tree stays whole.
 */
export async function mergeUnits(
  ctx: WriteCtx,
  input: { sourceIds: string[]; targetId: string; closeDate: string; note?: string | null | undefined },
): Promise<{ closed: Unit[]; target: Unit }> {
  return withTrx(ctx.db, async (trx) => {
    const target = await requireUnit(trx, input.targetId, 'đơn vị tiếp nhận');
    if (target.merged_into_id) throw new AppError('VALIDATION', `Đơn vị "${target.name}" đã sáp nhập, không thể tiếp nhận.`, { targetId: 'Đơn vị tiếp nhận đã sáp nhập.' });
    const closed: Unit[] = [];
    const at = isoNow(ctx.clock);
    const targetSubtree = await unitSubtreeIds(trx, input.targetId);
    for (const sourceId of new Set(input.sourceIds)) {
      const src = await requireUnit(trx, sourceId, 'đơn vị cần sáp nhập');
      if (sourceId === input.targetId) throw new AppError('VALIDATION', 'Không thể sáp nhập một đơn vị vào chính nó.', { targetId: 'Không thể sáp nhập một đơn vị vào chính nó.' });
      if (src.merged_into_id) throw new AppError('CONFLICT', `Đơn vị "${src.name}" đã sáp nhập trước đó.`);
      if ((await unitSubtreeIds(trx, sourceId)).includes(input.targetId)) {
        throw new AppError('VALIDATION', `Không thể sáp nhập "${src.name}" vào đơn vị cấp dưới của chính nó.`, { targetId: 'Không hợp lệ.' });
      }
      if (src.valid_from && src.valid_from > input.closeDate) {
        throw new AppError('VALIDATION', `Ngày kết thúc trước ngày đơn vị "${src.name}" bắt đầu hoạt động.`, { closeDate: 'Ngày kết thúc không hợp lệ.' });
      }
      const note = [src.note, `Sáp nhập vào ${target.name} từ ngày sau ${formatDate(input.closeDate)}${input.note ? ` (${input.note})` : ''}.`]
        .filter(Boolean)
        .join('\n');
      await updateUnitRow(trx, sourceId, { valid_to: input.closeDate, merged_into_id: input.targetId, note, updated_at: at });
      // Live children follow the merged unit into the target.
      for (const child of await selectChildRows(trx, sourceId)) {
        if (targetSubtree.includes(child.id)) continue;
        const order = (await maxSiblingOrder(trx, input.targetId)) + 1;
        await updateUnitRow(trx, child.id, { parent_id: input.targetId, sort_order: order, updated_at: at });
        await recordAudit(trx, ctx.actor, at, { entity: 'unit', entityId: child.id, action: 'move', before: toUnit(child), after: { parentId: input.targetId }, note: 'Chuyển theo đơn vị sáp nhập' });
      }
      const after = toUnit((await selectUnitRow(trx, sourceId))!);
      await recordAudit(trx, ctx.actor, at, { entity: 'unit', entityId: sourceId, action: 'merge', before: toUnit(src), after, note: input.note ?? null });
      closed.push(after);
    }
    return { closed, target: toUnit(target) };
  });
}

export async function deleteUnit(ctx: WriteCtx, id: string): Promise<Unit> {
  return withTrx(ctx.db, async (trx) => {
    const before = await requireUnit(trx, id);
    const children = await selectChildRows(trx, id);
    if (children.length > 0) {
      throw new AppError('CONFLICT', `Đơn vị "${before.name}" còn ${children.length} đơn vị trực thuộc; hãy chuyển hoặc xóa các đơn vị đó trước.`);
    }
    const assignments = await countLiveAssignmentsOfUnit(trx, id);
    if (assignments > 0) {
      throw new AppError('CONFLICT', `Đơn vị "${before.name}" đang được ${assignments} thành viên phụ trách; hãy bỏ phân công trước khi xóa.`);
    }
    const at = isoNow(ctx.clock);
    await updateUnitRow(trx, id, { deleted_at: at, updated_at: at });
    const after = toUnit({ ...before, deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'unit', entityId: id, action: 'delete', before: toUnit(before), after });
    return after;
  });
}

export async function restoreUnit(ctx: WriteCtx, id: string): Promise<Unit> {
  return withTrx(ctx.db, async (trx) => {
    const before = await selectUnitRow(trx, id);
    if (!before) throw notFound('đơn vị');
    if (!before.deleted_at) return toUnit(before);
    let parentId = before.parent_id;
    if (parentId) {
      const parent = await selectUnitRow(trx, parentId);
      if (!parent || parent.deleted_at) parentId = null; // parent still in the trash: restore at the top level
    }
    await checkNameFree(trx, before.name, parentId, id);
    const at = isoNow(ctx.clock);
    await updateUnitRow(trx, id, { deleted_at: null, parent_id: parentId, updated_at: at });
    const after = toUnit({ ...before, deleted_at: null, parent_id: parentId, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'unit', entityId: id, action: 'restore', before: toUnit(before), after });
    return after;
  });
}

/** Today for the context (Vietnam time): the default "valid on" date of lists. */
export const todayOf = (ctx: Pick<AppContext, 'clock'>) => localToday(ctx.clock);

export interface UnitTreeDraft {
  name: string;
  kind?: UnitKind | undefined;
  children?: Array<{ name: string; kind?: UnitKind | undefined }> | undefined;
}

/** Creates a two-level list in one transaction (the wizard's quick list); units already present are reused. */
export async function createUnitTree(ctx: WriteCtx, parentId: string | null, items: UnitTreeDraft[]): Promise<{ created: number; skipped: number }> {
  return withTrx(ctx.db, async (trx) => {
    let created = 0;
    let skipped = 0;
    const ensure = async (name: string, kind: UnitKind | undefined, parent: string | null): Promise<string> => {
      const existing = (await selectChildRows(trx, parent)).find((s) => foldText(s.name) === foldText(name));
      if (existing) {
        skipped++;
        return existing.id;
      }
      const k = kind ?? guessUnitKind(name, parent !== null);
      const unit = await insertUnit(trx, ctx, { parentId: parent, name, kind: k, qcdcType: QCDC_TYPE_OF_KIND[k] ?? null });
      created++;
      return unit.id;
    };
    for (const item of items) {
      const id = await ensure(item.name, item.kind, parentId);
      for (const child of item.children ?? []) await ensure(child.name, child.kind, id);
    }
    return { created, skipped };
  });
}
