/**
 * The meeting's dossier (hồ sơ hội nghị, issue #17) besides the BB and the TB:
 *
 * - before: the **giấy mời** (invitation) with time, place and agenda, to the members and the
 *   invited units, numbered from the register (kind GM) and issued (frozen) when numbered; the
 *   **chương trình** (agenda sheet);
 * - after: a **trích thông báo kết luận** per lead unit — only the conclusions that gave it
 *   tasks and only its tasks — under the TB's number, issued per unit once the meeting is final;
 * - at the next meeting of the same kind: the agenda item **kiểm điểm việc thực hiện kết luận**,
 *   the open tasks of the earlier ones with their progress, printable.
 *
 * Document models are pure functions of their data (tests read them without a database); the
 * functions below them load, number and freeze.
 */
import type { AppContext } from '../context';
import type { Db } from '../db/audit';
import type { FileResult } from '../../../shared/contract';
import type { Meeting, MeetingTask } from '../../../shared/schemas/meetings';
import type { Profile } from '../../../shared/schemas/settings';
import type { Task } from '../../../shared/schemas/tasks';
import { AppError } from '../errors';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { reserveDocNumber } from '../docNumbers/service';
import { renderPartyDocument } from '../export/print';
import { DOCX_MIME, PDF_MIME } from '../export/mime';
import { renderPartyPdf } from '../export/print/pdf';
import { buildPartyDocx } from '../export';
import { defaultRecipients, documentFileStem, headerFromProfile, profileSignature, type Block, type PartyDocument } from '../export/document';
import { issueDocument, issuedSnapshot, latestIssued, readIssuedFile, renderIssuedFiles } from '../issued/service';
import { formatClock, formatDate, formatNumber, parseIsoDate } from '../../../shared/text/format';
import { getTaskDetail, listTasksBySource } from '../tasks/service';
import { delegateLine, longDate, taskAssignment } from './documents';
import { listMeetings, loadMeeting } from './service';

export const DOSSIER_OWNER = 'meeting';

export type DossierDocument = 'invitation' | 'agenda' | 'extract' | 'review';

const WEEKDAYS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "08 giờ 00, thứ Sáu, ngày 16/12/2022". */
export function whenLine(date: string, startTime: string): string {
  const d = parseIsoDate(date);
  const weekday = d ? WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]! : '';
  return `${formatClock(startTime)}, ${weekday}, ngày ${formatDate(date)}`;
}

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

function sentence(s: string): string {
  const t = s.trim();
  return !t || /[.!?:;…]$/.test(t) ? t : `${t}.`;
}

/** Who the invitation is to: the members, the invited units' leaders, the delegates as typed. */
export interface InvitationData {
  meeting: Meeting;
  numberText: string | null;
  /** Names of the invited units ("Đại diện lãnh đạo …" is printed before each). */
  invitedUnits: readonly string[];
  /** The day it is signed (the register's date). */
  date: string;
}

export function buildInvitationDocument(d: InvitationData, profile: Profile): PartyDocument {
  const m = d.meeting;
  const invited: string[] = [];
  if (m.attendees.length > 0) invited.push('Các đồng chí thành viên Ban Chỉ đạo');
  for (const u of d.invitedUnits) invited.push(`Đại diện lãnh đạo ${u}`);
  for (const x of m.delegates) invited.push(delegateLine(x.name, x.position));
  const body: Block[] = [
    { type: 'paragraph', keepNext: true, text: 'Ban Chỉ đạo trân trọng kính mời:' },
    { type: 'list', style: 'dash', items: invited.length ? invited.map((i) => sentence(i.replace(/[.;]$/, '') + ';').replace(/;\.$/, ';')) : ['Các đồng chí thành viên Ban Chỉ đạo.'] },
    { type: 'paragraph', text: [{ text: 'Dự: ', bold: true }, sentence(m.title)] },
    { type: 'paragraph', text: [{ text: 'Thời gian: ', bold: true }, `${whenLine(m.date, m.startTime)}.`] },
    ...(m.place ? [{ type: 'paragraph' as const, text: [{ text: 'Địa điểm: ', bold: true }, sentence(m.place)] }] : []),
  ];
  if (m.agenda.length > 0) {
    body.push({ type: 'paragraph', keepNext: true, text: [{ text: 'Nội dung:', bold: true }] });
    body.push({ type: 'list', style: 'dash', items: m.agenda.map(sentence) });
  }
  if (m.documents.length > 0) {
    body.push({ type: 'paragraph', text: 'Đề nghị các đồng chí nghiên cứu trước tài liệu gửi kèm để tham gia ý kiến tại hội nghị.' });
  }
  body.push({ type: 'paragraph', text: 'Rất mong các đồng chí đến dự đầy đủ, đúng giờ./.' });
  return {
    title: `Giấy mời dự ${m.title}`,
    draft: d.numberText === null,
    margins: profile.margins,
    header: headerFromProfile(profile, { number: d.numberText ?? `\u00a0\u00a0\u00a0\u00a0-GM/${profile.committeeCode}`, date: d.date }),
    kind: 'GIẤY MỜI',
    summary: '',
    body,
    signatures: { right: profileSignature(profile, m.chair.name) },
    recipients: defaultRecipients({ ...profile, reportTo: [] }, ['Như thành phần mời']),
  };
}

