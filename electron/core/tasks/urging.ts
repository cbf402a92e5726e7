/**
 * Urging (đôn đốc): the printable list of late and due-soon tasks (danh sách nhiệm vụ chậm tiến
 * độ) and the urging letter (công văn đôn đốc) to their owners, both from the same task list
 * computed for today (ctx.clock).
 */
import type { AppContext } from '../context';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { reserveDocNumber } from '../docNumbers/service';
import { buildPartyDocx, headerFromProfile, renderPartyDocument, type Block, type PartyDocument } from '../export';
import { defaultRecipients, documentFileStem, profileSignature } from '../export/document';
import { issueDocument, readIssuedFile, renderIssuedFiles } from '../issued/service';
import { newId } from '../db/ids';
import { renderPartyPdf } from '../export/print/pdf';
import { formatDate, formatNumber } from '../../../shared/text/format';
import { TASK_SOURCE_LABELS, type Task } from '../../../shared/schemas/tasks';
import { listTasks } from './service';
import { DOCX_MIME } from '../export/mime';

function stateText(t: Task): string {
  if (t.dueState === 'overdue') return `Quá hạn ${formatNumber(-(t.daysLeft ?? 0))} ngày`;
  if (t.daysLeft === 0) return 'Đến hạn hôm nay';
  return `Còn ${formatNumber(t.daysLeft ?? 0)} ngày`;
}

export async function urgingTasks(ctx: AppContext, f: { dueWithinDays: number; year?: number | undefined; leadUnitId?: string | undefined }): Promise<Task[]> {
  return (
    await listTasks(ctx, {
      overdue: true,
      dueWithinDays: f.dueWithinDays,
      // Every late or due-soon task: a printed urging list must not silently drop any.
      limit: Number.MAX_SAFE_INTEGER,
      ...(f.year ? { year: f.year } : {}),
      ...(f.leadUnitId ? { leadUnitId: f.leadUnitId } : {}),
    })
  ).items;
}

/**
 * The task table; the landscape list has room for a "Nguồn" column, the portrait letter puts the
 * source under the task instead so dates never wrap.
 */
function taskTable(tasks: readonly Task[], wide: boolean): Block {
  const source = (t: Task) => t.sourceLabel ?? TASK_SOURCE_LABELS[t.sourceType];
  return {
    type: 'table',
    fontSize: wide ? 12 : 11,
    columns: [
      { header: 'TT', width: 5, align: 'center' },
      { header: 'Nhiệm vụ', width: wide ? 36 : 38 },
      ...(wide ? [{ header: 'Nguồn', width: 15 }] : []),
      { header: 'Chủ trì', width: wide ? 16 : 17 },
      { header: 'Thời hạn', width: wide ? 11 : 14, align: 'center' as const },
      { header: 'Tiến độ', width: wide ? 8 : 10, align: 'center' as const },
      { header: 'Tình trạng', width: wide ? 12 : 14, align: 'center' as const },
    ],
    rows: tasks.map((t, i) => [
      String(i + 1),
      wide ? t.title : `${t.title} (${source(t)})`,
      ...(wide ? [source(t)] : []),
      t.ownerLabel,
      formatDate(t.dueDate),
      `${t.progress}%`,
      stateText(t),
    ]),
  };
}

