import { inflateRawSync } from 'node:zlib';
import type { RawSheet, SheetCell } from '../../export/xlsx/reader';
import { dateToIso } from '../../export/xlsx/reader';

/*
 * A direct reader of the cell values of an .xlsx (zip central directory → sheet XML → plain
 * values), for the register import: exceljs builds a full object model (styles, cell objects,
 * formulas) that costs about a second per 10,000 rows, of which the import needs only the values.
 * It gives the same RawSheet as export/xlsx/reader.ts (tests compare the two on real files):
 * shared and inline strings with rich runs flattened, cached formula results, booleans, errors as
 * null, dates as ISO text, merged ranges filled from their top-left cell, hidden sheets flagged,
 * fonts of non-ASCII text cells counted (legacy TCVN3/VNI evidence).
 *
 * Anything it does not understand (zip64, encrypted or unusual parts) throws UnsupportedXlsx so the
 * caller falls back to the exceljs reader, which also owns the Vietnamese messages for bad files.
 */

export class UnsupportedXlsx extends Error {}

// ------------------------------------------------------------------ zip

function readZip(bytes: Uint8Array): Map<string, () => Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnsupportedXlsx('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) throw new UnsupportedXlsx('zip64');
  const entries = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new UnsupportedXlsx('bad central directory');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new UnsupportedXlsx('encrypted entry');
    entries.set(name.replace(/^\//, ''), () => {
      if (buf.readUInt32LE(local) !== 0x04034b50) throw new UnsupportedXlsx('bad local header');
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + compressed);
      if (method === 0) return data;
      if (method === 8) return inflateRawSync(data);
      throw new UnsupportedXlsx(`compression ${method}`);
    });
  }
  return entries;
}

// ------------------------------------------------------------------ xml helpers

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]!) : undefined;
}

/** Text of a string item (<si> or <is>): every <t>, without phonetic runs (<rPh>). */
function stringItemText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1];
  return decodeXml(out);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

// ------------------------------------------------------------------ styles

// The built-in formats exceljs knows as dates (m/d/yy, d-mmm-yy, h:mm …), and its test for custom
// codes, so both readers agree on which numbers are dates.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function isDateFormat(code: string): boolean {
  // Literal text ("…") and [colour]/[$-locale] sections say nothing about dates.
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface Styles {
  /** Per cellXfs index: whether the number format is a date, and the font name. */
  xfDate: boolean[];
  xfFont: Array<string | undefined>;
}

function readStyles(xml: string | undefined): Styles {
  if (!xml) return { xfDate: [], xfFont: [] };
  const customDate = new Map<number, boolean>();
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    customDate.set(id, isDateFormat(attr(m[0], 'formatCode') ?? ''));
  }
  const fontsXml = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)?.[1] ?? '';
  const fonts = [...fontsXml.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((m) => {
    const name = /<name\b[^>]*\sval="([^"]*)"/.exec(m[1] ?? '');
    return name ? decodeXml(name[1]!) : undefined;
  });
  const xfsXml = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const xfDate: boolean[] = [];
  const xfFont: Array<string | undefined> = [];
  for (const m of xfsXml.matchAll(/<xf\b[^>]*>/g)) {
    const numFmtId = Number(attr(m[0], 'numFmtId') ?? 0);
    xfDate.push(customDate.get(numFmtId) ?? BUILTIN_DATE_FORMATS.has(numFmtId));
    xfFont.push(fonts[Number(attr(m[0], 'fontId') ?? 0)]);
  }
  return { xfDate, xfFont };
}

function serialToIso(serial: number, date1904: boolean): string | null {
  const days = date1904 ? serial + 1462 : serial;
  return dateToIso(new Date(Math.round((days - 25569) * 86400000)));
}

// ------------------------------------------------------------------ workbook

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

const NON_ASCII = /[^\x00-\x7f]/;

