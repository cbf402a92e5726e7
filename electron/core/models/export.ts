import type { AppContext } from '../context';
import { AppError } from '../errors';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { renderPartyDocument } from '../export/print';
import { headerFromProfile, type PartyDocument, type TableBlock } from '../export/document';
import { formatDate, formatNumber } from '../../../shared/text/format';
import { writeTablesXlsx, writeTableXlsx, type TableXlsxOptions, type XlsxColumn, type XlsxRow } from '../export/xlsx';
import type { FileResult } from '../../../shared/contract';
import {
  MODEL_KIND_LABELS,
  MODEL_STATUS_LABELS,
  REGISTRATION_LABELS,
  type ModelCounts,
  type ModelFilter,
  type ModelKind,
  type ModelStatus,
  type Registration,
} from '../../../shared/schemas/models';
import { selectCatalog, selectUnits } from './repository';
import { openExportPages, type ExportRow } from './exportRepository';
import { toListQuery } from './service';
import { yearStats } from './stats';
import { PDF_MIME, XLSX_MIME } from '../export/mime';

/*
 * Exports of the register: the filtered view as XLSX (rows read in pages by exportRepository.ts and
 * streamed into the shared SpreadsheetML writer, so memory stays flat at 100k rows and the
 * connection stays free for the rest of the app), the printed landscape register (Party-format
 * HTML → PDF), and the summary tables (biểu tổng hợp) as XLSX and PDF.
 */

const PAGE = 5000;
/** A printed register beyond this is not something anyone prints; XLSX has no such limit. */
const PDF_MAX_ROWS = 20000;

const title = (year: number | undefined) => (year ? `DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" NĂM ${year}` : 'DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO"');

function statusText(r: Pick<ExportRow, 'status' | 'typical' | 'commended'>): string {
  const parts = [MODEL_STATUS_LABELS[r.status as ModelStatus] ?? r.status];
  if (r.typical) parts.push('điển hình');
  if (r.commended) parts.push('khen thưởng');
  return parts.join(', ');
}

const recognitionText = (r: Pick<ExportRow, 'recognition_decision_no' | 'recognition_date' | 'level_name'>) =>
  [r.recognition_decision_no, r.recognition_date ? formatDate(r.recognition_date) : null, r.level_name].filter(Boolean).join(' – ');

async function describeFilter(ctx: Pick<AppContext, 'db'>, f: ModelFilter): Promise<string> {
  const parts: string[] = [];
  if (f.unitId) {
    const unit = (await selectUnits(ctx.db)).find((u) => u.id === f.unitId);
    if (unit) parts.push(`Đơn vị: ${unit.name}${f.includeSubunits ? ' (gồm đơn vị trực thuộc)' : ''}`);
  }
  if (f.fieldId) {
    const field = (await selectCatalog(ctx.db, ['field'])).find((c) => c.id === f.fieldId);
    if (field) parts.push(`Lĩnh vực: ${field.name}`);
  }
  if (f.kind) parts.push(MODEL_KIND_LABELS[f.kind]);
  if (f.registration) parts.push(REGISTRATION_LABELS[f.registration]);
  if (f.statuses?.length) parts.push(`Trạng thái: ${f.statuses.map((s) => MODEL_STATUS_LABELS[s]).join(', ')}`);
  if (f.typical) parts.push('Điển hình');
  if (f.commended) parts.push('Được khen thưởng');
  if (f.search) parts.push(`Tìm: "${f.search}"`);
  return parts.join('; ');
}

function fileStem(f: ModelFilter): string {
  return `so-mo-hinh-dan-van-kheo${f.year ? `-${f.year}` : ''}`;
}

// ------------------------------------------------------------------ XLSX (streaming)

