/**
 * Meetings: rules and lifecycle (docs/domain.md "Meetings and minutes").
 *
 * - A meeting is saved whole (create/update replace attendance, opinions and lists); conclusions
 *   and their tasks are matched by id so the tasks created from them stay the same task records
 *   (tasks table, source_type 'meeting', source_id = meeting id, source_ref = conclusion id).
 * - draft → finalised: numbers are issued from the register (BB for the minutes, TB for the
 *   conclusion notice, per Party term) and both papers are issued — PDF and DOCX bytes, SHA-256
 *   and the data snapshot in the issued store (../issued), the minutes PDF also as an attachment
 *   ('meeting_issued') — all in one transaction. A finalised meeting rejects changes (LOCKED)
 *   until re-opened with a reason; the next finalisation issues version 2 with that reason.
 */
import type { AppContext } from '../context';
import { recordAudit, type Db } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow, localToday } from '../clock';
import { AppError } from '../errors';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import type {
  AttendanceStatus,
  Meeting,
  MeetingData,
  MeetingInput,
  MeetingListInput,
  MeetingLookups,
  MeetingSummary,
  MeetingTask,
} from '../../../shared/schemas/meetings';
import { getAttachment, listAttachments } from '../attachments/service';
import { applyTaskUpdate, createTasks, deleteTask } from '../tasks/service';
import type { CreateTaskInput } from '../../../shared/schemas/tasks';
import { reserveDocNumber } from '../docNumbers/service';
import {
  existingIds,
  findMeetingRow,
  insertConclusion,
  insertConclusionTaskLinks,
  insertMeeting,
  listMeetingRows,
  replaceAttendees,
  replaceOpinions,
  restoreMeetingTasks,
  setTaskSourceRef,
  selectAttendees,
  selectConclusionTasks,
  selectConclusions,
  selectMeetingKinds,
  selectMeetingYears,
  selectMembers,
  selectOpinions,
  selectTaskCoordinators,
  selectUnits,
  updateConclusion,
  updateConclusionTaskLink,
  updateMeetingRow,
  type MeetingRow,
} from './repository';

export const ISSUED_OWNER = 'meeting_issued';
export const ATTACHMENT_OWNER = 'meeting';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'actor'>;

const PRESENT: readonly AttendanceStatus[] = ['present', 'late', 'left_early'];
export const isPresent = (s: AttendanceStatus) => PRESENT.includes(s);

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

