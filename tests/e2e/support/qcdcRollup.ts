/**
 * The QCDC roll-up workbook a district or the standing agency sends: one row per unit, one column per
 * indicator, a two-row header (row 1: the loại hình the columns belong to, merged over them; row 2:
 * the indicator names), units grouped under section rows by loại hình (I., II., …), and a "Cộng"
 * totals row. Built by the test from the figures it later expects back (never a committed binary).
 */
import ExcelJS from 'exceljs';
import { QCDC_TYPE_LABELS, type QcdcType } from '../../../shared/schemas/units';

export interface RollupGroup {
  /** null: the columns every loại hình reports (khiếu nại, tố cáo; tiếp công dân…). */
  qcdcType: QcdcType | null;
  columns: string[];
}

export interface RollupUnit {
  name: string;
  qcdcType: QcdcType;
  /** Column header → figure as written in the file (a number, "x" for yes, "" for no answer). */
  values: Record<string, number | string>;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

export async function buildRollup(options: { title: string; groups: RollupGroup[]; units: RollupUnit[] }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tong hop');
  const headers = options.groups.flatMap((g) => g.columns);
  const width = 2 + headers.length;
  ws.addRow([options.title]);
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([]);
  // Row 3: the loại hình groups, merged over their columns; row 4: the indicator names.
  const top: (string | null)[] = ['TT', 'Tên đơn vị'];
  for (const g of options.groups) g.columns.forEach((_, i) => top.push(i === 0 ? (g.qcdcType ? QCDC_TYPE_LABELS[g.qcdcType] : 'Chỉ tiêu chung') : null));
  ws.addRow(top);
  ws.addRow([null, null, ...headers]);
  ws.mergeCells(3, 1, 4, 1);
  ws.mergeCells(3, 2, 4, 2);
  let col = 3;
  for (const g of options.groups) {
    if (g.columns.length > 1) ws.mergeCells(3, col, 3, col + g.columns.length - 1);
    col += g.columns.length;
  }
  const types = [...new Set(options.units.map((u) => u.qcdcType))];
  let seq = 0;
  types.forEach((t, i) => {
    // A section line is one filled cell ("I. XÃ, PHƯỜNG, THỊ TRẤN…"), as district roll-ups write it.
    ws.addRow([null, `${ROMAN[i]}. ${QCDC_TYPE_LABELS[t].toUpperCase()}`]);
    for (const u of options.units.filter((x) => x.qcdcType === t)) {
      seq += 1;
      ws.addRow([seq, u.name, ...headers.map((h) => u.values[h] ?? null)]);
    }
  });
  // The totals row units put at the bottom (counts summed, ticks counted): the import must skip it.
  ws.addRow([
    null,
    'Cộng',
    ...headers.map((h) => {
      const vals = options.units.map((u) => u.values[h]).filter((v) => v !== undefined && v !== '');
      return vals.every((v) => typeof v === 'number') ? vals.reduce<number>((s, v) => s + Number(v), 0) : vals.length;
    }),
  ]);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
