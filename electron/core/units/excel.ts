import { AppError } from '../errors';
import { foldText, normalizeText } from '../../../shared/text/vietnamese';
import { parseVietnameseDate, isIsoDate } from '../../../shared/text/format';
import { readWorkbook } from '../export/import';
import type { SheetCell } from '../export/xlsx/reader';

/*
 * The Excel edge of the organisation feature: reading a sheet into text cells, finding the header
 * and mapping columns by their folded names (units send lists with title rows above the header,
 * a "(1) (2) …" numbering row, stray spaces). Reading goes through the shared tolerant reader
 * (export/import), so lists typed in TCVN3 (.VnTime) or VNI fonts arrive as Unicode, as model
 * registers do. Exports go through the shared writer (export/xlsx).
 */

export interface SheetText {
  sheetName: string;
  /** rows[r][c], both 0-based; r + 1 is the row number Excel shows. */
  rows: string[][];
  /** The encoding the text was found in ('unicode', 'tcvn3', 'vni'); legacy text is already converted. */
  encoding: string;
}

function cellToText(value: SheetCell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'x' : '';
  return String(value); // dates arrive as ISO strings, which parseDateCell accepts
}

/** Reads the first non-empty visible worksheet as trimmed NFC text. */
export async function readSheet(bytes: Uint8Array): Promise<SheetText> {
  let book;
  try {
    book = await readWorkbook(bytes);
  } catch (error) {
    if (error instanceof AppError) throw new AppError('VALIDATION', error.message, { bytes: error.message });
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel: tệp hỏng hoặc không phải định dạng .xlsx.', { bytes: 'Tệp không phải .xlsx hợp lệ.' });
  }
  const hasData = (rows: SheetCell[][]) => rows.some((r) => r.some((v) => v !== null && v !== ''));
  const sheet = book.sheets.find((s) => !s.hidden && hasData(s.rows)) ?? book.sheets.find((s) => hasData(s.rows));
  if (!sheet) throw new AppError('VALIDATION', 'Tệp Excel không có dữ liệu.', { bytes: 'Tệp trống.' });
  const rows = sheet.rows.map((r) => Array.from(r, (v) => normalizeText(cellToText(v ?? null))));
  return { sheetName: sheet.name, rows, encoding: book.encoding };
}

export interface FieldSpec {
  key: string;
  label: string;
  /** Folded header texts that name this field; a header matches when it equals or starts with one. */
  aliases: string[];
  required?: boolean;
}

export interface HeaderMatch {
  headerRow: number; // 0-based
  headers: Array<{ index: number; label: string }>; // index 1-based
  mapping: Record<string, number | null>; // 1-based column
}

const foldHeader = (s: string) => foldText(s).replace(/[.:*()]/g, ' ').replace(/\s+/g, ' ').trim();

function matchField(header: string, spec: FieldSpec): number {
  const h = foldHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const alias of spec.aliases) {
    if (h === alias) best = Math.max(best, 3);
    else if (h.startsWith(alias)) best = Math.max(best, 2);
    else if (alias.length > 4 && h.includes(alias)) best = Math.max(best, 1);
  }
  return best;
}

/** Finds the header row among the first 20 rows (most fields recognised) and maps each field to a column. */
export function detectHeader(sheet: SheetText, fields: FieldSpec[], override?: Record<string, number | null>, requireAll = true): HeaderMatch {
  let bestRow = -1;
  let bestScore = 0;
  for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    const score = fields.filter((f) => row.some((cell) => matchField(cell, f) > 0)).length;
    if (score > bestScore) {
      bestScore = score;
      bestRow = r;
    }
  }
  const required = fields.filter((f) => f.required);
  if (bestRow < 0) {
    throw new AppError('VALIDATION', `Không tìm thấy dòng tiêu đề; cần có cột ${required.map((f) => `"${f.label}"`).join(', ')}.`);
  }
  const row = sheet.rows[bestRow] ?? [];
  const mapping: Record<string, number | null> = {};
  const used = new Set<number>();
  // Strongest matches first so "Phó Trưởng ban" columns do not steal "Họ và tên".
  const candidates: Array<{ key: string; col: number; score: number }> = [];
  for (const f of fields) row.forEach((cell, c) => {
    const s = matchField(cell, f);
    if (s > 0) candidates.push({ key: f.key, col: c + 1, score: s });
  });
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);
  for (const c of candidates) {
    if (mapping[c.key] !== undefined || used.has(c.col)) continue;
    mapping[c.key] = c.col;
    used.add(c.col);
  }
  for (const f of fields) if (mapping[f.key] === undefined) mapping[f.key] = null;
  if (override) for (const [k, v] of Object.entries(override)) if (k in mapping) mapping[k] = v;
  const missing = required.filter((f) => !mapping[f.key]);
  if (missing.length && requireAll) {
    throw new AppError('VALIDATION', `Không tìm thấy cột ${missing.map((f) => `"${f.label}"`).join(', ')} trong dòng tiêu đề (dòng ${bestRow + 1}).`, {
      mapping: 'Chưa xác định được cột bắt buộc.',
    });
  }
  return {
    headerRow: bestRow,
    headers: row.map((label, i) => ({ index: i + 1, label })).filter((h) => h.label),
    mapping,
  };
}

/** Data rows after the header: skips empty rows, the "(1) (2) (3)" numbering row and totals rows ("Cộng"). */
export function dataRows(sheet: SheetText, match: HeaderMatch): Array<{ rowNumber: number; get: (key: string) => string }> {
  const out: Array<{ rowNumber: number; get: (key: string) => string }> = [];
  for (let r = match.headerRow + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const nonEmpty = row.filter(Boolean);
    if (nonEmpty.length === 0) continue;
    if (nonEmpty.every((c) => /^\(?\d+\)?$/.test(c)) && nonEmpty.length >= 2 && nonEmpty.some((c) => c.startsWith('('))) continue;
    const first = foldText(nonEmpty[0] ?? '');
    if (/^(tong )?cong\b/.test(first) && nonEmpty.length <= 3) continue;
    out.push({
      rowNumber: r + 1,
      get: (key) => {
        const col = match.mapping[key];
        return col ? (row[col - 1] ?? '') : '';
      },
    });
  }
  return out;
}

/** "16/12/2022", "2022-12-16" → ISO; '' → null; anything else → undefined (an error). */
export function parseDateCell(value: string): string | null | undefined {
  if (!value) return null;
  if (isIsoDate(value)) return value;
  return parseVietnameseDate(value) ?? undefined;
}

