import type { Timestamps } from './foundation';

/** A meeting (hội nghị, cuộc họp) and the header facts of its biên bản. */
export interface MeetingsTable extends Timestamps {
  id: string;
  /** catalog_items id of catalogue 'meetingKind' (null when typed freely) */
  kind_id: string | null;
  /** The kind's name as printed (kept even if the catalogue item is renamed later) */
  kind_name: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  year: number;
  /** HH:MM */
  start_time: string;
  end_time: string | null;
  place: string;
  chair_member_id: string | null;
  chair_name: string;
  chair_position: string;
  secretary_member_id: string | null;
  secretary_name: string;
  secretary_position: string;
  purpose: string;
  /** JSON string[] */
  agenda_json: string;
  /** JSON string[] */
  documents_json: string;
  /** JSON {name, position}[] */
  delegates_json: string;
  /** JSON string[] */
  press_json: string;
  manual_number: number | null;
  manual_notice_number: number | null;
  notice_date: string | null;
  /** "05-BB/BCĐ" once given */
  number_text: string | null;
  notice_number_text: string | null;
  /** draft | finalized */
  status: string;
  finalized_at: string | null;
  /** attachments.id of the exact PDF issued at finalisation */
  issued_attachment_id: string | null;
  /** JSON {at, user, reason}[] */
  reopenings_json: string;
  /** JSON string[]: the notice's "Nơi nhận" as edited; null = pre-filled (migration 0013) */
  notice_recipients_json: string | null;
  /** JSON NoticeSignature: the notice's signature choice; null = the settings' default (0013) */
  notice_signature_json: string | null;
  search_text: string;
  sort_key: string;
}

export interface MeetingAttendeesTable {
  id: string;
  meeting_id: string;
  member_id: string;
  /** present | late | left_early | absent | deputy */
  status: string;
  reason: string;
  deputy_name: string;
  deputy_position: string;
  sort_order: number;
}

export interface MeetingOpinionsTable {
  id: string;
  meeting_id: string;
  seq: number;
  speaker_member_id: string | null;
  speaker_name: string;
  speaker_position: string;
  agenda_item: string;
  summary: string;
}

export interface MeetingConclusionsTable {
  id: string;
  meeting_id: string;
  seq: number;
  content: string;
  created_at: string;
  deleted_at: string | null;
}

/** Tasks assigned by a conclusion: the task lives in `tasks` (source_type 'meeting'); this keeps order and free-text co-ordinators. */
export interface MeetingConclusionTasksTable {
  task_id: string;
  meeting_id: string;
  conclusion_id: string;
  seq: number;
  coordinator_text: string;
}

export interface MeetingTables {
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  meeting_opinions: MeetingOpinionsTable;
  meeting_conclusions: MeetingConclusionsTable;
  meeting_conclusion_tasks: MeetingConclusionTasksTable;
}
