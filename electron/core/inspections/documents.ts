/** Printed inspection plan (KẾ HOẠCH kiểm tra) and the conclusion notice of one visited unit (THÔNG BÁO kết luận). */
import type { AppContext } from '../context';
import { getProfile } from '../settings/service';
import { buildPartyDocx, committeeSignature, headerFromProfile, renderPartyDocument, type Block, type PartyDocument } from '../export';
import { renderPartyPdf } from '../export/print/pdf';
import { AppError } from '../errors';
import { formatDate } from '../../../shared/text/format';
import { INSPECTION_KIND_LABELS, TEAM_ROLE_LABELS, type Inspection } from '../../../shared/schemas/inspections';
import { DOCX_MIME } from '../export/mime';
import { fileSlug, paragraphs, recipientItems } from '../export/document';
import { getInspection } from './service';
import { PDF_MIME } from '../export/mime';

type Profile = Awaited<ReturnType<typeof getProfile>>;

function period(i: Inspection): string {
  if (i.startDate && i.endDate) return `từ ngày ${formatDate(i.startDate)} đến ngày ${formatDate(i.endDate)}`;
  if (i.startDate) return `từ ngày ${formatDate(i.startDate)}`;
  return `trong năm ${i.year}`;
}

export function inspectionPlanDocument(i: Inspection, profile: Profile): PartyDocument {
  const verb = INSPECTION_KIND_LABELS[i.kind];
  const body: Block[] = [
    { type: 'heading', text: 'I. MỤC ĐÍCH, YÊU CẦU', level: 1 },
    ...(i.content ? paragraphs(i.content) : [{ type: 'paragraph' as const, text: `${verb} việc thực hiện ${i.topic.charAt(0).toLocaleLowerCase('vi')}${i.topic.slice(1)} tại các đơn vị; kịp thời phát hiện ưu điểm, hạn chế và kiến nghị khắc phục.` }]),
    { type: 'heading', text: 'II. NỘI DUNG, THỜI GIAN', level: 1 },
    { type: 'paragraph', text: [{ text: 'Chuyên đề: ', bold: true }, i.topic] },
    { type: 'paragraph', text: [{ text: 'Thời gian: ', bold: true }, `${period(i)}.`] },
    { type: 'heading', text: 'III. THÀNH PHẦN ĐOÀN', level: 1 },
  ];
  if (i.teams.length === 0) body.push({ type: 'paragraph', text: '(Chưa phân công đoàn.)' });
  for (const team of i.teams) {
    body.push({ type: 'heading', text: team.name, level: 2 });
    body.push({
      type: 'list',
      style: 'dash',
      items: team.members.map((m) => `Đồng chí ${m.fullName}${m.position ? `, ${m.position}` : ''} — ${TEAM_ROLE_LABELS[m.role]}.`),
    });
  }
  body.push(
    { type: 'heading', text: 'IV. ĐƠN VỊ ĐƯỢC KIỂM TRA VÀ LỊCH LÀM VIỆC', level: 1 },
    {
      type: 'table',
      fontSize: 12,
      columns: [
        { header: 'TT', width: 6, align: 'center' },
        { header: 'Đơn vị', width: 29 },
        { header: 'Loại hình', width: 23 },
        { header: 'Đoàn', width: 14 },
        { header: 'Ngày làm việc', width: 14, align: 'center' },
        { header: 'Hạn gửi báo cáo', width: 14, align: 'center' },
      ],
      rows: i.targets.map((t, n) => [String(n + 1), t.unitName, t.qcdcTypeLabel, t.teamName ?? '', formatDate(t.visitDate), formatDate(t.reportDueDate)]),
    },
    { type: 'heading', text: 'V. TỔ CHỨC THỰC HIỆN', level: 1 },
    {
      type: 'paragraph',
      text: `Các đơn vị được kiểm tra xây dựng báo cáo theo chuyên đề, gửi về Đoàn kiểm tra (qua cơ quan thường trực) chậm nhất ${i.reportBeforeDays} ngày làm việc trước ngày làm việc với Đoàn; chuẩn bị thành phần, địa điểm và tài liệu liên quan.`,
    },
    { type: 'paragraph', text: 'Sau kiểm tra, Đoàn kiểm tra báo cáo kết quả và ban hành thông báo kết luận đối với từng đơn vị.' },
  );
  return {
    title: `Kế hoạch ${verb.toLocaleLowerCase('vi')} ${i.topic}`,
    header: headerFromProfile(profile, { number: i.numberText, date: i.date }),
    kind: 'KẾ HOẠCH',
    summary: i.title || `${verb} ${i.topic.charAt(0).toLocaleLowerCase('vi')}${i.topic.slice(1)} năm ${i.year}`,
    body,
    signatures: { right: committeeSignature(profile.signingMode, profile.headName || null) },
    recipients: recipientItems(null, ['Các đồng chí thành viên Ban Chỉ đạo', 'Các đơn vị được kiểm tra']),
    ...(profile.margins ? { margins: profile.margins } : {}),
  };
}

/**
 * The requirements of the unit's loại hình that the team assessed, cited with their legal basis;
 * nothing when none was assessed (the notice then reads as before).
 */
