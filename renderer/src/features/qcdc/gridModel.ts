/**
 * The pure rules of the QCDC report grid: how typed or pasted text becomes a figure of each kind,
 * how a figure is shown, and how an Excel clipboard block is split. Kept out of the component so the
 * grid, the paste and the tests read one definition.
 */
import type { FigureValue, IndicatorKind } from '../../../../shared/schemas/qcdc';
import { foldText, formatNumber } from '../../lib/format';

export type ParsedCell = { ok: true; value: FigureValue } | { ok: false; message: string };

// What officers type or what Excel roll-ups hold for yes/no requirements ("x" ticks are common).
const YES = new Set(['co', 'c', 'x', '1', 'yes', 'y', 'true', 'dat', 'da co', 'ok']);
const NO = new Set(['khong', 'k', '0', 'no', 'n', 'false', 'chua', 'chua co', '-']);

/** Text → figure. Empty clears (null). Counts accept Vietnamese thousands ("2.360") and spaces. */
export function parseCell(kind: IndicatorKind, raw: string): ParsedCell {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (kind === 'text') return text.length > 500 ? { ok: false, message: 'Nội dung dài quá 500 ký tự.' } : { ok: true, value: text };
  if (kind === 'yesno') {
    const folded = foldText(text);
    if (YES.has(folded)) return { ok: true, value: true };
    if (NO.has(folded)) return { ok: true, value: false };
    return { ok: false, message: `“${text}” không phải Có/Không.` };
  }
  if (kind === 'count') {
    // "2.360", "2 360" and "2,360" are all two thousand three hundred sixty in the files units send;
    // a count is a whole number, so a separator is never a decimal point.
    const compact = text.replace(/[\s.,]/g, '');
    if (!/^\d+$/.test(compact)) return { ok: false, message: `“${text}” không phải số nguyên không âm.` };
    const n = Number(compact);
    return n > 1_000_000_000 ? { ok: false, message: `“${text}” quá lớn.` } : { ok: true, value: n };
  }
  return { ok: false, message: 'Tỷ lệ được tính tự động, không nhập.' };
}

/** Figure → what the cell shows (2.360; Có/Không; 45,5%). */
export function formatCell(kind: IndicatorKind, value: FigureValue): string {
  if (value === null || value === undefined) return '';
  if (kind === 'yesno' || typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (kind === 'ratio' && typeof value === 'number') return `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

/** Figure → the text put in the cell editor when editing starts with F2 (no thousands dots to fight). */
export function editText(kind: IndicatorKind, value: FigureValue): string {
  if (value === null || value === undefined) return '';
  if (kind === 'yesno' || typeof value === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}

/**
 * An Excel (or LibreOffice, Google Sheets) clipboard block: rows by newline, cells by tab. Excel
 * quotes a cell holding a newline or a quote ("a""b"); those are unquoted. A trailing newline (Excel
 * always adds one) is not an extra empty row.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else cell += ch;
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A ratio's percentage from its two counts, rounded to one decimal; null when either is missing or the denominator is 0. */
export function ratioOf(numerator: FigureValue, denominator: FigureValue): number | null {
  if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 10;
}
