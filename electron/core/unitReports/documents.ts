/** The report-tracking matrix printed (landscape) and as XLSX. */
import type { AppContext } from '../context';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { headerFromProfile, renderPartyDocument, type PartyDocument } from '../export';
import { writeTableXlsx, type XlsxColumn, type XlsxRow } from '../export/xlsx/writer';
import { formatDate, partyDateLine } from '../../../shared/text/format';
import { REPORT_STATE_LABELS, REPORT_TYPE_LABELS, type ReportMatrix, type ReportType } from '../../../shared/schemas/unitReports';
import { reportMatrix } from './service';
import { XLSX_MIME } from '../export/mime';

type Cell = NonNullable<ReportMatrix['rows'][number]['cells'][number]>;

export function cellLabel(c: Cell | null): string {
  if (!c) return '—';
  if (c.state === 'onTime') return `Đúng hạn (${formatDate(c.receivedDate)})`;
  if (c.state === 'late') return `Chậm ${c.daysLate} ngày (${formatDate(c.receivedDate)})`;
  if (c.state === 'missing') return `Chưa gửi (quá ${c.daysLate} ngày)`;
  return 'Chưa đến hạn';
}

function subtitle(m: ReportMatrix, type?: ReportType): string {
  return `${type ? REPORT_TYPE_LABELS[type] : 'Báo cáo định kỳ, chuyên đề'} năm ${m.year} (tính đến ngày ${formatDate(m.today)})`;
}

export async function printMatrix(ctx: AppContext, f: { year: number; type?: ReportType | undefined }): Promise<{ html: string; title: string }> {
  const m = await reportMatrix(ctx, f);
  const profile = await getProfile(ctx);
  const doc: PartyDocument = {
    title: `Theo dõi báo cáo của các đơn vị năm ${m.year}`,
    orientation: 'landscape',
    header: headerFromProfile(profile, { number: null, date: m.today }),
    kind: 'BẢNG THEO DÕI',
    summary: `Tình hình gửi báo cáo của các đơn vị\n${subtitle(m, f.type)}`,
    body: m.periods.length
      ? [
          {
            type: 'table',
            fontSize: 11,
            columns: [
              { header: 'TT', width: 4, align: 'center' },
              { header: 'Đơn vị', width: 24 },
              ...m.periods.map((p) => ({ header: `${p.title} (hạn ${formatDate(p.dueDate)})`, width: 72 / m.periods.length, align: 'center' as const })),
            ],
            rows: m.rows.map((r, i) => [String(i + 1), r.unitName, ...r.cells.map(cellLabel)]),
            totalsRow: [
              '',
              'Cộng',
              ...m.totals.map((t) => `Đúng hạn ${t.onTime}; chậm ${t.late}; chưa gửi ${t.missing}${t.pending ? `; chưa đến hạn ${t.pending}` : ''}`),
            ],
          },
        ]
      : [{ type: 'paragraph', text: 'Chưa có kỳ báo cáo nào trong năm.', align: 'center' }],
    ...(profile.margins ? { margins: profile.margins } : {}),
  };
  return { html: renderPartyDocument(doc), title: doc.title! };
}

export async function exportMatrixXlsx(ctx: AppContext, f: { year: number; type?: ReportType | undefined }): Promise<{ fileName: string; bytes: Uint8Array; mimeType: string }> {
  const m = await reportMatrix(ctx, f);
  const profile = await getProfile(ctx);
  const columns: XlsxColumn[] = [
    { header: 'TT', key: 'tt', width: 5, type: 'integer', align: 'center' },
    { header: 'Đơn vị', key: 'unit', width: 36 },
  ];
  m.periods.forEach((p, i) => {
    columns.push(
      { header: `${p.title} — hạn`, key: `due${i}`, width: 12, type: 'date', align: 'center' },
      { header: `${p.title} — ngày nhận`, key: `rec${i}`, width: 12, type: 'date', align: 'center' },
      { header: `${p.title} — tình trạng`, key: `st${i}`, width: 18 },
    );
  });
  const rows: XlsxRow[] = m.rows.map((r, n) => {
    const row: XlsxRow = { tt: n + 1, unit: r.unitName };
    r.cells.forEach((c, i) => {
      row[`due${i}`] = c?.dueDate ?? null;
      row[`rec${i}`] = c?.receivedDate ?? null;
      row[`st${i}`] = c ? (c.state === 'late' ? `Chậm ${c.daysLate} ngày` : REPORT_STATE_LABELS[c.state]) : '';
    });
    return row;
  });
  const bytes = await writeTableXlsx({
    sheetName: `Báo cáo ${m.year}`,
    title: {
      parentBody: profile.parentBody,
      issuingBody: profile.committeeName,
      placeDate: profile.placeName ? partyDateLine(profile.placeName, localToday(ctx.clock)) : null,
      title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ',
      subtitle: subtitle(m, f.type),
    },
    columns,
    rows,
    rowCount: rows.length,
  });
  return { fileName: `theo-doi-bao-cao-${m.year}.xlsx`, bytes, mimeType: XLSX_MIME };
}
