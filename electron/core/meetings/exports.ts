/**
 * Files of a meeting: print HTML (preview, printing), PDF (through the platform's Chromium) and
 * DOCX, all from the same document model so the three carry the same text.
 *
 * A draft is rendered from live data (marked DỰ THẢO). A finalised meeting's papers are records:
 * export returns the bytes issued at finalisation from the issued store (../issued), and the
 * preview is rendered from the snapshot they were made from — never from today's settings,
 * tasks, members or units.
 */
import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import type { FileResult } from '../../../shared/contract';
import type { Meeting } from '../../../shared/schemas/meetings';
import type { Profile } from '../../../shared/schemas/settings';
import { getProfile } from '../settings/service';
import { renderPartyDocument } from '../export/print';
import type { PartyDocument } from '../export/document';
import { readAttachment, saveAttachment } from '../attachments/service';
import { issueDocument, issuedSnapshot, latestIssued, readIssuedFile, renderIssuedFiles } from '../issued/service';
import {
  buildConclusionsDocument,
  buildMinutesDocument,
  conclusionsFileName,
  conclusionsFileStem,
  minutesFileName,
  minutesFileStem,
  noticeRecipientsDefault,
} from './documents';
import { ISSUED_OWNER, loadMeeting } from './service';
import { partyDocx } from './docx';
import { PDF_MIME, DOCX_MIME } from '../export/mime';


export type MeetingDocument = 'minutes' | 'conclusions';

/** Owner type of a meeting's papers in the issued store; doc types are 'minutes' and 'conclusions'. */
export const MEETING_OWNER = 'meeting';

/** What an issued version of a meeting paper was rendered from. */
export interface MeetingSnapshot {
  meeting: Meeting;
  profile: Profile;
}

function buildDocument(meeting: Meeting, profile: Profile, which: MeetingDocument): PartyDocument {
  return which === 'minutes' ? buildMinutesDocument(meeting, profile) : buildConclusionsDocument(meeting, profile);
}

async function documentModel(db: Db, meeting: Meeting, which: MeetingDocument): Promise<PartyDocument> {
  const profile = await getProfile({ db: db as AppContext['db'] });
  return buildDocument(meeting, profile, which);
}

/** The newest issued version of a finalised meeting's paper, or null (a draft, or finalised before the store existed). */
async function issuedVersionOf(db: Db, meeting: Meeting, which: MeetingDocument) {
  if (meeting.status !== 'finalized') return null;
  return latestIssued(db, { ownerType: MEETING_OWNER, ownerId: meeting.id, docType: which });
}

export async function previewHtml(ctx: Pick<AppContext, 'db'>, id: string, which: MeetingDocument): Promise<{ html: string; title: string }> {
  const meeting = await loadMeeting(ctx.db, id);
  const issued = await issuedVersionOf(ctx.db, meeting, which);
  let model: PartyDocument;
  if (issued) {
    const snap = (await issuedSnapshot(ctx.db, issued.id)) as MeetingSnapshot;
    model = buildDocument(snap.meeting, snap.profile, which);
  } else {
    model = await documentModel(ctx.db, meeting, which);
  }
  return { html: renderPartyDocument(model), title: model.title ?? '' };
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
  const issued = await issuedVersionOf(ctx.db, meeting, which);
  if (issued) {
    // The signed paper: exactly the bytes issued, checked against their hash.
    const { sha256: _hash, ...file } = await readIssuedFile(ctx.db, issued.id, format);
    return file;
  }
  if (format === 'pdf') {
    if (which === 'minutes' && meeting.status === 'finalized' && meeting.issuedPdf) {
      // Finalised before the issued store existed: the minutes PDF kept as an attachment then.
      const legacy = await readAttachment(ctx.db, ctx, meeting.issuedPdf.id, { ownerType: ISSUED_OWNER });
      return { fileName: minutesFileName(meeting, 'pdf'), mimeType: PDF_MIME, bytes: legacy.bytes };
    }
    return renderMeetingPdf(ctx.db, ctx, meeting, which);
  }
  const doc = await documentModel(ctx.db, meeting, which);
  const bytes = await partyDocx(doc);
  const fileName = which === 'minutes' ? minutesFileName(meeting, 'docx') : conclusionsFileName(meeting, 'docx');
  return { fileName, mimeType: DOCX_MIME, bytes };
}

/** The meeting as the screens get it: with the notice's pre-filled "Nơi nhận" for the editor. */
export async function withNoticeDefaults(ctx: Pick<AppContext, 'db'>, meeting: Meeting): Promise<Meeting> {
  const profile = await getProfile(ctx);
  return { ...meeting, noticeRecipientsDefault: noticeRecipientsDefault(meeting, profile) };
}

/** What finalisation needs: issue both papers (PDF + DOCX + snapshot) and keep the minutes PDF with the meeting. */
export function finalizeDeps(ctx: Pick<AppContext, 'platform' | 'layout' | 'clock' | 'actor'>) {
  return {
    async issueDocuments(db: Db, meeting: Meeting, reason: string) {
      const profile = await getProfile({ db: db as AppContext['db'] });
      const snapshot: MeetingSnapshot = { meeting, profile };
      let minutesPdf: { fileName: string; bytes: Uint8Array } | null = null;
      const papers: [MeetingDocument, string, string | null][] = [
        ['minutes', minutesFileStem(meeting), meeting.numberText],
        ['conclusions', conclusionsFileStem(meeting), meeting.noticeNumberText],
      ];
      for (const [which, stem, numberText] of papers) {
        if (which === 'conclusions' && meeting.conclusions.length === 0) continue;
        const doc = buildDocument(meeting, profile, which);
        const files = await renderIssuedFiles(ctx, doc, stem);
        await issueDocument(db, ctx, {
          docType: which,
          ownerType: MEETING_OWNER,
          ownerId: meeting.id,
          numberText,
          title: doc.title ?? stem,
          reason,
          snapshot,
          files,
        });
        const pdf = files.find((f) => f.format === 'pdf');
        if (which === 'minutes' && pdf) minutesPdf = { fileName: pdf.fileName, bytes: pdf.bytes };
      }
      if (!minutesPdf) throw new Error('minutes PDF not rendered');
      return minutesPdf;
    },
    async saveIssuedPdf(db: Db, meetingId: string, fileName: string, bytes: Uint8Array) {
      const info = await saveAttachment(db, ctx, { ownerType: ISSUED_OWNER, ownerId: meetingId, fileName, bytes, mimeType: PDF_MIME });
      return info.id;
    },
  };
}
