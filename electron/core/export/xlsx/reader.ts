/**
 * Reads .xlsx bytes into plain values (with writer.ts, the only code that touches exceljs).
 *
 * Every cell comes out as `string | number | boolean | null`, dates as ISO `YYYY-MM-DD` strings
 * (`YYYY-MM-DDTHH:mm` when a time is present), rich text flattened, formulas as their cached
 * result, hyperlinks as their text, error values as null, and cells covered by a merge carry the
 * value of the merge's top-left cell (`mergedFrom` tells which).
 *
 * Files are checked by magic bytes before exceljs sees them, so a renamed .xls, a password-
 * protected workbook (an encrypted OLE container) or a random file gets a clear Vietnamese message.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../errors';

export type SheetCell = string | number | boolean | null;

export interface RawSheet {
  name: string;
  /** rows[r][c], 0-based; rows[0] is Excel row 1. Trailing empty rows are dropped. */
  rows: SheetCell[][];
  /** Merged ranges, 0-based inclusive. */
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Hidden sheets are still read; callers usually skip them. */
  hidden: boolean;
  /** How many text cells use each font ("Times New Roman", ".VnTime", "VNI-Times"…): legacy-encoding evidence. */
  textFonts: Record<string, number>;
  /** Text cells (0-based [row, col]) in a legacy capitals-only font (".VnTimeH", ".VnArialH"). */
  capitalsFontCells: [number, number][];
}

export type FileKind = 'xlsx' | 'ole-encrypted' | 'xls' | 'empty' | 'unknown';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** What the bytes are, from their signature (never from the file name). */
export function sniffSpreadsheet(bytes: Uint8Array): FileKind {
  if (bytes.byteLength === 0) return 'empty';
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) {
    // Office puts password-protected .xlsx in an OLE container with EncryptionInfo/EncryptedPackage.
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) return 'ole-encrypted';
    return 'xls';
  }
  return 'unknown';
}

const MESSAGES: Record<Exclude<FileKind, 'xlsx'>, string> = {
  empty: 'Tệp rỗng (0 byte). Hãy chọn lại tệp Excel.',
  'ole-encrypted': 'Tệp Excel đang được đặt mật khẩu. Hãy mở tệp bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại và chọn lại.',
  xls: 'Đây là tệp Excel định dạng cũ (.xls). Hãy mở bằng Excel và chọn "Lưu thành" kiểu "Sổ làm việc Excel (*.xlsx)", rồi chọn lại tệp .xlsx.',
  unknown: 'Tệp không phải là tệp Excel (.xlsx). Hãy chọn đúng tệp danh sách dạng Excel.',
};

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Excel dates arrive as JS Dates at UTC; keep the calendar day (and the time when there is one). */
export function dateToIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${day}T${pad(h)}:${pad(m)}` : day;
}

type ExcelValue = ExcelJS.CellValue | undefined;

/** Flattens any exceljs cell value to a plain value. */
export function plainValue(value: ExcelValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToIso(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && result !== null && 'error' in result) return null;
      return plainValue(result as ExcelValue);
    }
    if ('hyperlink' in value) {
      const text = (value as { text?: unknown }).text;
      if (typeof text === 'string') return text;
      if (text && typeof text === 'object' && 'richText' in text) return plainValue(text as ExcelValue);
      return String((value as { hyperlink: string }).hyperlink);
    }
    if ('error' in value) return null;
  }
  return null;
}

function decodeRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]!), bottom: Number(m[4]) - 1, right: col(m[3]!) };
}

/** Reads every worksheet of an .xlsx file. Throws AppError('VALIDATION', …) for files it cannot read. */
export async function readXlsxSheets(bytes: Uint8Array): Promise<RawSheet[]> {
  const kind = sniffSpreadsheet(bytes);
  if (kind !== 'xlsx') throw new AppError('VALIDATION', MESSAGES[kind]);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải sổ làm việc Excel (.xlsx). Hãy mở bằng Excel, lưu lại rồi chọn lại.');
  }
  const sheets: RawSheet[] = [];
  workbook.eachSheet((ws) => {
    const rows: SheetCell[][] = [];
    const textFonts: Record<string, number> = {};
    const capitalsFontCells: [number, number][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: SheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // Merged slave cells report the master's value in exceljs; we fill merges below anyway.
        if (cell.isMerged && cell.master !== cell) return;
        const value = plainValue(cell.value);
        values[colNumber - 1] = value;
        if (typeof value === 'string' && /[^\x00-\x7f]/.test(value)) {
          const font = cell.font?.name;
          if (font) {
            textFonts[font] = (textFonts[font] ?? 0) + 1;
            // TCVN3 has no capital toned letters: ".VnTimeH" draws lowercase codes as capitals.
            if (/^\.vn.*h$/i.test(font)) capitalsFontCells.push([rowNumber - 1, colNumber - 1]);
          }
        }
      });
      for (let i = 0; i < values.length; i += 1) if (values[i] === undefined) values[i] = null;
      rows[rowNumber - 1] = values;
    });
    for (let i = 0; i < rows.length; i += 1) if (!rows[i]) rows[i] = [];
    const mergeRanges = ((ws as unknown as { model?: { merges?: string[] } }).model?.merges ?? [])
      .map(decodeRange)
      .filter((r): r is NonNullable<typeof r> => r !== null);
    for (const m of mergeRanges) {
      const master = rows[m.top]?.[m.left] ?? null;
      for (let r = m.top; r <= m.bottom; r += 1) {
        const row = (rows[r] ??= []);
        for (let c = m.left; c <= m.right; c += 1) {
          if (r === m.top && c === m.left) continue;
          while (row.length < c) row.push(null);
          row[c] = master;
        }
      }
    }
    for (let i = 0; i < rows.length; i += 1) if (!rows[i]) rows[i] = [];
    while (rows.length && rows[rows.length - 1]!.every((v) => v === null || v === '')) rows.pop();
    sheets.push({ name: ws.name, rows, merges: mergeRanges, hidden: ws.state !== 'visible', textFonts, capitalsFontCells });
  });
  return sheets;
}