export function readXlsxValues(bytes: Uint8Array): RawSheet[] {
  const zip = readZip(bytes);
  const text = (name: string): string | undefined => zip.get(name)?.().toString('utf8');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new UnsupportedXlsx('no workbook part');
  if (/<\w+:sheets?\b/.test(workbook)) throw new UnsupportedXlsx('prefixed workbook elements');
  const date1904 = /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook);
  const targets = new Map<string, string>();
  const byType = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    const type = attr(m[0], 'Type')?.replace(/.*\//, '');
    if (id && target) targets.set(id, resolveTarget(target));
    if (type && target) byType.set(type, resolveTarget(target));
  }
  const shared: string[] = [];
  const sst = text(byType.get('sharedStrings') ?? 'xl/sharedStrings.xml');
  if (sst && /<\w+:si\b/.test(sst)) throw new UnsupportedXlsx('prefixed shared strings');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] === undefined ? '' : stringItemText(m[1]));
  const styles = readStyles(text(byType.get('styles') ?? 'xl/styles.xml'));

  const sheets: RawSheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name') ?? '';
    const state = attr(m[0], 'state') ?? 'visible';
    const rid = attr(m[0], 'r:id');
    const path = rid ? targets.get(rid) : undefined;
    const xml = path ? text(path) : undefined;
    if (xml === undefined) throw new UnsupportedXlsx(`no part for sheet ${name}`);
    sheets.push(readSheet(name, state !== 'visible', xml, shared, styles, date1904));
  }
  return sheets;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function readSheet(name: string, hidden: boolean, xml: string, shared: string[], styles: Styles, date1904: boolean): RawSheet {
  const rows: SheetCell[][] = [];
  const textFonts: Record<string, number> = {};
  const capitalsFontCells: [number, number][] = [];
  // Prefixed elements (<x:row>, written by some generators) are left to exceljs.
  if (/<\w+:(sheetData|row|c)\b/.test(xml)) throw new UnsupportedXlsx('prefixed sheet elements');
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? '';
  let nextRow = 0;
  // The patterns are shared: a read that threw half-way must not leave its position behind.
  ROW.lastIndex = 0;
  for (let rm = ROW.exec(data); rm; rm = ROW.exec(data)) {
    const r = Number(/\sr="(\d+)"/.exec(rm[1]!)?.[1] ?? nextRow + 1) - 1;
    nextRow = r + 1;
    const body = rm[2];
    if (!body) continue;
    const values: SheetCell[] = [];
    let nextCol = 0;
    CELL.lastIndex = 0;
    for (let cm = CELL.exec(body); cm; cm = CELL.exec(body)) {
      const attrs = cm[1]!;
      const ref = /\sr="([A-Z]+)\d*"/.exec(attrs)?.[1];
      const c = ref ? columnIndex(ref) : nextCol;
      nextCol = c + 1;
      const inner = cm[2] ?? '';
      const type = /\st="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      const style = Number(/\ss="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: SheetCell;
      if (type === 's') {
        if (v === undefined) value = null;
        else if (shared[Number(v)] === undefined) throw new UnsupportedXlsx(`shared string ${v}`);
        else value = shared[Number(v)]!;
      } else if (type === 'inlineStr') value = /<is>([\s\S]*?)<\/is>/.test(inner) ? stringItemText(/<is>([\s\S]*?)<\/is>/.exec(inner)![1]!) : null;
      else if (type === 'str') value = v === undefined ? null : decodeXml(v);
      else if (type === 'b') value = v === undefined ? null : v === '1' || v === 'true';
      else if (type === 'e') value = null;
      else if (type === 'd') value = v === undefined ? null : dateToIso(new Date(decodeXml(v)));
      else if (v === undefined || v === '') value = null;
      else {
        const num = Number(v);
        if (Number.isNaN(num)) throw new UnsupportedXlsx(`number ${v}`);
        // Style 0 is "no style" for exceljs too (neither a date format nor a font is read from it).
        value = style > 0 && styles.xfDate[style] ? serialToIso(num, date1904) : num;
      }
      if (value === null) continue;
      values[c] = value;
      if (typeof value === 'string' && NON_ASCII.test(value)) {
        const font = style > 0 ? styles.xfFont[style] : undefined;
        if (font) {
          textFonts[font] = (textFonts[font] ?? 0) + 1;
          if (/^\.vn.*h$/i.test(font)) capitalsFontCells.push([r, c]);
        }
      }
    }
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows[r] = values;
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  const merges: RawSheet['merges'] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\sref="\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)"/g)) {
    merges.push({ top: Number(m[2]) - 1, left: columnIndex(m[1]!), bottom: Number(m[4]) - 1, right: columnIndex(m[3]!) });
  }
  for (const m of merges) {
    const master = rows[m.top]?.[m.left] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (rows[r] ??= []);
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        while (row.length < c) row.push(null);
        row[c] = master;
      }
    }
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  while (rows.length && rows[rows.length - 1]!.every((v) => v === null || v === '')) rows.pop();
  return { name, rows, merges, hidden, textFonts, capitalsFontCells };
}
