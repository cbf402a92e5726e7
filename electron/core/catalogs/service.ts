import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow } from '../clock';
import { AppError } from '../errors';
import { foldText } from '../../../shared/text/vietnamese';
import type { CatalogItem, CatalogItemInput, CatalogName } from '../../../shared/schemas/catalogs';
import { nullable, withTrx, type WriteCtx } from '../db/write';
import { CATALOG_PRESET_ITEMS } from './presets';
import { insertCatalogRow, maxCatalogOrder, selectCatalogRow, selectCatalogRows, updateCatalogRow, type CatalogItemRow } from './repository';

/*
 * Catalogues the user edits (lĩnh vực, cấp công nhận, hình thức khen thưởng, loại hội nghị, loại
 * văn bản with codes). Items are never hard-deleted: other records keep pointing at them.
 */


export function toCatalogItem(row: CatalogItemRow): CatalogItem {
  return {
    id: row.id,
    catalog: row.catalog as CatalogName,
    code: row.code,
    name: row.name,
    periodLabel: row.period_label,
    validFromYear: row.valid_from_year,
    validToYear: row.valid_to_year,
    sortOrder: row.sort_order,
    active: row.active === 1,
  };
}

const searchTextOf = (code: string | null, name: string) => foldText(`${code ?? ''} ${name}`);

export interface ListCatalogOptions {
  includeInactive?: boolean | undefined;
  /** Only items valid in this year (fields change per period). */
  year?: number | undefined;
}

/** Items of one catalogue (or all when `catalog` is undefined), in the user's order. */
export async function listCatalog(db: Db, catalog: CatalogName | undefined, opts: ListCatalogOptions = {}): Promise<CatalogItem[]> {
  const rows = await selectCatalogRows(db, catalog, { includeInactive: opts.includeInactive ?? false });
  const year = opts.year;
  return rows
    .filter((r) => year === undefined || ((r.valid_from_year === null || r.valid_from_year <= year) && (r.valid_to_year === null || r.valid_to_year >= year)))
    .map(toCatalogItem);
}

export async function getCatalogItem(db: Db, id: string): Promise<CatalogItem | null> {
  const row = await selectCatalogRow(db, id);
  return row ? toCatalogItem(row) : null;
}

/**
 * The live item (active or not) whose name — or code — folds to the same text: imports match
 * "van hoa - xa hoi", "VĂN HÓA – XÃ HỘI" or "BB" this way. Active items win over inactive ones.
 */
export async function findCatalogItemByFoldedName(db: Db, catalog: CatalogName, name: string): Promise<CatalogItem | null> {
  const wanted = foldText(name).replace(/[–—-]/g, '-').replace(/\s*-\s*/g, '-');
  if (!wanted) return null;
  const norm = (v: string) => foldText(v).replace(/[–—-]/g, '-').replace(/\s*-\s*/g, '-');
  const rows = await selectCatalogRows(db, catalog, { includeInactive: true });
  const sorted = [...rows].sort((a, b) => b.active - a.active);
  const hit = sorted.find((r) => norm(r.name) === wanted) ?? sorted.find((r) => r.code !== null && norm(r.code) === wanted);
  return hit ? toCatalogItem(hit) : null;
}