/** The chương trình: time, place, chair and the numbered agenda. Never numbered (not in the register). */
export function buildAgendaDocument(m: Meeting, profile: Profile): PartyDocument {
  const items = m.agenda.length ? m.agenda : ['(Chưa có nội dung chương trình.)'];
  const body: Block[] = [
    { type: 'paragraph', align: 'center', indent: false, italic: true, text: `${whenLine(m.date, m.startTime)}${m.place ? ` – ${m.place}` : ''}` },
    { type: 'paragraph', text: [{ text: 'Chủ trì: ', bold: true }, sentence(`Đồng chí ${m.chair.name}${m.chair.position ? `, ${m.chair.position}` : ''}`)] },
    {
      type: 'table',
      columns: [
        { header: 'TT', width: 8, align: 'center' },
        { header: 'Nội dung', width: 67 },
        { header: 'Thực hiện', width: 25 },
      ],
      rows: [
        ['1', 'Tuyên bố lý do, giới thiệu đại biểu', 'Cơ quan thường trực'],
        ...items.map((a, i) => [String(i + 2), sentence(a), '']),
        [String(items.length + 2), 'Thảo luận, phát biểu ý kiến', 'Đại biểu dự hội nghị'],
        [String(items.length + 3), 'Kết luận hội nghị', `Đồng chí ${m.chair.name}`],
      ],
    },
  ];
  return {
    title: `Chương trình ${m.title}`,
    margins: profile.margins,
    header: headerFromProfile(profile, { number: null, date: null }),
    kind: 'CHƯƠNG TRÌNH',
    summary: m.title,
    body,
  };
}

/** A lead of the meeting's tasks: a unit, a member or a typed text; the key names it in ownerRef. */
export interface LeadGroup {
  key: string;
  label: string;
  taskCount: number;
}

function leadKey(t: MeetingTask): string {
  if (t.leadUnitId) return `unit:${t.leadUnitId}`;
  if (t.leadMemberId) return `member:${t.leadMemberId}`;
  return `text:${t.leadText.trim() || t.leadLabel.trim()}`;
}

/** Every lead that gets a trích thông báo, in the order their first task appears. */
export function extractLeads(m: Meeting): LeadGroup[] {
  const out = new Map<string, LeadGroup>();
  for (const t of m.conclusions.flatMap((c) => c.tasks)) {
    const key = leadKey(t);
    if (key === 'text:') continue;
    const g = out.get(key) ?? { key, label: t.leadLabel, taskCount: 0 };
    g.taskCount++;
    out.set(key, g);
  }
  return [...out.values()];
}

