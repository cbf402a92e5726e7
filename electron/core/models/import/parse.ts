import type { ImportFieldKey, ImportMapping } from '../../../../shared/schemas/models';
import type { SheetGrid } from './workbook';
import { foldText } from '../../../../shared/text/vietnamese';
import { detectMapping, headerKey, headerLikeCount, headerSignature } from './spec';

/*
 * From text grids to raw register rows: find the header row under the title rows (and a second
 * header row under merged group headers), skip numbering rows "(1) (2) …", totals ("Cộng",
 * "Tổng cộng"), section captions and empty rows.
 */

export interface SheetLayout {
  sheet: SheetGrid;
  /** 0-based index of the (last) header row. */
  headerIndex: number;
  headers: string[];
}

export interface RawRow {
  sheet: string;
  /** Excel row number (1-based). */
  row: number;
  values: Partial<Record<ImportFieldKey, string>>;
  /**
   * The heading rows the row is grouped under ("I. HUYỆN ỦY CHỢ MỚI", "1. Lĩnh vực …"), outermost
   * first, their labels stripped: the service decides which name a unit and which a field.
   */
  headings: string[];
}

/** "I.", "II", "A.", "1.", "1)": the label of a heading row, and its rank (roman/letter outside digits). */
const HEADING_LABEL = /^\s*((?:[IVXLC]+|[A-Z]|\d{1,2}))(?:\s*[.):/-]\s*|\s+)(?=\S)/;
const LABEL_ONLY = /^\s*(?:[IVXLC]+|[A-Z]|\d{1,2})\s*[.)]?\s*$/;

function headingRank(label: string): number {
  if (/^[IVXLC]+$/.test(label)) return 0;
  if (/^[A-Z]$/.test(label)) return 0;
  return 1;
}

/**
 * A heading row carries no model: the name cell is empty (or the row is one text merged across),
 * and it holds one text, or a label ("I", "II") and one text. Returns the heading and its rank.
 */
export function headingOf(cells: string[], nameCol: number | null | undefined): { text: string; rank: number } | null {
  // Most rows are data with a name: one cell compared decides (this runs for every row of a list).
  if (typeof nameCol === 'number') {
    const name = cells[nameCol] ?? '';
    // A name cell filled: a heading only when one text is merged across the row (two cells or more).
    if (name !== '' && (!cells.every((c) => c === '' || c === name) || cells.filter((c) => c !== '').length < 2)) return null;
  }
  const distinct = [...new Set(cells.filter((c) => c !== ''))];
  let label: string | null = null;
  let text: string;
  if (distinct.length === 1) text = distinct[0]!;
  else if (distinct.length === 2 && LABEL_ONLY.test(distinct[0]!)) {
    label = distinct[0]!.replace(/[.)\s]/g, '');
    text = distinct[1]!;
  } else return null;
  if (/^\d+$/.test(text) || text.length < 4) return null;
  const m = HEADING_LABEL.exec(text);
  if (m && !label) {
    label = m[1]!;
    text = text.slice(m[0].length);
  }
  return { text: text.trim(), rank: label ? headingRank(label) : 2 };
}

const NUMBERING_CELL = /^\(?\s*(\d{1,2}|[a-z])\s*\)?$/i;

export function detectLayout(sheet: SheetGrid): SheetLayout | null {
  let best = -1;
  let bestCount = 1;
  const limit = Math.min(sheet.rows.length, 30);
  for (let i = 0; i < limit; i++) {
    const count = headerLikeCount(sheet.rows[i]!);
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  if (best < 0) return null;
  let headers = [...sheet.rows[best]!];
  let headerIndex = best;
  // Two-row headers: "Loại" merged over "Tập thể" | "Cá nhân".
  const next = sheet.rows[best + 1];
  if (next && !isNumberingRow(next) && headerLikeCount(next) >= 1 && !looksLikeData(next) && hasGroupAbove(sheet.rows[best]!, next)) {
    headers = headers.map((main, j) => {
      const sub = next[j] ?? '';
      if (!sub) return main;
      const repeated = j > 0 && main !== '' && main === headers[j - 1];
      const repeatedRight = main !== '' && main === (sheet.rows[best]![j + 1] ?? '');
      if (sub === main) return main; // a header merged down over both rows
      return !main || repeated || repeatedRight ? sub : `${main} ${sub}`;
    });
    headerIndex = best + 1;
  }
  return { sheet, headerIndex, headers };
}

/**
 * A second header row sits under a group header: some main header is merged across (repeats its
 * neighbour) or left empty above a sub-header. Without one, the row under the header is the first
 * data row, even when its values ("Tập thể") read like header words.
 */
function hasGroupAbove(main: string[], next: string[]): boolean {
  return next.some((sub, j) => {
    if (!sub || sub === main[j]) return false;
    const m = main[j] ?? '';
    return m === '' || (j > 0 && m === main[j - 1]) || m === (main[j + 1] ?? '');
  });
}

function looksLikeData(cells: string[]): boolean {
  const first = cells.find((c) => c !== '');
  return first !== undefined && /^\d+$/.test(first) && cells.filter(Boolean).length > 3;
}

export function isNumberingRow(cells: string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c) => NUMBERING_CELL.test(c));
}

