/**
 * The QCDC half of the annual and six-month reports and of the statistics workbook, drafted from
 * `qcdc.stats`: per loại hình a paragraph of figures and a table (indicator, result, previous
 * period, change); the figures common to every loại hình summed in their own paragraph. The
 * assessment is left as a headed blank for the officer. Pure functions of the statistics.
 */
import type { Block, TableBlock } from '../export/document';
import type { TableXlsxOptions, XlsxTitle } from '../export/xlsx';
import { formatNumber as n, formatPercent } from '../../../shared/text/format';
import { QCDC_TYPE_SHORT_LABELS } from '../../../shared/schemas/units';
import type { QcdcStats, StatIndicator } from '../../../shared/schemas/qcdc';

/** "14 nội dung", "2/3 đơn vị", "75%", "1 đơn vị có nội dung". */
export function figureText(s: StatIndicator): string {
  if (s.kind === 'ratio') return s.total === null ? '–' : `${n(s.total, Number.isInteger(s.total) ? 0 : 1)}%`;
  if (s.kind === 'yesno') return `${n(s.total ?? 0)}/${n(s.of ?? 0)} đơn vị`;
  if (s.kind === 'text') return `${n(s.total ?? 0)} đơn vị có nội dung`;
  return `${n(s.total ?? 0)}${s.unitLabel ? ` ${s.unitLabel}` : ''}`;
}

/** "tăng 2", "giảm 1,5", "bằng"; empty when there is nothing to compare with. */
export function changeText(s: StatIndicator): string {
  if (s.change === null) return '';
  if (s.change === 0) return 'bằng';
  const abs = Math.abs(s.change);
  return `${s.change > 0 ? 'tăng' : 'giảm'} ${n(abs, Number.isInteger(abs) ? 0 : 1)}${s.kind === 'ratio' ? ' điểm %' : ''}`;
}

const previousText = (s: StatIndicator) => (s.previousTotal === null ? '' : s.kind === 'ratio' ? `${n(s.previousTotal, Number.isInteger(s.previousTotal) ? 0 : 1)}%` : n(s.previousTotal));

/** Indicators common to every loại hình, summed across them (ratios from the summed parts). */
export function commonTotals(stats: Pick<QcdcStats, 'byType'>): StatIndicator[] {
  const out = new Map<string, StatIndicator>();
  const common = new Set<string>();
  for (const t of stats.byType) for (const s of t.indicators) if (stats.byType.every((x) => x.indicators.some((y) => y.id === s.id))) common.add(s.id);
  for (const t of stats.byType) {
    for (const s of t.indicators) {
      if (!common.has(s.id)) continue;
      const acc = out.get(s.id);
      if (!acc) {
        out.set(s.id, { ...s });
        continue;
      }
      const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
      acc.unitsWithValue += s.unitsWithValue;
      acc.of = add(acc.of, s.of);
      acc.numerator = add(acc.numerator, s.numerator);
      if (s.kind !== 'ratio') acc.total = add(acc.total, s.total);
      acc.previousTotal = s.kind === 'ratio' ? null : add(acc.previousTotal, s.previousTotal);
      acc.change = null;
    }
  }
  for (const s of out.values()) {
    if (s.kind === 'ratio') s.total = s.numerator !== null && s.of ? Math.round((s.numerator / s.of) * 1000) / 10 : null;
    if (s.kind !== 'ratio' && s.previousTotal !== null && s.total !== null) s.change = s.total - s.previousTotal;
  }
  return [...out.values()];
}

function sentence(list: readonly StatIndicator[], compare: string): string {
  return list
    .map((s) => {
      const c = changeText(s);
      return `${s.name.charAt(0).toLocaleLowerCase('vi')}${s.name.slice(1)}: ${figureText(s)}${c ? ` (${c} so với ${compare})` : ''}`;
    })
    .join('; ');
}

function typeTable(list: readonly StatIndicator[]): TableBlock {
  return {
    type: 'table',
    fontSize: 11,
    columns: [
      { header: 'TT', width: 4, align: 'center' },
      { header: 'Chỉ tiêu', width: 46 },
      { header: 'Kết quả', width: 14, align: 'right' },
      { header: 'Kỳ trước', width: 10, align: 'right' },
      { header: 'Tăng, giảm', width: 12, align: 'right' },
    ],
    rows: list.map((s, i) => [i + 1, s.name, figureText(s), previousText(s), changeText(s)]),
  };
}

/**
 * The blocks of section "Kết quả thực hiện Quy chế dân chủ ở cơ sở" (level-2 heading with the
 * given number). `when` is "Năm 2022" / "Trong 6 tháng đầu năm 2022".
 */