/** Register columns: the 13 of the printed register plus the recognition date as a real date. */
const REGISTER_COLUMNS: ReadonlyArray<XlsxColumn & { value: (r: ExportRow, i: number) => unknown }> = [
  { key: 'tt', header: 'TT', width: 6, type: 'integer', value: (_r, i) => i + 1 },
  { key: 'year', header: 'Năm', width: 7, type: 'integer', numFmt: '0', align: 'center', value: (r) => r.year },
  { key: 'unit', header: 'Đơn vị đăng ký', width: 28, value: (r) => r.unit_name },
  { key: 'name', header: 'Tên mô hình', width: 48, value: (r) => r.name },
  { key: 'kind', header: 'Tập thể / Cá nhân', width: 11, value: (r) => MODEL_KIND_LABELS[r.kind as ModelKind] ?? r.kind },
  { key: 'field', header: 'Lĩnh vực', width: 30, value: (r) => r.field_name },
  { key: 'registration', header: 'Mới / Duy trì', width: 12, value: (r) => REGISTRATION_LABELS[r.registration as Registration] ?? r.registration },
  { key: 'performer', header: 'Người, tập thể thực hiện', width: 22, value: (r) => r.performer },
  { key: 'timing', header: 'Thời gian thực hiện', width: 18, value: (r) => r.timing },
  // Điển hình and khen thưởng in columns of their own (filterable), not inside the status text.
  { key: 'status', header: 'Trạng thái', width: 20, value: (r) => MODEL_STATUS_LABELS[r.status as ModelStatus] ?? r.status },
  { key: 'recognition', header: 'Quyết định công nhận', width: 26, value: (r) => recognitionText(r) },
  { key: 'recognitionDate', header: 'Ngày công nhận', width: 13, type: 'date', value: (r) => r.recognition_date },
  { key: 'typical', header: 'Điển hình', width: 10, align: 'center', value: (r) => (r.typical ? 'Điển hình' : '') },
  { key: 'award', header: 'Khen thưởng', width: 24, value: (r) => [r.award_name, r.award_by, r.award_decision_no].filter(Boolean).join(' – ') || (r.commended ? 'Có' : '') },
  { key: 'note', header: 'Ghi chú', width: 20, value: (r) => r.note },
];

/** Register rows as the writer's row objects, page after page (one page of rows alive at a time). */
async function* registerRows(pages: AsyncIterable<ExportRow[]>): AsyncGenerator<XlsxRow> {
  let i = 0;
  for await (const page of pages) {
    for (const r of page) {
      const row: XlsxRow = {};
      for (const c of REGISTER_COLUMNS) row[c.key] = c.value(r, i);
      i += 1;
      yield row;
    }
  }
}

export async function exportRegisterXlsx(ctx: AppContext, input: ModelFilter & { jobId?: string | undefined }): Promise<FileResult & { rows: number }> {
  return ctx.jobs.run(input.jobId, async (job) => {
    const q = await toListQuery(ctx.db, input);
    const { total, pages } = await openExportPages(ctx.db, q);
    const profile = await getProfile(ctx);
    const filterText = await describeFilter(ctx, input);
    let written = 0;
    const bytes = await writeTableXlsx({
      sheetName: input.year ? `Năm ${input.year}` : 'Sổ mô hình',
      // Party-format title rows: parent body / issuing body on the left, the Party line on the right.
      title: {
        parentBody: profile.parentBody,
        issuingBody: profile.committeeName,
        title: title(input.year),
        subtitle: filterText ? `(${filterText})` : `(Tổng số: ${formatNumber(total)} lượt mô hình)`,
      },
      columns: REGISTER_COLUMNS,
      autoFilter: true,
      rows: registerRows(pages),
      rowCount: total,
      totals: (count) => ({ unit: 'Cộng', name: `${formatNumber(count)} mô hình` }),
      progressEvery: PAGE,
      onProgress: async (done) => {
        written = done;
        await job.progress('Xuất Excel', done, total);
      },
    });
    return { fileName: `${fileStem(input)}.xlsx`, mimeType: XLSX_MIME, bytes, rows: written };
  });
}

// ------------------------------------------------------------------ printed register (PDF)

async function partyDoc(ctx: AppContext, kind: string, summary: string, body: PartyDocument['body']): Promise<PartyDocument> {
  const profile = await getProfile(ctx);
  return {
    title: summary,
    orientation: 'landscape',
    margins: profile.margins,
    header: headerFromProfile(profile, { number: null, date: localToday(ctx.clock) }),
    kind,
    summary,
    body,
    pageNumbers: true,
  };
}

