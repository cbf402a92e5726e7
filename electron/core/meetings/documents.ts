/**
 * The two papers of a meeting as Party-format document models (../export/document.ts):
 *
 * - **Biên bản** (Hướng dẫn 16-HD/VPTW): number "Số …-BB/…", title, start time and place,
 *   purpose, chair and minute-taker with positions, documents used, attendance ("Có mặt: …
 *   đồng chí", "Vắng mặt: … đồng chí" with names and reasons, late, left early, deputies),
 *   invited delegates, press, proceedings (each opinion: speaker, position, summary), the chair's
 *   conclusions, the closing time, signatures THƯ KÝ (left) and CHỦ TRÌ (right).
 * - **Thông báo kết luận**: numbered conclusions, each with the tasks it assigned (chủ trì, phối
 *   hợp, thời hạn), signed by the committee in the profile's signing mode, with "Nơi nhận".
 *
 * Both are pure functions of (meeting, profile) so tests can read them without a database.
 */
import type { Meeting, MeetingTask } from '../../../shared/schemas/meetings';
import type { Profile } from '../../../shared/schemas/settings';
import { formatClock, formatDate, parseIsoDate, partyDay, partyMonth } from '../../../shared/text/format';
import {
  defaultRecipients,
  defaultSignatureChoice,
  documentFileStem,
  headerFromProfile,
  signatureFromChoice,
  minutesSignatures,
  type Block,
  type InlineContent,
  type PartyDocument,
} from '../export/document';
import { isPresent } from './service';