function checklist(t: Inspection['targets'][number]): Block[] {
  const assessed = (t.requirements ?? []).filter((r) => r.met !== null);
  if (!assessed.length) return [];
  const met = assessed.filter((r) => r.met).length;
  return [
    { type: 'paragraph', text: `Đối chiếu ${assessed.length} yêu cầu thực hiện Quy chế dân chủ ở cơ sở đối với loại hình ${t.qcdcTypeLabel.toLocaleLowerCase('vi')}: đạt ${met}/${assessed.length} yêu cầu.` },
    {
      type: 'table',
      fontSize: 11,
      columns: [
        { header: 'TT', width: 4, align: 'center' },
        { header: 'Yêu cầu', width: 40 },
        { header: 'Căn cứ', width: 22 },
        { header: 'Kết quả', width: 10, align: 'center' },
        { header: 'Ghi chú', width: 20 },
      ],
      rows: assessed.map((r, i) => [i + 1, r.name, r.legalBasis ?? '', r.met ? 'Đạt' : 'Chưa đạt', r.note ?? '']),
    },
  ];
}

export function conclusionDocument(i: Inspection, targetId: string, profile: Profile): PartyDocument {
  const t = i.targets.find((x) => x.id === targetId);
  if (!t) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị được kiểm tra.');
  const verb = INSPECTION_KIND_LABELS[i.kind];
  const body: Block[] = [
    {
      type: 'paragraph',
      text: `Thực hiện Kế hoạch${i.numberText ? ` số ${i.numberText}` : ''} ngày ${formatDate(i.date)} của Ban Chỉ đạo, ${t.visitDate ? `ngày ${formatDate(t.visitDate)}, ` : ''}${t.teamName ?? 'Đoàn kiểm tra'} đã làm việc với ${t.unitName} về ${i.topic.charAt(0).toLocaleLowerCase('vi')}${i.topic.slice(1)}. Trên cơ sở báo cáo của đơn vị và kết quả làm việc, Ban Chỉ đạo thông báo kết luận như sau:`,
    },
    ...checklist(t),
    { type: 'heading', text: '1. Ưu điểm', level: 2 },
    ...(t.strengths ? paragraphs(t.strengths) : [{ type: 'paragraph' as const, text: '(Chưa ghi nhận.)' }]),
    { type: 'heading', text: '2. Hạn chế', level: 2 },
    ...(t.shortcomings ? paragraphs(t.shortcomings) : [{ type: 'paragraph' as const, text: '(Chưa ghi nhận.)' }]),
  ];
  if (t.conclusions) body.push({ type: 'heading', text: '3. Kết luận', level: 2 }, ...paragraphs(t.conclusions));
  body.push({ type: 'heading', text: `${t.conclusions ? 4 : 3}. Kiến nghị`, level: 2 });
  body.push(
    t.recommendations.length
      ? {
          type: 'list',
          style: 'alpha',
          items: t.recommendations.map((r) => `${r.title}${r.deadline ? ` (hoàn thành trước ngày ${formatDate(r.deadline)})` : ''}.`),
        }
      : { type: 'paragraph', text: '(Không có kiến nghị.)' },
    { type: 'paragraph', text: `Đề nghị ${t.unitName} nghiêm túc thực hiện các kiến nghị trên và báo cáo kết quả về cơ quan thường trực Ban Chỉ đạo./.` },
  );
  return {
    title: `Thông báo kết luận ${verb.toLocaleLowerCase('vi')} ${t.unitName}`,
    header: headerFromProfile(profile, { number: `\u00a0\u00a0\u00a0\u00a0-TB/${profile.committeeCode}`, date: t.visitDate ?? i.date }),
    kind: 'THÔNG BÁO',
    summary: `Kết luận ${verb.toLocaleLowerCase('vi')} ${i.topic.charAt(0).toLocaleLowerCase('vi')}${i.topic.slice(1)}\ntại ${t.unitName}`,
    body,
    signatures: { right: committeeSignature(profile.signingMode, profile.headName || null) },
    recipients: recipientItems(null, [t.unitName, 'Các đồng chí thành viên Ban Chỉ đạo']),
    ...(profile.margins ? { margins: profile.margins } : {}),
  };
}

async function documentOf(ctx: AppContext, input: { id: string; document: 'plan' | 'conclusion'; targetId?: string | undefined }): Promise<PartyDocument> {
  const i = await getInspection(ctx, input.id);
  const profile = await getProfile(ctx);
  if (input.document === 'conclusion' && !input.targetId) {
    throw new AppError('VALIDATION', 'Chọn đơn vị để in thông báo kết luận.', { targetId: 'Chưa chọn đơn vị.' });
  }
  return input.document === 'plan' ? inspectionPlanDocument(i, profile) : conclusionDocument(i, input.targetId!, profile);
}

export async function printInspection(ctx: AppContext, input: { id: string; document: 'plan' | 'conclusion'; targetId?: string | undefined }): Promise<{ html: string; title: string }> {
  const doc = await documentOf(ctx, input);
  return { html: renderPartyDocument(doc), title: doc.title! };
}

export async function exportInspection(
  ctx: AppContext,
  input: { id: string; document: 'plan' | 'conclusion'; targetId?: string | undefined; format: 'docx' | 'pdf' },
): Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }> {
  const doc = await documentOf(ctx, input);
  const base = fileSlug(doc.title ?? 'kiem-tra');
  if (input.format === 'pdf') return { fileName: `${base}.pdf`, bytes: await renderPartyPdf(ctx.platform, doc), mimeType: PDF_MIME };
  return { fileName: `${base}.docx`, bytes: await buildPartyDocx(doc), mimeType: DOCX_MIME };
}