/** The trích thông báo kết luận for one lead: the conclusions that gave it tasks, only its tasks. */
export function buildExtractDocument(m: Meeting, profile: Profile, key: string): PartyDocument {
  const lead = extractLeads(m).find((g) => g.key === key);
  if (!lead) throw new AppError('NOT_FOUND', 'Đơn vị này không chủ trì nhiệm vụ nào của hội nghị.');
  const number = m.noticeNumberText ?? `\u00a0\u00a0\u00a0\u00a0-TB/${profile.committeeCode}`;
  const date = m.noticeDate ?? m.date;
  const body: Block[] = [
    { type: 'paragraph', align: 'center', indent: false, text: [{ text: 'Kính gửi: ', italic: true }, lead.label] },
    {
      type: 'paragraph',
      text: sentence(
        `Ngày ${longDate(m.date)}, Ban Chỉ đạo tổ chức ${lowerFirst(m.title)}. Ban Chỉ đạo trích Thông báo kết luận số ${number} ` +
          `ngày ${formatDate(date)} các nội dung giao ${lead.label} chủ trì thực hiện như sau:`,
      ).replace(/:\.$/, ':'),
    },
  ];
  m.conclusions.forEach((c, i) => {
    const mine = c.tasks.filter((t) => leadKey(t) === key);
    if (mine.length === 0) return;
    body.push({ type: 'paragraph', keepNext: true, text: [{ text: `${i + 1}. `, bold: true }, c.content.split('\n')[0]!.trim()] });
    body.push({ type: 'list', style: 'dash', items: mine.map((t) => [sentence(t.content) + ' ', { text: taskAssignment(t), italic: true }]) });
  });
  body.push({
    type: 'paragraph',
    text: `Đề nghị ${lead.label} triển khai thực hiện, định kỳ báo cáo tiến độ (kèm tài liệu minh chứng) về cơ quan thường trực Ban Chỉ đạo để tổng hợp./.`,
  });
  return {
    title: `Trích Thông báo kết luận – ${lead.label}`,
    draft: m.status !== 'finalized',
    margins: profile.margins,
    header: headerFromProfile(profile, { number, date }),
    kind: 'TRÍCH THÔNG BÁO',
    summary: `Kết luận tại ${lowerFirst(m.title)}`,
    body,
    signatures: { right: profileSignature(profile, m.chair.name) },
    recipients: defaultRecipients({ ...profile, reportTo: [] }, ['Như kính gửi']),
  };
}

/** One open task of an earlier meeting, for the "kiểm điểm việc thực hiện kết luận" item. */
export interface ReviewRow {
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  task: Task;
  lastNote: string | null;
}

/**
 * Open tasks (not "hoàn thành") of the earlier meetings of the same kind — same catalogue kind,
 * else the same typed kind name — oldest meeting first, each with its latest progress note.
 */
export async function reviewRows(ctx: Pick<AppContext, 'db' | 'clock'>, id: string): Promise<ReviewRow[]> {
  const m = await loadMeeting(ctx.db, id);
  const earlier = [];
  for (let offset = 0; ; offset += 500) {
    const page = await listMeetings(ctx, { limit: 500, offset, ...(m.kindId ? { kindId: m.kindId } : {}) });
    earlier.push(...page.items.filter((x) => x.id !== m.id && x.date < m.date && (m.kindId ? true : x.kindName === m.kindName)));
    if (page.items.length < 500) break;
  }
  earlier.sort((a, b) => a.date.localeCompare(b.date));
  const rows: ReviewRow[] = [];
  for (const e of earlier) {
    for (const task of await listTasksBySource(ctx.db, 'meeting', e.id, ctx)) {
      if (task.status === 'hoan_thanh') continue;
      const detail = await getTaskDetail(ctx, task.id);
      rows.push({ meetingId: e.id, meetingTitle: e.title, meetingDate: e.date, task, lastNote: detail.updates[0]?.note ?? null });
    }
  }
  return rows;
}

function reviewState(t: Task): string {
  if (t.dueState === 'overdue') return `Quá hạn ${formatNumber(-(t.daysLeft ?? 0))} ngày`;
  if (t.status === 'tam_dung') return 'Tạm dừng';
  return t.progress > 0 ? 'Đang thực hiện' : 'Chưa thực hiện';
}