/** "16 tháng 12 năm 2022" (days 1–9 and months 1–2 with a leading zero, as the Party format writes them). */
export function longDate(iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${partyDay(d.day)} tháng ${partyMonth(d.month)} năm ${d.year}`;
}

/** "đồng chí Phương Thị Thanh, Phó Bí thư Thường trực Tỉnh ủy" */
function comrade(name: string, position: string): string {
  return position ? `đồng chí ${name}, ${position}` : `đồng chí ${name}`;
}

// Words that open a group or an agency, never a person's name ("Đại diện Ban Dân vận các huyện ủy").
const GROUP_START = /^(đại diện|lãnh đạo|các|toàn thể|thường trực|thường vụ|ban|ủy ban|uỷ ban|sở|hội|đoàn|mặt trận|văn phòng|phòng|huyện ủy|thành ủy|tỉnh ủy|đảng ủy|cơ quan|tập thể|bí thư|chủ tịch|phóng viên|báo|đài)(\s|$)/iu;
// A title already typed ("Đồng chí Nông Văn Tú", "Ông …", "Đ/c …").
const TITLED = /^(đồng chí|đ\/c|ông|bà|anh|chị)(\s|$)/iu;

/**
 * An invited delegate as printed: a person's name gets "Đồng chí"; a group ("Đại diện Ban Dân vận
 * các huyện ủy") or a name typed with its own title is printed exactly as typed.
 */
export function delegateLine(name: string, position: string): string {
  const n = name.trim();
  const typedAsIs = TITLED.test(n) || GROUP_START.test(n) || !/^(\p{Lu}[\p{Ll}\p{M}]*)(\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u.test(n);
  const who = typedAsIs ? n.charAt(0).toLocaleUpperCase('vi') + n.slice(1) : `Đồng chí ${n}`;
  return position.trim() ? `${who}, ${position.trim()}` : who;
}

function sentence(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return /[.!?:;…]$/.test(t) ? t : `${t}.`;
}

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

/** Multi-line text → one paragraph per non-empty line. */
function paragraphs(textValue: string, opts: { indent?: boolean } = {}): Block[] {
  return textValue
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ type: 'paragraph' as const, text: l, ...(opts.indent === false ? { indent: false } : {}) }));
}

/** "Chủ trì: Ban Dân vận Tỉnh ủy; phối hợp: …; thời hạn: 31/03/2023." */
export function taskAssignment(t: MeetingTask): string {
  const parts = [`Chủ trì: ${t.leadLabel || '…'}`];
  if (t.coordinatorLabel) parts.push(`phối hợp: ${t.coordinatorLabel}`);
  parts.push(`thời hạn: ${t.recurring ? 'thường xuyên' : t.deadline ? formatDate(t.deadline) : 'không quy định'}`);
  return `${parts.join('; ')}.`;
}

function conclusionItems(m: Meeting): Block[] {
  const blocks: Block[] = [];
  m.conclusions.forEach((c, i) => {
    const lines = c.content.split('\n').map((l) => l.trim()).filter(Boolean);
    const [first = '', ...rest] = lines;
    blocks.push({ type: 'paragraph', keepNext: rest.length > 0 || c.tasks.length > 0, text: [{ text: `${i + 1}. `, bold: true }, first] });
    for (const l of rest) blocks.push({ type: 'paragraph', text: l });
    if (c.tasks.length > 0) {
      blocks.push({
        type: 'list',
        style: 'dash',
        items: c.tasks.map((t): InlineContent => [sentence(t.content) + ' ', { text: taskAssignment(t), italic: true }]),
      });
    }
  });
  return blocks;
}

function attendanceBlocks(m: Meeting): Block[] {
  const total = m.attendees.length;
  const present = m.attendees.filter((a) => isPresent(a.status));
  const absent = m.attendees.filter((a) => a.status === 'absent' || a.status === 'deputy');
  const late = m.attendees.filter((a) => a.status === 'late');
  const leftEarly = m.attendees.filter((a) => a.status === 'left_early');
  const deputies = m.attendees.filter((a) => a.status === 'deputy');
  const withReason = (name: string, reason: string) => (reason ? `đồng chí ${name} (${lowerFirst(reason)})` : `đồng chí ${name}`);

  const items: InlineContent[] = [];
  items.push(`Có mặt: ${present.length}/${total} đồng chí.`);
  if (absent.length > 0) {
    const names = absent.map((a) =>
      withReason(a.fullName, a.status === 'deputy' && !a.reason ? 'có cử người dự thay' : a.reason),
    );
    items.push(`Vắng mặt: ${absent.length} đồng chí, gồm: ${names.join('; ')}.`);
  } else {
    items.push('Vắng mặt: 0 đồng chí.');
  }
  if (late.length > 0) items.push(`Đến muộn: ${late.map((a) => withReason(a.fullName, a.reason)).join('; ')}.`);
  if (leftEarly.length > 0) items.push(`Về sớm: ${leftEarly.map((a) => withReason(a.fullName, a.reason)).join('; ')}.`);
  if (deputies.length > 0) {
    items.push(
      `Cử người dự thay: ${deputies
        .map((a) => `${comrade(a.deputyName, a.deputyPosition)} dự thay đồng chí ${a.fullName}`)
        .join('; ')}.`,
    );
  }
  const blocks: Block[] = [
    { type: 'paragraph', keepNext: true, text: [{ text: 'Thành viên Ban Chỉ đạo:', bold: true }] },
    { type: 'list', style: 'dash', items },
  ];
  if (m.delegates.length > 0) {
    blocks.push({ type: 'paragraph', keepNext: true, text: [{ text: 'Đại biểu mời dự:', bold: true }] });
    blocks.push({ type: 'list', style: 'dash', items: m.delegates.map((d) => sentence(delegateLine(d.name, d.position))) });
  }
  if (m.press.length > 0) {
    blocks.push({ type: 'paragraph', text: [{ text: 'Cơ quan báo chí: ', bold: true }, sentence(m.press.join(', '))] });
  }
  return blocks;
}

/** "Biên bản số 01-BB-BCĐ ngày 16-12-2022" (a draft: "Biên bản (dự thảo) ngày …"). */
export function minutesFileStem(m: Meeting): string {
  return documentFileStem('Biên bản', m.status === 'finalized' ? m.numberText : null, m.date);
}

export function conclusionsFileStem(m: Meeting): string {
  return documentFileStem('Thông báo kết luận', m.status === 'finalized' ? m.noticeNumberText : null, m.noticeDate ?? m.date);
}

export function minutesFileName(m: Meeting, ext: 'pdf' | 'docx'): string {
  return `${minutesFileStem(m)}.${ext}`;
}

export function conclusionsFileName(m: Meeting, ext: 'pdf' | 'docx'): string {
  return `${conclusionsFileStem(m)}.${ext}`;
}

/**
 * The notice's "Nơi nhận" when nothing was edited: the members, every lead and coordinator of its
 * tasks (units, members, typed text), between the settings' report-to lines and the "Lưu" line.
 */
export function noticeRecipientsDefault(m: Meeting, profile: Profile): string[] {
  const own: string[] = ['Các đồng chí thành viên Ban Chỉ đạo'];
  const tasks = m.conclusions.flatMap((c) => c.tasks);
  for (const t of tasks) if (t.leadLabel) own.push(t.leadLabel);
  for (const t of tasks) {
    for (const part of t.coordinatorLabel.split(',')) if (part.trim()) own.push(part.trim());
  }
  return defaultRecipients(profile, own);
}

/** The biên bản of a meeting. A draft prints a blank number ("    -BB/BCĐ"). */
export function buildMinutesDocument(m: Meeting, profile: Profile): PartyDocument {
  const number = m.numberText ?? `\u00a0\u00a0\u00a0\u00a0-BB/${profile.committeeCode}`;
  const body: Block[] = [];
  const start = formatClock(m.startTime, true);

  body.push({
    type: 'paragraph',
    text: sentence(
      `Vào hồi ${start}, ngày ${longDate(m.date)}${m.place ? `, tại ${m.place}` : ''}, Ban Chỉ đạo tổ chức ${lowerFirst(m.title)}`,
    ),
  });
  if (m.purpose) {
    body.push({ type: 'paragraph', text: [{ text: 'Mục đích, nội dung: ', bold: true }, m.purpose.split('\n')[0]!] });
    body.push(...paragraphs(m.purpose.split('\n').slice(1).join('\n')));
  }
  if (m.agenda.length > 0) {
    body.push({ type: 'paragraph', keepNext: true, text: [{ text: 'Chương trình hội nghị:', bold: true }] });
    body.push({ type: 'list', style: 'dash', items: m.agenda.map(sentence) });
  }
  body.push({ type: 'paragraph', text: [{ text: 'Chủ trì: ', bold: true }, sentence(comrade(m.chair.name, m.chair.position))] });
  body.push({ type: 'paragraph', text: [{ text: 'Thư ký: ', bold: true }, sentence(comrade(m.secretary.name, m.secretary.position))] });
  if (m.documents.length > 0) {
    body.push({ type: 'paragraph', keepNext: true, text: [{ text: 'Tài liệu sử dụng tại hội nghị:', bold: true }] });
    body.push({ type: 'list', style: 'dash', items: m.documents.map(sentence) });
  }

  body.push({ type: 'heading', level: 1, text: 'I. THÀNH PHẦN DỰ HỌP' });
  body.push(...attendanceBlocks(m));

  body.push({ type: 'heading', level: 1, text: 'II. DIỄN BIẾN HỘI NGHỊ' });
  if (m.opinions.length === 0) {
    body.push({ type: 'paragraph', text: 'Không có ý kiến phát biểu.' });
  }
  m.opinions.forEach((o, i) => {
    const who = `${i + 1}. Đồng chí ${o.speakerName}${o.speakerPosition ? `, ${o.speakerPosition}` : ''}`;
    const topic = o.agendaItem ? ` (về ${lowerFirst(o.agendaItem)})` : '';
    body.push({ type: 'paragraph', keepNext: true, text: [{ text: who, bold: true }, `${topic}:`] });
    body.push(...paragraphs(o.summary));
  });

  body.push({ type: 'heading', level: 1, text: 'III. KẾT LUẬN CỦA CHỦ TRÌ' });
  body.push({
    type: 'paragraph',
    keepNext: true,
    text: `Đồng chí ${m.chair.name}${m.chair.position ? `, ${m.chair.position}` : ''} kết luận hội nghị như sau:`,
  });
  if (m.conclusions.length === 0) body.push({ type: 'paragraph', text: '(Chưa ghi kết luận.)' });
  body.push(...conclusionItems(m));

  body.push({
    type: 'paragraph',
    text: m.endTime
      ? `Hội nghị kết thúc vào hồi ${formatClock(m.endTime, true)} cùng ngày.`
      : 'Hội nghị kết thúc vào hồi … giờ … phút cùng ngày.',
  });

  return {
    title: `Biên bản ${m.title}`,
    draft: m.status !== 'finalized',
    margins: profile.margins,
    header: headerFromProfile(profile, { number, date: m.date }),
    kind: 'BIÊN BẢN',
    summary: m.title,
    body,
    signatures: minutesSignatures(m.secretary.name, m.chair.name),
    pageNumbers: true,
  };
}

/** The thông báo kết luận: the Head's conclusions and the tasks they assigned. */
export function buildConclusionsDocument(m: Meeting, profile: Profile): PartyDocument {
  const number = m.noticeNumberText ?? `\u00a0\u00a0\u00a0\u00a0-TB/${profile.committeeCode}`;
  const date = m.noticeDate ?? m.date;
  const chair = comrade(m.chair.name, m.chair.position);
  const body: Block[] = [
    {
      type: 'paragraph',
      text: sentence(
        `Ngày ${longDate(m.date)}${m.place ? `, tại ${m.place}` : ''}, Ban Chỉ đạo tổ chức ${lowerFirst(m.title)}. ` +
          `Chủ trì hội nghị: ${chair}`,
      ),
    },
    {
      type: 'paragraph',
      keepNext: true,
      text: `Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu dự hội nghị, ${chair} kết luận như sau:`,
    },
    ...conclusionItems(m),
    {
      type: 'paragraph',
      text: 'Ban Chỉ đạo thông báo để các đồng chí thành viên Ban Chỉ đạo, các cơ quan, đơn vị liên quan biết, thực hiện.',
    },
  ];
  const choice = m.noticeSignature ?? defaultSignatureChoice(profile);
  // With nobody named for the mode, the chair (who drew the conclusions) is the safest default.
  const signature = signatureFromChoice(choice, choice.mode === 'deputy' || choice.mode === 'byOrder' ? '' : m.chair.name);
  return {
    title: `Thông báo kết luận ${m.title}`,
    draft: m.status !== 'finalized',
    margins: profile.margins,
    header: headerFromProfile(profile, { number, date }),
    kind: 'THÔNG BÁO',
    summary: `Kết luận của ${chair.replace(/^đồng chí/, 'đồng chí')}\ntại ${lowerFirst(m.title)}`,
    body,
    signatures: { right: signature },
    recipients: m.noticeRecipients ?? noticeRecipientsDefault(m, profile),
    pageNumbers: true,
  };
}