/** The urging list as a document model: printed, or saved as PDF / DOCX (the same model). */
async function urgingListDocument(ctx: AppContext, f: { dueWithinDays: number; year?: number | undefined }): Promise<PartyDocument> {
  const profile = await getProfile(ctx);
  const today = localToday(ctx.clock);
  const tasks = await urgingTasks(ctx, f);
  const overdue = tasks.filter((t) => t.dueState === 'overdue').length;
  return {
    title: `Danh sách nhiệm vụ chậm tiến độ ${formatDate(today)}`,
    orientation: 'landscape',
    header: headerFromProfile(profile, { number: null, date: today }),
    kind: 'DANH SÁCH',
    summary: `Nhiệm vụ chậm tiến độ, quá hạn và đến hạn trong ${f.dueWithinDays} ngày tới\n(tính đến ngày ${formatDate(today)})`,
    body: [
      tasks.length
        ? taskTable(tasks, true)
        : { type: 'paragraph', text: 'Không có nhiệm vụ quá hạn hoặc sắp đến hạn.', align: 'center' },
      {
        type: 'paragraph',
        italic: true,
        text: `Tổng số: ${formatNumber(tasks.length)} nhiệm vụ, trong đó ${formatNumber(overdue)} quá hạn, ${formatNumber(tasks.length - overdue)} sắp đến hạn.`,
      },
    ],
    ...(profile.margins ? { margins: profile.margins } : {}),
  };
}

export async function urgingListHtml(ctx: AppContext, f: { dueWithinDays: number; year?: number | undefined }): Promise<{ html: string; title: string }> {
  const doc = await urgingListDocument(ctx, f);
  return { html: renderPartyDocument(doc), title: doc.title! };
}

/** The urging list saved as PDF or Word ("Danh sách nhiệm vụ chậm tiến độ ngày 08-12-2026.pdf"). */
export async function urgingListFile(
  ctx: AppContext,
  f: { dueWithinDays: number; year?: number | undefined; format: 'docx' | 'pdf' },
): Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }> {
  const doc = await urgingListDocument(ctx, f);
  const stem = documentFileStem('Danh sách nhiệm vụ chậm tiến độ', null, localToday(ctx.clock)).replace(' (dự thảo)', '');
  if (f.format === 'pdf') return { fileName: `${stem}.pdf`, bytes: await renderPartyPdf(ctx.platform, doc), mimeType: 'application/pdf' };
  return { fileName: `${stem}.docx`, bytes: await buildPartyDocx(doc), mimeType: DOCX_MIME };
}

/** Typed lines ("- Như trên;") → items; null when nothing was typed. */
function typedLines(value: string | null | undefined): string[] | null {
  const lines = (value ?? '')
    .split(/\n+/)
    .map((s) => s.replace(/^[-–•+]\s*/, '').trim())
    .filter(Boolean);
  return lines.length ? lines : null;
}

/**
 * The urging letter (công văn đôn đốc). Numbered — a number typed, or the next CV number taken
 * from the register — it is issued: its PDF and DOCX are stored with their SHA-256 (issued/) and
 * the bytes returned are the stored ones. Without a number it is a draft marked DỰ THẢO.
 * "Nơi nhận" is the typed list, else the one every document uses (defaultRecipients: report-to
 * lines from settings, the addressees, the members, and the settings' "Lưu" line — the same
 * "Lưu" as the conclusion notice's).
 */
