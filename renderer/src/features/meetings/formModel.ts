/**
 * The editor's form values and their conversion to/from the `meetings.*` contract.
 *
 * The form keeps what the officer types (dates as dd/mm/yyyy, lists one item per line, the lead
 * of a task as a name), because that is what fast keyboard entry needs and what the autosaved
 * draft must restore. `toMeetingInput` turns it into the contract's input; the server validates
 * again with the same zod schema and its field paths match the form's (`attendees.3.reason`).
 */
import type { MeetingInput, Meeting, MeetingLookups, AttendanceStatus } from '../../../../shared/schemas/meetings';
import { SIGNING_MODES, type SigningMode } from '../../../../shared/schemas/settings';
import { formatDate, parseVietnameseDate } from '../../lib/format';

let keySeq = 0;
/** A stable React key for rows added in the form (server ids are not there yet). */
export const rowKey = () => `k${Date.now().toString(36)}${(keySeq++).toString(36)}`;

export interface PersonValues {
  memberId: string | null;
  name: string;
  position: string;
}

export interface AttendeeValues {
  memberId: string;
  fullName: string;
  position: string;
  status: AttendanceStatus;
  reason: string;
  deputyName: string;
  deputyPosition: string;
}

export interface OpinionValues {
  key: string;
  id?: string;
  speakerName: string;
  speakerPosition: string;
  agendaItem: string;
  summary: string;
}

export interface TaskValues {
  key: string;
  id?: string;
  content: string;
  /** A unit's or member's name from the lists, or any text. */
  lead: string;
  coordinatorUnitIds: string[];
  coordinatorText: string;
  /** dd/mm/yyyy or empty */
  deadline: string;
  recurring: boolean;
}

export interface ConclusionValues {
  key: string;
  id?: string;
  content: string;
  tasks: TaskValues[];
}

