import { normalizeText } from '../../../../shared/text/vietnamese';
import { detectEncoding, looksLikeCsv, readCsvSheet, readWorkbook, readXlsSheets, toUnicode, type ImportSheet, type ImportWorkbook, type TextEncoding } from '../../export/import';
import { sniffSpreadsheet, type RawSheet } from '../../export/xlsx/reader';
import { readXlsxValues } from './xlsxFast';
import { AppError } from '../../errors';

/*
 * Reads an uploaded .xlsx into plain text grids (one per visible sheet) through the shared import
 * engine (export/import): it refuses .xls and broken files with Vietnamese messages, fills merged
 * cells, turns dates into ISO text, and converts legacy TCVN3/VNI text to Unicode.
 */

export interface SheetGrid {
  name: string;
  /** rows[i] is Excel row i + 1; cells[j] is column j + 1. */
  rows: string[][];
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
  encoding: 'none' | 'tcvn3' | 'vni';
}

function cellText(value: ImportSheet['rows'][number][number] | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'x' : '';
  if (typeof value === 'number') return String(value);
  return normalizeText(value);
}

/**
 * The workbook's sheets with legacy text converted: the direct reader (xlsxFast.ts) when it
 * understands the file, otherwise the shared exceljs engine, which also refuses bad files with its
 * Vietnamese messages.
 */
async function readBook(bytes: Uint8Array): Promise<ImportWorkbook> {
  const kind = sniffSpreadsheet(bytes);
  // A CSV list is one sheet; anything else that is not a workbook gets the engine's refusal.
  if (kind === 'unknown' && looksLikeCsv(bytes)) return convertLegacy([readCsvSheet(bytes)]);
  if (kind === 'xls') {
    const sheets = readXlsSheets(bytes);
    if (!sheets.some((sh) => sh.rows.some((r) => r.some((v) => v !== null && v !== '')))) throw new AppError('VALIDATION', 'Tệp Excel không có dữ liệu (các trang tính đều trống).');
    return convertLegacy(sheets);
  }
  if (kind === 'xlsx') {
    let sheets: RawSheet[] | null = null;
    try {
      sheets = readXlsxValues(bytes);
    } catch {
      sheets = null; // a file the direct reader does not know: exceljs decides
    }
    if (sheets && sheets.some((sh) => sh.rows.some((r) => r.some((v) => v !== null && v !== '')))) return convertLegacy(sheets);
  }
  return readWorkbook(bytes);
}

/** As export/import readWorkbook does: fonts decide first (.VnTime → TCVN3, VNI-* → VNI), then the text. */
function convertLegacy(sheets: RawSheet[]): ImportWorkbook {
  let tcvn3 = 0;
  let vni = 0;
  let total = 0;
  for (const sh of sheets) {
    for (const [font, n] of Object.entries(sh.textFonts)) {
      total += n;
      if (/^\.vn/i.test(font)) tcvn3 += n;
      else if (/^vni[- ]/i.test(font)) vni += n;
    }
  }
  const fromFonts: TextEncoding | null = total === 0 ? null : tcvn3 * 2 > total ? 'tcvn3' : vni * 2 > total ? 'vni' : null;
  const texts = function* () {
    for (const sh of sheets) for (const r of sh.rows) for (const v of r) if (typeof v === 'string') yield v;
  };
  const encoding = fromFonts ?? detectEncoding(texts());
  if (encoding !== 'unicode') {
    for (const sh of sheets) {
      sh.name = toUnicode(sh.name, encoding);
      for (const r of sh.rows) for (let i = 0; i < r.length; i++) if (typeof r[i] === 'string') r[i] = toUnicode(r[i] as string, encoding);
      if (encoding === 'tcvn3') {
        for (const [r, c] of sh.capitalsFontCells) {
          const v = sh.rows[r]?.[c];
          if (typeof v === 'string') sh.rows[r]![c] = v.toLocaleUpperCase('vi');
        }
      }
    }
  }
  return { sheets, encoding };
}

export async function readWorkbookGrids(bytes: Uint8Array): Promise<WorkbookGrids> {
  const book = await readBook(bytes);
  const sheets = book.sheets
    .filter((s) => !s.hidden)
    .map((s) => {
      const width = Math.min(200, s.rows.reduce((w, r) => Math.max(w, r.length), 0));
      return { name: s.name, rows: s.rows.map((r) => Array.from({ length: width }, (_, j) => cellText(r[j]))) };
    });
  return { sheets, encoding: book.encoding === 'unicode' ? 'none' : book.encoding };
}