export async function exportRegisterPdf(ctx: AppContext, input: ModelFilter & { jobId?: string | undefined }): Promise<FileResult & { rows: number }> {
  return ctx.jobs.run(input.jobId, async (job) => {
    const q = await toListQuery(ctx.db, input);
    const { total, pages } = await openExportPages(ctx.db, q);
    if (total > PDF_MAX_ROWS) {
      throw new AppError('VALIDATION', `Danh sách có ${formatNumber(total)} dòng, quá dài để in (tối đa ${formatNumber(PDF_MAX_ROWS)}): hãy lọc theo năm hoặc đơn vị, hoặc xuất Excel.`);
    }
    const rows: ExportRow[] = [];
    for await (const page of pages) {
      rows.push(...page);
      await job.progress('Chuẩn bị bản in', rows.length, total);
    }
    const filterText = await describeFilter(ctx, input);
    const table: TableBlock = {
      type: 'table',
      fontSize: 11,
      columns: [
        // Wide enough for "2.360" on one line at 11 pt.
        { header: 'TT', width: 5, align: 'center' },
        { header: 'Đơn vị đăng ký', width: 15 },
        { header: 'Tên mô hình', width: 30 },
        { header: 'Tập thể/ Cá nhân', width: 8, align: 'center' },
        { header: 'Lĩnh vực', width: 17 },
        { header: 'Mới/ Duy trì', width: 7, align: 'center' },
        { header: 'Người, tập thể thực hiện', width: 13 },
        { header: 'Kết quả', width: 13 },
      ],
      rows: rows.map((r, i) => [
        i + 1,
        r.unit_name,
        r.name,
        MODEL_KIND_LABELS[r.kind as ModelKind],
        r.field_name ?? '',
        r.registration === 'new' ? 'Mới' : 'Duy trì',
        r.performer ?? '',
        [statusText(r), recognitionText(r)].filter(Boolean).join('\n'),
      ]),
      totalsRow: ['', 'Cộng', `${formatNumber(rows.length)} mô hình`, '', '', '', '', ''],
    };
    const body: PartyDocument['body'] = [
      ...(filterText ? [{ type: 'paragraph' as const, text: `(${filterText})`, align: 'center' as const, italic: true, indent: false }] : []),
      table,
    ];
    const doc = await partyDoc(ctx, 'DANH SÁCH', `Mô hình "Dân vận khéo"${input.year ? ` năm ${input.year}` : ''}`, body);
    await job.progress('Tạo PDF', 0, 1);
    const bytes = await ctx.platform.renderPdf(renderPartyDocument(doc), { landscape: true });
    return { fileName: `${fileStem(input)}.pdf`, mimeType: PDF_MIME, bytes, rows: rows.length };
  });
}

// ------------------------------------------------------------------ summary tables (biểu tổng hợp)

const SUMMARY_COLUMNS: Array<{ header: string; value: (c: ModelCounts) => number }> = [
  { header: 'Tổng số đăng ký', value: (c) => c.registered },
  { header: 'Tập thể', value: (c) => c.collective },
  { header: 'Cá nhân', value: (c) => c.individual },
  { header: 'Đăng ký mới', value: (c) => c.newCount },
  { header: 'Duy trì', value: (c) => c.carriedCount },
  { header: 'Được công nhận', value: (c) => c.recognised },
  { header: 'Công nhận – tập thể', value: (c) => c.recognisedCollective },
  { header: 'Công nhận – cá nhân', value: (c) => c.recognisedIndividual },
  { header: 'Điển hình', value: (c) => c.typical },
  { header: 'Biểu dương, khen thưởng', value: (c) => c.commended },
];

