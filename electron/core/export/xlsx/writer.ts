/**
 * Streaming XLSX tables (registers, summary tables) — with `reader.ts`, the only code that touches
 * exceljs, so the library can be swapped (ARCHITECTURE.md: its maintenance has slowed).
 *
 * Rows are pulled from an (async) iterable and committed one by one to exceljs's streaming
 * WorkbookWriter, so 100k rows never sit in memory as cell objects. Dates are real Excel dates
 * shown dd/mm/yyyy; numbers use the format `#,##0` which Excel displays with the reader's
 * separators (2.360 on a Vietnamese Windows) while staying numbers you can sum.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parseIsoDate } from '../../../../shared/text/format';

export type XlsxCellType = 'text' | 'number' | 'integer' | 'date' | 'boolean';

export interface XlsxColumn {
  header: string;
  /** Property of each row object. */
  key: string;
  /** Width in characters (Excel units). */
  width?: number;
  type?: XlsxCellType;
  /** Decimal places for `number` (default 0; e.g. 1 for percentages written as numbers). */
  decimals?: number;
  align?: 'left' | 'center' | 'right';
}

/** The Party-format block above the table: parent body, issuing body, title and subtitle. */
export interface XlsxTitle {
  parentBody?: string | null;
  issuingBody?: string | null;
  /** "ĐẢNG CỘNG SẢN VIỆT NAM" on the right of the first row (default true when a body is given). */
  partyLine?: boolean;
  /** Place-date line under "ĐẢNG CỘNG SẢN VIỆT NAM" (italic). */
  placeDate?: string | null;
  title: string;
  subtitle?: string | null;
}

export type XlsxRow = Record<string, unknown>;

export interface TableXlsxOptions {
  sheetName?: string;
  title?: XlsxTitle | null;
  columns: readonly XlsxColumn[];
  rows: Iterable<XlsxRow> | AsyncIterable<XlsxRow>;
  /** Known row count, for progress. */
  rowCount?: number;
  /** A bold totals row after the data (values by column key; e.g. { name: 'Cộng', count: 64 }). */
  totals?: XlsxRow | null;
  /** Called every `progressEvery` rows (default 1000) and at the end; may throw to cancel. */
  onProgress?: (done: number, total: number | null) => void | Promise<void>;
  progressEvery?: number;
  /** Repeat the header row on every printed page and freeze panes under it (default true). */
  freezeHeader?: boolean;
  /**
   * A second header level above the column headers, left to right, e.g.
   * [{ title: '', span: 2 }, { title: 'Đăng ký', span: 2 }, { title: 'Công nhận', span: 2 }] for
   * "TT | Đơn vị | Đăng ký: Tập thể, Cá nhân | Công nhận: Tập thể, Cá nhân". An empty title leaves
   * its columns' own headers spanning both header rows.
   */
  headerGroups?: readonly { title: string; span: number }[];
}

const FONT = { name: 'Times New Roman', size: 12 } as const;
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** "2023-05-02" / Date → a Date at UTC midnight (Excel has no time zones). */
export function toExcelDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  if (typeof value === 'string') {
    const d = parseIsoDate(value.slice(0, 10));
    return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
  }
  return null;
}

function cellValue(column: XlsxColumn, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type ?? 'text') {
    case 'date':
      return toExcelDate(value) ?? String(value);
    case 'number':
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : String(value);
    }
    case 'boolean':
      return value ? 'x' : null; // registers tick boxes with "x"
    case 'text':
      return String(value);
  }
}