export function qcdcReportBlocks(stats: QcdcStats, number: number, when: string, compare: string): Block[] {
  const reported = stats.byType.reduce((a, t) => a + t.unitsReported, 0);
  const total = stats.byType.reduce((a, t) => a + t.unitsTotal, 0);
  const blocks: Block[] = [
    { type: 'heading', level: 2, text: `${number}. Kết quả thực hiện Quy chế dân chủ ở cơ sở theo loại hình` },
    {
      type: 'paragraph',
      text: total
        ? `${when}, ${n(reported)}/${n(total)} đơn vị đã gửi số liệu thực hiện Quy chế dân chủ ở cơ sở (${formatPercent(reported, total)}).`
        : `${when}, chưa có đơn vị nào được xếp loại hình thực hiện Quy chế dân chủ ở cơ sở (chưa được ghi nhận trong phần mềm).`,
    },
  ];
  const commonIds = new Set(commonTotals(stats).map((s) => s.id));
  stats.byType.forEach((t) => {
    if (!t.unitsTotal && !t.unitsReported) return;
    const own = t.indicators.filter((s) => !commonIds.has(s.id));
    blocks.push(
      { type: 'paragraph', text: [{ text: `- ${t.label}`, bold: true }, { text: ` (${n(t.unitsReported)}/${n(t.unitsTotal)} đơn vị báo cáo): ${own.length ? sentence(own, compare) : 'chưa có chỉ tiêu'}.` }] },
      typeTable(t.indicators),
    );
  });
  const common = commonTotals(stats);
  if (common.length && total) {
    blocks.push({ type: 'paragraph', text: [{ text: '- Các nội dung chung của các loại hình', bold: true }, { text: ` (tiếp công dân, giải quyết khiếu nại, tố cáo, đối thoại, giám sát, tập huấn): ${sentence(common, compare)}.` }] });
  }
  return blocks;
}

/** The QCDC sheets of the statistics workbook: per loại hình × indicator, and per unit for each loại hình. */
export function qcdcSheets(stats: QcdcStats, title: (t: string) => XlsxTitle): TableXlsxOptions[] {
  const label = stats.period === 'six_month' ? `6 THÁNG ĐẦU NĂM ${stats.year}` : `NĂM ${stats.year}`;
  const sheets: TableXlsxOptions[] = [
    {
      sheetName: 'QCDC theo loại hình',
      title: title(`KẾT QUẢ THỰC HIỆN QUY CHẾ DÂN CHỦ Ở CƠ SỞ THEO LOẠI HÌNH ${label}`),
      columns: [
        { header: 'Loại hình', key: 'type', width: 30 },
        { header: 'Chỉ tiêu', key: 'name', width: 46 },
        { header: 'Kết quả', key: 'total', width: 12, type: 'number', decimals: 1 },
        { header: 'Trên tổng số (đơn vị / mẫu số)', key: 'of', width: 14, type: 'number' },
        { header: 'Kỳ trước', key: 'previous', width: 12, type: 'number', decimals: 1 },
        { header: 'Tăng, giảm', key: 'change', width: 12, type: 'number', decimals: 1 },
      ],
      rows: stats.byType.flatMap((t) => [
        { type: t.label, name: `Số đơn vị báo cáo / tổng số`, total: t.unitsReported, of: t.unitsTotal },
        ...t.indicators.map((s) => ({ type: '', name: s.name, total: s.total, of: s.of, previous: s.previousTotal, change: s.change })),
      ]),
    },
  ];
  for (const t of stats.byType) {
    const rows = stats.byUnit.filter((u) => u.qcdcType === t.qcdcType);
    if (!rows.length) continue;
    sheets.push({
      sheetName: `QCDC ${QCDC_TYPE_SHORT_LABELS[t.qcdcType]}`.slice(0, 31),
      title: title(`SỐ LIỆU QCDC THEO ĐƠN VỊ – ${t.label.toLocaleUpperCase('vi')} ${label}`),
      columns: [
        { header: 'TT', key: 'tt', width: 6, type: 'integer', align: 'center' },
        { header: 'Đơn vị', key: 'unit', width: 34 },
        ...t.indicators.map((s) => ({ header: s.name, key: s.id, width: 14, ...(s.kind === 'text' || s.kind === 'yesno' ? {} : { type: 'number' as const, decimals: s.kind === 'ratio' ? 1 : 0 }) })),
      ],
      rows: rows.map((u, i) => ({
        tt: i + 1,
        unit: u.unitName,
        ...Object.fromEntries(t.indicators.map((s) => {
          const v = u.values[s.id];
          return [s.id, typeof v === 'boolean' ? (v ? 'Có' : 'Không') : (v ?? null)];
        })),
      })),
    });
  }
  return sheets;
}