export async function loadMeeting(db: Db, id: string, opts: { includeDeleted?: boolean } = {}): Promise<Meeting> {
  const row = await findMeetingRow(db, id, opts);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hội nghị (có thể đã bị xóa).');
  const [attendees, opinions, conclusions, taskRows, attachments] = await Promise.all([
    selectAttendees(db, id),
    selectOpinions(db, id),
    selectConclusions(db, id),
    selectConclusionTasks(db, id),
    listAttachments(db, ATTACHMENT_OWNER, id),
  ]);
  const coordinators = await selectTaskCoordinators(
    db,
    taskRows.map((t) => t.task_id),
  );
  const tasksByConclusion = new Map<string, MeetingTask[]>();
  for (const t of [...taskRows].sort((a, b) => a.seq - b.seq)) {
    const coords = coordinators.filter((c) => c.task_id === t.task_id);
    const coordinatorLabel = [...coords.map((c) => c.name), t.coordinator_text].filter(Boolean).join(', ');
    const task: MeetingTask = {
      id: t.task_id,
      content: t.content,
      leadUnitId: t.lead_unit_id,
      leadMemberId: t.lead_member_id,
      leadText: t.lead_text ?? '',
      leadLabel: t.lead_unit_name ?? (t.lead_member_name ? `Đồng chí ${t.lead_member_name}` : (t.lead_text ?? '')),
      coordinatorUnitIds: coords.map((c) => c.unit_id),
      coordinatorText: t.coordinator_text,
      coordinatorLabel,
      deadline: t.deadline,
      recurring: t.timing_kind === 'recurring',
      status: t.status,
      progress: t.progress,
    };
    const list = tasksByConclusion.get(t.conclusion_id) ?? [];
    list.push(task);
    tasksByConclusion.set(t.conclusion_id, list);
  }
  const issuedPdf = row.issued_attachment_id ? await getAttachment(db, row.issued_attachment_id).catch(() => null) : null;
  const stripOwner = <T extends { ownerType: string; ownerId: string }>(a: T) => {
    const { ownerType: _t, ownerId: _o, ...rest } = a;
    return rest;
  };
  return {
    id: row.id,
    status: row.status === 'finalized' ? 'finalized' : 'draft',
    kindId: row.kind_id,
    kindName: row.kind_name,
    title: row.title,
    date: row.date,
    startTime: row.start_time,
    endTime: row.end_time,
    place: row.place,
    chair: { memberId: row.chair_member_id, name: row.chair_name, position: row.chair_position },
    secretary: { memberId: row.secretary_member_id, name: row.secretary_name, position: row.secretary_position },
    purpose: row.purpose,
    agenda: parseJson<string[]>(row.agenda_json, []),
    documents: parseJson<string[]>(row.documents_json, []),
    attendees: attendees.map((a) => ({
      memberId: a.member_id,
      fullName: a.full_name,
      position: a.position ?? '',
      role: a.role,
      status: a.status as AttendanceStatus,
      reason: a.reason,
      deputyName: a.deputy_name,
      deputyPosition: a.deputy_position,
    })),
    delegates: parseJson<{ name: string; position: string }[]>(row.delegates_json, []),
    press: parseJson<string[]>(row.press_json, []),
    opinions: opinions.map((o) => ({
      id: o.id,
      speakerMemberId: o.speaker_member_id,
      speakerName: o.speaker_name,
      speakerPosition: o.speaker_position,
      agendaItem: o.agenda_item,
      summary: o.summary,
    })),
    conclusions: conclusions.map((c) => ({ id: c.id, content: c.content, tasks: tasksByConclusion.get(c.id) ?? [] })),
    manualNumber: row.manual_number,
    manualNoticeNumber: row.manual_notice_number,
    noticeDate: row.notice_date,
    numberText: row.number_text,
    noticeNumberText: row.notice_number_text,
    finalizedAt: row.finalized_at,
    issuedPdf: issuedPdf ? stripOwner(issuedPdf) : null,
    attachments: attachments.map(stripOwner),
    reopenings: parseJson<{ at: string; user: string; reason: string }[]>(row.reopenings_json, []),
    noticeRecipients: row.notice_recipients_json ? parseJson<string[] | null>(row.notice_recipients_json, null) : null,
    noticeSignature: row.notice_signature_json ? parseJson<Meeting['noticeSignature']>(row.notice_signature_json, null) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getMeeting(ctx: Pick<AppContext, 'db'>, id: string): Promise<Meeting> {
  return loadMeeting(ctx.db, id);
}

export async function listMeetings(ctx: Pick<AppContext, 'db' | 'clock'>, input: MeetingListInput) {
  const words = foldText(input.query ?? '')
    .split(' ')
    .filter(Boolean);
  const { rows, total } = await listMeetingRows(ctx.db, {
    year: input.year ?? null,
    kindId: input.kindId ?? null,
    status: input.status ?? null,
    words,
    fromDate: input.upcoming ? localToday(ctx.clock) : null,
    upcoming: input.upcoming ?? false,
    limit: input.limit,
    offset: input.offset,
  });
  const items: MeetingSummary[] = rows.map((r) => ({
    id: r.id,
    status: r.status === 'finalized' ? 'finalized' : 'draft',
    kindId: r.kind_id,
    kindName: r.kind_name,
    title: r.title,
    date: r.date,
    startTime: r.start_time,
    place: r.place,
    chairName: r.chair_name,
    numberText: r.number_text,
    presentCount: Number(r.present_count ?? 0),
    memberCount: Number(r.member_count ?? 0),
    conclusionCount: Number(r.conclusion_count ?? 0),
    taskCount: Number(r.task_count ?? 0),
    updatedAt: r.updated_at,
  }));
  return { items, total, years: await selectMeetingYears(ctx.db) };
}

export async function meetingLookups(ctx: Pick<AppContext, 'db'>): Promise<MeetingLookups> {
  const [members, units, kinds] = await Promise.all([selectMembers(ctx.db), selectUnits(ctx.db), selectMeetingKinds(ctx.db)]);
  return {
    members: members.map((m) => ({ id: m.id, fullName: m.full_name, role: m.role, position: m.position ?? '', agency: m.agency ?? '' })),
    units,
    kinds,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** References must exist: an unknown member, unit or kind is a VALIDATION error naming the field. */
/**
 * `known` holds member ids the meeting already records: a member deleted from the committee
 * since then stays in the old minutes (history is not rewritten), only new references must exist.
 */
async function assertReferences(db: Db, m: MeetingData, known: ReadonlySet<string> = new Set()): Promise<void> {
  const fields: Record<string, string> = {};
  const memberRefs: [string, string][] = [];
  if (m.chair.memberId) memberRefs.push(['meeting.chair.memberId', m.chair.memberId]);
  if (m.secretary.memberId) memberRefs.push(['meeting.secretary.memberId', m.secretary.memberId]);
  m.attendees.forEach((a, i) => memberRefs.push([`meeting.attendees.${i}.memberId`, a.memberId]));
  m.opinions.forEach((o, i) => o.speakerMemberId && memberRefs.push([`meeting.opinions.${i}.speakerMemberId`, o.speakerMemberId]));
  const unitRefs: [string, string][] = [];
  m.conclusions.forEach((c, i) =>
    c.tasks.forEach((t, j) => {
      const p = `meeting.conclusions.${i}.tasks.${j}`;
      if (t.leadMemberId) memberRefs.push([`${p}.leadMemberId`, t.leadMemberId]);
      if (t.leadUnitId) unitRefs.push([`${p}.leadUnitId`, t.leadUnitId]);
      t.coordinatorUnitIds.forEach((u, k) => unitRefs.push([`${p}.coordinatorUnitIds.${k}`, u]));
    }),
  );
  const members = await existingIds(db, 'members', memberRefs.map(([, id]) => id));
  const units = await existingIds(db, 'units', unitRefs.map(([, id]) => id));
  for (const [path, id] of memberRefs) if (!members.has(id) && !known.has(id)) fields[path] ??= 'Thành viên không tồn tại (có thể đã bị xóa).';
  for (const [path, id] of unitRefs) if (!units.has(id)) fields[path] ??= 'Đơn vị không tồn tại (có thể đã bị xóa).';
  if (m.kindId && !(await existingIds(db, 'catalog_items', [m.kindId])).has(m.kindId)) {
    fields['meeting.kindId'] = 'Loại hội nghị không có trong danh mục.';
  }
  const keys = Object.keys(fields);
  if (keys.length > 0) {
    throw new AppError('VALIDATION', `Dữ liệu chưa hợp lệ: ${fields[keys[0]!]}`, fields);
  }
}

function searchTextOf(m: MeetingData): string {
  return foldText(
    [
      m.title,
      m.kindName,
      m.place,
      m.purpose,
      m.chair.name,
      ...m.agenda,
      ...m.opinions.flatMap((o) => [o.speakerName, o.summary]),
      ...m.conclusions.flatMap((c) => [c.content, ...c.tasks.map((t) => t.content)]),
    ].join(' '),
  );
}

async function kindNameOf(db: Db, m: MeetingData): Promise<string> {
  if (m.kindName || !m.kindId) return m.kindName;
  const kinds = await selectMeetingKinds(db);
  return kinds.find((k) => k.id === m.kindId)?.name ?? '';
}

function headerColumns(m: MeetingData, kindName: string) {
  return {
    kind_id: m.kindId,
    kind_name: kindName,
    title: m.title,
    date: m.date,
    year: Number(m.date.slice(0, 4)),
    start_time: m.startTime,
    end_time: m.endTime,
    place: m.place,
    chair_member_id: m.chair.memberId,
    chair_name: m.chair.name,
    chair_position: m.chair.position,
    secretary_member_id: m.secretary.memberId,
    secretary_name: m.secretary.name,
    secretary_position: m.secretary.position,
    purpose: m.purpose,
    agenda_json: JSON.stringify(m.agenda),
    documents_json: JSON.stringify(m.documents),
    delegates_json: JSON.stringify(m.delegates),
    press_json: JSON.stringify(m.press),
    manual_number: m.manualNumber,
    manual_notice_number: m.manualNoticeNumber,
    notice_date: m.noticeDate,
    search_text: searchTextOf({ ...m, kindName }),
    sort_key: vietnameseSortKey(m.title),
    // Omitted = unchanged (an older client that does not know the fields keeps what was chosen).
    ...(m.noticeRecipients !== undefined ? { notice_recipients_json: m.noticeRecipients === null ? null : JSON.stringify(m.noticeRecipients) } : {}),
    ...(m.noticeSignature !== undefined ? { notice_signature_json: m.noticeSignature === null ? null : JSON.stringify(m.noticeSignature) } : {}),
  };
}

function taskPayload(meetingId: string, meetingDate: string, conclusionId: string, t: MeetingData['conclusions'][number]['tasks'][number]) {
  const timing = t.recurring
    ? { kind: 'recurring' as const, value: 'quarter' }
    : t.deadline
      ? { kind: 'date' as const, value: t.deadline }
      : { kind: 'none' as const, value: null };
  return {
    title: t.content,
    leadUnitId: t.leadUnitId,
    leadMemberId: t.leadMemberId,
    leadText: t.leadText || null,
    coordinatingUnitIds: t.coordinatorUnitIds,
    timing,
    deadline: t.recurring ? null : t.deadline,
    year: t.deadline ? Number(t.deadline.slice(0, 4)) : Number(meetingDate.slice(0, 4)),
    sourceId: meetingId,
    sourceRef: conclusionId,
  };
}

/**
 * Writes attendance, opinions, conclusions and their tasks for `meetingId`. Conclusions and tasks
 * with an id must already belong to this meeting; those missing from the input are removed
 * (conclusions soft-deleted, tasks moved to the trash through the tasks service).
 */
async function writeChildren(trx: Db, ctx: Ctx, meetingId: string, m: MeetingData, at: string): Promise<void> {
  await replaceAttendees(
    trx,
    meetingId,
    m.attendees.map((a, i) => ({
      id: newId(),
      meeting_id: meetingId,
      member_id: a.memberId,
      status: a.status,
      reason: a.reason,
      deputy_name: a.status === 'deputy' ? a.deputyName : '',
      deputy_position: a.status === 'deputy' ? a.deputyPosition : '',
      sort_order: i,
    })),
  );
  await replaceOpinions(
    trx,
    meetingId,
    m.opinions.map((o, i) => ({
      id: o.id ?? newId(),
      meeting_id: meetingId,
      seq: i + 1,
      speaker_member_id: o.speakerMemberId,
      speaker_name: o.speakerName,
      speaker_position: o.speakerPosition,
      agenda_item: o.agendaItem,
      summary: o.summary,
    })),
  );

  const existingConclusions = new Map((await selectConclusions(trx, meetingId)).map((c) => [c.id, c]));
  const existingTasks = new Map((await selectConclusionTasks(trx, meetingId)).map((t) => [t.task_id, t]));
  const keptConclusions = new Set<string>();
  const keptTasks = new Set<string>();
  // New tasks are created together after the loop (`createTasks`: a few statements instead of ~9 a task).
  const added: Array<{ input: CreateTaskInput; fieldPrefix: string; conclusionId: string; seq: number; coordinatorText: string }> = [];

  for (const [i, c] of m.conclusions.entries()) {
    let conclusionId: string;
    if (c.id) {
      if (!existingConclusions.has(c.id)) {
        throw new AppError('VALIDATION', 'Kết luận không thuộc hội nghị này (có thể đã bị xóa ở cửa sổ khác).', {
          [`meeting.conclusions.${i}.id`]: 'Kết luận không thuộc hội nghị này.',
        });
      }
      conclusionId = c.id;
      await updateConclusion(trx, c.id, { seq: i + 1, content: c.content });
    } else {
      conclusionId = newId();
      await insertConclusion(trx, { id: conclusionId, meeting_id: meetingId, seq: i + 1, content: c.content, created_at: at, deleted_at: null });
    }
    keptConclusions.add(conclusionId);

    for (const [j, t] of c.tasks.entries()) {
      const prefix = `meeting.conclusions.${i}.tasks.${j}.`;
      const payload = taskPayload(meetingId, m.date, conclusionId, t);
      if (t.id) {
        const link = existingTasks.get(t.id);
        if (!link) {
          throw new AppError('VALIDATION', 'Nhiệm vụ không thuộc hội nghị này (có thể đã bị xóa ở màn hình nhiệm vụ).', {
            [`${prefix}id`]: 'Nhiệm vụ không thuộc hội nghị này.',
          });
        }
        const { sourceId: _s, sourceRef: _r, ...changes } = payload;
        await applyTaskUpdate(trx, ctx, { id: t.id, ...changes }, prefix);
        await updateConclusionTaskLink(trx, t.id, { conclusion_id: conclusionId, seq: j + 1, coordinator_text: t.coordinatorText });
        // A task moved to another conclusion keeps pointing at it from the task side too.
        if (link.conclusion_id !== conclusionId) await setTaskSourceRef(trx, t.id, conclusionId);
        keptTasks.add(t.id);
      } else {
        added.push({ input: { ...payload, sourceType: 'meeting' }, fieldPrefix: prefix, conclusionId, seq: j + 1, coordinatorText: t.coordinatorText });
      }
    }
  }
  const createdIds = await createTasks(trx, ctx, added);
  await insertConclusionTaskLinks(
    trx,
    added.map((a, k) => ({ task_id: createdIds[k]!, meeting_id: meetingId, conclusion_id: a.conclusionId, seq: a.seq, coordinator_text: a.coordinatorText })),
  );
  for (const id of createdIds) keptTasks.add(id);
  for (const taskId of existingTasks.keys()) {
    if (!keptTasks.has(taskId)) await deleteTask(trx, ctx, taskId);
  }
  for (const id of existingConclusions.keys()) {
    if (!keptConclusions.has(id)) await updateConclusion(trx, id, { deleted_at: at });
  }
}

export async function createMeeting(ctx: Ctx, m: MeetingData): Promise<Meeting> {
  const at = isoNow(ctx.clock);
  const id = newId(ctx.clock.now().getTime());
  const meeting = await ctx.db.transaction().execute(async (trx) => {
    await assertReferences(trx, m);
    if (m.conclusions.some((c) => c.id || c.tasks.some((t) => t.id))) {
      throw new AppError('VALIDATION', 'Hội nghị mới không thể dùng lại kết luận hoặc nhiệm vụ của hội nghị khác.');
    }
    const kindName = await kindNameOf(trx, m);
    await insertMeeting(trx, {
      id,
      ...headerColumns(m, kindName),
      number_text: null,
      notice_number_text: null,
      status: 'draft',
      finalized_at: null,
      issued_attachment_id: null,
      reopenings_json: '[]',
      created_at: at,
      updated_at: at,
      deleted_at: null,
    });
    await writeChildren(trx, ctx, id, m, at);
    const after = await loadMeeting(trx, id);
    await recordAudit(trx, ctx.actor, at, { entity: 'meeting', entityId: id, action: 'create', after });
    return after;
  });
  return meeting;
}

function assertEditable(row: MeetingRow): void {
  if (row.status === 'finalized') {
    throw new AppError(
      'LOCKED',
      'Biên bản đã hoàn tất và bị khóa. Muốn sửa, hãy mở lại biên bản và ghi rõ lý do.',
    );
  }
}

export async function updateMeeting(ctx: Ctx, id: string, m: MeetingData): Promise<Meeting> {
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findMeetingRow(trx, id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hội nghị (có thể đã bị xóa).');
    assertEditable(row);
    const before = await loadMeeting(trx, id);
    const known = new Set(
      [before.chair.memberId, before.secretary.memberId, ...before.attendees.map((a) => a.memberId), ...before.opinions.map((o) => o.speakerMemberId)].filter(
        (x): x is string => Boolean(x),
      ),
    );
    await assertReferences(trx, m, known);
    const kindName = await kindNameOf(trx, m);
    await updateMeetingRow(trx, id, { ...headerColumns(m, kindName), updated_at: at });
    await writeChildren(trx, ctx, id, m, at);
    const after = await loadMeeting(trx, id);
    await recordAudit(trx, ctx.actor, at, { entity: 'meeting', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** What a minute needs before it can be signed; a VALIDATION error lists what is missing. */
export function finalizeProblems(m: Meeting): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!m.endTime) problems['endTime'] = 'Chưa ghi giờ kết thúc hội nghị.';
  if (m.attendees.length === 0) problems['attendees'] = 'Chưa điểm danh thành viên dự họp.';
  if (m.conclusions.length === 0) problems['conclusions'] = 'Chưa có kết luận của chủ trì.';
  if (!m.place) problems['place'] = 'Chưa ghi địa điểm.';
  return problems;
}

export interface FinalizeDeps {
  /**
   * Issues the meeting's papers as they are now (inside the transaction, numbers included): the
   * biên bản and the thông báo kết luận, PDF and DOCX, kept in the issued store as a new version
   * with `reason`. Returns the minutes PDF, also kept as the meeting's `issuedPdf` attachment.
   */
  issueDocuments(db: Db, meeting: Meeting, reason: string): Promise<{ fileName: string; bytes: Uint8Array }>;
  saveIssuedPdf(db: Db, meetingId: string, fileName: string, bytes: Uint8Array): Promise<string>;
}

/** Why this version is issued: the first issue, or again after the latest re-opening (and why). */
export function issueReason(reopenings: readonly { reason: string }[]): string {
  const last = reopenings[reopenings.length - 1];
  return last ? `Ban hành lại sau khi mở lại (lần ${reopenings.length}): ${last.reason}` : 'Ban hành lần đầu';
}

export async function finalizeMeeting(ctx: Ctx, id: string, deps: FinalizeDeps): Promise<Meeting> {
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findMeetingRow(trx, id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hội nghị (có thể đã bị xóa).');
    if (row.status === 'finalized') throw new AppError('LOCKED', 'Biên bản này đã hoàn tất từ trước.');
    const before = await loadMeeting(trx, id);
    const problems = finalizeProblems(before);
    const keys = Object.keys(problems);
    if (keys.length > 0) {
      throw new AppError('VALIDATION', `Chưa thể hoàn tất biên bản: ${keys.map((k) => problems[k]!.replace(/\.$/, '').toLowerCase()).join('; ')}.`, problems);
    }
    // Numbers: an existing one is kept (a re-opened meeting keeps its number), else reserve.
    let numberText = row.number_text;
    if (!numberText) {
      const n = await reserveDocNumber(trx, ctx, {
        kindCode: 'BB',
        date: row.date,
        entity: 'meeting',
        entityId: id,
        summary: `Biên bản ${row.title}`,
        manualNumber: row.manual_number,
      });
      numberText = n.numberText;
    }
    let noticeNumberText = row.notice_number_text;
    if (!noticeNumberText && before.conclusions.length > 0) {
      const n = await reserveDocNumber(trx, ctx, {
        kindCode: 'TB',
        date: row.notice_date ?? row.date,
        entity: 'meeting',
        entityId: id,
        summary: `Thông báo kết luận ${row.title}`,
        manualNumber: row.manual_notice_number,
      });
      noticeNumberText = n.numberText;
    }
    await updateMeetingRow(trx, id, {
      status: 'finalized',
      finalized_at: at,
      number_text: numberText,
      notice_number_text: noticeNumberText,
      updated_at: at,
    });
    const locked = await loadMeeting(trx, id);
    const pdf = await deps.issueDocuments(trx, locked, issueReason(locked.reopenings));
    const attachmentId = await deps.saveIssuedPdf(trx, id, pdf.fileName, pdf.bytes);
    await updateMeetingRow(trx, id, { issued_attachment_id: attachmentId });
    const after = await loadMeeting(trx, id);
    await recordAudit(trx, ctx.actor, at, {
      entity: 'meeting',
      entityId: id,
      action: 'finalize',
      before: { status: before.status },
      after: { status: 'finalized', numberText, noticeNumberText, issuedPdf: after.issuedPdf },
    });
    return after;
  });
}

export async function reopenMeeting(ctx: Ctx, id: string, reason: string): Promise<Meeting> {
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findMeetingRow(trx, id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hội nghị (có thể đã bị xóa).');
    if (row.status !== 'finalized') throw new AppError('CONFLICT', 'Biên bản đang ở trạng thái nháp, không cần mở lại.');
    const reopenings = parseJson<{ at: string; user: string; reason: string }[]>(row.reopenings_json, []);
    reopenings.push({ at, user: ctx.actor.name, reason });
    // The number stays with the meeting; every version issued so far stays in the issued store
    // (the next finalisation adds one), and the minutes PDF stays as an attachment of the history.
    await updateMeetingRow(trx, id, { status: 'draft', finalized_at: null, reopenings_json: JSON.stringify(reopenings), updated_at: at });
    await recordAudit(trx, ctx.actor, at, {
      entity: 'meeting',
      entityId: id,
      action: 'reopen',
      before: { status: 'finalized', finalizedAt: row.finalized_at, issuedAttachmentId: row.issued_attachment_id },
      after: { status: 'draft' },
      note: reason,
    });
    return loadMeeting(trx, id);
  });
}

export async function deleteMeeting(ctx: Ctx, id: string): Promise<{ id: string }> {
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findMeetingRow(trx, id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy hội nghị (có thể đã bị xóa).');
    if (row.status === 'finalized') {
      throw new AppError('LOCKED', 'Không thể xóa biên bản đã hoàn tất. Hãy mở lại biên bản (ghi rõ lý do) trước khi xóa.');
    }
    const before = await loadMeeting(trx, id);
    for (const c of before.conclusions) for (const t of c.tasks) await deleteTask(trx, ctx, t.id);
    await updateMeetingRow(trx, id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'meeting', entityId: id, action: 'delete', before });
    return { id };
  });
}

export async function restoreMeeting(ctx: Ctx, id: string): Promise<Meeting> {
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findMeetingRow(trx, id, { includeDeleted: true });
    if (!row || !row.deleted_at) throw new AppError('NOT_FOUND', 'Không tìm thấy hội nghị trong thùng rác.');
    await updateMeetingRow(trx, id, { deleted_at: null, updated_at: at });
    // Tasks deleted together with the meeting come back with it.
    await restoreMeetingTasks(trx, id, row.deleted_at, at);
    const after = await loadMeeting(trx, id);
    await recordAudit(trx, ctx.actor, at, { entity: 'meeting', entityId: id, action: 'restore', after });
    return after;
  });
}

/** "Start from a previous meeting": attendees (all present again), agenda, chair, minute-taker, place, kind. */
export async function prefillFrom(ctx: Pick<AppContext, 'db' | 'clock'>, id: string): Promise<MeetingData> {
  const m = await loadMeeting(ctx.db, id);
  return {
    kindId: m.kindId,
    kindName: m.kindName,
    title: m.title,
    date: localToday(ctx.clock),
    startTime: m.startTime,
    endTime: null,
    place: m.place,
    chair: m.chair,
    secretary: m.secretary,
    purpose: m.purpose,
    agenda: m.agenda,
    documents: [],
    attendees: m.attendees.map((a) => ({ memberId: a.memberId, status: 'present', reason: '', deputyName: '', deputyPosition: '' })),
    delegates: m.delegates,
    press: [],
    opinions: [],
    conclusions: [],
    manualNumber: null,
    manualNoticeNumber: null,
    noticeDate: null,
  };
}

export type { MeetingInput };
