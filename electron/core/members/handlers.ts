import type { HandlerMap } from '../handler';
import { todayOf } from '../units/service';
import { startBackupCopyingNow } from '../units/handlers';
import { assignUnits, createMember, createMembers, deleteMember, listMembers, restoreMember, updateMember } from './service';
import { commitMemberImport, previewMemberImport } from './importing';
import { exportMembersXlsx } from './exports';

/** Channel → service, thin. Validation happened in the registry (shared/schemas/members.ts). */
export const membersHandlers = {
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
} satisfies Partial<HandlerMap>;
