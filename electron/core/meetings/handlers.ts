import type { HandlerMap } from '../handler';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { deleteAttachment, getAttachment, listAttachments, openAttachment, readAttachment, saveAttachment } from '../attachments/service';
import {
  ATTACHMENT_OWNER,
  createMeeting,
  deleteMeeting,
  finalizeMeeting,
  getMeeting,
  listMeetings,
  loadMeeting,
  meetingLookups,
  prefillFrom,
  reopenMeeting,
  restoreMeeting,
  updateMeeting,
} from './service';
import { exportMeetingDocument, finalizeDeps, previewHtml } from './exports';

/** Attachments of a finalised meeting are part of the signed record: locked like the rest. */
async function assertMeetingEditable(ctx: AppContext, meetingId: string): Promise<void> {
  const m = await loadMeeting(ctx.db, meetingId);
  if (m.status === 'finalized') {
    throw new AppError('LOCKED', 'Biên bản đã hoàn tất và bị khóa. Muốn thay đổi tệp đính kèm, hãy mở lại biên bản và ghi rõ lý do.');
  }
}

const strip = <T extends { ownerType: string; ownerId: string }>({ ownerType: _t, ownerId: _o, ...rest }: T) => rest;

export const meetingsHandlers = {
  'meetings.list': (input, ctx) => listMeetings(ctx, input),
  'meetings.get': (input, ctx) => getMeeting(ctx, input.id),
  'meetings.create': (input, ctx) => createMeeting(ctx, input.meeting),
  'meetings.update': (input, ctx) => updateMeeting(ctx, input.id, input.meeting),
  'meetings.finalize': (input, ctx) => finalizeMeeting(ctx, input.id, finalizeDeps(ctx)),
  'meetings.reopen': (input, ctx) => reopenMeeting(ctx, input.id, input.reason),
  'meetings.delete': (input, ctx) => deleteMeeting(ctx, input.id),
  'meetings.restore': (input, ctx) => restoreMeeting(ctx, input.id),
  'meetings.prefillFrom': (input, ctx) => prefillFrom(ctx, input.id),
  'meetings.lookups': (_input, ctx) => meetingLookups(ctx),
  'meetings.preview': (input, ctx) => previewHtml(ctx, input.id, input.document),
  'meetings.exportMinutes': (input, ctx) => exportMeetingDocument(ctx, input.id, 'minutes', input.format),
  'meetings.exportConclusions': (input, ctx) => exportMeetingDocument(ctx, input.id, 'conclusions', input.format),
  'meetings.attachments.add': async (input, ctx) => {
    await assertMeetingEditable(ctx, input.meetingId);
    const info = await ctx.db
      .transaction()
      .execute((trx) => saveAttachment(trx, ctx, { ownerType: ATTACHMENT_OWNER, ownerId: input.meetingId, fileName: input.fileName, bytes: input.bytes }));
    return strip(info);
  },
  'meetings.attachments.list': async (input, ctx) => {
    await loadMeeting(ctx.db, input.meetingId);
    return (await listAttachments(ctx.db, ATTACHMENT_OWNER, input.meetingId)).map(strip);
  },
  'meetings.attachments.get': async (input, ctx) => {
    const info = await getAttachment(ctx.db, input.id);
    if (info.ownerType !== ATTACHMENT_OWNER && info.ownerType !== 'meeting_issued') {
      throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm của hội nghị.');
    }
    const file = await readAttachment(ctx.db, ctx, input.id);
    return { fileName: file.fileName, mimeType: file.mimeType, bytes: file.bytes };
  },
  'meetings.attachments.open': async (input, ctx) => {
    const info = await getAttachment(ctx.db, input.id);
    if (info.ownerType !== ATTACHMENT_OWNER && info.ownerType !== 'meeting_issued') {
      throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm của hội nghị.');
    }
    // The hash is checked first: a file changed on disk is reported, not opened.
    await readAttachment(ctx.db, ctx, input.id);
    if (ctx.platform.kind !== 'electron') return { opened: false };
    return openAttachment(ctx.db, ctx, input.id);
  },
  'meetings.attachments.delete': async (input, ctx) => {
    const info = await getAttachment(ctx.db, input.id, ATTACHMENT_OWNER);
    await assertMeetingEditable(ctx, info.ownerId);
    await ctx.db.transaction().execute((trx) => deleteAttachment(trx, ctx, input.id, ATTACHMENT_OWNER));
    return { id: input.id };
  },
} satisfies Partial<HandlerMap>;
