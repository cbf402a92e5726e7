import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema, fileResultSchema } from '../contract/bytes';
import { idSchema, intInRange, isoDate, longText, text } from './common';

/*
 * Meetings and minutes (docs/domain.md "Meetings and minutes", Hướng dẫn 16-HD/VPTW): one record holds
 * everything the biên bản and the thông báo kết luận need. The editor sends the whole meeting on
 * every save (create/update); conclusions and their tasks carry their ids so that the tasks created
 * from them stay the same task records across edits.
 */

// ---------------------------------------------------------------------------------------------
// Enumerations
// ---------------------------------------------------------------------------------------------

export const ATTENDANCE_STATUSES = ['present', 'late', 'left_early', 'absent', 'deputy'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Có mặt',
  late: 'Đến muộn',
  left_early: 'Về sớm',
  absent: 'Vắng mặt',
  deputy: 'Cử người dự thay',
};

export const MEETING_STATUSES = ['draft', 'finalized'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'Bản nháp',
  finalized: 'Đã hoàn tất',
};

export const EXPORT_FORMATS = ['pdf', 'docx'] as const;

// ---------------------------------------------------------------------------------------------
// Input pieces
// ---------------------------------------------------------------------------------------------

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export function clockTime(label: string) {
  return z.string({ error: `${label}: chưa nhập.` }).regex(TIME, `${label} phải có dạng giờ:phút, ví dụ 08:00.`);
}

const optionalId = (label: string) =>
  z
    .union([idSchema, z.null()], { error: `${label} không hợp lệ.` })
    .optional()
    .transform((v) => v ?? null);

/** Chair or minute-taker: a member (memberId) or anyone else (name and position typed). */
export function personRefSchema(role: string) {
  return z.object({
    memberId: optionalId(role),
    name: text(`Họ tên ${role.toLowerCase()}`, { min: 1, max: 120 }),
    position: text(`Chức vụ ${role.toLowerCase()}`, { max: 300 }).default(''),
  });
}

export const attendeeInputSchema = z.object({
  memberId: idSchema,
  status: z.enum(ATTENDANCE_STATUSES, { error: 'Tình trạng dự họp không hợp lệ.' }),
  /** Why absent, late or left early. */
  reason: text('Lý do', { max: 300 }).default(''),
  deputyName: text('Người dự thay', { max: 120 }).default(''),
  deputyPosition: text('Chức vụ người dự thay', { max: 300 }).default(''),
});

export const delegateInputSchema = z.object({
  name: text('Đại biểu', { min: 1, max: 120 }),
  position: text('Chức vụ, đơn vị', { max: 300 }).default(''),
});

export const opinionInputSchema = z.object({
  id: idSchema.optional(),
  speakerMemberId: optionalId('Người phát biểu'),
  speakerName: text('Người phát biểu', { min: 1, max: 120 }),
  speakerPosition: text('Chức vụ người phát biểu', { max: 300 }).default(''),
  agendaItem: text('Nội dung chương trình', { max: 500 }).default(''),
  summary: longText('Tóm tắt ý kiến', { min: 1, max: 20000 }),
});

export const conclusionTaskInputSchema = z.object({
  id: idSchema.optional(),
  content: longText('Nội dung nhiệm vụ', { min: 1, max: 4000 }),
  leadUnitId: optionalId('Đơn vị chủ trì'),
  leadMemberId: optionalId('Thành viên chủ trì'),
  /** When the lead is neither a known unit nor a member ("Các cơ quan, đơn vị"). */
  leadText: text('Chủ trì', { max: 300 }).default(''),
  coordinatorUnitIds: z.array(idSchema).max(50).default([]),
  coordinatorText: text('Phối hợp', { max: 500 }).default(''),
  deadline: z
    .union([isoDate('Thời hạn'), z.null()])
    .optional()
    .transform((v) => v ?? null),
  /** "Thường xuyên": no single deadline, followed up every quarter by the tasks screens. */
  recurring: z.boolean().default(false),
});