/** The agenda item's paper: the open tasks of earlier conclusions with their progress, as of `today`. */
export function buildReviewDocument(m: Meeting, rows: readonly ReviewRow[], profile: Profile, today: string): PartyDocument {
  const body: Block[] = [
    {
      type: 'paragraph',
      text: rows.length
        ? `Tính đến ngày ${formatDate(today)}, còn ${formatNumber(rows.length)} nhiệm vụ theo kết luận các hội nghị trước chưa hoàn thành, cụ thể:`
        : `Tính đến ngày ${formatDate(today)}, các nhiệm vụ theo kết luận các hội nghị trước đã hoàn thành.`,
    },
  ];
  if (rows.length) {
    body.push({
      type: 'table',
      fontSize: 11,
      columns: [
        { header: 'TT', width: 6, align: 'center' },
        { header: 'Nhiệm vụ (kết luận hội nghị)', width: 33 },
        { header: 'Chủ trì', width: 16 },
        { header: 'Thời hạn', width: 14, align: 'center' },
        { header: 'Tiến độ', width: 10, align: 'center' },
        { header: 'Kết quả, tình trạng', width: 21 },
      ],
      rows: rows.map((r, i) => [
        String(i + 1),
        `${r.task.title} (Hội nghị ngày ${formatDate(r.meetingDate)})`,
        r.task.ownerLabel,
        r.task.timing.kind === 'recurring' ? 'Thường xuyên' : formatDate(r.task.deadline),
        `${r.task.progress}%`,
        [reviewState(r.task), r.lastNote].filter(Boolean).join('. '),
      ]),
    });
  }
  return {
    title: `Kiểm điểm việc thực hiện kết luận – ${m.title}`,
    margins: profile.margins,
    header: headerFromProfile(profile, { number: null, date: today }),
    kind: 'BÁO CÁO',
    summary: 'Kiểm điểm việc thực hiện kết luận của các hội nghị trước',
    body,
  };
}

/** What the dossier screen shows: the invitation's issued versions, the extract leads, the review rows. */
export interface DossierSummary {
  leads: LeadGroup[];
  invitation: { numberText: string | null; version: number; issuedAt: string } | null;
  extracts: { key: string; numberText: string | null; version: number }[];
  review: ReviewRow[];
}

export async function dossierSummary(ctx: Pick<AppContext, 'db' | 'clock'>, id: string): Promise<DossierSummary> {
  const m = await loadMeeting(ctx.db, id);
  const inv = await latestIssued(ctx.db, { ownerType: DOSSIER_OWNER, ownerId: id, docType: 'invitation' });
  const leads = extractLeads(m);
  const extracts = [];
  for (const l of leads) {
    const v = await latestIssued(ctx.db, { ownerType: DOSSIER_OWNER, ownerId: id, ownerRef: l.key, docType: 'notice_extract' });
    if (v) extracts.push({ key: l.key, numberText: v.numberText, version: v.version });
  }
  return {
    leads,
    invitation: inv ? { numberText: inv.numberText, version: inv.version, issuedAt: inv.issuedAt } : null,
    extracts,
    review: await reviewRows(ctx, id),
  };
}

export interface DossierRequest {
  id: string;
  document: DossierDocument;
  /** The lead of a trích thông báo (extractLeads' key). */
  leadKey?: string | undefined;
  /** Invitation: the invited units (names); issue takes the next GM number and freezes it. */
  invitedUnits?: readonly string[] | undefined;
  issue?: boolean | undefined;
}

async function model(ctx: Pick<AppContext, 'db' | 'clock'>, req: DossierRequest, numberText: string | null): Promise<PartyDocument> {
  const m = await loadMeeting(ctx.db, req.id);
  const profile = await getProfile(ctx);
  switch (req.document) {
    case 'invitation':
      return buildInvitationDocument({ meeting: m, numberText, invitedUnits: req.invitedUnits ?? [], date: localToday(ctx.clock) }, profile);
    case 'agenda':
      return buildAgendaDocument(m, profile);
    case 'extract':
      return buildExtractDocument(m, profile, req.leadKey ?? '');
    case 'review':
      return buildReviewDocument(m, await reviewRows(ctx, req.id), profile, localToday(ctx.clock));
  }
}