/**
 * "Cộng", "Tổng cộng", "Tổng cộng: 2 mô hình", "Tổng số 25", "Cộng (12)", "Cộng toàn huyện",
 * "Tổng chung". Otherwise only the word alone or followed by a colon, a bracket or a number: model
 * names such as "Công dân số…", "Cộng đồng dân cư tự quản…", "Công cà phê…" or a hamlet "Tổng
 * Nẻng" start with the same folded letters and are data.
 */
const TOTALS_CELL = /^(tong cong\b.*|tong so\b.*|(cong|tong) (toan|chung)\b.*|(cong|tong)(\s*$|\s*[:.(\-–]|\s*\d))/;

export function isTotalsRow(cells: string[]): boolean {
  let seen = 0;
  for (const c of cells) {
    if (c === '') continue;
    // Totals words start with C or T (cells are NFC): most cells are never folded. Only the start
    // of a cell can name a total, so 20 characters are enough.
    const first = c.charCodeAt(0) | 0x20;
    if ((first === 0x63 || first === 0x74) && TOTALS_CELL.test(foldText(c.slice(0, 20)))) return true;
    if (++seen === 3) break;
  }
  return false;
}

export { detectMapping, headerSignature };

/** The header row again (lists pasted together); folded only when the first text cell agrees. */
function isRepeatedHeader(cells: string[], headers: string[], headerKeys: string[]): boolean {
  const first = headers.findIndex((h) => h !== '');
  if (first < 0 || headerKey(cells[first] ?? '') !== headerKeys[first]) return false;
  return cells.map(headerKey).join('|') === headerKeys.join('|');
}

/** Data rows of one sheet under its header, with the mapped fields as text. */
export function extractRows(layout: SheetLayout, mapping: ImportMapping): RawRow[] {
  const out: RawRow[] = [];
  const headerKeys = layout.headers.map(headerKey);
  const mappedCols = Object.values(mapping).filter((v): v is number => typeof v === 'number');
  // Active headings by rank (0: "I."/"A.", 1: "1.", 2: unlabelled): a new one closes those inside it.
  const headings: Array<string | undefined> = [];
  for (let i = layout.headerIndex + 1; i < layout.sheet.rows.length; i++) {
    const cells = layout.sheet.rows[i]!;
    const filled = cells.filter((c) => c !== '');
    if (!filled.length) continue;
    if (isNumberingRow(cells) || isTotalsRow(cells)) continue;
    // A repeated header (lists pasted together) is not data.
    if (isRepeatedHeader(cells, layout.headers, headerKeys)) continue;
    const heading = headingOf(cells, mapping.name);
    if (heading) {
      headings.length = heading.rank;
      headings[heading.rank] = heading.text;
      continue;
    }
    const mappedFilled = mappedCols.filter((c) => (cells[c] ?? '') !== '');
    // Section captions ("I. KHỐI XÃ, THỊ TRẤN") fill one cell and carry no model.
    const seqCol = mapping.seq;
    const nonSeqFilled = mappedFilled.filter((c) => c !== seqCol);
    if (nonSeqFilled.length === 0) continue;
    // A caption merged across the whole row repeats one text in every cell.
    if (filled.length >= 2 && filled.every((c) => c === filled[0]) && !/^\d+$/.test(filled[0]!)) continue;
    if (filled.length === 1 && seqCol !== undefined && seqCol !== null && !/^\d+$/.test(cells[seqCol] ?? '') && mappedFilled.length <= 1) continue;
    const values: Partial<Record<ImportFieldKey, string>> = {};
    for (const [field, col] of Object.entries(mapping) as Array<[ImportFieldKey, number | null | undefined]>) {
      if (typeof col === 'number') values[field] = cells[col] ?? '';
    }
    out.push({ sheet: layout.sheet.name, row: i + 1, values, headings: headings.filter((h): h is string => h !== undefined) });
  }
  return out;
}


/** The year named in the title rows ("… NĂM 2023") or in the file name. */
export function detectYear(layout: SheetLayout, fileName: string): number | null {
  for (let i = 0; i < layout.headerIndex; i++) {
    const m = /\bnam (20\d\d)\b/.exec(headerKey(layout.sheet.rows[i]!.join(' ')));
    if (m) return Number(m[1]);
  }
  const f = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(fileName);
  return f ? Number(f[1]) : null;
}