/** Adds one item inside the caller's transaction (e.g. an import that creates a missing field on request). */
export async function createCatalogItem(
  trx: Db,
  ctx: Pick<AppContext, 'actor' | 'clock'>,
  catalog: CatalogName,
  input: Omit<CatalogItemInput, 'id'>,
): Promise<CatalogItem> {
  const at = isoNow(ctx.clock);
  const code = nullable(input.code);
  const row = {
    id: newId(),
    catalog,
    code,
    name: input.name,
    period_label: nullable(input.periodLabel),
    valid_from_year: nullable(input.validFromYear),
    valid_to_year: nullable(input.validToYear),
    sort_order: (await maxCatalogOrder(trx, catalog)) + 1,
    active: input.active === false ? 0 : 1,
    search_text: searchTextOf(code, input.name),
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
  await insertCatalogRow(trx, row);
  const item = toCatalogItem(row);
  await recordAudit(trx, ctx.actor, at, { entity: 'catalog_item', entityId: item.id, action: 'create', after: item });
  return item;
}

function checkDuplicates(catalog: CatalogName, items: Array<{ code?: string | null | undefined; name: string }>): void {
  const fields: Record<string, string> = {};
  const names = new Map<string, number>();
  const codes = new Map<string, number>();
  items.forEach((item, i) => {
    const n = foldText(item.name);
    if (names.has(n)) fields[`items.${i}.name`] = `Tên "${item.name}" bị trùng với dòng ${names.get(n)! + 1}.`;
    else names.set(n, i);
    if (item.code) {
      const c = foldText(item.code);
      if (codes.has(c)) fields[`items.${i}.code`] = `Ký hiệu "${item.code}" bị trùng với dòng ${codes.get(c)! + 1}.`;
      else codes.set(c, i);
    } else if (catalog === 'documentKind') {
      fields[`items.${i}.code`] = 'Loại văn bản cần có ký hiệu (ví dụ: BB, KH).';
    }
  });
  const first = Object.values(fields)[0];
  if (first) throw new AppError('VALIDATION', `Danh mục chưa hợp lệ: ${first}`, fields);
}

/**
 * Saves one whole catalogue in its new order: existing items are updated, new ones added, and
 * items left out go to the trash (deleted_at). One transaction; every change audited.
 */
export async function saveCatalog(ctx: WriteCtx, catalog: CatalogName, items: CatalogItemInput[]): Promise<CatalogItem[]> {
  checkDuplicates(catalog, items);
  return withTrx(ctx.db, async (trx) => {
    const at = isoNow(ctx.clock);
    const current = await selectCatalogRows(trx, catalog, { includeInactive: true });
    const byId = new Map(current.map((r) => [r.id, r]));
    const kept = new Set<string>();
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      const code = item.code ? (catalog === 'documentKind' ? item.code.toUpperCase() : item.code) : null;
      const values = {
        code,
        name: item.name,
        period_label: nullable(item.periodLabel),
        valid_from_year: nullable(item.validFromYear),
        valid_to_year: nullable(item.validToYear),
        sort_order: i + 1,
        active: item.active === false ? 0 : 1,
        search_text: searchTextOf(code, item.name),
      };
      if (item.id) {
        const before = byId.get(item.id);
        if (!before) throw new AppError('NOT_FOUND', `Mục ở dòng ${i + 1} không còn trong danh mục; vui lòng tải lại.`);
        kept.add(item.id);
        const changed = (Object.keys(values) as Array<keyof typeof values>).some((k) => values[k] !== before[k]);
        if (!changed) continue;
        await updateCatalogRow(trx, item.id, { ...values, updated_at: at });
        await recordAudit(trx, ctx.actor, at, {
          entity: 'catalog_item',
          entityId: item.id,
          action: 'update',
          before: toCatalogItem(before),
          after: toCatalogItem({ ...before, ...values }),
        });
      } else {
        const row = { id: newId(), catalog, ...values, created_at: at, updated_at: at, deleted_at: null };
        await insertCatalogRow(trx, row);
        await recordAudit(trx, ctx.actor, at, { entity: 'catalog_item', entityId: row.id, action: 'create', after: toCatalogItem(row) });
      }
    }
    for (const row of current) {
      if (kept.has(row.id)) continue;
      await updateCatalogRow(trx, row.id, { deleted_at: at, updated_at: at });
      await recordAudit(trx, ctx.actor, at, { entity: 'catalog_item', entityId: row.id, action: 'delete', before: toCatalogItem(row) });
    }
    return listCatalog(trx, catalog, { includeInactive: true });
  });
}

/**
 * Applies a preset: adds its items that are missing (matched by folded name) and, with
 * `deactivateOthers`, deactivates the other items of that catalogue (kept for old records).
 */
export async function applyCatalogPreset(ctx: WriteCtx, preset: string, deactivateOthers = true): Promise<CatalogItem[]> {
  const def = CATALOG_PRESET_ITEMS[preset];
  if (!def) throw new AppError('NOT_FOUND', 'Không có bộ danh mục mẫu này.');
  return withTrx(ctx.db, async (trx) => {
    const at = isoNow(ctx.clock);
    const keep = new Set<string>();
    for (const item of def.items) {
      const found = await findCatalogItemByFoldedName(trx, def.catalog, item.name);
      if (found) {
        keep.add(found.id);
        if (!found.active) {
          await updateCatalogRow(trx, found.id, { active: 1, updated_at: at });
          await recordAudit(trx, ctx.actor, at, { entity: 'catalog_item', entityId: found.id, action: 'update', before: found, after: { ...found, active: true }, note: `Mẫu ${def.label}` });
        }
      } else {
        const created = await createCatalogItem(trx, ctx, def.catalog, { code: item.code ?? null, name: item.name });
        keep.add(created.id);
      }
    }
    if (deactivateOthers) {
      for (const row of await selectCatalogRows(trx, def.catalog)) {
        if (keep.has(row.id)) continue;
        await updateCatalogRow(trx, row.id, { active: 0, updated_at: at });
        await recordAudit(trx, ctx.actor, at, { entity: 'catalog_item', entityId: row.id, action: 'update', before: toCatalogItem(row), after: { ...toCatalogItem(row), active: false }, note: `Mẫu ${def.label}` });
      }
    }
    return listCatalog(trx, def.catalog, { includeInactive: true });
  });
}
