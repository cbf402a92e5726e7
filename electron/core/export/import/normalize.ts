/**
 * Value normalisers for cells as units really type them (fixtures/README.md): stray and
 * non-breaking spaces, NFD letters, "x"/"X"/"có" ticks, "TT"/"Tập thể", dates typed as text or
 * stored as Excel serials, numbers with "." thousands and "," decimals.
 * Each returns null when the cell is empty and `undefined`-free results, so callers can tell
 * "empty" from "unreadable" (`parseKind` → null + a check of `cleanText`).
 */
import { foldText, normalizeText } from '../../../../shared/text/vietnamese';
import { isIsoDate, parseVietnameseDate } from '../../../../shared/text/format';
import type { SheetCell } from '../xlsx/reader';

/** Trimmed NFC text with single spaces; null when empty. Numbers become their plain digits. */
export function cleanText(value: SheetCell | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = normalizeText(typeof value === 'number' ? String(value) : String(value));
  return text === '' ? null : text;
}

const TRUE_WORDS = new Set(['x', 'co', 'yes', 'y', 'v', '1', 'true', 'dat', 'da', '✓', '✔', '+']);
const FALSE_WORDS = new Set(['khong', 'no', 'n', '0', 'false', '-', 'chua']);

/** "x", "X", "có", "✓", 1, true → true; "không", 0, false → false; empty → false; anything else → null. */
export function parseTick(value: SheetCell | undefined): boolean | null {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  const folded = foldText(value);
  if (folded === '') return false;
  if (TRUE_WORDS.has(folded)) return true;
  if (FALSE_WORDS.has(folded)) return false;
  return null;
}

export type ModelKind = 'collective' | 'individual';

const KIND_WORDS: Record<string, ModelKind> = {
  'tap the': 'collective',
  'tt': 'collective',
  't.the': 'collective',
  't/the': 'collective',
  'tap the (tt)': 'collective',
  'to chuc': 'collective',
  'ca nhan': 'individual',
  'cn': 'individual',
  'c.nhan': 'individual',
  'c/nhan': 'individual',
  'ca nhan (cn)': 'individual',
};

/** "Tập thể"/"TT"/"tập thể" → collective; "Cá nhân"/"CN" → individual; anything else → null. */
export function parseKind(value: SheetCell | undefined): ModelKind | null {
  const text = cleanText(value);
  if (!text) return null;
  const folded = foldText(text).replace(/\s*([./])\s*/g, '$1');
  return KIND_WORDS[folded] ?? null;
}

/** Excel serial day (1900 date system, with Lotus's leap-year bug) → ISO date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((serial - 25569) * 86400000); // 25569 = 1970-01-01
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * A date cell → ISO `YYYY-MM-DD`: ISO strings (what the reader gives for real Excel dates),
 * "16/12/2022", "16-12-2022", "16.12.2022", "5/2/2023", or an Excel serial number. Null when
 * empty or not a real date.
 */
export function parseDateCell(value: SheetCell | undefined): string | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (typeof value === 'number') return excelSerialToIso(value);
  const text = normalizeText(value);
  if (!text) return null;
  const iso = text.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && isIsoDate(iso)) return iso;
  if (/^\d{4,6}(\.\d+)?$/.test(text)) return excelSerialToIso(Number(text));
  return parseVietnameseDate(text.replace(/\s+/g, ''));
}

/**
 * A number cell: numbers as they are; text with "." thousands and "," decimals ("2.360",
 * "1.234,5", "46,9"), or plain "2360"/"12.5". Spaces and a trailing "%" are ignored. Null when
 * empty or not a number.
 */
export function parseNumberCell(value: SheetCell | undefined): number | null {
  if (value === null || value === undefined || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  let text = normalizeText(value).replace(/\s/g, '').replace(/%$/, '');
  if (!text) return null;
  if (!/^[-+]?[\d.,]+$/.test(text)) return null;
  const hasDot = text.includes('.');
  const hasComma = text.includes(',');
  if (hasDot && hasComma) {
    // Whichever comes last is the decimal mark (Vietnamese 1.234,5; English 1,234.5).
    text = text.lastIndexOf(',') > text.lastIndexOf('.') ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (hasDot) {
    if (/^[-+]?\d{1,3}(\.\d{3})+$/.test(text)) text = text.replace(/\./g, '');
  } else if (hasComma) {
    text = /^[-+]?\d{1,3}(,\d{3}){2,}$/.test(text) ? text.replace(/,/g, '') : text.replace(',', '.');
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** A whole number (e.g. TT, year, count); null when empty, not a number, or fractional. */
export function parseIntegerCell(value: SheetCell | undefined): number | null {
  const n = parseNumberCell(value);
  return n !== null && Number.isInteger(n) ? n : null;
}
