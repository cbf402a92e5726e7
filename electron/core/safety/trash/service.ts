import type { TrashItem } from '../../../../shared/schemas/trash';
import { foldText } from '../../../../shared/text/vietnamese';
import type { AppContext } from '../../context';
import { recordAudit } from '../../db/audit';
import { isoNow } from '../../clock';
import { AppError, notFound } from '../../errors';
import { entityLabel, TECHNICAL_FIELDS, TITLE_COLUMNS, TITLE_EXPRESSIONS } from '../labels';
import { listTables, type TableInfo } from '../tables';
import { clearDeletedAt, countDeleted, listDeleted, readRow } from './repository';
import { restoreYear } from '../../models/service';

/**
 * Tables whose rows carry a rule the generic restore does not know. A yearly model record whose
 * deletion also deleted its model (it was the model's only record) must bring the model back with
 * it, and must not clash with a model of the same name typed since: the register's own restore
 * does both, so the trash hands such rows to it.
 */
const FEATURE_RESTORE: Record<string, (ctx: AppContext, id: string) => Promise<{ restored: boolean }>> = {
  dvk_model_years: restoreYear,
};

/**
 * The trash is a registry built at run time: every table with `deleted_at` and an `id` column is
 * soft-deletable, so tables other features add are covered without registering them here.
 */
export function softDeletableTables(ctx: AppContext): TableInfo[] {
  return listTables(ctx.sqlite).filter((t) => t.softDelete && t.columns.includes('id'));
}

function titleOf(t: TableInfo): { column: string } | { expression: string } | null {
  const expression = TITLE_EXPRESSIONS[t.name];
  if (expression) return { expression };
  const column = TITLE_COLUMNS.find((c) => t.columns.includes(c));
  return column ? { column } : null;
}

const PER_TABLE_LIMIT = 5000;

export async function listTrash(ctx: AppContext, input: { entity?: string | undefined; search?: string | undefined; limit: number; offset: number }) {
  const tables = softDeletableTables(ctx);
  const entities: Array<{ entity: string; label: string; count: number }> = [];
  for (const t of tables) {
    const count = await countDeleted(ctx.db, t.name);
    if (count > 0) entities.push({ entity: t.name, label: entityLabel(t.name), count });
  }
  const selected = input.entity ? tables.filter((t) => t.name === input.entity) : tables;
  const needle = input.search ? foldText(input.search) : '';
  let items: TrashItem[] = [];
  for (const t of selected) {
    if (!entities.some((e) => e.entity === t.name)) continue;
    const rows = await listDeleted(ctx.db, t.name, titleOf(t), PER_TABLE_LIMIT);
    for (const r of rows) {
      const title = (r.title ?? '').trim() || `(không tên) ${r.id.slice(0, 8)}`;
      if (needle && !foldText(title).includes(needle)) continue;
      items.push({ entity: t.name, entityLabel: entityLabel(t.name), id: r.id, title: title.slice(0, 300), deletedAt: r.deleted_at });
    }
  }
  items = items.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  // Without a search the total is the exact count of what is in the trash (an undone import can put
  // tens of thousands of records there, more than the rows read per table).
  const counted = entities.filter((e) => selected.some((t) => t.name === e.entity)).reduce((a, e) => a + e.count, 0);
  return {
    items: items.slice(input.offset, input.offset + input.limit),
    total: needle ? items.length : counted,
    entities: entities.sort((a, b) => a.label.localeCompare(b.label, 'vi')),
  };
}

function visible(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !TECHNICAL_FIELDS.has(k)));
}

export async function restoreFromTrash(ctx: AppContext, entity: string, id: string): Promise<{ restored: boolean }> {
  const table = softDeletableTables(ctx).find((t) => t.name === entity);
  if (!table) throw new AppError('VALIDATION', 'Loại dữ liệu này không có trong thùng rác.', { entity: 'Loại dữ liệu không hợp lệ.' });
  const special = FEATURE_RESTORE[table.name];
  if (special) {
    const row = await readRow(ctx.db, table.name, id);
    if (!row) throw notFound(`bản ghi trong ${entityLabel(table.name).toLowerCase()}`);
    if (row.deleted_at == null) throw new AppError('CONFLICT', 'Bản ghi này không nằm trong thùng rác (đã được khôi phục trước đó).');
    return special(ctx, id);
  }
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await readRow(trx, table.name, id);
    if (!row) throw notFound(`bản ghi trong ${entityLabel(table.name).toLowerCase()}`);
    if (row.deleted_at == null) throw new AppError('CONFLICT', 'Bản ghi này không nằm trong thùng rác (đã được khôi phục trước đó).');
    await clearDeletedAt(trx, table.name, id, at, table.columns.includes('updated_at'));
    const after = await readRow(trx, table.name, id);
    await recordAudit(trx, ctx.actor, at, {
      entity: table.name,
      entityId: id,
      action: 'restore',
      before: visible(row),
      after: after ? visible(after) : undefined,
      note: 'Khôi phục từ thùng rác',
    });
  });
  return { restored: true };
}
