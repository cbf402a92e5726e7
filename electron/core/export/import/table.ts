/**
 * Tolerant table import: "Excel files as units really send them" (fixtures/README.md).
 *
 *   const book = await readWorkbook(bytes);                 // sheets of plain values, legacy text converted
 *   const header = detectHeader(book.sheets[0], FIELDS);    // header row under the title rows
 *   const mapping = mapColumns(header, FIELDS, saved);      // { fieldKey → column } + unmapped columns
 *   const { rows, skipped } = readRows(sheet, header, mapping);  // data rows with Excel row numbers
 *
 * or all at once, across "one sheet per unit" files: `importTable(bytes, FIELDS, { mapping })`.
 * Matching is on folded text (no case, no diacritics, đ → d, punctuation as spaces), so
 * "TT", "Tt", "STT", "Số TT" and "Đơn vị", "don vi", "ĐƠN VỊ ĐĂNG KÝ" all find their field.
 */
import { foldText } from '../../../../shared/text/vietnamese';
import { readXlsxSheets, type RawSheet, type SheetCell } from '../xlsx/reader';
import { AppError } from '../../errors';
import { detectEncoding, toUnicode, type TextEncoding } from './legacy';

export interface FieldSpec {
  key: string;
  /** What the mapping step shows ("Tên mô hình"). */
  label: string;
  /** Header texts that mean this field; folded before comparing ("Tên mô hình", "Mô hình"). */
  aliases: readonly string[];
  required?: boolean;
}

export interface ImportSheet extends RawSheet {}

export interface ImportWorkbook {
  sheets: ImportSheet[];
  /** The encoding the text was found in; legacy text has been converted to Unicode. */
  encoding: TextEncoding;
}

export interface HeaderColumn {
  /** 0-based column index. */
  index: number;
  /** The header text as shown (two header rows joined with " - "). */
  text: string;
}

export interface HeaderMatch {
  /** 0-based indexes of the header rows (one or two). */
  rows: number[];
  /** Excel row number (1-based) of the first header row. */
  rowNumber: number;
  /** First row after the header (0-based). */
  firstDataRow: number;
  columns: HeaderColumn[];
  /** Field → column as detected. */
  detected: Record<string, number>;
  /** How many fields matched. */
  score: number;
}

export interface ColumnMapping {
  /** fieldKey → 0-based column index, or null when not present. */
  fields: Record<string, number | null>;
  /** Columns no field uses (the mapping step offers them). */
  unmapped: HeaderColumn[];
  /** Required fields without a column. */
  missing: string[];
}

export type SkipReason = 'empty' | 'numbering' | 'totals' | 'header' | 'section';

export interface DataRow {
  sheet: string;
  /** Excel row number (1-based), for messages like "Dòng 12: thiếu tên mô hình". */
  rowNumber: number;
  cells: SheetCell[];
  /** Values by field key (raw cell values; use the normalisers). */
  values: Record<string, SheetCell>;
  /** The last section line above the row ("I. ĐẢNG BỘ XÃ YÊN ĐĨNH"), if the sheet groups rows. */
  section: string | null;
}

