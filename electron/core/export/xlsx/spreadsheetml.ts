/**
 * The pieces of a SpreadsheetML package that writer.ts assembles: a style sheet with the handful
 * of styles tables need (built on demand, one `xf` per distinct combination), XML text escaping,
 * cell references, Excel date serials, and the fixed package parts (content types, relationships,
 * workbook, document properties).
 *
 * Everything is Times New Roman (the Party-format documents' font); strings are written inline
 * (`t="inlineStr"`), so a sheet streams without a shared-strings table held in memory.
 */

export const FONT_NAME = 'Times New Roman';
export const FONT_SIZE = 12;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Points (default 12). */
  size?: number;
  /** Thin black border on all four sides. */
  border?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Excel number format code, e.g. 'dd/mm/yyyy' or '#,##0'. */
  numFmt?: string;
}

/** Built-in number formats Excel knows by id (ECMA-376 §18.8.30); others get ids from 164. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4 };

export class StyleSheet {
  private readonly fonts = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>();
  private readonly fontXml: string[] = [];
  private readonly xfXml: string[] = [];

  constructor() {
    // xf 0 / font 0: the workbook default, so empty cells are Times New Roman 12 too.
    this.id({});
  }

  /** The `s` index of a style; equal styles share one index. */
  id(style: CellStyle): number {
    const key = `${style.bold ? 1 : 0}${style.italic ? 1 : 0}${style.underline ? 1 : 0}|${style.size ?? FONT_SIZE}|${style.border ? 1 : 0}|${style.horizontal ?? ''}|${style.vertical ?? ''}|${style.wrap ? 1 : 0}|${style.numFmt ?? ''}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const fontId = this.font(style);
    const numFmtId = style.numFmt ? this.format(style.numFmt) : 0;
    const borderId = style.border ? 1 : 0;
    const hasAlignment = Boolean(style.horizontal || style.vertical || style.wrap);
    const alignment = hasAlignment
      ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ''}${style.vertical ? ` vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"` : ''}${style.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const applies = `${fontId ? ' applyFont="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${numFmtId ? ' applyNumberFormat="1"' : ''}${hasAlignment ? ' applyAlignment="1"' : ''}`;
    const id = this.xfXml.length;
    this.xfXml.push(`<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${applies}${alignment ? `>${alignment}</xf>` : '/>'}`);
    this.xfs.set(key, id);
    return id;
  }

  private font(style: CellStyle): number {
    const size = style.size ?? FONT_SIZE;
    const key = `${style.bold ? 1 : 0}${style.italic ? 1 : 0}${style.underline ? 1 : 0}|${size}`;
    const known = this.fonts.get(key);
    if (known !== undefined) return known;
    const id = this.fontXml.length;
    this.fontXml.push(`<font>${style.bold ? '<b/>' : ''}${style.italic ? '<i/>' : ''}${style.underline ? '<u/>' : ''}<sz val="${size}"/><color rgb="FF000000"/><name val="${FONT_NAME}"/><family val="1"/></font>`);
    this.fonts.set(key, id);
    return id;
  }

  private format(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.formats.get(code);
    if (known !== undefined) return known;
    const id = 164 + this.formats.size;
    this.formats.set(code, id);
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
    const side = (s: string) => `<${s} style="thin"><color rgb="FF000000"/></${s}>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (numFmts ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="${this.fontXml.length}">${this.fontXml.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }
}

// ------------------------------------------------------------------ text, references, dates

// Characters XML 1.0 forbids (a pasted control character would make Excel "repair" the file).
const INVALID_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
// Text nodes need no &quot;: model names are full of quotes ("Dân vận khéo"), keep them on the fast path.
const TEXT_NEEDS_ESCAPE = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** Excel's limit for one cell's text. */
export const MAX_CELL_TEXT = 32767;

/** Escapes for attribute values and text alike. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escapeText(text: string): string {
  if (!TEXT_NEEDS_ESCAPE.test(text)) return text;
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<is><t>…</t></is>` with xml:space="preserve" when leading/trailing spaces or line breaks must survive. */
export function inlineText(text: string): string {
  const t = text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
  const preserve = t.charCodeAt(0) <= 32 || t.charCodeAt(t.length - 1) <= 32 || t.includes('\n');
  return preserve ? `<is><t xml:space="preserve">${escapeText(t)}</t></is>` : `<is><t>${escapeText(t)}</t></is>`;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A UTC-midnight Date → Excel's day serial (1900 date system). */
export function excelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / 86_400_000;
}

// ------------------------------------------------------------------ package parts

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetEntry {
  name: string;
  /** "$7:$7" rows repeated on every printed page, or null. */
  printTitles: string | null;
}

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

export const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export function coreXml(creator: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${escapeXml(creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy></cp:coreProperties>`
  );
}

export function appXml(application: string): string {
  return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${escapeXml(application)}</Application></Properties>`;
}

export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${NS_REL}/styles" Target="styles.xml"/></Relationships>`
  );
}

export function workbookXml(sheets: readonly SheetEntry[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = sheets
    .map((s, i) => (s.printTitles ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(s.name.replace(/'/g, "''"))}'!${s.printTitles}</definedName>` : ''))
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="24000" windowHeight="12000" activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="191029"/></workbook>'
  );
}
