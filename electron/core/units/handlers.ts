import type { HandlerMap } from '../handler';
import type { AppContext } from '../context';
import {
  createUnit,
  createUnitTree,
  deleteUnit,
  listUnits,
  mergeUnits,
  moveUnit,
  reorderUnits,
  restoreUnit,
  todayOf,
  updateUnit,
} from './service';
import { commitUnitImport, previewUnitImport } from './importing';
import { exportUnitsXlsx } from './exports';
import { startBackupBeforeImport } from '../safety/backup/service';

/** A list of units or members is small: its backup copies alongside the import. */
export async function startBackupCopyingNow(ctx: AppContext): Promise<void> {
  (await startBackupBeforeImport(ctx)).startCopy();
}

/** Channel → service, thin. Validation happened in the registry (shared/schemas/units.ts). */
export const unitsHandlers = {
  'units.list': async (input, ctx) => {
    const items = await listUnits(ctx.db, input, todayOf(ctx));
    return { items, total: items.length };
  },
  'units.create': (input, ctx) => createUnit(ctx, input),
  'units.createTree': (input, ctx) => createUnitTree(ctx, input.parentId ?? null, input.items),
  'units.update': ({ id, ...patch }, ctx) => updateUnit(ctx, id, patch),
  'units.move': (input, ctx) => moveUnit(ctx, input.id, input.parentId, input.beforeId),
  'units.reorder': async (input, ctx) => {
    await reorderUnits(ctx, input.parentId, input.orderedIds);
    return { ok: true as const };
  },
  'units.merge': (input, ctx) => mergeUnits(ctx, input),
  'units.delete': (input, ctx) => deleteUnit(ctx, input.id),
  'units.restore': (input, ctx) => restoreUnit(ctx, input.id),
  'units.importPreview': (input, ctx) => previewUnitImport(ctx, input.bytes, input.mapping),
  'units.importCommit': (input, ctx) =>
    commitUnitImport(ctx, input.bytes, input.mapping, input.jobId, () => startBackupCopyingNow(ctx)),
  'units.exportXlsx': (input, ctx) => exportUnitsXlsx(ctx, input),
} satisfies Partial<HandlerMap>;
