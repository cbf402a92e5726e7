/**
 * One document model for every Party-format paper the app issues (Hướng dẫn 36-HD/VPTW).
 *
 * A feature builds a `PartyDocument` once; `renderPartyDocument` (print/) turns it into print
 * HTML (preview, print, PDF) and `buildPartyDocx` (docx/) into a Word file, so the two outputs
 * always carry the same text. All strings are plain user text: the renderers escape them.
 */
import type { PageMargins, Profile, SignatureChoice, SigningMode } from '../../../shared/schemas/settings';
import { DEFAULT_MARGINS, signatureTitleLines } from '../../../shared/schemas/settings';
import { partyDateLine } from '../../../shared/text/format';
import { foldText } from '../../../shared/text/vietnamese';

/** A run of text inside a paragraph; plain strings are regular text. */
export type InlineRun = string | { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
/** Paragraph content: one string, or runs (e.g. a bold label then regular text). */
export type InlineContent = string | readonly InlineRun[];

export type Align = 'justify' | 'left' | 'center' | 'right';

export interface ParagraphBlock {
  type: 'paragraph';
  text: InlineContent;
  align?: Align;
  /** First-line indent (default true for justified body text). */
  indent?: boolean;
  bold?: boolean;
  italic?: boolean;
  /** A label that introduces what follows ("Thành viên Ban Chỉ đạo:"): never left alone at a page bottom. */
  keepNext?: boolean;
}

/** A section heading: bold; level 1 ("I. KẾT QUẢ…") and level 2 ("1. Công tác…"). */
export interface HeadingBlock {
  type: 'heading';
  text: string;
  level?: 1 | 2;
  align?: Align;
}

/**
 * A list written the way Party documents write lists: each item is an indented paragraph that
 * starts with its marker ("1.", "a)", "-", "+"). The marker is text, so PDF/DOCX extract it.
 */
export interface ListBlock {
  type: 'list';
  style?: 'decimal' | 'alpha' | 'dash' | 'plus' | 'roman';
  start?: number;
  items: readonly InlineContent[];
}

export interface TableColumn {
  header: string;
  /** Relative width (any unit; the renderers normalise to 100%). */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableBlock {
  type: 'table';
  columns: readonly TableColumn[];
  rows: readonly (readonly (string | number | null | undefined)[])[];
  /** Font size in pt (default 13 portrait, 12 landscape registers). */
  fontSize?: number;
  /** A bold last row (Cộng / Tổng cộng). */
  totalsRow?: readonly (string | number | null | undefined)[];
  /**
   * A second header level above the column headers, left to right (biểu tổng hợp): e.g.
   * [{ title: '', span: 2 }, { title: 'Đăng ký', span: 2 }] — an empty title lets its columns'
   * own headers span both header rows.
   */
  headerGroups?: readonly { title: string; span: number }[];
}

/** Header cells of a two-level table header, resolved for both renderers. */
export interface HeaderCell {
  text: string;
  /** 0-based first column. */
  col: number;
  colSpan: number;
  rowSpan: 1 | 2;
}

/** Rows of header cells: one row without groups, two with (`rowSpan` 2 = spans both). */
export function headerRows(block: TableBlock): HeaderCell[][] {
  const n = block.columns.length;
  const groups = block.headerGroups?.length ? block.headerGroups : null;
  if (!groups) return [block.columns.map((c, i) => ({ text: c.header, col: i, colSpan: 1, rowSpan: 1 }))];
  const top: HeaderCell[] = [];
  const bottom: HeaderCell[] = [];
  let col = 0;
  const single = (k: number) => top.push({ text: block.columns[k]!.header, col: k, colSpan: 1, rowSpan: 2 });
  for (const g of groups) {
    if (col >= n) break;
    const span = Math.max(1, Math.min(g.span, n - col));
    if (g.title) {
      top.push({ text: g.title, col, colSpan: span, rowSpan: 1 });
      for (let k = col; k < col + span; k += 1) bottom.push({ text: block.columns[k]!.header, col: k, colSpan: 1, rowSpan: 1 });
    } else {
      for (let k = col; k < col + span; k += 1) single(k);
    }
    col += span;
  }
  for (let k = col; k < n; k += 1) single(k);
  return [top, bottom];
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export type Block = ParagraphBlock | HeadingBlock | ListBlock | TableBlock | PageBreakBlock;

/** One signature: title lines in bold capitals ("T/M BAN CHỈ ĐẠO", "TRƯỞNG BAN"), space, the name. */
export interface SignatureBlock {
  titleLines: readonly string[];
  signerName?: string | null;
  /** Printed in the signing space, e.g. "(Đã ký)" on a copy; usually empty. */
  note?: string | null;
}

export interface PartyHeader {
  /** Parent body, printed in capitals (e.g. "ĐẢNG BỘ TỈNH BẮC KẠN"). May be empty. */
  parentBody: string;
  /** Issuing body, bold capitals (e.g. "BAN CHỈ ĐẠO QCDC VÀ DÂN VẬN KHÉO"). */
  issuingBody: string;
  /** Number and symbol without "Số": "05-BB/BCĐ" (see `documentNumber`). Null → no number line. */
  number: string | null;
  /** The italic place-date line, e.g. from `partyDateLine`. Null → omitted. */
  placeDate: string | null;
}

export interface PartyDocument {
  /** The browser/PDF title (file name hint). */
  title?: string;
  orientation?: 'portrait' | 'landscape';
  margins?: PageMargins;
  header: PartyHeader;
  /** Document kind in capitals: BIÊN BẢN, THÔNG BÁO, KẾ HOẠCH, BÁO CÁO… */
  kind: string;
  /** Summary line(s) under the kind ("Hội nghị Ban Chỉ đạo …"); "\n" splits lines. */
  summary?: string | null;
  body: readonly Block[];
  signatures?: { left?: SignatureBlock | null; right?: SignatureBlock | null };
  /** "Nơi nhận:" items without dash or punctuation; the renderer writes "- …," and "- Lưu …." */
  recipients?: readonly string[] | null;
  /** Page numbers at the top centre from page 2 (default true). */
  pageNumbers?: boolean;
  /** A draft: "DỰ THẢO" is printed boxed above the kind, so an unsigned paper cannot pass for issued. */
  draft?: boolean;
}

/** "05-BB/BCĐ"; an unnumbered draft keeps a blank for the number: "   -BB/BCĐ". */
export function documentNumber(seq: number | null | undefined, kindCode: string, committeeCode: string): string {
  const n = seq === null || seq === undefined ? '\u00a0\u00a0\u00a0\u00a0' : String(seq).padStart(2, '0');
  return `${n}-${kindCode}/${committeeCode}`;
}

/** The header from the organisation profile (settings), a number and an ISO date. */
export function headerFromProfile(profile: Pick<Profile, 'parentBody' | 'committeeName' | 'placeName'>, options: { number: string | null; date: string | null }): PartyHeader {
  return {
    parentBody: profile.parentBody,
    issuingBody: profile.committeeName,
    number: options.number,
    placeDate: options.date ? partyDateLine(profile.placeName, options.date) : null,
  };
}

/** Signing modes (kept as an alias: the profile's modes include the deputy's K/T). */
export type SignatureMode = SigningMode;

/**
 * The committee's signature for a signing mode (docs/domain.md, 36-HD/VPTW): direct "TRƯỞNG BAN"; on
 * behalf "T/M BAN CHỈ ĐẠO / TRƯỞNG BAN"; deputy "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN" (or the deputy's
 * own title); acting "Q. TRƯỞNG BAN"; by order "TL. TRƯỞNG BAN / <title>".
 */
export function committeeSignature(mode: SignatureMode, signerName: string | null | undefined, bodyShort = 'BAN CHỈ ĐẠO', signerTitle = ''): SignatureBlock {
  return { titleLines: signatureTitleLines(mode, signerTitle, bodyShort), signerName: signerName ?? null };
}

/** The settings' default signature for a mode: who signs and their title line come from the profile. */
export function defaultSignatureChoice(profile: Pick<Profile, 'signingMode' | 'headName' | 'deputyName' | 'deputyTitle' | 'byOrderName' | 'byOrderTitle'>, mode: SigningMode = profile.signingMode): SignatureChoice {
  switch (mode) {
    case 'deputy':
      return { mode, signerName: profile.deputyName, signerTitle: profile.deputyTitle };
    case 'byOrder':
      return { mode, signerName: profile.byOrderName, signerTitle: profile.byOrderTitle };
    default:
      return { mode, signerName: profile.headName, signerTitle: '' };
  }
}

/** A per-document choice (or the settings' default) as the printed signature block. */
export function signatureFromChoice(choice: SignatureChoice, fallbackName = ''): SignatureBlock {
  return committeeSignature(choice.mode, choice.signerName || fallbackName, 'BAN CHỈ ĐẠO', choice.signerTitle);
}

/**
 * The committee's signature from settings alone (documents without a per-document choice): the
 * default mode with its own signer — the deputy's name under K/T, not the Head's.
 */
export function profileSignature(profile: Parameters<typeof defaultSignatureChoice>[0], fallbackName = ''): SignatureBlock {
  return signatureFromChoice(defaultSignatureChoice(profile), fallbackName);
}

/** The "Lưu" line of every document, from settings: the typed line, else "Lưu" + the standing agency. */
export function archiveRecipient(profile: Pick<Profile, 'archiveLine' | 'standingAgency'>): string {
  const typed = profile.archiveLine.trim();
  if (typed) return /^lưu(\s|$)/iu.test(typed) ? typed : `Lưu ${typed}`;
  return `Lưu ${profile.standingAgency.trim() || 'Cơ quan thường trực'}`;
}

/**
 * "Nơi nhận" pre-filled the same way for every document: the settings' report-to lines
 * ("Thường trực Tỉnh ủy (b/c)") first, then the document's own recipients, then the "Lưu" line;
 * repeats (a unit both leading and coordinating) are printed once.
 */
export function defaultRecipients(profile: Pick<Profile, 'reportTo' | 'archiveLine' | 'standingAgency'>, own: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of [...profile.reportTo, ...own, archiveRecipient(profile)]) {
    const t = line.trim().replace(/[,.;]+$/, '');
    const key = t.toLocaleLowerCase('vi');
    if (!t || seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** File names keep their Vietnamese ("Biên bản số 01-BB-BCĐ ngày 16-12-2022"); only path characters go. */
export function documentFileStem(kind: string, numberText: string | null, isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  const date = y && m && d ? `${d}-${m}-${y}` : isoDate;
  const number = numberText ? ` số ${numberText.replace(/[\\/:*?"<>|]/g, '-').trim()}` : ' (dự thảo)';
  return `${kind}${number} ngày ${date}`.normalize('NFC');
}

/** Minutes: the minute-taker signs left ("THƯ KÝ"), the chair right ("CHỦ TRÌ"). */
export function minutesSignatures(secretaryName: string | null | undefined, chairName: string | null | undefined, titles: { secretary?: string; chair?: string } = {}): { left: SignatureBlock; right: SignatureBlock } {
  return {
    left: { titleLines: [titles.secretary ?? 'THƯ KÝ'], signerName: secretaryName ?? null },
    right: { titleLines: [titles.chair ?? 'CHỦ TRÌ'], signerName: chairName ?? null },
  };
}

export function marginsOf(doc: PartyDocument): PageMargins {
  return doc.margins ?? DEFAULT_MARGINS;
}

export function inlineRuns(content: InlineContent): { text: string; bold: boolean; italic: boolean; underline: boolean }[] {
  const runs = typeof content === 'string' ? [content] : content;
  return runs.map((r) =>
    typeof r === 'string'
      ? { text: r, bold: false, italic: false, underline: false }
      : { text: r.text, bold: !!r.bold, italic: !!r.italic, underline: !!r.underline },
  );
}

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** The marker a list item starts with ("1.", "a)", "-", "+", "I."). */
export function listMarker(style: ListBlock['style'], index: number, start = 1): string {
  const n = start + index;
  switch (style ?? 'decimal') {
    case 'decimal':
      return `${n}.`;
    case 'alpha':
      return `${String.fromCharCode(96 + (((n - 1) % 26) + 1))})`;
    case 'roman':
      return `${toRoman(n)}.`;
    case 'dash':
      return '-';
    case 'plus':
      return '+';
  }
}

/** "Nơi nhận" lines: "- A,", "- B,", last "- Lưu …." (a final item starting with "Lưu" gets a period). */
export function recipientLines(items: readonly string[]): string[] {
  const clean = items.map((s) => s.trim().replace(/[,.;]+$/, '')).filter(Boolean);
  return clean.map((s, i) => `- ${s}${i === clean.length - 1 ? '.' : ','}`);
}

/** Normalised column widths in percent. */
export function columnPercents(columns: readonly TableColumn[]): number[] {
  const widths = columns.map((c) => (c.width && c.width > 0 ? c.width : 1));
  const total = widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => (w / total) * 100);
}

export function cellText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

// Building blocks every domain's documents use (plans, tasks, inspections, meetings…).

/** Body paragraphs from multi-line text: "- …" lines stay as written, each its own paragraph. */
export function paragraphs(textValue: string | null | undefined): Block[] {
  return (textValue ?? '')
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph' as const, text: line }));
}

/**
 * "Nơi nhận" lines typed by the user ("- " markers dropped), else `fallback`. With the profile, a
 * fallback list is completed the way every document's is (`defaultRecipients`: report-to lines
 * first, the settings' "Lưu" line last) and a typed list gets the settings' "Lưu" line unless it has
 * its own; without the profile, the old "Lưu Văn phòng" is added.
 */
export function recipientItems(
  textValue: string | null | undefined,
  fallback: string[],
  profile?: Pick<Profile, 'reportTo' | 'archiveLine' | 'standingAgency'>,
): string[] {
  const items = (textValue ?? '')
    .split(/\n+/)
    .map((s) => s.replace(/^[-–•+]\s*/, '').trim())
    .filter(Boolean);
  const list = items.length ? items : fallback;
  // (\s|$), not \b: "ư" is not a regex word character, so /^lưu\b/ never matched "Lưu VT".
  const typedArchive = list.some((s) => /^lưu(\s|$)/iu.test(s));
  if (profile) {
    // Typed by the user: printed as typed, with the settings' "Lưu" line if they typed none.
    if (items.length) return typedArchive ? list : [...list, archiveRecipient(profile)];
    return defaultRecipients(profile, list);
  }
  return typedArchive ? list : [...list, 'Lưu Văn phòng'];
}

/** "Kế hoạch thực hiện …" under a "KẾ HOẠCH" kind line reads "thực hiện …" (first letter kept lower case). */
export function summaryAfterKind(title: string, kindWord: string): string {
  const rest = title.trim();
  return rest.toLocaleLowerCase('vi').startsWith(`${kindWord} `) ? rest.slice(kindWord.length + 1).trim() : rest;
}

/** A file-name stem from a title: folded, dashes, at most 60 characters. */
export function fileSlug(value: string): string {
  return foldText(value).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'tai-lieu';
}
