import type { AppContext } from '../context';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { listInspections } from '../inspections/service';
import { listPlans } from '../plans/service';
import { buildOverview, meetingsOfYear } from '../overview/service';
import { committeeSignature, documentNumber, headerFromProfile, type Block, type PartyDocument, type TableBlock } from '../export/document';
import { buildPartyDocx } from '../export/docx';
import { renderPartyPdf } from '../export/print';
import { formatDate, formatNumber, formatPercent } from '../../../shared/text/format';
import type { FileResult } from '../../../shared/contract';
import type { Overview } from '../../../shared/schemas/overview';
import { PDF_MIME, DOCX_MIME } from '../export/mime';
import type { QcdcStats } from '../../../shared/schemas/qcdc';
import { qcdcStats } from '../qcdc/stats';
import { qcdcReportBlocks } from '../qcdc/reportSection';

/*
 * The report drafts (báo cáo năm, báo cáo 6 tháng). Every figure and table comes from the same
 * overview the Tổng quan page shows; the narrative sections (assessment, directions, proposals)
 * are headed blanks the officer writes in Word.
 */


export type ReportPeriod = 'year' | 'half';

const n = formatNumber;
/** A headed blank: dotted lines where the officer writes. */
const DOTS = '……………………………………………………………………………………………………';
const blank = (lines = 3): Block[] => Array.from({ length: lines }, () => ({ type: 'paragraph', text: DOTS, indent: false }) as Block);

/** The comparison with last year, with its lead-in (", tăng 12 so với năm trước"); none when last year has no records at all. */
function delta(now: number, before: number, hasPrevious: boolean): string {
  if (!hasPrevious) return '';
  if (now === before) return ', bằng năm trước';
  const d = now - before;
  return `, ${d > 0 ? 'tăng' : 'giảm'} ${n(Math.abs(d))} so với năm trước`;
}

export function titleOf(period: ReportPeriod, year: number): string {
  return period === 'year'
    ? `Kết quả thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua "Dân vận khéo" năm ${year}`
    : `Kết quả thực hiện Quy chế dân chủ ở cơ sở và phong trào thi đua "Dân vận khéo" 6 tháng đầu năm ${year}`;
}

function modelsByUnitTable(o: Overview): TableBlock {
  const rows = o.models.byUnit.map((u, i) => [
    i + 1,
    u.unitName,
    n(u.collective),
    n(u.individual),
    n(u.registered),
    n(u.recognised),
    n(u.typical),
    n(u.commended),
    u.reviewed ? 'Đã họp' : 'Chưa họp',
  ]);
  const m = o.models;
  return {
    type: 'table',
    fontSize: 11,
    headerGroups: [
      { title: '', span: 2 },
      { title: 'Đăng ký', span: 3 },
    ],
    columns: [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Đơn vị', width: 26 },
      { header: 'Tập thể', width: 8, align: 'right' },
      { header: 'Cá nhân', width: 8, align: 'right' },
      { header: 'Cộng', width: 8, align: 'right' },
      { header: 'Công nhận', width: 9, align: 'right' },
      { header: 'Điển hình', width: 9, align: 'right' },
      { header: 'Khen thưởng', width: 9, align: 'right' },
      { header: 'Họp xét', width: 9, align: 'center' },
    ],
    rows,
    totalsRow: ['', 'Cộng', n(m.collective), n(m.individual), n(m.registered), n(m.recognised), n(m.typical), n(m.commended), `${m.unitsReviewed}/${m.unitsTotal}`],
  };
}

function modelsByFieldTable(o: Overview): TableBlock {
  const m = o.models;
  return {
    type: 'table',
    fontSize: 11,
    columns: [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Lĩnh vực', width: 34 },
      { header: 'Đăng ký', width: 10, align: 'right' },
      { header: 'Công nhận', width: 10, align: 'right' },
      { header: 'Tỷ lệ', width: 9, align: 'right' },
      { header: 'Điển hình', width: 10, align: 'right' },
      { header: 'Khen thưởng', width: 10, align: 'right' },
    ],
    rows: m.byField.map((f, i) => [i + 1, f.fieldName, n(f.registered), n(f.recognised), formatPercent(f.recognised, f.registered), n(f.typical), n(f.commended)]),
    totalsRow: ['', 'Cộng', n(m.registered), n(m.recognised), formatPercent(m.recognised, m.registered), n(m.typical), n(m.commended)],
  };
}