export interface MeetingFormValues extends Record<string, unknown> {
  kindId: string | null;
  title: string;
  /** dd/mm/yyyy */
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  chair: PersonValues;
  secretary: PersonValues;
  purpose: string;
  /** one item per line */
  agenda: string;
  documents: string;
  /** "Họ tên, chức vụ" per line */
  delegates: string;
  press: string;
  attendees: AttendeeValues[];
  opinions: OpinionValues[];
  conclusions: ConclusionValues[];
  /** digits or empty */
  manualNumber: string;
  noticeDate: string;
  /** The notice's "Nơi nhận", one per line; empty = pre-filled from the tasks and settings. */
  noticeRecipients: string;
  /** '' = the settings' default signature; else the mode chosen for this notice. */
  noticeSignatureMode: string;
  noticeSignerName: string;
  noticeSignerTitle: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function emptyTask(): TaskValues {
  return { key: rowKey(), content: '', lead: '', coordinatorUnitIds: [], coordinatorText: '', deadline: '', recurring: false };
}

export function emptyConclusion(): ConclusionValues {
  return { key: rowKey(), content: '', tasks: [] };
}

export function emptyOpinion(): OpinionValues {
  return { key: rowKey(), speakerName: '', speakerPosition: '', agendaItem: '', summary: '' };
}

/** Committee members (not the support staff) are expected at every meeting: all listed, present. */
export function defaultAttendees(lookups: MeetingLookups): AttendeeValues[] {
  return lookups.members
    .filter((m) => m.role !== 'to_giup_viec')
    .map((m) => ({ memberId: m.id, fullName: m.fullName, position: m.position, status: 'present', reason: '', deputyName: '', deputyPosition: '' }));
}

export function newMeetingValues(lookups: MeetingLookups, today: string): MeetingFormValues {
  const head = lookups.members.find((m) => m.role === 'truong_ban');
  return {
    kindId: null,
    title: '',
    date: formatDate(today),
    startTime: '08:00',
    endTime: '',
    place: '',
    chair: head ? { memberId: head.id, name: head.fullName, position: head.position } : { memberId: null, name: '', position: '' },
    secretary: { memberId: null, name: '', position: '' },
    purpose: '',
    agenda: '',
    documents: '',
    delegates: '',
    press: '',
    attendees: defaultAttendees(lookups),
    opinions: [],
    conclusions: [],
    manualNumber: '',
    noticeDate: '',
    noticeRecipients: '',
    noticeSignatureMode: '',
    noticeSignerName: '',
    noticeSignerTitle: '',
  };
}

function leadName(t: Meeting['conclusions'][number]['tasks'][number], lookups: MeetingLookups): string {
  if (t.leadUnitId) return lookups.units.find((u) => u.id === t.leadUnitId)?.name ?? t.leadLabel;
  if (t.leadMemberId) return lookups.members.find((m) => m.id === t.leadMemberId)?.fullName ?? t.leadLabel;
  return t.leadText;
}

export function valuesFromMeeting(m: Meeting, lookups: MeetingLookups): MeetingFormValues {
  return {
    kindId: m.kindId,
    title: m.title,
    date: formatDate(m.date),
    startTime: m.startTime,
    endTime: m.endTime ?? '',
    place: m.place,
    chair: { ...m.chair },
    secretary: { ...m.secretary },
    purpose: m.purpose,
    agenda: m.agenda.join('\n'),
    documents: m.documents.join('\n'),
    delegates: m.delegates.map((d) => (d.position ? `${d.name}, ${d.position}` : d.name)).join('\n'),
    press: m.press.join('\n'),
    attendees: m.attendees.map((a) => ({
      memberId: a.memberId,
      fullName: a.fullName,
      position: a.position,
      status: a.status,
      reason: a.reason,
      deputyName: a.deputyName,
      deputyPosition: a.deputyPosition,
    })),
    opinions: m.opinions.map((o) => ({
      key: o.id,
      id: o.id,
      speakerName: o.speakerName,
      speakerPosition: o.speakerPosition,
      agendaItem: o.agendaItem,
      summary: o.summary,
    })),
    conclusions: m.conclusions.map((c) => ({
      key: c.id,
      id: c.id,
      content: c.content,
      tasks: c.tasks.map((t) => ({
        key: t.id,
        id: t.id,
        content: t.content,
        lead: leadName(t, lookups),
        coordinatorUnitIds: t.coordinatorUnitIds,
        coordinatorText: t.coordinatorText,
        deadline: t.deadline ? formatDate(t.deadline) : '',
        recurring: t.recurring,
      })),
    })),
    manualNumber: m.manualNumber ? String(m.manualNumber) : '',
    noticeDate: m.noticeDate ? formatDate(m.noticeDate) : '',
    noticeRecipients: (m.noticeRecipients ?? []).join('\n'),
    noticeSignatureMode: m.noticeSignature?.mode ?? '',
    noticeSignerName: m.noticeSignature?.signerName ?? '',
    noticeSignerTitle: m.noticeSignature?.signerTitle ?? '',
  };
}

/** A prefill ("start from a previous meeting") as form values. */
export function valuesFromInput(input: MeetingInput, lookups: MeetingLookups): MeetingFormValues {
  const base = newMeetingValues(lookups, input.date);
  const attendees = (input.attendees ?? []).map((a) => {
    const m = lookups.members.find((x) => x.id === a.memberId);
    return {
      memberId: a.memberId,
      fullName: m?.fullName ?? '',
      position: m?.position ?? '',
      status: a.status,
      reason: a.reason ?? '',
      deputyName: a.deputyName ?? '',
      deputyPosition: a.deputyPosition ?? '',
    };
  });
  // Members who joined since that meeting are added too: attendance covers every member.
  for (const a of defaultAttendees(lookups)) if (!attendees.some((x) => x.memberId === a.memberId)) attendees.push(a);
  return {
    ...base,
    kindId: input.kindId ?? null,
    title: input.title,
    startTime: input.startTime,
    place: input.place ?? '',
    chair: { memberId: input.chair.memberId ?? null, name: input.chair.name, position: input.chair.position ?? '' },
    secretary: { memberId: input.secretary.memberId ?? null, name: input.secretary.name, position: input.secretary.position ?? '' },
    purpose: input.purpose ?? '',
    agenda: (input.agenda ?? []).join('\n'),
    delegates: (input.delegates ?? []).map((d) => (d.position ? `${d.name}, ${d.position}` : d.name)).join('\n'),
    attendees,
  };
}

export class FormConversionError extends Error {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? 'Dữ liệu chưa hợp lệ.');
  }
}