export interface SkippedRow {
  sheet: string;
  rowNumber: number;
  reason: SkipReason;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Reads an uploaded workbook. Fails with a Vietnamese VALIDATION AppError for empty, broken,
 * password-protected, old .xls or non-Excel files, and for workbooks without any data.
 * TCVN3 / VNI text is detected across the workbook and converted to Unicode.
 */
export async function readWorkbook(bytes: Uint8Array, options: { convertLegacy?: boolean } = {}): Promise<ImportWorkbook> {
  const sheets = await readXlsxSheets(bytes);
  const withData = sheets.filter((s) => s.rows.some((r) => r.some((v) => v !== null && v !== '')));
  if (withData.length === 0) throw new AppError('VALIDATION', 'Tệp Excel không có dữ liệu (các trang tính đều trống).');
  const texts = function* () {
    for (const s of sheets) for (const r of s.rows) for (const v of r) if (typeof v === 'string') yield v;
  };
  const encoding = options.convertLegacy === false ? 'unicode' : encodingFromFonts(sheets) ?? detectEncoding(texts());
  if (encoding !== 'unicode') {
    for (const s of sheets) {
      s.name = toUnicode(s.name, encoding);
      for (const r of s.rows) for (let i = 0; i < r.length; i += 1) if (typeof r[i] === 'string') r[i] = toUnicode(r[i] as string, encoding);
      if (encoding === 'tcvn3') {
        for (const [r, c] of s.capitalsFontCells) {
          const v = s.rows[r]?.[c];
          if (typeof v === 'string') s.rows[r]![c] = v.toLocaleUpperCase('vi');
        }
      }
    }
  }
  return { sheets, encoding };
}

/**
 * The fonts say it best: text typed in ".VnTime"/".VnArial…" is TCVN3, in "VNI-…" is VNI. Decides
 * only when legacy-font text cells are the majority of text cells with non-ASCII letters.
 */
function encodingFromFonts(sheets: RawSheet[]): TextEncoding | null {
  let tcvn3 = 0;
  let vni = 0;
  let total = 0;
  for (const s of sheets) {
    for (const [font, n] of Object.entries(s.textFonts)) {
      total += n;
      if (/^\.vn/i.test(font)) tcvn3 += n;
      else if (/^vni[- ]/i.test(font)) vni += n;
    }
  }
  if (total === 0) return null;
  if (tcvn3 * 2 > total) return 'tcvn3';
  if (vni * 2 > total) return 'vni';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Header detection

/** Folded, punctuation as spaces: "Mới / Duy trì" → "moi duy tri"; "S.T.T" → "s t t". */
export function foldHeader(value: SheetCell | undefined): string {
  if (value === null || value === undefined) return '';
  return foldText(String(value))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** 3 = same text, 2 = the alias is a whole-word part of the header, 0 = no match. */
function aliasScore(header: string, alias: string): number {
  if (!header || !alias) return 0;
  if (header === alias) return 3;
  if (alias.length >= 3 || alias.includes(' ')) {
    if (` ${header} `.includes(` ${alias} `)) return 2;
  }
  return 0;
}

function fieldScore(candidates: string[], field: { aliases: string[] }): number {
  let best = 0;
  for (const c of candidates) for (const a of field.aliases) best = Math.max(best, aliasScore(c, a));
  return best;
}

interface Assignment {
  detected: Record<string, number>;
  score: number;
  weight: number;
}

/** Greedy one-to-one assignment, strongest (exact) matches first, then left to right. */
function assign(columnCandidates: string[][], fields: { key: string; aliases: string[] }[]): Assignment {
  const pairs: { key: string; col: number; s: number }[] = [];
  fields.forEach((f) => {
    columnCandidates.forEach((cands, col) => {
      const s = fieldScore(cands, f);
      if (s > 0) pairs.push({ key: f.key, col, s });
    });
  });
  pairs.sort((a, b) => b.s - a.s || a.col - b.col);
  const detected: Record<string, number> = {};
  const used = new Set<number>();
  let weight = 0;
  for (const p of pairs) {
    if (p.key in detected || used.has(p.col)) continue;
    detected[p.key] = p.col;
    used.add(p.col);
    weight += p.s;
  }
  return { detected, score: Object.keys(detected).length, weight };
}

function rowWidth(sheet: RawSheet, rows: number[]): number {
  return Math.max(0, ...rows.map((r) => sheet.rows[r]?.length ?? 0));
}

function text(value: SheetCell | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * Finds the header among the first `scanRows` rows (default 15): the row whose cells match the
 * most fields (ties → the earlier row). A two-row header (group titles merged above sub-titles,
 * e.g. "Kết quả" over "Tập thể" | "Cá nhân") is taken when the pair matches more fields than
 * either row alone. Returns null when fewer than `minFields` (default min(2, fields)) match.
 */
export function detectHeader(sheet: RawSheet, fieldSpecs: readonly FieldSpec[], options: { scanRows?: number; minFields?: number } = {}): HeaderMatch | null {
  const fields = fieldSpecs.map((f) => ({ key: f.key, aliases: [...new Set([f.label, ...f.aliases].map(foldHeader).filter(Boolean))] }));
  const scan = Math.min(sheet.rows.length, options.scanRows ?? 15);
  const minFields = options.minFields ?? Math.min(2, fields.length);
  let best: { rows: number[]; a: Assignment } | null = null;
  const better = (a: Assignment, rows = 1) =>
    !best || a.score > best.a.score || (a.score === best.a.score && (a.weight > best.a.weight || (rows > best.rows.length && a.weight === best.a.weight)));

  for (let r = 0; r < scan; r += 1) {
    const width = rowWidth(sheet, [r]);
    const single = assign(Array.from({ length: width }, (_, c) => [foldHeader(sheet.rows[r]?.[c])]), fields);
    if (better(single)) best = { rows: [r], a: single };
    if (r + 1 < sheet.rows.length) {
      const w2 = rowWidth(sheet, [r, r + 1]);
      const pairCands = Array.from({ length: w2 }, (_, c) => {
        const top = foldHeader(sheet.rows[r]?.[c]);
        const bottom = foldHeader(sheet.rows[r + 1]?.[c]);
        return top === bottom ? [top] : [`${top} ${bottom}`.trim(), bottom, top];
      });
      const pair = assign(pairCands, fields);
      const next = assign(Array.from({ length: w2 }, (_, c) => [foldHeader(sheet.rows[r + 1]?.[c])]), fields);
      // Vertically merged header cells repeat their text in the lower row, so that row alone can
      // score as well as the pair: the merge says the two rows form one header.
      const linked = sheet.merges.some((m) => m.top <= r && m.bottom >= r + 1);
      if (pair.score > single.score && (pair.score > next.score || (linked && pair.score === next.score)) && better(pair, 2)) {
        best = { rows: [r, r + 1], a: pair };
      }
    }
  }
  if (!best || best.a.score < minFields) return null;
  const rows = best.rows;
  const width = rowWidth(sheet, rows);
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < width; c += 1) {
    const parts = rows.map((r) => text(sheet.rows[r]?.[c])).filter(Boolean);
    const unique = parts.filter((p, i) => parts.indexOf(p) === i);
    columns.push({ index: c, text: unique.join(' - ') });
  }
  return { rows, rowNumber: rows[0]! + 1, firstDataRow: rows[rows.length - 1]! + 1, columns, detected: best.a.detected, score: best.a.score };
}

/**
 * The column for each field: the detected one unless the user's mapping says otherwise
 * (`override[field] = columnIndex`, or null for "not in this file"). Columns outside the header
 * are ignored. Lists columns no field uses and required fields left without a column.
 */
export function mapColumns(header: HeaderMatch, fieldSpecs: readonly FieldSpec[], override: Record<string, number | null> = {}): ColumnMapping {
  const fields: Record<string, number | null> = {};
  const width = header.columns.length;
  for (const f of fieldSpecs) {
    const chosen = f.key in override ? override[f.key] : header.detected[f.key];
    fields[f.key] = chosen !== undefined && chosen !== null && chosen >= 0 && chosen < width ? chosen : null;
  }
  const used = new Set(Object.values(fields).filter((v): v is number => v !== null));
  const unmapped = header.columns.filter((c) => !used.has(c.index) && c.text !== '');
  const missing = fieldSpecs.filter((f) => f.required && fields[f.key] === null).map((f) => f.key);
  return { fields, unmapped, missing };
}

/**
 * A mapping to remember: field → folded header text (not the column index, which changes when a
 * unit inserts a column). Store it per import kind and give it back with `recallMapping`.
 */
export function rememberMapping(header: HeaderMatch, mapping: ColumnMapping): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [key, col] of Object.entries(mapping.fields)) {
    out[key] = col === null ? null : foldHeader(header.columns[col]?.text ?? '') || null;
  }
  return out;
}

/**
 * Turns a remembered mapping back into column indexes for this file's header: a field whose
 * remembered header text is present maps to that column; a field remembered as "not in the file"
 * (null) stays unmapped; anything else is left to detection. Pass the result as `override`.
 */
export function recallMapping(header: HeaderMatch, remembered: Record<string, string | null> | null | undefined): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  if (!remembered) return out;
  const byText = new Map<string, number>();
  for (const c of header.columns) {
    const folded = foldHeader(c.text);
    if (folded && !byText.has(folded)) byText.set(folded, c.index);
  }
  for (const [key, text] of Object.entries(remembered)) {
    if (text === null) out[key] = null;
    else if (byText.has(text)) out[key] = byText.get(text)!;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Rows

const TOTALS = /^(tong cong|cong|tong so|tong|cong toan bo|tong cong toan bo)( toan (huyen|tinh|xa|don vi))?( \d+.*)?$/;

function isEmpty(row: SheetCell[] | undefined): boolean {
  return !row || row.every((v) => v === null || (typeof v === 'string' && v.trim() === ''));
}

/** "(1) (2) (3) …", "1 2 3 4 …" or "A B 1 2 …" — the column numbering printed under headers. */
export function isNumberingRow(row: SheetCell[]): boolean {
  const filled = row.filter((v) => v !== null && text(v) !== '');
  if (filled.length < 2) return false;
  if (filled.every((v) => /^\(\s*[0-9a-zA-Z]{1,3}\s*\)$/.test(text(v)))) return true;
  const nums = filled.map((v) => (typeof v === 'number' ? v : /^\d{1,2}$/.test(text(v)) ? Number(text(v)) : NaN));
  if (nums.some((n) => Number.isNaN(n)) || filled.length < 3) return false;
  return nums.every((n, i) => i === 0 || n === nums[i - 1]! + 1);
}

function isTotalsRow(row: SheetCell[]): boolean {
  const firstTexts = row.filter((v) => v !== null && text(v) !== '').slice(0, 3);
  return firstTexts.some((v) => typeof v === 'string' && TOTALS.test(foldHeader(v)));
}

/**
 * Data rows under the header, with their Excel row numbers. Skips empty rows, the numbering row
 * "(1) (2) (3)…", repeated header rows (multi-page sheets), totals rows ("Cộng", "Tổng cộng",
 * "Tổng số") and section lines (a single filled cell while the first mapped column is empty,
 * e.g. "I. ĐẢNG BỘ XÃ YÊN ĐĨNH"; remembered in `section`).
 */
export function* iterateRows(sheet: RawSheet, header: HeaderMatch, mapping: ColumnMapping, skipped?: SkippedRow[]): Generator<DataRow> {
  const headerFolded = header.columns.map((c) => foldHeader(c.text.split(' - ').pop() ?? ''));
  const mapped = Object.entries(mapping.fields).filter((e): e is [string, number] => e[1] !== null);
  let section: string | null = null;
  const skip = (r: number, reason: SkipReason) =>
    skipped?.push({ sheet: sheet.name, rowNumber: r + 1, reason, text: (sheet.rows[r] ?? []).map(text).filter(Boolean).join(' | ').slice(0, 200) });

  for (let r = header.firstDataRow; r < sheet.rows.length; r += 1) {
    const row = sheet.rows[r] ?? [];
    if (isEmpty(row)) {
      skip(r, 'empty');
      continue;
    }
    if (isNumberingRow(row)) {
      skip(r, 'numbering');
      continue;
    }
    const folded = row.map((v) => foldHeader(v));
    const sameAsHeader = folded.filter((f, i) => f !== '' && f === headerFolded[i]).length;
    if (sameAsHeader >= Math.max(2, Math.ceil(header.score / 2))) {
      skip(r, 'header');
      continue;
    }
    if (isTotalsRow(row)) {
      skip(r, 'totals');
      continue;
    }
    const filled = row.filter((v) => v !== null && text(v) !== '');
    const mappedFilled = mapped.filter(([, c]) => text(row[c]) !== '').length;
    if (filled.length === 1 && typeof filled[0] === 'string' && mappedFilled <= 1 && mapped.length > 2) {
      section = text(filled[0]);
      skip(r, 'section');
      continue;
    }
    const values: Record<string, SheetCell> = {};
    for (const [key, c] of mapped) values[key] = row[c] ?? null;
    yield { sheet: sheet.name, rowNumber: r + 1, cells: row, values, section };
  }
}

export function readRows(sheet: RawSheet, header: HeaderMatch, mapping: ColumnMapping): { rows: DataRow[]; skipped: SkippedRow[] } {
  const skipped: SkippedRow[] = [];
  const rows = [...iterateRows(sheet, header, mapping, skipped)];
  return { rows, skipped };
}

// ---------------------------------------------------------------------------------------------
// All together

export interface ImportedSheet {
  name: string;
  header: HeaderMatch;
  mapping: ColumnMapping;
  rows: DataRow[];
  skipped: SkippedRow[];
}

export interface ImportedTable {
  encoding: TextEncoding;
  sheets: ImportedSheet[];
  /** Sheets without a recognisable header (names), e.g. a cover or notes sheet. */
  ignoredSheets: string[];
  /** All data rows of all sheets, in order. */
  rows: DataRow[];
}

/**
 * Reads a workbook and every visible sheet that has a header for these fields (files with one
 * sheet per unit), applying the same user mapping to each. Throws a VALIDATION AppError when no
 * sheet has a recognisable header.
 */
export async function importTable(bytes: Uint8Array, fieldSpecs: readonly FieldSpec[], options: { mapping?: Record<string, number | null>; sheet?: string; convertLegacy?: boolean } = {}): Promise<ImportedTable> {
  const book = await readWorkbook(bytes, options.convertLegacy === undefined ? {} : { convertLegacy: options.convertLegacy });
  const sheets: ImportedSheet[] = [];
  const ignoredSheets: string[] = [];
  for (const sheet of book.sheets) {
    if (options.sheet ? sheet.name !== options.sheet : sheet.hidden) continue;
    const header = detectHeader(sheet, fieldSpecs);
    if (!header) {
      ignoredSheets.push(sheet.name);
      continue;
    }
    const mapping = mapColumns(header, fieldSpecs, options.mapping);
    const { rows, skipped } = readRows(sheet, header, mapping);
    sheets.push({ name: sheet.name, header, mapping, rows, skipped });
  }
  if (sheets.length === 0) {
    const expected = fieldSpecs.slice(0, 4).map((f) => `"${f.label}"`).join(', ');
    throw new AppError('VALIDATION', `Không tìm thấy dòng tiêu đề của bảng trong tệp (cần các cột như ${expected}). Hãy kiểm tra tệp hoặc chọn cột thủ công.`);
  }
  return { encoding: book.encoding, sheets, ignoredSheets, rows: sheets.flatMap((s) => s.rows) };
}