export interface ReportData {
  overview: Overview;
  /** Meetings, inspections within the period (the whole year, or January–June). */
  meetings: Awaited<ReturnType<typeof meetingsOfYear>>;
  inspections: Awaited<ReturnType<typeof listInspections>>;
  plans: Awaited<ReturnType<typeof listPlans>>;
  /** QCDC figures by loại hình of the period (annual, or the six-month reports). */
  qcdc: QcdcStats;
}

export async function reportData(ctx: AppContext, year: number, period: ReportPeriod): Promise<ReportData> {
  const end = period === 'year' ? `${year}-12-31` : `${year}-06-30`;
  const [overview, meetings, inspections, plans, qcdc] = await Promise.all([
    buildOverview(ctx, year),
    meetingsOfYear(ctx, year),
    listInspections(ctx, year),
    listPlans(ctx, { year }),
    qcdcStats(ctx, { year, period: period === 'year' ? 'annual' : 'six_month' }),
  ]);
  return { overview, meetings: meetings.filter((m) => m.date <= end), inspections: inspections.filter((i) => i.date <= end), plans, qcdc };
}

export function reportBody(data: ReportData, period: ReportPeriod): Block[] {
  const o = data.overview;
  const m = o.models;
  const y = o.year;
  const when = period === 'year' ? `Năm ${y}` : `Trong 6 tháng đầu năm ${y}`;
  const held = data.meetings.filter((x) => x.date <= o.today);
  const byKind = new Map<string, number>();
  for (const x of held) if (x.kindName.trim()) byKind.set(x.kindName.trim(), (byKind.get(x.kindName.trim()) ?? 0) + 1);
  const recs = data.inspections.reduce((a, i) => a + i.recommendationCount, 0);
  const recsOpen = data.inspections.reduce((a, i) => a + i.openRecommendationCount, 0);
  const targets = data.inspections.reduce((a, i) => a + i.targetCount, 0);
  const planItems = data.plans.reduce((a, p) => a + p.itemCount, 0);
  const planDone = data.plans.reduce((a, p) => a + p.doneCount, 0);

  const body: Block[] = [
    { type: 'heading', level: 1, text: 'I. KẾT QUẢ THỰC HIỆN' },
    { type: 'heading', level: 2, text: '1. Công tác lãnh đạo, chỉ đạo, quán triệt, triển khai thực hiện' },
    ...blank(),
    { type: 'heading', level: 2, text: '2. Hoạt động của Ban Chỉ đạo' },
    {
      type: 'paragraph',
      text: !held.length
        ? `${when}, Ban Chỉ đạo chưa tổ chức hội nghị, cuộc họp nào (chưa được ghi nhận trong phần mềm).`
        : `${when}, Ban Chỉ đạo đã tổ chức ${n(held.length)} hội nghị, cuộc họp${byKind.size ? ` (${[...byKind.entries()].map(([k, c]) => `${n(c)} ${k.toLocaleLowerCase('vi')}`).join('; ')})` : ''}.`,
    },
  ];
  if (held.length) {
    body.push({
      type: 'table',
      fontSize: 11,
      columns: [
        { header: 'TT', width: 4, align: 'center' },
        { header: 'Ngày', width: 10, align: 'center' },
        { header: 'Hội nghị, cuộc họp', width: 44 },
        { header: 'Loại', width: 18 },
        { header: 'Dự / triệu tập', width: 10, align: 'center' },
        { header: 'Kết luận', width: 8, align: 'right' },
      ],
      rows: held.map((x, i) => [i + 1, formatDate(x.date), x.title, x.kindName, x.memberCount ? `${n(x.presentCount)}/${n(x.memberCount)}` : '', n(x.conclusionCount)]),
    });
  }
  body.push(
    { type: 'heading', level: 2, text: '3. Công tác kiểm tra, giám sát' },
    {
      type: 'paragraph',
      text: !data.inspections.length
        ? `${when}, chưa có đợt kiểm tra, giám sát nào được ghi nhận.`
        : `${when}, Ban Chỉ đạo đã tiến hành ${n(data.inspections.length)} đợt kiểm tra, giám sát tại ${n(targets)} đơn vị (đã làm việc với ${n(o.inspections.done)} đơn vị); qua kiểm tra, giám sát đã kiến nghị ${n(recs)} nội dung, đến nay còn ${n(recsOpen)} kiến nghị đang thực hiện.`,
    },
  );
  if (data.inspections.length) {
    body.push({
      type: 'table',
      fontSize: 11,
      columns: [
        { header: 'TT', width: 4, align: 'center' },
        { header: 'Nội dung kiểm tra, giám sát', width: 42 },
        { header: 'Ngày', width: 11, align: 'center' },
        { header: 'Số đơn vị', width: 9, align: 'right' },
        { header: 'Kiến nghị', width: 9, align: 'right' },
        { header: 'Chưa xong', width: 9, align: 'right' },
      ],
      rows: data.inspections.map((i, k) => [k + 1, i.title ?? i.topic, formatDate(i.date), n(i.targetCount), n(i.recommendationCount), n(i.openRecommendationCount)]),
      totalsRow: ['', 'Cộng', '', n(targets), n(recs), n(recsOpen)],
    });
  }
  body.push(
    { type: 'heading', level: 2, text: '4. Kết quả thực hiện kế hoạch, nhiệm vụ' },
    {
      type: 'paragraph',
      text: `${planItems ? `Các kế hoạch năm ${y} có ${n(planItems)} nội dung, đã hoàn thành ${n(planDone)} (${formatPercent(planDone, planItems)}). ` : ''}Tổng số nhiệm vụ được giao trong năm: ${n(o.tasks.total)}; đã hoàn thành ${n(o.tasks.done)}, đang thực hiện ${n(o.tasks.open)}, trong đó quá hạn ${n(o.tasks.overdue)}${o.tasks.paused ? `, tạm dừng ${n(o.tasks.paused)}` : ''}.`,
    },
  );
  if (data.plans.length) {
    body.push({
      type: 'table',
      fontSize: 11,
      columns: [
        { header: 'TT', width: 4, align: 'center' },
        { header: 'Kế hoạch', width: 48 },
        { header: 'Số nội dung', width: 10, align: 'right' },
        { header: 'Hoàn thành', width: 10, align: 'right' },
        { header: 'Quá hạn', width: 9, align: 'right' },
        { header: 'Tỷ lệ', width: 9, align: 'right' },
      ],
      rows: data.plans.map((p, i) => [i + 1, [p.numberText, p.title].filter(Boolean).join(' – '), n(p.itemCount), n(p.doneCount), n(p.overdueCount), formatPercent(p.doneCount, p.itemCount)]),
      totalsRow: ['', 'Cộng', n(planItems), n(planDone), n(data.plans.reduce((a, p) => a + p.overdueCount, 0)), formatPercent(planDone, planItems)],
    });
  }
  body.push(...qcdcReportBlocks(data.qcdc, 5, when, period === 'year' ? 'năm trước' : 'cùng kỳ năm trước'));
  body.push(
    { type: 'heading', level: 2, text: '6. Phong trào thi đua "Dân vận khéo"' },
    {
      type: 'paragraph',
      text: `Năm ${y}, các đơn vị đã đăng ký ${n(m.registered)} mô hình "Dân vận khéo" (${n(m.newCount)} mô hình mới, ${n(m.carriedCount)} mô hình duy trì; ${n(m.collective)} tập thể, ${n(m.individual)} cá nhân)${delta(m.registered, m.previous.registered, m.previous.registered > 0)}. Đã có ${n(m.unitsReviewed)}/${n(m.unitsTotal)} đảng bộ, chi bộ trực thuộc tổ chức họp xét; ${n(m.recognised)} mô hình được công nhận (${formatPercent(m.recognised, m.registered)}; ${n(m.recognisedCollective)} tập thể, ${n(m.recognisedIndividual)} cá nhân)${delta(m.recognised, m.previous.recognised, m.previous.registered > 0)}; ${n(m.typical)} mô hình điển hình; ${n(m.commended)} mô hình được biểu dương, khen thưởng.`,
    },
    { type: 'paragraph', text: [{ text: 'Kết quả theo đơn vị:', italic: true }] },
    modelsByUnitTable(o),
    { type: 'paragraph', text: [{ text: 'Kết quả theo lĩnh vực:', italic: true }] },
    modelsByFieldTable(o),
    { type: 'heading', level: 2, text: '7. Chế độ thông tin, báo cáo' },
    {
      type: 'paragraph',
      text: !o.unitReports.periods
        ? 'Chưa có kỳ báo cáo nào của các đơn vị được theo dõi trong năm.'
        : `Trong năm có ${n(o.unitReports.periods)} kỳ báo cáo của các đơn vị: ${n(o.unitReports.onTime)} báo cáo gửi đúng hạn, ${n(o.unitReports.late)} báo cáo gửi chậm, ${n(o.unitReports.missing)} báo cáo chưa gửi${o.unitReports.pending ? `, ${n(o.unitReports.pending)} báo cáo chưa đến hạn` : ''}.`,
    },
    { type: 'heading', level: 1, text: 'II. ĐÁNH GIÁ CHUNG' },
    { type: 'heading', level: 2, text: '1. Ưu điểm' },
    ...blank(),
    { type: 'heading', level: 2, text: '2. Hạn chế, khuyết điểm và nguyên nhân' },
    ...blank(),
    { type: 'heading', level: 2, text: '3. Bài học kinh nghiệm' },
    ...blank(2),
    { type: 'heading', level: 1, text: period === 'year' ? `III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${y + 1}` : `III. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM ${y}` },
    ...blank(),
    { type: 'heading', level: 1, text: 'IV. ĐỀ XUẤT, KIẾN NGHỊ' },
    ...blank(2),
  );
  return body;
}