/** Form values → `meetings.create/update` input; dates that are not real dates become field errors. */
export function toMeetingInput(v: MeetingFormValues, lookups: MeetingLookups): MeetingInput {
  const errors: Record<string, string> = {};
  const date = (value: string, path: string, required: boolean): string | null => {
    if (!value.trim()) {
      if (required) errors[path] = 'Chưa nhập ngày (dd/mm/yyyy).';
      return null;
    }
    const iso = parseVietnameseDate(value);
    if (!iso) errors[path] = 'Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy.';
    return iso;
  };
  const byName = <T extends { name?: string; fullName?: string }>(list: T[], name: string) => {
    const wanted = name.trim().toLocaleLowerCase('vi');
    return list.find((x) => (x.name ?? x.fullName ?? '').toLocaleLowerCase('vi') === wanted);
  };
  const memberOf = (name: string) => byName(lookups.members, name);

  const meetingDate = date(v.date, 'date', true);
  const noticeDate = date(v.noticeDate, 'noticeDate', false);
  const manual = v.manualNumber.trim();
  if (manual && !/^\d{1,5}$/.test(manual)) errors['manualNumber'] = 'Số biên bản chỉ gồm chữ số.';

  const conclusions = v.conclusions.map((c, i) => ({
    ...(c.id ? { id: c.id } : {}),
    content: c.content,
    tasks: c.tasks.map((t, j) => {
      const unit = byName(lookups.units, t.lead);
      const member = unit ? undefined : memberOf(t.lead);
      return {
        ...(t.id ? { id: t.id } : {}),
        content: t.content,
        leadUnitId: unit?.id ?? null,
        leadMemberId: member?.id ?? null,
        leadText: unit || member ? '' : t.lead,
        coordinatorUnitIds: t.coordinatorUnitIds,
        coordinatorText: t.coordinatorText,
        deadline: t.recurring ? null : date(t.deadline, `conclusions.${i}.tasks.${j}.deadline`, false),
        recurring: t.recurring,
      };
    }),
  }));
  if (Object.keys(errors).length > 0) throw new FormConversionError(errors);

  return {
    kindId: v.kindId,
    kindName: lookups.kinds.find((k) => k.id === v.kindId)?.name ?? '',
    title: v.title,
    date: meetingDate ?? '',
    startTime: v.startTime,
    endTime: v.endTime.trim() ? v.endTime.trim() : null,
    place: v.place,
    chair: { memberId: memberOf(v.chair.name)?.id ?? null, name: v.chair.name, position: v.chair.position },
    secretary: { memberId: memberOf(v.secretary.name)?.id ?? null, name: v.secretary.name, position: v.secretary.position },
    purpose: v.purpose,
    agenda: lines(v.agenda),
    documents: lines(v.documents),
    delegates: lines(v.delegates).map((l) => {
      const at = l.indexOf(',');
      return at < 0 ? { name: l, position: '' } : { name: l.slice(0, at).trim(), position: l.slice(at + 1).trim() };
    }),
    press: lines(v.press),
    attendees: v.attendees.map((a) => ({
      memberId: a.memberId,
      status: a.status,
      reason: a.reason,
      deputyName: a.deputyName,
      deputyPosition: a.deputyPosition,
    })),
    opinions: v.opinions.map((o) => ({
      ...(o.id ? { id: o.id } : {}),
      speakerMemberId: memberOf(o.speakerName)?.id ?? null,
      speakerName: o.speakerName,
      speakerPosition: o.speakerPosition,
      agendaItem: o.agendaItem,
      summary: o.summary,
    })),
    conclusions,
    manualNumber: manual ? Number(manual) : null,
    noticeDate,
    noticeRecipients: lines(v.noticeRecipients ?? '').length ? lines(v.noticeRecipients ?? '') : null,
    // `?? ''`: a draft autosaved before these fields existed does not have them.
    noticeSignature: isSigningMode(v.noticeSignatureMode ?? '')
      ? { mode: v.noticeSignatureMode as SigningMode, signerName: (v.noticeSignerName ?? '').trim(), signerTitle: (v.noticeSignerTitle ?? '').trim() }
      : null,
  };
}

function isSigningMode(value: string): value is SigningMode {
  return (SIGNING_MODES as readonly string[]).includes(value);
}
