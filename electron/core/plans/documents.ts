/**
 * The printed plan (KẾ HOẠCH) in the Party format, as one PartyDocument rendered to print HTML,
 * PDF (ctx.platform) and DOCX — the three always carry the same text.
 */
import type { AppContext } from '../context';
import { getProfile } from '../settings/service';
import { buildPartyDocx, profileSignature, headerFromProfile, renderPartyDocument, toRoman, type Block, type PartyDocument } from '../export';
import { documentFileStem, fileSlug, paragraphs, recipientItems, summaryAfterKind } from '../export/document';
import { issueNextVersion, latestIssuedFile, type IssuedKey } from '../issued/service';
import type { IssuedVersion } from '../../../shared/schemas/issued';
import { AppError } from '../errors';
import { renderPartyPdf } from '../export/print/pdf';
import type { Plan } from '../../../shared/schemas/plans';
import { getPlan } from './service';
import { PDF_MIME, DOCX_MIME } from '../export/mime';



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
    signatures: { right: profileSignature(profile) },
    recipients: recipientItems(plan.recipients, ['Các đồng chí thành viên Ban Chỉ đạo', 'Các đảng bộ trực thuộc'], profile),
    ...(profile.margins ? { margins: profile.margins } : {}),
  };
}


export async function printPlan(ctx: AppContext, id: string): Promise<{ html: string; title: string }> {
  const doc = planDocument(await getPlan(ctx, id), await getProfile(ctx));
  return { html: renderPartyDocument(doc), title: doc.title ?? 'Kế hoạch' };
}

const planKey = (id: string): IssuedKey => ({ docType: 'plan', ownerType: 'plan', ownerId: id });

/**
 * The plan's file. Once issued (`plans.issue`) it is a record: exactly the bytes issued, whatever
 * changed since; `live` renders the current data (what the next issue would print).
 */
export async function exportPlan(ctx: AppContext, id: string, format: 'docx' | 'pdf', live = false): Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }> {
  const plan = await getPlan(ctx, id);
  if (!live) {
    const issued = await latestIssuedFile(ctx.db, planKey(id), format);
    if (issued) return issued;
  }
  const doc = planDocument(plan, await getProfile(ctx));
  const base = `ke-hoach-${plan.year}-${fileSlug(plan.title)}`;
  if (format === 'pdf') return { fileName: `${base}.pdf`, bytes: await renderPartyPdf(ctx.platform, doc), mimeType: PDF_MIME };
  return { fileName: `${base}.docx`, bytes: await buildPartyDocx(doc), mimeType: DOCX_MIME };
}

/** Issues the numbered plan: PDF + DOCX + snapshot as the next version, in one transaction. */
export async function issuePlan(ctx: AppContext, id: string, reason?: string): Promise<IssuedVersion> {
  return ctx.db.transaction().execute(async (trx) => {
    const inTrx = { ...ctx, db: trx as unknown as AppContext['db'] };
    const plan = await getPlan(inTrx, id);
    if (!plan.numberText) throw new AppError('VALIDATION', 'Kế hoạch chưa có số; hãy cấp số (hoặc nhập số) trước khi ban hành.', { numberText: 'Chưa có số kế hoạch.' });
    const profile = await getProfile(inTrx);
    return issueNextVersion(trx, ctx, planKey(id), {
      doc: planDocument(plan, profile),
      stem: documentFileStem('Kế hoạch', plan.numberText, plan.date),
      numberText: plan.numberText,
      reason,
      snapshot: { plan, profile },
    });
  });
}