export async function exportSummary(ctx: AppContext, input: { year: number; format: 'xlsx' | 'pdf' }): Promise<FileResult> {
  const stats = await yearStats(ctx, input.year);
  const unitRows = stats.byUnit.map((u, i) => [i + 1, u.unitName, ...SUMMARY_COLUMNS.map((c) => c.value(u)), u.reviewed ? 'Đã họp xét' : 'Chưa']);
  const unitTotals = ['', 'Tổng cộng', ...SUMMARY_COLUMNS.map((c) => c.value(stats)), `${stats.unitsReviewed}/${stats.unitsTotal}`];
  const statusKeys = Object.keys(MODEL_STATUS_LABELS) as ModelStatus[];
  const fieldRows = stats.byField.map((f, i) => [
    i + 1,
    f.fieldName,
    f.registered,
    f.collective,
    f.individual,
    ...statusKeys.map((s) => f.byStatus[s] ?? 0),
    f.typical,
    f.commended,
  ]);
  const fieldHeaders = ['Tổng số', 'Tập thể', 'Cá nhân', ...statusKeys.map((s) => MODEL_STATUS_LABELS[s]), 'Điển hình', 'Khen thưởng'];
  const fieldTotals = ['', 'Tổng cộng', stats.registered, stats.collective, stats.individual, ...statusKeys.map((s) => stats.byStatus[s] ?? 0), stats.typical, stats.commended];
  const stem = `bieu-tong-hop-mo-hinh-${input.year}`;

  if (input.format === 'pdf') {
    const doc = await partyDoc(ctx, 'BIỂU TỔNG HỢP', `Kết quả thực hiện mô hình "Dân vận khéo" năm ${input.year}`, [
      {
        type: 'paragraph',
        text: `Tổng số ${formatNumber(stats.registered)} lượt mô hình đăng ký${stats.previous.registered > 0 ? ` (năm ${input.year - 1}: ${formatNumber(stats.previous.registered)})` : ''}; ${formatNumber(stats.recognised)} được công nhận, trong đó ${formatNumber(stats.typical)} điển hình, ${formatNumber(stats.commended)} được biểu dương, khen thưởng; ${stats.unitsReviewed}/${stats.unitsTotal} đảng bộ, chi bộ trực thuộc đã họp xét.`,
      },
      { type: 'heading', level: 1, text: 'I. THEO ĐƠN VỊ' },
      {
        type: 'table',
        fontSize: 10,
        columns: [
          { header: 'TT', width: 3, align: 'center' },
          { header: 'Đơn vị', width: 20 },
          ...SUMMARY_COLUMNS.map((c) => ({ header: c.header, width: 6, align: 'right' as const })),
          { header: 'Họp xét', width: 7, align: 'center' },
        ],
        rows: unitRows.map((r) => r.map((v, j) => (typeof v === "number" && j > 1 ? formatNumber(v) : v))),
        totalsRow: unitTotals.map((v) => (typeof v === 'number' ? formatNumber(v) : v)),
      },
      { type: 'heading', level: 1, text: 'II. THEO LĨNH VỰC' },
      {
        type: 'table',
        fontSize: 10,
        columns: [
          { header: 'TT', width: 3, align: 'center' },
          { header: 'Lĩnh vực', width: 22 },
          ...fieldHeaders.map((h) => ({ header: h, width: 6, align: 'right' as const })),
        ],
        rows: fieldRows.map((r) => r.map((v, j) => (typeof v === 'number' && j > 1 ? formatNumber(v) : v))),
        totalsRow: fieldTotals.map((v) => (typeof v === 'number' ? formatNumber(v) : v)),
      },
    ]);
    const bytes = await ctx.platform.renderPdf(renderPartyDocument(doc), { landscape: true });
    return { fileName: `${stem}.pdf`, mimeType: PDF_MIME, bytes };
  }

  // The same Party-format workbook as the register export (title rows, Times New Roman, totals).
  const profile = await getProfile(ctx);
  const sheet = (sheetName: string, heading: string, first: string, headers: readonly string[], rows: Array<Array<string | number>>, totals: Array<string | number>): TableXlsxOptions => {
    const columns: XlsxColumn[] = [
      { header: 'TT', key: 'c0', width: 5, type: 'integer', align: 'center' },
      { header: first, key: 'c1', width: 36 },
      // Counts are integers; the unit sheet's last column says whether the unit held its review.
      ...headers.map((header, j): XlsxColumn =>
        header === 'Họp xét' ? { header, key: `c${j + 2}`, width: 12, align: 'center' } : { header, key: `c${j + 2}`, width: 12, type: 'integer' },
      ),
    ];
    const byKey = (values: Array<string | number>): XlsxRow => Object.fromEntries(values.map((v, j) => [`c${j}`, v]));
    return {
      sheetName,
      title: { parentBody: profile.parentBody, issuingBody: profile.committeeName, title: heading, subtitle: `(Năm ${input.year})` },
      columns,
      rows: rows.map(byKey),
      totals: byKey(totals),
    };
  };
  const bytes = await writeTablesXlsx([
    sheet('Theo đơn vị', 'BIỂU TỔNG HỢP MÔ HÌNH "DÂN VẬN KHÉO" THEO ĐƠN VỊ', 'Đơn vị', [...SUMMARY_COLUMNS.map((c) => c.header), 'Họp xét'], unitRows, unitTotals),
    sheet('Theo lĩnh vực', 'BIỂU TỔNG HỢP MÔ HÌNH "DÂN VẬN KHÉO" THEO LĨNH VỰC', 'Lĩnh vực', fieldHeaders, fieldRows, fieldTotals),
  ]);
  return { fileName: `${stem}.xlsx`, mimeType: XLSX_MIME, bytes };
}