export const conclusionInputSchema = z.object({
  id: idSchema.optional(),
  content: longText('Nội dung kết luận', { min: 1, max: 20000 }),
  tasks: z.array(conclusionTaskInputSchema).max(50).default([]),
});

export const meetingInputSchema = z
  .object({
    kindId: optionalId('Loại hội nghị'),
    kindName: text('Loại hội nghị', { max: 200 }).default(''),
    title: text('Tên hội nghị', { min: 1, max: 500 }),
    date: isoDate('Ngày họp'),
    startTime: clockTime('Giờ bắt đầu'),
    endTime: z
      .union([clockTime('Giờ kết thúc'), z.null()])
      .optional()
      .transform((v) => v ?? null),
    place: text('Địa điểm', { max: 300 }).default(''),
    chair: personRefSchema('Chủ trì'),
    secretary: personRefSchema('Thư ký'),
    purpose: longText('Mục đích, nội dung', { max: 5000 }).default(''),
    agenda: z.array(text('Nội dung chương trình', { min: 1, max: 500 })).max(50).default([]),
    documents: z.array(text('Tài liệu', { min: 1, max: 500 })).max(50).default([]),
    attendees: z.array(attendeeInputSchema).max(300).default([]),
    delegates: z.array(delegateInputSchema).max(300).default([]),
    press: z.array(text('Cơ quan báo chí', { min: 1, max: 300 })).max(50).default([]),
    opinions: z.array(opinionInputSchema).max(300).default([]),
    conclusions: z.array(conclusionInputSchema).max(100).default([]),
    /** Số biên bản typed by hand; empty = the next number of the register, given at finalisation. */
    manualNumber: z
      .union([intInRange('Số biên bản', 1, 99999), z.null()])
      .optional()
      .transform((v) => v ?? null),
    manualNoticeNumber: z
      .union([intInRange('Số thông báo', 1, 99999), z.null()])
      .optional()
      .transform((v) => v ?? null),
    /** Date of the thông báo kết luận; the meeting date when empty. */
    noticeDate: z
      .union([isoDate('Ngày thông báo'), z.null()])
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((m, ctx) => {
    if (m.endTime && m.endTime <= m.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Giờ kết thúc phải sau giờ bắt đầu.' });
    }
    const seen = new Set<string>();
    m.attendees.forEach((a, i) => {
      if (seen.has(a.memberId)) {
        ctx.addIssue({ code: 'custom', path: ['attendees', i, 'memberId'], message: 'Thành viên này đã có trong danh sách dự họp.' });
      }
      seen.add(a.memberId);
      if (a.status === 'absent' && !a.reason) {
        ctx.addIssue({ code: 'custom', path: ['attendees', i, 'reason'], message: 'Cần ghi lý do vắng mặt.' });
      }
      if (a.status === 'deputy' && !a.deputyName) {
        ctx.addIssue({ code: 'custom', path: ['attendees', i, 'deputyName'], message: 'Cần ghi họ tên người dự thay.' });
      }
    });
    m.conclusions.forEach((c, i) =>
      c.tasks.forEach((t, j) => {
        if (!t.leadUnitId && !t.leadMemberId && !t.leadText) {
          ctx.addIssue({
            code: 'custom',
            path: ['conclusions', i, 'tasks', j, 'leadText'],
            message: 'Nhiệm vụ cần có đơn vị hoặc người chủ trì.',
          });
        }
      }),
    );
    if (m.noticeDate && m.noticeDate < m.date) {
      ctx.addIssue({ code: 'custom', path: ['noticeDate'], message: 'Ngày thông báo không được trước ngày họp.' });
    }
  });
export type MeetingInput = z.input<typeof meetingInputSchema>;
export type MeetingData = z.output<typeof meetingInputSchema>;

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

const personOut = z.object({ memberId: z.string().nullable(), name: z.string(), position: z.string() });

export const attendeeSchema = z.object({
  memberId: z.string(),
  fullName: z.string(),
  position: z.string(),
  role: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  reason: z.string(),
  deputyName: z.string(),
  deputyPosition: z.string(),
});

export const meetingTaskSchema = z.object({
  id: z.string(),
  content: z.string(),
  leadUnitId: z.string().nullable(),
  leadMemberId: z.string().nullable(),
  leadText: z.string(),
  /** What the documents print as "chủ trì": the unit's or member's name, or the typed text. */
  leadLabel: z.string(),
  coordinatorUnitIds: z.array(z.string()),
  coordinatorText: z.string(),
  coordinatorLabel: z.string(),
  deadline: z.string().nullable(),
  recurring: z.boolean(),
  /** Tracked by the plans and tasks screens. */
  status: z.string(),
  progress: z.number(),
});
export type MeetingTask = z.infer<typeof meetingTaskSchema>;

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  size: z.number(),
  mimeType: z.string(),
  createdAt: z.string(),
});
export type MeetingAttachment = z.infer<typeof attachmentSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  status: z.enum(MEETING_STATUSES),
  kindId: z.string().nullable(),
  kindName: z.string(),
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  place: z.string(),
  chair: personOut,
  secretary: personOut,
  purpose: z.string(),
  agenda: z.array(z.string()),
  documents: z.array(z.string()),
  attendees: z.array(attendeeSchema),
  delegates: z.array(z.object({ name: z.string(), position: z.string() })),
  press: z.array(z.string()),
  opinions: z.array(
    z.object({
      id: z.string(),
      speakerMemberId: z.string().nullable(),
      speakerName: z.string(),
      speakerPosition: z.string(),
      agendaItem: z.string(),
      summary: z.string(),
    }),
  ),
  conclusions: z.array(z.object({ id: z.string(), content: z.string(), tasks: z.array(meetingTaskSchema) })),
  manualNumber: z.number().nullable(),
  manualNoticeNumber: z.number().nullable(),
  noticeDate: z.string().nullable(),
  /** "05-BB/BCĐ" once given (at finalisation, or typed by hand). */
  numberText: z.string().nullable(),
  noticeNumberText: z.string().nullable(),
  finalizedAt: z.string().nullable(),
  /** The exact PDF issued at finalisation. */
  issuedPdf: attachmentSchema.nullable(),
  attachments: z.array(attachmentSchema),
  /** Re-openings, newest last: when, who and why. */
  reopenings: z.array(z.object({ at: z.string(), user: z.string(), reason: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingSummarySchema = z.object({
  id: z.string(),
  status: z.enum(MEETING_STATUSES),
  kindId: z.string().nullable(),
  kindName: z.string(),
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  place: z.string(),
  chairName: z.string(),
  numberText: z.string().nullable(),
  presentCount: z.number(),
  memberCount: z.number(),
  conclusionCount: z.number(),
  taskCount: z.number(),
  updatedAt: z.string(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingListInputSchema = z
  .object({
    year: z.number().int().min(1990).max(2100).nullable().optional(),
    kindId: idSchema.nullable().optional(),
    status: z.enum(MEETING_STATUSES).nullable().optional(),
    query: text('Từ khóa', { max: 200 }).optional(),
    /** Only meetings from today on, soonest first. */
    upcoming: z.boolean().optional(),
    limit: intInRange('Số dòng', 1, 500).default(100),
    offset: intInRange('Vị trí', 0, 1_000_000).default(0),
  })
  .strict();

export const meetingListSchema = z.object({
  items: z.array(meetingSummarySchema),
  total: z.number(),
  /** Years that have meetings, newest first (for the year filter). */
  years: z.array(z.number()),
});

export const lookupsSchema = z.object({
  members: z.array(
    z.object({ id: z.string(), fullName: z.string(), role: z.string(), position: z.string(), agency: z.string() }),
  ),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  kinds: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MeetingLookups = z.infer<typeof lookupsSchema>;

const byId = z.object({ id: idSchema }).strict();
const exportInput = z
  .object({ id: idSchema, format: z.enum(EXPORT_FORMATS, { error: 'Định dạng phải là pdf hoặc docx.' }) })
  .strict();

export const meetingsChannels = {
  'meetings.list': channel({
    input: meetingListInputSchema,
    output: meetingListSchema,
    summary: 'Meetings filtered by year, kind, status and a diacritics-free query (titles, opinions, conclusions); upcoming=true lists future ones.',
  }),
  'meetings.get': channel({ input: byId, output: meetingSchema, summary: 'One meeting with attendance, opinions, conclusions, tasks and attachments.' }),
  'meetings.create': channel({
    input: z.object({ meeting: meetingInputSchema }).strict(),
    output: meetingSchema,
    summary: 'Create a draft meeting; conclusion tasks become task records (source_type meeting).',
  }),
  'meetings.update': channel({
    input: z.object({ id: idSchema, meeting: meetingInputSchema }).strict(),
    output: meetingSchema,
    summary: 'Replace a draft meeting (LOCKED once finalised); tasks keep their ids through conclusion/task ids.',
  }),
  'meetings.finalize': channel({
    input: byId,
    output: meetingSchema,
    summary: 'Lock the meeting, give the BB (and TB) numbers and keep the exact minutes PDF issued.',
  }),
  'meetings.reopen': channel({
    input: z.object({ id: idSchema, reason: text('Lý do mở lại', { min: 5, max: 1000 }) }).strict(),
    output: meetingSchema,
    summary: 'Re-open a finalised meeting for changes; the reason is kept in the audit log.',
  }),
  'meetings.delete': channel({
    input: byId,
    output: z.object({ id: z.string() }),
    summary: 'Move a draft meeting (and its open tasks) to the trash.',
  }),
  'meetings.restore': channel({ input: byId, output: meetingSchema, summary: 'Restore a meeting from the trash.' }),
  'meetings.prefillFrom': channel({
    input: byId,
    output: meetingInputSchema,
    summary: '"Start from a previous meeting": a new meeting input with the attendees, agenda, chair and place copied.',
  }),
  'meetings.lookups': channel({
    input: z.object({}).strict(),
    output: lookupsSchema,
    summary: 'Members, units and meeting kinds for the editor (autocomplete).',
  }),
  'meetings.preview': channel({
    input: z.object({ id: idSchema, document: z.enum(['minutes', 'conclusions']) }).strict(),
    output: z.object({ html: z.string(), title: z.string() }),
    summary: 'Print HTML of the biên bản or the thông báo kết luận (print preview and printing).',
  }),
  'meetings.exportMinutes': channel({
    input: exportInput,
    output: fileResultSchema,
    summary: 'The biên bản as PDF or DOCX (a finalised meeting returns the exact PDF issued).',
  }),
  'meetings.exportConclusions': channel({
    input: exportInput,
    output: fileResultSchema,
    summary: 'The thông báo kết luận (numbered conclusions and tasks) as PDF or DOCX.',
  }),
  'meetings.attachments.add': channel({
    input: z
      .object({ meetingId: idSchema, fileName: text('Tên tệp', { min: 1, max: 255 }), bytes: bytesSchema })
      .strict(),
    output: attachmentSchema,
    summary: 'Store a file (report presented, slides) with the meeting, in the data folder with its SHA-256.',
  }),
  'meetings.attachments.list': channel({
    input: z.object({ meetingId: idSchema }).strict(),
    output: z.array(attachmentSchema),
    summary: 'Files stored with a meeting.',
  }),
  'meetings.attachments.get': channel({
    input: byId,
    output: fileResultSchema,
    summary: 'The bytes of a stored file (checked against its SHA-256).',
  }),
  'meetings.attachments.open': channel({
    input: byId,
    output: z.object({
      opened: z.boolean(),
      /** A type the OS would run (.exe, .js, .lnk…): not opened, shown in its folder instead. */
      shownInFolder: z.boolean().optional(),
      /** Why it was not opened, in Vietnamese, for the window to show. */
      warning: z.string().nullable().optional(),
    }),
    summary:
      'Open a stored file with the operating system (desktop app only; opened=false elsewhere). Only documents and pictures are opened; any other type (programs, scripts, shortcuts) is shown in its folder with a warning.',
  }),
  'meetings.attachments.delete': channel({
    input: byId,
    output: z.object({ id: z.string() }),
    summary: 'Move a stored file to the trash.',
  }),
};

export type MeetingListInput = z.output<typeof meetingListInputSchema>;