export async function urgingLetter(
  ctx: AppContext,
  f: {
    dueWithinDays: number;
    year?: number | undefined;
    leadUnitId?: string | undefined;
    numberText?: string | null | undefined;
    reserveNumber: boolean;
    recipients?: string | null | undefined;
    /** Nơi nhận, one line each; empty → from settings. */
    distribution?: string | null | undefined;
    format: 'docx' | 'pdf';
  },
): Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }> {
  const profile = await getProfile(ctx);
  const today = localToday(ctx.clock);
  const tasks = await urgingTasks(ctx, f);
  const owners = [...new Set(tasks.map((t) => t.ownerLabel).filter((o) => o !== 'Chưa phân công'))];
  const addressees = typedLines(f.recipients) ?? owners;
  const overdue = tasks.filter((t) => t.dueState === 'overdue').length;
  const body: Block[] = [
    { type: 'paragraph', align: 'center', indent: false, text: [{ text: 'Kính gửi: ', italic: true }, addressees.length ? addressees.join('; ') : 'Các đơn vị, đồng chí được giao nhiệm vụ'] },
    {
      type: 'paragraph',
      text: `Thực hiện chức năng theo dõi, đôn đốc của cơ quan thường trực, Ban Chỉ đạo đã rà soát tiến độ các nhiệm vụ được giao. Tính đến ngày ${formatDate(today)}, còn ${formatNumber(tasks.length)} nhiệm vụ chậm tiến độ hoặc sắp đến hạn (trong đó ${formatNumber(overdue)} nhiệm vụ đã quá hạn), cụ thể như sau:`,
    },
    tasks.length ? taskTable(tasks, false) : { type: 'paragraph', text: 'Không có nhiệm vụ quá hạn hoặc sắp đến hạn.' },
    {
      type: 'paragraph',
      text: 'Đề nghị các đơn vị, đồng chí được giao chủ trì khẩn trương tập trung thực hiện, hoàn thành các nhiệm vụ nêu trên; báo cáo kết quả, tiến độ (kèm tài liệu minh chứng) về cơ quan thường trực Ban Chỉ đạo để tổng hợp, báo cáo Trưởng ban.',
    },
    { type: 'paragraph', text: 'Ban Chỉ đạo đề nghị các đơn vị, đồng chí quan tâm thực hiện./.' },
  ];
  const typed = typedLines(f.distribution);
  const recipients = typed
    ? defaultRecipients({ ...profile, reportTo: [] }, typed)
    : defaultRecipients(profile, [...(addressees.length ? ['Như kính gửi'] : []), 'Các đồng chí thành viên Ban Chỉ đạo']);
  const letter = (numberText: string | null): PartyDocument => ({
    title: 'Công văn đôn đốc thực hiện nhiệm vụ',
    header: headerFromProfile(profile, { number: numberText ?? `\u00a0\u00a0\u00a0\u00a0-CV/${profile.committeeCode}`, date: today }),
    kind: '',
    summary: 'V/v đôn đốc thực hiện các nhiệm vụ chậm tiến độ',
    body,
    signatures: { right: profileSignature(profile) },
    recipients,
    ...(numberText ? {} : { draft: true }),
    ...(profile.margins ? { margins: profile.margins } : {}),
  });

  const typedNumber = f.numberText?.trim() || null;
  if (!typedNumber && !f.reserveNumber) {
    const doc = letter(null);
    const stem = documentFileStem('Công văn đôn đốc', null, today);
    if (f.format === 'pdf') return { fileName: `${stem}.pdf`, bytes: await renderPartyPdf(ctx.platform, doc), mimeType: 'application/pdf' };
    return { fileName: `${stem}.docx`, bytes: await buildPartyDocx(doc), mimeType: DOCX_MIME };
  }
  // Numbered = issued: the number, the files and their record in one transaction, so a failed
  // render leaves neither a used number nor a half-issued letter.
  return ctx.db.transaction().execute(async (trx) => {
    let numberText = typedNumber;
    let ownerId = newId(ctx.clock.now().getTime());
    if (!numberText) {
      const reserved = await reserveDocNumber(trx, ctx, { kindCode: 'CV', date: today, entity: 'urging', summary: 'Đôn đốc thực hiện nhiệm vụ' });
      numberText = reserved.numberText;
      ownerId = reserved.id;
    }
    const doc = letter(numberText);
    const files = await renderIssuedFiles(ctx, doc, documentFileStem('Công văn đôn đốc', numberText, today));
    const issued = await issueDocument(trx, ctx, {
      docType: 'urging_letter',
      ownerType: 'urging',
      ownerId,
      numberText,
      title: `Công văn số ${numberText} V/v đôn đốc thực hiện các nhiệm vụ chậm tiến độ`,
      reason: 'Ban hành lần đầu',
      snapshot: { today, tasks, addressees, recipients, profile },
      files,
    });
    const file = await readIssuedFile(trx, issued.id, f.format);
    return { fileName: file.fileName, bytes: file.bytes, mimeType: file.mimeType };
  });
}
