/**
 * Files of a meeting: print HTML (preview, printing), PDF (through the platform's Chromium) and
 * DOCX, all from the same document model so the three carry the same text. A finalised meeting's
 * minutes PDF is the exact file issued at finalisation, read back from the attachment store.
 */
import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import type { FileResult } from '../../../shared/contract';
import type { Meeting } from '../../../shared/schemas/meetings';
import { getProfile } from '../settings/service';
import { renderPartyDocument } from '../export/print';
import type { PartyDocument } from '../export/document';
import { readAttachment, saveAttachment } from '../attachments/service';
import { buildConclusionsDocument, buildMinutesDocument, conclusionsFileName, minutesFileName } from './documents';
import { ISSUED_OWNER, loadMeeting } from './service';
import { partyDocx } from './docx';
import { PDF_MIME, DOCX_MIME } from '../export/mime';


export type MeetingDocument = 'minutes' | 'conclusions';

async function documentModel(db: Db, meeting: Meeting, which: MeetingDocument): Promise<PartyDocument> {
  const profile = await getProfile({ db: db as AppContext['db'] });
  return which === 'minutes' ? buildMinutesDocument(meeting, profile) : buildConclusionsDocument(meeting, profile);
}

export async function previewHtml(ctx: Pick<AppContext, 'db'>, id: string, which: MeetingDocument): Promise<{ html: string; title: string }> {
  const meeting = await loadMeeting(ctx.db, id);
  const doc = await documentModel(ctx.db, meeting, which);
  return { html: renderPartyDocument(doc), title: doc.title ?? '' };
}

export async function renderMeetingPdf(
  db: Db,
  ctx: Pick<AppContext, 'platform'>,
  meeting: Meeting,
  which: MeetingDocument,
): Promise<FileResult> {
  const doc = await documentModel(db, meeting, which);
  const bytes = await ctx.platform.renderPdf(renderPartyDocument(doc));
  const fileName = which === 'minutes' ? minutesFileName(meeting, 'pdf') : conclusionsFileName(meeting, 'pdf');
  return { fileName, mimeType: PDF_MIME, bytes };
}

export async function exportMeetingDocument(
  ctx: Pick<AppContext, 'db' | 'platform' | 'layout'>,
  id: string,
  which: MeetingDocument,
  format: 'pdf' | 'docx',
): Promise<FileResult> {
  const meeting = await loadMeeting(ctx.db, id);
  if (format === 'pdf') {
    if (which === 'minutes' && meeting.status === 'finalized' && meeting.issuedPdf) {
      // The signed paper: exactly the bytes issued, checked against their hash.
      const issued = await readAttachment(ctx.db, ctx, meeting.issuedPdf.id, { ownerType: ISSUED_OWNER });
      return { fileName: minutesFileName(meeting, 'pdf'), mimeType: PDF_MIME, bytes: issued.bytes };
    }
    return renderMeetingPdf(ctx.db, ctx, meeting, which);
  }
  const doc = await documentModel(ctx.db, meeting, which);
  const bytes = await partyDocx(doc);
  const fileName = which === 'minutes' ? minutesFileName(meeting, 'docx') : conclusionsFileName(meeting, 'docx');
  return { fileName, mimeType: DOCX_MIME, bytes };
}

/** What finalisation needs: render the minutes PDF and keep it with the meeting. */
export function finalizeDeps(ctx: Pick<AppContext, 'platform' | 'layout' | 'clock' | 'actor'>) {
  return {
    async renderMinutesPdf(db: Db, meeting: Meeting) {
      const file = await renderMeetingPdf(db, ctx, meeting, 'minutes');
      return { fileName: file.fileName, bytes: file.bytes };
    },
    async saveIssuedPdf(db: Db, meetingId: string, fileName: string, bytes: Uint8Array) {
      const info = await saveAttachment(db, ctx, { ownerType: ISSUED_OWNER, ownerId: meetingId, fileName, bytes, mimeType: PDF_MIME });
      return info.id;
    },
  };
}