export async function reportDocument(ctx: AppContext, year: number, period: ReportPeriod): Promise<PartyDocument> {
  const profile = await getProfile(ctx);
  const data = await reportData(ctx, year, period);
  const title = titleOf(period, year);
  return {
    title,
    margins: profile.margins,
    header: headerFromProfile(profile, { number: documentNumber(null, 'BC', profile.committeeCode), date: localToday(ctx.clock) }),
    kind: 'BÁO CÁO',
    summary: title,
    body: reportBody(data, period),
    signatures: { right: committeeSignature(profile.signingMode, profile.headName || null) },
    recipients: ['Thường trực cấp ủy (để báo cáo)', 'Ban Dân vận cấp ủy cấp trên (để báo cáo)', 'Các thành viên Ban Chỉ đạo', 'Lưu Cơ quan thường trực'],
    pageNumbers: true,
  };
}

/** What a report reports progress to (a JobReporter; optional for direct calls). */
export interface Progress {
  progress(phase: string, done: number, total: number): Promise<void>;
}

async function renderReport(ctx: AppContext, year: number, period: ReportPeriod, format: 'docx' | 'pdf', job?: Progress): Promise<FileResult> {
  await job?.progress('Tổng hợp số liệu', 0, 2);
  const doc = await reportDocument(ctx, year, period);
  await job?.progress(format === 'docx' ? 'Tạo tệp Word' : 'Tạo tệp PDF', 1, 2);
  const stem = period === 'year' ? `bao-cao-qcdc-dan-van-kheo-nam-${year}` : `bao-cao-qcdc-dan-van-kheo-6-thang-dau-nam-${year}`;
  if (format === 'docx') return { fileName: `${stem}.docx`, mimeType: DOCX_MIME, bytes: await buildPartyDocx(doc) };
  return { fileName: `${stem}.pdf`, mimeType: PDF_MIME, bytes: await renderPartyPdf(ctx.platform, doc) };
}

export const annualReport = (ctx: AppContext, year: number, format: 'docx' | 'pdf', job?: Progress) => renderReport(ctx, year, 'year', format, job);
export const sixMonthReport = (ctx: AppContext, year: number, format: 'docx' | 'pdf', job?: Progress) => renderReport(ctx, year, 'half', format, job);
