import type { AppContext } from '../context';
import { localToday } from '../clock';
import { getProfile } from '../settings/service';
import { writeTablesXlsx, type TableXlsxOptions, type XlsxTitle } from '../export/xlsx';
import { partyDateLine } from '../../../shared/text/format';
import type { FileResult } from '../../../shared/contract';
import { TREND_METRICS, TREND_METRIC_LABELS } from '../../../shared/schemas/overview';
import { buildTrend } from '../overview/service';
import { reportData, type Progress } from './report';
import { XLSX_MIME } from '../export/mime';
import { qcdcSheets } from '../qcdc/reportSection';


/**
 * The statistics workbook (biểu thống kê) a higher level asks for: one sheet per summary table,
 * each with the Party-format title block, numbers as real numbers so the recipient can sum them.
 */
export async function statisticsXlsx(ctx: AppContext, year: number, job?: Progress): Promise<FileResult> {
  await job?.progress('Tổng hợp số liệu', 0, 2);
  const profile = await getProfile(ctx);
  const data = await reportData(ctx, year, 'year');
  const trend = await buildTrend(ctx);
  const o = data.overview;
  const m = o.models;
  const title = (t: string, subtitle?: string): XlsxTitle => ({
    parentBody: profile.parentBody,
    issuingBody: profile.committeeName,
    placeDate: partyDateLine(profile.placeName, localToday(ctx.clock)),
    title: t,
    subtitle: subtitle ?? null,
  });

  const summaryRows: Array<{ group: string; item: string; value: number }> = [
    { group: 'Mô hình "Dân vận khéo"', item: 'Đăng ký', value: m.registered },
    { group: '', item: '- Mô hình mới', value: m.newCount },
    { group: '', item: '- Mô hình duy trì', value: m.carriedCount },
    { group: '', item: '- Tập thể', value: m.collective },
    { group: '', item: '- Cá nhân', value: m.individual },
    { group: '', item: 'Được công nhận', value: m.recognised },
    { group: '', item: '- Tập thể', value: m.recognisedCollective },
    { group: '', item: '- Cá nhân', value: m.recognisedIndividual },
    { group: '', item: 'Điển hình', value: m.typical },
    { group: '', item: 'Được biểu dương, khen thưởng', value: m.commended },
    { group: '', item: 'Đơn vị đã họp xét', value: m.unitsReviewed },
    { group: '', item: 'Đơn vị trực thuộc', value: m.unitsTotal },
    { group: 'Hội nghị, cuộc họp', item: 'Đã tổ chức', value: o.meetings.held },
    { group: 'Nhiệm vụ', item: 'Tổng số', value: o.tasks.total },
    { group: '', item: 'Hoàn thành', value: o.tasks.done },
    { group: '', item: 'Đang thực hiện', value: o.tasks.open },
    { group: '', item: 'Quá hạn', value: o.tasks.overdue },
    { group: 'Kế hoạch', item: 'Số nội dung', value: o.plans.tasks },
    { group: '', item: 'Đã hoàn thành', value: o.plans.done },
    { group: 'Kiểm tra, giám sát', item: 'Số đợt', value: o.inspections.rounds },
    { group: '', item: 'Đơn vị theo kế hoạch', value: o.inspections.planned },
    { group: '', item: 'Đơn vị đã kiểm tra', value: o.inspections.done },
    { group: '', item: 'Kiến nghị', value: o.inspections.recommendations },
    { group: '', item: 'Kiến nghị chưa xong', value: o.inspections.recommendationsOpen },
    { group: 'Báo cáo của đơn vị', item: 'Đúng hạn', value: o.unitReports.onTime },
    { group: '', item: 'Chậm', value: o.unitReports.late },
    { group: '', item: 'Chưa gửi', value: o.unitReports.missing },
  ];

  const sheets: TableXlsxOptions[] = [
    {
      sheetName: 'Tổng hợp',
      title: title(`BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN QCDC VÀ PHONG TRÀO "DÂN VẬN KHÉO" NĂM ${year}`),
      columns: [
        { header: 'Nội dung', key: 'group', width: 28 },
        { header: 'Chỉ tiêu', key: 'item', width: 36 },
        { header: 'Số lượng', key: 'value', width: 14, type: 'integer' },
      ],
      rows: summaryRows,
    },
    {
      sheetName: 'Mô hình theo đơn vị',
      title: title(`MÔ HÌNH "DÂN VẬN KHÉO" THEO ĐƠN VỊ NĂM ${year}`),
      headerGroups: [
        { title: '', span: 2 },
        { title: 'Đăng ký', span: 3 },
        { title: 'Công nhận', span: 3 },
      ],
      columns: [
        { header: 'TT', key: 'tt', width: 6, type: 'integer', align: 'center' },
        { header: 'Đơn vị', key: 'unit', width: 36 },
        { header: 'Tập thể', key: 'collective', width: 10, type: 'integer' },
        { header: 'Cá nhân', key: 'individual', width: 10, type: 'integer' },
        { header: 'Cộng', key: 'registered', width: 10, type: 'integer' },
        { header: 'Tập thể', key: 'recCollective', width: 10, type: 'integer' },
        { header: 'Cá nhân', key: 'recIndividual', width: 10, type: 'integer' },
        { header: 'Cộng', key: 'recognised', width: 10, type: 'integer' },
        { header: 'Điển hình', key: 'typical', width: 10, type: 'integer' },
        { header: 'Khen thưởng', key: 'commended', width: 12, type: 'integer' },
        { header: 'Họp xét', key: 'reviewed', width: 10, align: 'center' },
      ],
      rows: m.byUnit.map((u, i) => ({
        tt: i + 1,
        unit: u.unitName,
        collective: u.collective,
        individual: u.individual,
        registered: u.registered,
        recCollective: u.recognisedCollective,
        recIndividual: u.recognisedIndividual,
        recognised: u.recognised,
        typical: u.typical,
        commended: u.commended,
        reviewed: u.reviewed ? 'Đã họp' : 'Chưa họp',
      })),
      totals: {
        unit: 'Cộng',
        collective: m.collective,
        individual: m.individual,
        registered: m.registered,
        recCollective: m.recognisedCollective,
        recIndividual: m.recognisedIndividual,
        recognised: m.recognised,
        typical: m.typical,
        commended: m.commended,
        reviewed: `${m.unitsReviewed}/${m.unitsTotal}`,
      },
    },
    {
      sheetName: 'Mô hình theo lĩnh vực',
      title: title(`MÔ HÌNH "DÂN VẬN KHÉO" THEO LĨNH VỰC NĂM ${year}`),
      columns: [
        { header: 'TT', key: 'tt', width: 6, type: 'integer', align: 'center' },
        { header: 'Lĩnh vực', key: 'field', width: 40 },
        { header: 'Đăng ký', key: 'registered', width: 10, type: 'integer' },
        { header: 'Công nhận', key: 'recognised', width: 10, type: 'integer' },
        { header: 'Điển hình', key: 'typical', width: 10, type: 'integer' },
        { header: 'Khen thưởng', key: 'commended', width: 12, type: 'integer' },
      ],
      rows: m.byField.map((f, i) => ({ tt: i + 1, field: f.fieldName, registered: f.registered, recognised: f.recognised, typical: f.typical, commended: f.commended })),
      totals: { field: 'Cộng', registered: m.registered, recognised: m.recognised, typical: m.typical, commended: m.commended },
    },
    {
      sheetName: 'Hội nghị',
      title: title(`HỘI NGHỊ, CUỘC HỌP CỦA BAN CHỈ ĐẠO NĂM ${year}`),
      columns: [
        { header: 'TT', key: 'tt', width: 6, type: 'integer', align: 'center' },
        { header: 'Ngày', key: 'date', width: 12, type: 'date' },
        { header: 'Hội nghị, cuộc họp', key: 'title', width: 50 },
        { header: 'Loại', key: 'kind', width: 24 },
        { header: 'Số, ký hiệu', key: 'number', width: 14 },
        { header: 'Có mặt', key: 'present', width: 9, type: 'integer' },
        { header: 'Kết luận', key: 'conclusions', width: 9, type: 'integer' },
      ],
      rows: data.meetings.map((x, i) => ({ tt: i + 1, date: x.date, title: x.title, kind: x.kindName, number: x.numberText ?? '', present: x.presentCount, conclusions: x.conclusionCount })),
    },
    {
      sheetName: 'Kiểm tra, giám sát',
      title: title(`KIỂM TRA, GIÁM SÁT VÀ KIẾN NGHỊ NĂM ${year}`),
      columns: [
        { header: 'TT', key: 'tt', width: 6, type: 'integer', align: 'center' },
        { header: 'Nội dung', key: 'topic', width: 50 },
        { header: 'Ngày', key: 'date', width: 12, type: 'date' },
        { header: 'Số đơn vị', key: 'targets', width: 10, type: 'integer' },
        { header: 'Kiến nghị', key: 'recs', width: 10, type: 'integer' },
        { header: 'Chưa xong', key: 'open', width: 10, type: 'integer' },
      ],
      rows: data.inspections.map((i, k) => ({ tt: k + 1, topic: i.title ?? i.topic, date: i.date, targets: i.targetCount, recs: i.recommendationCount, open: i.openRecommendationCount })),
      totals: { topic: 'Cộng', targets: o.inspections.planned, recs: o.inspections.recommendations, open: o.inspections.recommendationsOpen },
    },
    {
      sheetName: 'So sánh các năm',
      title: title('SO SÁNH CÁC NĂM'),
      columns: [
        { header: 'Chỉ tiêu', key: 'metric', width: 40 },
        ...trend.years.map((t) => ({ header: `Năm ${t.year}`, key: `y${t.year}`, width: 11, type: 'integer' as const })),
      ],
      rows: TREND_METRICS.map((k) => ({ metric: TREND_METRIC_LABELS[k], ...Object.fromEntries(trend.years.map((t) => [`y${t.year}`, t.values[k]])) })),
    },
    ...qcdcSheets(data.qcdc, (t) => title(t)),
  ];
  await job?.progress('Tạo tệp Excel', 1, 2);
  return { fileName: `thong-ke-qcdc-dan-van-kheo-nam-${year}.xlsx`, mimeType: XLSX_MIME, bytes: await writeTablesXlsx(sheets) };
}
