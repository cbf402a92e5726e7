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
} from './units/service';
import {
  assignUnits,
  createMember,
  createMembers,
  deleteMember,
  listAssignments,
  listMembers,
  removeAssignment,
  restoreMember,
  updateMember,
} from './members/service';
import { applyCatalogPreset, listCatalog, saveCatalog } from './catalogs/service';
import { cancelDocNumber, listDocNumbers, previewNextDocNumber, reserveDocNumberStandalone } from './docNumbers/service';
import { commitMemberImport, commitUnitImport, previewMemberImport, previewUnitImport } from './importing';
import { assignmentListDocx, assignmentListHtml, assignmentListPdf, exportMembersXlsx, exportUnitsXlsx } from './print';
import { startBackupBeforeImport } from '../safety/backup/service';

/** Channel → service, thin. Validation happened in the registry (shared/schemas/units.ts, members.ts, …). */
/** A list of units or members is small: its backup copies alongside the import. */
async function startBackupCopyingNow(ctx: AppContext): Promise<void> {
  (await startBackupBeforeImport(ctx)).startCopy();
}

export const organisationHandlers = {
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

  'members.list': async (input, ctx) => {
    const items = await listMembers(ctx.db, input, todayOf(ctx));
    return { items, total: items.length };
  },
  'members.create': (input, ctx) => createMember(ctx, input),
  'members.createMany': (input, ctx) => createMembers(ctx, input.items),
  'members.update': ({ id, ...patch }, ctx) => updateMember(ctx, id, patch),
  'members.delete': (input, ctx) => deleteMember(ctx, input.id),
  'members.restore': (input, ctx) => restoreMember(ctx, input.id),
  'members.assign': async (input, ctx) => ({ assignments: await assignUnits(ctx, input) }),
  'members.importPreview': (input, ctx) => previewMemberImport(ctx, input.bytes, input.mapping),
  'members.importCommit': (input, ctx) =>
    commitMemberImport(ctx, input.bytes, input.mapping, input.jobId, () => startBackupCopyingNow(ctx)),
  'members.exportXlsx': (input, ctx) => exportMembersXlsx(ctx, input),
  'assignments.list': async (input, ctx) => ({ items: await listAssignments(ctx.db, input) }),
  'assignments.remove': async (input, ctx) => {
    await removeAssignment(ctx, input.id);
    return { ok: true as const };
  },
  'assignments.printHtml': async (input, ctx) => ({ html: await assignmentListHtml(ctx, input.date) }),
  'assignments.printPdf': (input, ctx) => assignmentListPdf(ctx, input.date),
  'assignments.printDocx': (input, ctx) => assignmentListDocx(ctx, input.date),

  'catalogs.list': async (input, ctx) => ({ items: await listCatalog(ctx.db, input.catalog, input) }),
  'catalogs.update': async (input, ctx) => ({ items: await saveCatalog(ctx, input.catalog, input.items) }),
  'catalogs.applyPreset': async (input, ctx) => ({ items: await applyCatalogPreset(ctx, input.preset, input.deactivateOthers ?? true) }),

  'docNumbers.next': (input, ctx) => previewNextDocNumber(ctx.db, input.kindCode, input.date),
  'docNumbers.reserve': (input, ctx) => reserveDocNumberStandalone(ctx, input),
  'docNumbers.list': (input, ctx) => listDocNumbers(ctx.db, input),
  'docNumbers.cancel': (input, ctx) => cancelDocNumber(ctx, input.id, input.reason),
} satisfies Partial<HandlerMap>;