function numFmt(column: XlsxColumn): string | undefined {
  switch (column.type) {
    case 'date':
      return 'dd/mm/yyyy';
    case 'integer':
      return '#,##0';
    case 'number':
      return column.decimals ? `#,##0.${'0'.repeat(column.decimals)}` : '#,##0';
    default:
      return undefined;
  }
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

async function* iterate(rows: Iterable<XlsxRow> | AsyncIterable<XlsxRow>): AsyncGenerator<XlsxRow> {
  if (Symbol.asyncIterator in rows) {
    for await (const r of rows as AsyncIterable<XlsxRow>) yield r;
  } else {
    for (const r of rows as Iterable<XlsxRow>) yield r;
  }
}

/** Writes one table sheet and returns the .xlsx bytes. */
export function writeTableXlsx(options: TableXlsxOptions): Promise<Uint8Array> {
  return writeTablesXlsx([options]);
}

/** Writes several table sheets (e.g. the summary tables a higher level asks for) into one workbook. */
export async function writeTablesXlsx(sheets: readonly TableXlsxOptions[]): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'QCDC Desk';
  const used = new Set<string>();
  for (const [i, options] of sheets.entries()) {
    // Sheet names must be unique (case-insensitive) in a workbook.
    let name = safeSheetName(options.sheetName ?? (sheets.length > 1 ? `Biểu ${i + 1}` : 'Danh sách'));
    for (let k = 2; used.has(name.toLowerCase()); k += 1) name = safeSheetName(`${name.slice(0, 27)} (${k})`);
    used.add(name.toLowerCase());
    await writeSheet(workbook, name, options);
  }
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheetName: string, options: TableXlsxOptions): Promise<void> {
  const columns = options.columns;
  const n = Math.max(1, columns.length);
  const title = options.title ?? null;
  const groups = options.headerGroups?.length ? options.headerGroups : null;
  const headerRowNo = titleRowCount(title) + 1;
  const lastHeaderRowNo = headerRowNo + (groups ? 1 : 0);
  const freeze = options.freezeHeader ?? true;
  // The streaming writer takes views and print titles only at creation.
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: n > 6 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      ...(freeze ? { printTitlesRow: `${headerRowNo}:${lastHeaderRowNo}` } : {}),
    },
    ...(freeze ? { views: [{ state: 'frozen' as const, ySplit: lastHeaderRowNo, xSplit: 0 }] } : {}),
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width ?? 16 }));

  let rowNo = 0;
  const addRow = (values: ExcelJS.CellValue[], style?: (cell: ExcelJS.Cell, col: number) => void, height?: number) => {
    rowNo += 1;
    const row = sheet.getRow(rowNo);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { ...FONT };
      style?.(cell, i);
    });
    if (height) row.height = height;
    return row;
  };

  if (title) {
    // Left block takes ~half the columns, "ĐẢNG CỘNG SẢN VIỆT NAM" the rest (36-HD/VPTW layout).
    const split = Math.max(1, Math.floor(n / 2));
    const merge = (from: number, to: number) => {
      if (to > from) sheet.mergeCells(rowNo, from, rowNo, to);
    };
    const centred = { vertical: 'middle' as const, horizontal: 'center' as const, wrapText: true };
    if (title.parentBody || title.issuingBody) {
      const party = title.partyLine ?? true;
      const r1: ExcelJS.CellValue[] = Array(n).fill(null);
      r1[0] = title.parentBody ? upper(title.parentBody) : upper(title.issuingBody ?? '');
      if (party && n > 1) r1[split] = 'ĐẢNG CỘNG SẢN VIỆT NAM';
      addRow(r1, (cell, i) => {
        cell.alignment = centred;
        if (i === split && party) cell.font = { ...FONT, size: 13, bold: true, underline: true };
        if (i === 0 && !title.parentBody) cell.font = { ...FONT, bold: true };
      });
      merge(1, split);
      if (n > 1) merge(split + 1, n);
      if (title.parentBody && title.issuingBody) {
        const r2: ExcelJS.CellValue[] = Array(n).fill(null);
        r2[0] = upper(title.issuingBody);
        if (title.placeDate && n > 1) r2[split] = title.placeDate;
        addRow(r2, (cell, i) => {
          cell.alignment = centred;
          if (i === 0) cell.font = { ...FONT, bold: true };
          if (i === split) cell.font = { ...FONT, italic: true };
        }, 32);
        merge(1, split);
        if (n > 1) merge(split + 1, n);
      }
      addRow([]);
    }
    const tRow: ExcelJS.CellValue[] = Array(n).fill(null);
    tRow[0] = upper(title.title);
    addRow(tRow, (cell) => {
      cell.font = { ...FONT, size: 14, bold: true };
      cell.alignment = centred;
    }, 22);
    merge(1, n);
    if (title.subtitle) {
      const sRow: ExcelJS.CellValue[] = Array(n).fill(null);
      sRow[0] = title.subtitle;
      addRow(sRow, (cell) => {
        cell.font = { ...FONT, italic: true };
        cell.alignment = centred;
      });
      merge(1, n);
    }
    addRow([]);
  }

  if (rowNo + 1 !== headerRowNo) throw new Error('titleRowCount is out of step with the title rows written');
  const headerStyle = (cell: ExcelJS.Cell) => {
    cell.font = { ...FONT, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  };
  if (groups) {
    // Row 1: group titles across their columns; ungrouped columns carry their own header.
    const top: ExcelJS.CellValue[] = columns.map((c) => c.header);
    const bottom: ExcelJS.CellValue[] = columns.map((c) => c.header);
    const merges: [number, number, number, number][] = [];
    let col = 0;
    for (const g of groups) {
      const span = Math.max(1, Math.min(g.span, n - col));
      if (g.title) {
        for (let k = col; k < col + span; k += 1) top[k] = k === col ? g.title : null;
        if (span > 1) merges.push([headerRowNo, col + 1, headerRowNo, col + span]);
      } else {
        for (let k = col; k < col + span; k += 1) {
          bottom[k] = null;
          merges.push([headerRowNo, k + 1, headerRowNo + 1, k + 1]);
        }
      }
      col += span;
      if (col >= n) break;
    }
    for (let k = col; k < n; k += 1) {
      bottom[k] = null;
      merges.push([headerRowNo, k + 1, headerRowNo + 1, k + 1]);
    }
    addRow(top, headerStyle, 22);
    addRow(bottom, headerStyle);
    for (const [r1, c1, r2, c2] of merges) sheet.mergeCells(r1, c1, r2, c2);
    sheet.getRow(rowNo).commit();
  } else {
    addRow(columns.map((c) => c.header), headerStyle).commit();
  }

  // One shared style object per column: exceljs caches style ids by object identity (a WeakMap),
  // so 100k rows cost one lookup each instead of hashing a fresh style per cell (~3x faster).
  const columnStyle = (column: XlsxColumn, bold: boolean): Partial<ExcelJS.Style> => {
    const fmt = numFmt(column);
    const horizontal = column.align ?? (column.type === 'number' || column.type === 'integer' ? 'right' : column.type === 'date' || column.type === 'boolean' ? 'center' : 'left');
    return {
      font: { ...FONT, ...(bold ? { bold: true } : {}) },
      border: BORDER,
      alignment: { vertical: 'top', horizontal, wrapText: true },
      ...(fmt ? { numFmt: fmt } : {}),
    };
  };
  const dataStyles = columns.map((c) => columnStyle(c, false));
  const totalStyles = columns.map((c) => columnStyle(c, true));
  const writeData = (values: ExcelJS.CellValue[], styles: Partial<ExcelJS.Style>[]) => {
    rowNo += 1;
    const row = sheet.getRow(rowNo);
    for (let i = 0; i < values.length; i += 1) {
      const cell = row.getCell(i + 1);
      cell.value = values[i] ?? null;
      cell.style = styles[i]!;
    }
    row.commit();
  };

  const every = Math.max(1, options.progressEvery ?? 1000);
  const total = options.rowCount ?? null;
  let count = 0;
  for await (const row of iterate(options.rows)) {
    writeData(columns.map((c) => cellValue(c, row[c.key])), dataStyles);
    count += 1;
    if (options.onProgress && count % every === 0) await options.onProgress(count, total);
  }
  if (options.totals) {
    const totals = options.totals;
    writeData(columns.map((c) => cellValue(c, totals[c.key])), totalStyles);
  }
  await options.onProgress?.(count, total ?? count);
  sheet.commit();
}

function titleRowCount(title: XlsxTitle | null): number {
  if (!title) return 0;
  let n = 0;
  if (title.parentBody || title.issuingBody) n += (title.parentBody && title.issuingBody ? 2 : 1) + 1;
  return n + 1 + (title.subtitle ? 1 : 0) + 1;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  const clean = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31);
  return clean || 'Sheet1';
}
