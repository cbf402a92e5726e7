/**
 * Streaming XLSX tables (registers, summary tables). With `reader.ts` (which reads with exceljs),
 * the only code that makes spreadsheets.
 *
 * The sheet XML is written here directly (SpreadsheetML: inline strings, a few fixed styles,
 * merged title cells, frozen header, print setup) and deflated chunk by chunk by Node's native
 * zlib (`zip.ts`): rows are pulled from an (async) iterable and turned into XML text, so 100k rows
 * never exist as cell objects. exceljs's streaming writer did the same job ~5x slower (a style
 * lookup, an object and an XML-stream call per cell) — see the models export notes in the README.
 *
 * Dates are real Excel dates shown dd/mm/yyyy; numbers use the format `#,##0`, which Excel
 * displays with the reader's separators (2.360 on a Vietnamese Windows) while staying numbers you
 * can sum.
 */
import { parseIsoDate } from '../../../../shared/text/format';
import { ZipWriter, type ZipEntryStream } from './zip';
import {
  StyleSheet,
  XML_HEAD,
  NS_MAIN,
  NS_REL,
  ROOT_RELS,
  appXml,
  columnLetter,
  contentTypesXml,
  coreXml,
  excelSerial,
  inlineText,
  workbookRelsXml,
  workbookXml,
  type CellStyle,
  type SheetEntry,
} from './spreadsheetml';

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
  /** An explicit Excel number format, e.g. '0' for years (which '#,##0' would show as 2.023). */
  numFmt?: string;
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
  /**
   * A bold totals row after the data (values by column key; e.g. { name: 'Cộng', count: 64 }), or a
   * function of the number of rows written, for streamed rows whose count is known only at the end.
   */
  totals?: XlsxRow | ((rowsWritten: number) => XlsxRow) | null;
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
  /** Filter buttons on the (last) header row over the data rows, totals row left out (default false). */
  autoFilter?: boolean;
}

const DEFAULT_WIDTH = 16;
/**
 * Characters of Vietnamese text in Times New Roman 12 per Excel width unit, less one unit of cell
 * padding: a width of 48 holds ~55 characters, a width of 20 ~18 (LibreOffice's rendering). Erring
 * short costs a blank line now and then; erring long would cut text off.
 */
const CHARS_PER_WIDTH = 1.1;
/** Points per line of Times New Roman 12 (Excel's own row height for that font). */
const LINE_HEIGHT = 15.75;
const MAX_ROW_HEIGHT = 409;

/** Lines a text takes when word-wrapped at `perLine` characters (counted in characters, not glyph widths). */
function wrappedLines(text: string, perLine: number): number {
  // A scan over the spaces and line breaks (no split: this runs for most rows of a register).
  let lines = 1;
  let used = -1; // characters on the current line; -1 when the line is still empty
  let start = 0;
  const end = text.length;
  while (start <= end) {
    let stop = start;
    while (stop < end) {
      const c = text.charCodeAt(stop);
      if (c === 32 || c === 10) break;
      stop += 1;
    }
    const word = stop - start;
    if (used < 0) used = word;
    else if (used + 1 + word <= perLine) used += 1 + word;
    else {
      lines += 1;
      used = word;
    }
    // A word longer than the line is broken across lines.
    while (used > perLine) {
      lines += 1;
      used -= perLine;
    }
    if (stop < end && text.charCodeAt(stop) === 10) {
      lines += 1;
      used = -1;
    }
    start = stop + 1;
  }
  return lines;
}

/** "2023-05-02" / Date → a Date at UTC midnight (Excel has no time zones). */
export function toExcelDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  if (typeof value === 'string') {
    const d = parseIsoDate(value.slice(0, 10));
    return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
  }
  return null;
}

/** What a cell holds once typed: text, a number, a date, or nothing (a styled empty cell). */
type CellValue = string | number | Date | null;

