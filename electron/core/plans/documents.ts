/**
 * The printed plan (KẾ HOẠCH) in the Party format, as one PartyDocument rendered to print HTML,
 * PDF (ctx.platform) and DOCX — the three always carry the same text.
 */
import type { AppContext } from '../context';
import { getProfile } from '../settings/service';
import { buildPartyDocx, committeeSignature, headerFromProfile, renderPartyDocument, toRoman, type Block, type PartyDocument } from '../export';
import { renderPartyPdf } from '../export/print/pdf';
import type { Plan } from '../../../shared/schemas/plans';
import { foldText } from '../../../shared/text/vietnamese';
import { getPlan } from './service';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Body paragraphs from multi-line text: "- …" lines stay as written, each its own paragraph. */
export function paragraphs(textValue: string | null | undefined): Block[] {
  return (textValue ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph' as const, text: line }));
}

export function recipientItems(textValue: string | null | undefined, fallback: string[]): string[] {
  const items = (textValue ?? '')
    .split(/\n+/)
    .map((s) => s.replace(/^[-–•+]\s*/, '').trim())
    .filter(Boolean);
  const list = items.length ? items : fallback;
  return list.some((s) => /^lưu\b/i.test(s)) ? list : [...list, 'Lưu Văn phòng'];
}

export function planDocument(plan: Plan, profile: Awaited<ReturnType<typeof getProfile>>): PartyDocument {
  const rows: (string | null)[][] = [];
  let group: string | null | undefined;
  let groupNo = 0;
  let n = 0;
  for (const item of plan.items) {
    if (item.groupLabel && item.groupLabel !== group) {
      groupNo++;
      rows.push([toRoman(groupNo), item.groupLabel.toLocaleUpperCase('vi'), '', '', '', '']);
    }
    group = item.groupLabel;
    n++;
    const t = item.task;
    rows.push([
      String(n),
      t.title,
      t.ownerLabel === 'Chưa phân công' ? '' : t.ownerLabel,
      t.coordinatingUnits.map((u) => u.name).join('; '),
      t.timingLabel,
      item.expectedOutput ?? '',
    ]);
  }
  const body: Block[] = [];
  let section = 0;
  if (plan.purpose) {
    body.push({ type: 'heading', text: `${toRoman(++section)}. MỤC ĐÍCH, YÊU CẦU`, level: 1 }, ...paragraphs(plan.purpose));
  }
  body.push({ type: 'heading', text: `${toRoman(++section)}. NỘI DUNG, NHIỆM VỤ`, level: 1 });
  if (rows.length) {
    body.push({
      type: 'table',
      fontSize: 12,
      columns: [
        { header: 'TT', width: 6, align: 'center' },
        { header: 'Nội dung', width: 31 },
        { header: 'Chủ trì', width: 16 },
        { header: 'Phối hợp', width: 16 },
        { header: 'Thời gian', width: 14, align: 'center' },
        { header: 'Sản phẩm', width: 17 },
      ],
      rows,
    });
  } else {
    body.push({ type: 'paragraph', text: '(Chưa có nội dung.)' });
  }
  if (plan.implementation) {
    body.push({ type: 'heading', text: `${toRoman(++section)}. TỔ CHỨC THỰC HIỆN`, level: 1 }, ...paragraphs(plan.implementation));
  }
  return {
    title: `Kế hoạch ${plan.numberText ?? ''} ${plan.title}`.replace(/\s+/g, ' ').trim(),
    header: headerFromProfile(profile, { number: plan.numberText, date: plan.date }),
    kind: 'KẾ HOẠCH',
    // "KẾ HOẠCH" is the kind line; the summary continues it ("thực hiện Quy chế dân chủ … năm 2023").
    summary: summaryAfterKind(plan.title, 'kế hoạch'),
    body,
    signatures: { right: committeeSignature(profile.signingMode, profile.headName || null) },
    recipients: recipientItems(plan.recipients, ['Các đồng chí thành viên Ban Chỉ đạo', 'Các đảng bộ trực thuộc']),
    ...(profile.margins ? { margins: profile.margins } : {}),
  };
}

/** "Kế hoạch thực hiện …" under a "KẾ HOẠCH" kind line reads "thực hiện …" (first letter kept lower case). */
export function summaryAfterKind(title: string, kindWord: string): string {
  const rest = title.trim();
  return rest.toLocaleLowerCase('vi').startsWith(`${kindWord} `) ? rest.slice(kindWord.length + 1).trim() : rest;
}

export function fileSlug(value: string): string {
  return foldText(value).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'tai-lieu';
}

export async function printPlan(ctx: AppContext, id: string): Promise<{ html: string; title: string }> {
  const doc = planDocument(await getPlan(ctx, id), await getProfile(ctx));
  return { html: renderPartyDocument(doc), title: doc.title ?? 'Kế hoạch' };
}

export async function exportPlan(ctx: AppContext, id: string, format: 'docx' | 'pdf'): Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }> {
  const plan = await getPlan(ctx, id);
  const doc = planDocument(plan, await getProfile(ctx));
  const base = `ke-hoach-${plan.year}-${fileSlug(plan.title)}`;
  if (format === 'pdf') return { fileName: `${base}.pdf`, bytes: await renderPartyPdf(ctx.platform, doc), mimeType: 'application/pdf' };
  return { fileName: `${base}.docx`, bytes: await buildPartyDocx(doc), mimeType: DOCX_MIME };
}

export { DOCX_MIME };