function issuedKey(req: DossierRequest) {
  return req.document === 'invitation'
    ? { ownerType: DOSSIER_OWNER, ownerId: req.id, docType: 'invitation' }
    : { ownerType: DOSSIER_OWNER, ownerId: req.id, ownerRef: req.leadKey ?? '', docType: 'notice_extract' };
}

/** Print HTML: an issued paper from its snapshot, a draft from live data. */
export async function dossierHtml(ctx: Pick<AppContext, 'db' | 'clock'>, req: DossierRequest): Promise<{ html: string; title: string }> {
  if (req.document === 'invitation' || req.document === 'extract') {
    const v = await latestIssued(ctx.db, issuedKey(req));
    if (v) {
      const snap = (await issuedSnapshot(ctx.db, v.id)) as { model: PartyDocument };
      return { html: renderPartyDocument(snap.model), title: snap.model.title ?? v.title };
    }
  }
  const doc = await model(ctx, req, null);
  return { html: renderPartyDocument(doc), title: doc.title ?? '' };
}

function stemOf(doc: PartyDocument, req: DossierRequest, numberText: string | null, date: string): string {
  switch (req.document) {
    case 'invitation':
      return documentFileStem('Giấy mời', numberText, date);
    case 'extract':
      return `${documentFileStem('Trích thông báo kết luận', numberText, date)} – ${(doc.title ?? '').split('–').pop()!.trim().replace(/[\\/:*?"<>|]/g, '-')}`;
    case 'agenda':
      return documentFileStem('Chương trình hội nghị', null, date).replace(' (dự thảo)', '');
    case 'review':
      return documentFileStem('Kiểm điểm việc thực hiện kết luận', null, date).replace(' (dự thảo)', '');
  }
}

/**
 * PDF / DOCX of a dossier paper. The invitation with `issue` takes the next GM number and is
 * frozen; a trích thông báo of a finalised meeting is frozen under the TB's number the first time
 * it is exported. An issued paper is always returned from the store, never re-rendered.
 */
export async function dossierFile(ctx: AppContext, req: DossierRequest & { format: 'pdf' | 'docx' }): Promise<FileResult> {
  const m = await loadMeeting(ctx.db, req.id);
  const freezable = req.document === 'invitation' || (req.document === 'extract' && m.status === 'finalized');
  if (freezable) {
    const existing = await latestIssued(ctx.db, issuedKey(req));
    if (existing && !(req.document === 'invitation' && req.issue)) {
      const { sha256: _h, ...file } = await readIssuedFile(ctx.db, existing.id, req.format);
      return file;
    }
  }
  const today = localToday(ctx.clock);
  if (freezable && (req.document === 'extract' || req.issue)) {
    return ctx.db.transaction().execute(async (trx: Db) => {
      let numberText = m.noticeNumberText;
      if (req.document === 'invitation') {
        numberText = (await reserveDocNumber(trx, ctx, { kindCode: 'GM', date: today, entity: 'meeting', entityId: m.id, summary: `Giấy mời dự ${m.title}` })).numberText;
      }
      const doc = await model({ db: trx as AppContext['db'], clock: ctx.clock }, req, numberText);
      const files = await renderIssuedFiles(ctx, doc, stemOf(doc, req, numberText, req.document === 'invitation' ? today : (m.noticeDate ?? m.date)));
      const previous = await latestIssued(trx, issuedKey(req));
      const issued = await issueDocument(trx, ctx, {
        ...issuedKey(req),
        numberText,
        title: doc.title ?? '',
        reason: previous ? 'Ban hành lại' : 'Ban hành lần đầu',
        snapshot: { model: doc, meetingId: m.id, invitedUnits: req.invitedUnits ?? [] },
        files,
      });
      const { sha256: _h, ...file } = await readIssuedFile(trx, issued.id, req.format);
      return file;
    });
  }
  const doc = await model(ctx, req, null);
  const stem = stemOf(doc, req, null, m.date);
  if (req.format === 'pdf') return { fileName: `${stem}.pdf`, mimeType: PDF_MIME, bytes: await renderPartyPdf(ctx.platform, doc) };
  return { fileName: `${stem}.docx`, mimeType: DOCX_MIME, bytes: await buildPartyDocx(doc) };
}