function cellValue(column: XlsxColumn, value: unknown): CellValue {
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
  if (column.numFmt) return column.numFmt;
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

/** One cell's XML. `ref` is the cell reference ("B12"). */
function cellXml(ref: string, style: number, value: CellValue): string {
  if (value === null) return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'string') return `<c r="${ref}" s="${style}" t="inlineStr">${inlineText(value)}</c>`;
  if (typeof value === 'number') return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${style}"><v>${excelSerial(value)}</v></c>`;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Writes one table sheet and returns the .xlsx bytes. */
export function writeTableXlsx(options: TableXlsxOptions): Promise<Uint8Array> {
  return writeTablesXlsx([options]);
}

/** Writes several table sheets (e.g. the summary tables a higher level asks for) into one workbook. */
export async function writeTablesXlsx(sheets: readonly TableXlsxOptions[]): Promise<Uint8Array> {
  const zip = new ZipWriter();
  const styles = new StyleSheet();
  const entries: SheetEntry[] = [];
  const used = new Set<string>();
  for (const [i, options] of sheets.entries()) {
    // Sheet names must be unique (case-insensitive) in a workbook.
    let name = safeSheetName(options.sheetName ?? (sheets.length > 1 ? `Biểu ${i + 1}` : 'Danh sách'));
    for (let k = 2; used.has(name.toLowerCase()); k += 1) name = safeSheetName(`${name.slice(0, 27)} (${k})`);
    used.add(name.toLowerCase());
    const entry = zip.stream(`xl/worksheets/sheet${i + 1}.xml`);
    const printTitles = await writeSheet(entry, styles, options, i === 0);
    await entry.end();
    entries.push({ name, printTitles });
  }
  zip.add('xl/styles.xml', styles.xml());
  zip.add('xl/workbook.xml', workbookXml(entries));
  zip.add('xl/_rels/workbook.xml.rels', workbookRelsXml(entries.length));
  zip.add('[Content_Types].xml', contentTypesXml(entries.length));
  zip.add('_rels/.rels', ROOT_RELS);
  zip.add('docProps/core.xml', coreXml('QCDC Desk'));
  zip.add('docProps/app.xml', appXml('QCDC Desk'));
  return zip.finish();
}

/** Writes the worksheet XML; returns its print-titles rows ("$7:$7") or null. */
async function writeSheet(out: ZipEntryStream, styles: StyleSheet, options: TableXlsxOptions, selected: boolean): Promise<string | null> {
  const columns = options.columns;
  const n = Math.max(1, columns.length);
  const title = options.title ?? null;
  const groups = options.headerGroups?.length ? options.headerGroups : null;
  const headerRowNo = titleRowCount(title) + 1;
  const lastHeaderRowNo = headerRowNo + (groups ? 1 : 0);
  const freeze = options.freezeHeader ?? true;
  const letters = Array.from({ length: n }, (_, i) => columnLetter(i));
  const merges: string[] = [];
  const merge = (r1: number, c1: number, r2: number, c2: number) => {
    merges.push(`${letters[c1 - 1]}${r1}:${letters[c2 - 1]}${r2}`);
  };

  // Head of the worksheet: fit-to-page flag, frozen header, column widths.
  const topLeft = `A${lastHeaderRowNo + 1}`;
  const view = freeze
    ? `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}><pane ySplit="${lastHeaderRowNo}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView>`
    : `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}/>`;
  const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? DEFAULT_WIDTH}" customWidth="1"/>`).join('');
  // Everything above the data rows is collected here and written in one go.
  let head =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`;

  let rowNo = 0;
  /** A row whose every cell gets a style; `style(i)` picks each cell's style. */
  const addRow = (values: CellValue[], style: (i: number) => CellStyle, height?: number) => {
    rowNo += 1;
    let xml = height ? `<row r="${rowNo}" ht="${height}" customHeight="1">` : `<row r="${rowNo}">`;
    for (let i = 0; i < values.length; i += 1) xml += cellXml(`${letters[i]}${rowNo}`, styles.id(style(i)), values[i] ?? null);
    head += `${xml}</row>`;
  };
  const blankRow = () => {
    rowNo += 1;
  };

  if (title) {
    // Left block takes ~half the columns, "ĐẢNG CỘNG SẢN VIỆT NAM" the rest (36-HD/VPTW layout).
    const split = Math.max(1, Math.floor(n / 2));
    const mergeRow = (from: number, to: number) => {
      if (to > from) merge(rowNo, from, rowNo, to);
    };
    const centred: CellStyle = { vertical: 'middle', horizontal: 'center', wrap: true };
    if (title.parentBody || title.issuingBody) {
      const party = title.partyLine ?? true;
      const r1: CellValue[] = Array<CellValue>(n).fill(null);
      r1[0] = title.parentBody ? upper(title.parentBody) : upper(title.issuingBody ?? '');
      if (party && n > 1) r1[split] = 'ĐẢNG CỘNG SẢN VIỆT NAM';
      addRow(r1, (i) => {
        if (i === split && party) return { ...centred, size: 13, bold: true, underline: true };
        if (i === 0 && !title.parentBody) return { ...centred, bold: true };
        return centred;
      });
      mergeRow(1, split);
      if (n > 1) mergeRow(split + 1, n);
      if (title.parentBody && title.issuingBody) {
        const r2: CellValue[] = Array<CellValue>(n).fill(null);
        r2[0] = upper(title.issuingBody);
        if (title.placeDate && n > 1) r2[split] = title.placeDate;
        addRow(
          r2,
          (i) => {
            if (i === 0) return { ...centred, bold: true };
            if (i === split) return { ...centred, italic: true };
            return centred;
          },
          32,
        );
        mergeRow(1, split);
        if (n > 1) mergeRow(split + 1, n);
      }
      blankRow();
    }
    const tRow: CellValue[] = Array<CellValue>(n).fill(null);
    tRow[0] = upper(title.title);
    addRow(tRow, () => ({ ...centred, size: 14, bold: true }), 22);
    mergeRow(1, n);
    if (title.subtitle) {
      const sRow: CellValue[] = Array<CellValue>(n).fill(null);
      sRow[0] = title.subtitle;
      addRow(sRow, () => ({ ...centred, italic: true }));
      mergeRow(1, n);
    }
    blankRow();
  }

  if (rowNo + 1 !== headerRowNo) throw new Error('titleRowCount is out of step with the title rows written');
  const perLine = columns.map((c) => Math.max(1, Math.floor(((c.width ?? DEFAULT_WIDTH) - 1) * CHARS_PER_WIDTH)));
  /** Height for a row of texts that wrap (undefined when one line is enough). */
  const fitHeight = (values: CellValue[]): number | undefined => {
    let lines = 1;
    values.forEach((v, i) => {
      if (typeof v === 'string' && (v.length > perLine[i]! || v.includes('\n'))) lines = Math.max(lines, wrappedLines(v, perLine[i]!));
    });
    return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : undefined;
  };
  const headerStyle = (): CellStyle => ({ bold: true, vertical: 'middle', horizontal: 'center', wrap: true, border: true });
  if (groups) {
    // Row 1: group titles across their columns; ungrouped columns carry their own header.
    const top: CellValue[] = columns.map((c) => c.header);
    const bottom: CellValue[] = columns.map((c) => c.header);
    let col = 0;
    for (const g of groups) {
      const span = Math.max(1, Math.min(g.span, n - col));
      if (g.title) {
        for (let k = col; k < col + span; k += 1) top[k] = k === col ? g.title : null;
        if (span > 1) merge(headerRowNo, col + 1, headerRowNo, col + span);
      } else {
        for (let k = col; k < col + span; k += 1) {
          bottom[k] = null;
          merge(headerRowNo, k + 1, headerRowNo + 1, k + 1);
        }
      }
      col += span;
      if (col >= n) break;
    }
    for (let k = col; k < n; k += 1) {
      bottom[k] = null;
      merge(headerRowNo, k + 1, headerRowNo + 1, k + 1);
    }
    addRow(top, headerStyle, 22);
    addRow(bottom, headerStyle, fitHeight(bottom));
  } else {
    const headers = columns.map((c) => c.header);
    addRow(headers, headerStyle, fitHeight(headers));
  }

  // The data rows: one fixed style index per column, cells as plain string building.
  const columnStyle = (column: XlsxColumn, bold: boolean): number => {
    const fmt = numFmt(column);
    const horizontal = column.align ?? (column.type === 'number' || column.type === 'integer' ? 'right' : column.type === 'date' || column.type === 'boolean' ? 'center' : 'left');
    return styles.id({ bold, border: true, vertical: 'top', horizontal, wrap: true, ...(fmt ? { numFmt: fmt } : {}) });
  };
  const dataStyles = columns.map((c) => columnStyle(c, false));
  const totalStyles = columns.map((c) => columnStyle(c, true));
  // Each row's XML goes straight to the compressor's buffer: no long string is ever built.
  // Neither Excel nor LibreOffice fits a row's height to wrapped text when opening a file, so a
  // long model name would be cut to one line: each row gets the height of its longest text.
  const writeData = (row: XlsxRow, cellStyles: number[]) => {
    rowNo += 1;
    let cells = '';
    let lines = 1;
    for (let i = 0; i < columns.length; i += 1) {
      const column = columns[i]!;
      const value = cellValue(column, row[column.key]);
      if (typeof value === 'string' && (value.length > perLine[i]! || value.includes('\n'))) lines = Math.max(lines, wrappedLines(value, perLine[i]!));
      cells += cellXml(letters[i]! + rowNo, cellStyles[i]!, value);
    }
    const open = lines > 1 ? `<row r="${rowNo}" ht="${Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)}" customHeight="1">` : `<row r="${rowNo}">`;
    return out.write(`${open}${cells}</row>`);
  };
  await out.write(head);

  const every = Math.max(1, options.progressEvery ?? 1000);
  const total = options.rowCount ?? null;
  let count = 0;
  const afterRow = async () => {
    count += 1;
    if (options.onProgress && count % every === 0) await options.onProgress(count, total);
  };
  if (Symbol.asyncIterator in options.rows) {
    for await (const row of options.rows as AsyncIterable<XlsxRow>) {
      await writeData(row, dataStyles);
      await afterRow();
    }
  } else {
    for (const row of options.rows as Iterable<XlsxRow>) {
      await writeData(row, dataStyles);
      await afterRow();
    }
  }
  const lastDataRowNo = rowNo;
  if (options.totals) await writeData(typeof options.totals === 'function' ? options.totals(count) : options.totals, totalStyles);
  await options.onProgress?.(count, total ?? count);

  // Tail: merged cells, then print setup (order fixed by the schema).
  let tail = '</sheetData>';
  // The schema puts autoFilter after sheetData and before mergeCells.
  if (options.autoFilter) tail += `<autoFilter ref="A${lastHeaderRowNo}:${letters[n - 1]}${Math.max(lastDataRowNo, lastHeaderRowNo)}"/>`;
  if (merges.length) tail += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  tail +=
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${n > 6 ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/></worksheet>`;
  await out.write(tail);
  return freeze ? `$${headerRowNo}:$${lastHeaderRowNo}` : null;
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
