/**
 * Party-format Word documents from the same `PartyDocument` the print HTML uses, so the .docx a
 * secretary edits carries exactly the text of the PDF: Times New Roman, A4 (or landscape),
 * margins from settings, the 36-HD/VPTW header table, kind, summary, body blocks, signature
 * block(s) that never split (a table row with `cantSplit`), "Nơi nhận:", and page numbers at
 * the top centre from page 2 (a different, empty first-page header).
 *
 * `docx` 9 runs on Node 20 for what we use (Packer.toBuffer; checked by tests/core/export/docx.test.ts)
 * even though its nanoid dependency declares Node 22.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from 'docx';
import {
  cellText,
  columnPercents,
  headerRows,
  inlineRuns,
  listMarker,
  marginsOf,
  recipientLines,
  type Align,
  type Block,
  type InlineContent,
  type PartyDocument,
  type SignatureBlock,
} from '../document';

const FONT = 'Times New Roman';
const A4 = { width: 11906, height: 16838 }; // twips
const FIRST_LINE_INDENT = 567; // 1 cm
// The PDF sets body text at line-height 1.3 (18.2 pt for 14 pt). Word and Writer multiply "auto"
// lines by the font's own height (≈1.15 em for Times New Roman / Tinos), so 1.3 lines there would be
// ~1.5 em and the DOCX ran a page longer than the PDF: 271/240 × 1.15 em ≈ 1.3 em matches it.
const BODY_LINE = 271;

/** Millimetres to twips, rounded (docx's helper floors: 20 mm would become 1133). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const upper = (s: string) => s.toLocaleUpperCase('vi');
const pt = (size: number) => size * 2; // docx sizes are half-points

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** Text runs; "\n" inside user text becomes a line break. */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  return text.split(/\r\n?|\n/).map(
    (line, i) =>
      new TextRun({
        text: line,
        font: FONT,
        size: pt(style.size ?? 14),
        bold: style.bold ?? false,
        italics: style.italic ?? false,
        ...(style.underline ? { underline: {} } : {}),
        ...(i > 0 ? { break: 1 } : {}),
      }),
  );
}

function inline(content: InlineContent, base: RunStyle = {}): TextRun[] {
  return inlineRuns(content).flatMap((r) =>
    runs(r.text, { size: base.size ?? 14, bold: r.bold || base.bold, italic: r.italic || base.italic, underline: r.underline || base.underline }),
  );
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  justify: AlignmentType.JUSTIFIED,
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

// Capitals with two diacritics (Ậ, Ộ) collide at single spacing; 1.15 matches the print HTML's 1.2.
const TIGHT_LINE = 276;
// The header block: capitals with stacked marks ("CHẾ", "CHỈ ĐẠO") need room above them. LibreOffice
// sets "auto" lines from the font's own metrics and let them touch at 1.15; an at-least 17.5 pt line
// (the PDF's 14 pt × 1.2 plus the marks) reads the same in Word, Writer and the PDF.
const HEADER_LINE = 350;

function headerLine(children: TextRun[], spacingBefore = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: spacingBefore, after: 0, line: HEADER_LINE, lineRule: LineRuleType.AT_LEAST },
    keepNext: true,
    children,
  });
}

function bodyParagraph(children: TextRun[], align: Align = 'justify', indent = align === 'justify', keepNext = false): Paragraph {
  return new Paragraph({
    alignment: ALIGN[align],
    indent: indent ? { firstLine: FIRST_LINE_INDENT } : undefined,
    spacing: { after: 120, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    keepNext,
    children,
  });
}

const NO_BORDERS = TableBorders.NONE;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function contentWidth(doc: PartyDocument): number {
  const m = marginsOf(doc);
  const pageWidth = doc.orientation === 'landscape' ? A4.height : A4.width;
  return pageWidth - convertMillimetersToTwip(m.left) - convertMillimetersToTwip(m.right);
}

function cell(children: Paragraph[], width: number, options: { borders?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: children.length ? children : [new Paragraph({})],
    ...(options.borders ? {} : { borders: { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } } }),
  });
}

function headerTable(doc: PartyDocument, width: number): Table {
  const h = doc.header;
  const leftW = Math.round(width * (doc.orientation === 'landscape' ? 0.42 : 0.48));
  const rightW = width - leftW;
  const left: Paragraph[] = [];
  if (h.parentBody.trim()) left.push(headerLine(runs(upper(h.parentBody))));
  // The user's own line breaks ("\n" typed in settings) stay breaks; nothing else is inserted.
  left.push(headerLine(runs(upper(h.issuingBody), { bold: true })));
  left.push(headerLine(runs('*')));
  const right = [headerLine(runs('ĐẢNG CỘNG SẢN VIỆT NAM', { size: 15, bold: true, underline: true }))];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [leftW, rightW],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    // No cell padding, as in the print HTML: Writer's default 0.19 cm each side made the issuing
    // body wrap to four lines where the PDF has three.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    rows: [
      new TableRow({ cantSplit: true, children: [cell(left, leftW), cell(right, rightW)] }),
      new TableRow({
        cantSplit: true,
        children: [
          cell(h.number ? [headerLine(runs(`Số ${h.number}`), 40)] : [], leftW),
          cell(h.placeDate ? [headerLine(runs(h.placeDate, { italic: true }), 40)] : [], rightW),
        ],
      }),
    ],
  });
}

function gridTable(block: Extract<Block, { type: 'table' }>, width: number, landscape: boolean): Table {
  const percents = columnPercents(block.columns);
  const widths = percents.map((p) => Math.round((p / 100) * width));
  const size = block.fontSize ?? (landscape ? 12 : 13);
  const alignOf = (i: number): Align => block.columns[i]?.align ?? 'left';
  const para = (text: string, align: Align, bold = false) =>
    new Paragraph({ alignment: ALIGN[align], spacing: { after: 0, line: TIGHT_LINE }, children: runs(text, { size, bold }) });
  const headerCell = (text: string, width: number, columnSpan: number, verticalMerge?: (typeof VerticalMergeType)[keyof typeof VerticalMergeType]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      ...(columnSpan > 1 ? { columnSpan } : {}),
      ...(verticalMerge ? { verticalMerge } : {}),
      children: [para(text, 'center', true)],
    });
  const row = (cells: readonly (string | number | null | undefined)[], bold = false) =>
    new TableRow({
      cantSplit: true,
      children: widths.map((w, i) => cell([para(cellText(cells[i]), alignOf(i), bold)], w, { borders: true })),
    });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: { top: 30, bottom: 30, left: 80, right: 80 },
    rows: [
      // Header rows repeat on every page; a two-level header uses column spans and vertical merges.
      ...headerRows(block).map((cells, level) => {
        const children: TableCell[] = [];
        if (level === 1) {
          // Columns spanning both rows continue their vertical merge in the second row.
          const top = headerRows(block)[0]!;
          const below = new Map(cells.map((c) => [c.col, c]));
          for (let k = 0; k < block.columns.length; k += 1) {
            const cell = below.get(k);
            if (cell) children.push(headerCell(cell.text, widths[k]!, 1));
            else if (top.some((t) => t.col === k && t.rowSpan === 2)) children.push(new TableCell({ width: { size: widths[k]!, type: WidthType.DXA }, verticalMerge: VerticalMergeType.CONTINUE, children: [new Paragraph({})] }));
          }
        } else {
          for (const c of cells) {
            const w = widths.slice(c.col, c.col + c.colSpan).reduce((a, b) => a + b, 0);
            children.push(headerCell(c.text, w, c.colSpan, c.rowSpan === 2 ? VerticalMergeType.RESTART : undefined));
          }
        }
        return new TableRow({ tableHeader: true, cantSplit: true, children });
      }),
      ...block.rows.map((r) => row(r)),
      ...(block.totalsRow ? [row(block.totalsRow, true)] : []),
    ],
  });
}

function blockElements(block: Block, width: number, landscape: boolean, keepNext = false): (Paragraph | Table)[] {
  switch (block.type) {
    case 'paragraph': {
      const align = block.align ?? 'justify';
      return [bodyParagraph(inline(block.text, { bold: block.bold, italic: block.italic }), align, block.indent ?? align === 'justify', keepNext || !!block.keepNext)];
    }
    case 'heading':
      return [bodyParagraph(runs(block.text, { bold: true }), block.align ?? 'justify', (block.align ?? 'justify') !== 'center', true)];
    case 'list':
      return block.items.map((item, i) =>
        bodyParagraph([...runs(`${listMarker(block.style, i, block.start)} `), ...inline(item)], 'justify', true, keepNext && i === block.items.length - 1),
      );
    case 'table':
      return [gridTable(block, width, landscape), new Paragraph({ spacing: { after: 60 }, children: [] })];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}

function signatureParagraphs(sig: SignatureBlock | null | undefined): Paragraph[] {
  if (!sig) return [];
  // Title lines get the header's at-least line: "T/M BAN CHỈ ĐẠO" over "TRƯỞNG BAN" touched in Writer.
  const out = sig.titleLines.map((line) => headerLine(runs(upper(line), { bold: true })));
  // The signing space is 26 mm as in the PDF, set as exact line heights: "auto" blank lines came
  // out a third shorter in Writer than in Word, leaving too little room to sign and stamp.
  const space = (mm: number, children: TextRun[] = []) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: convertMillimetersToTwip(mm), lineRule: LineRuleType.EXACT },
      keepNext: true,
      children: children.length ? children : [new TextRun({ text: '', font: FONT, size: pt(14) })],
    });
  if (sig.note) out.push(space(10), space(6, runs(sig.note, { italic: true })), space(10));
  else out.push(space(26));
  out.push(headerLine(runs(sig.signerName ?? '', { bold: true })));
  return out;
}

function recipientParagraphs(items: readonly string[] | null | undefined): Paragraph[] {
  if (!items || items.length === 0) return [];
  return [
    new Paragraph({ spacing: { after: 0, line: TIGHT_LINE }, keepNext: true, children: runs('Nơi nhận:', { underline: true }) }),
    ...recipientLines(items).map((l) => new Paragraph({ spacing: { after: 0, line: 252 }, keepNext: true, children: runs(l, { size: 12 }) })),
  ];
}

function closing(doc: PartyDocument, width: number): Table[] {
  const left = doc.signatures?.left ?? null;
  const right = doc.signatures?.right ?? null;
  const recipients = doc.recipients ?? null;
  if (!left && !right && !(recipients && recipients.length)) return [];
  const half = Math.round(width / 2);
  const rows = left
    ? [
        new TableRow({ cantSplit: true, children: [cell(signatureParagraphs(left), half), cell(signatureParagraphs(right), width - half)] }),
        ...(recipients && recipients.length
          ? [new TableRow({ cantSplit: true, children: [cell(recipientParagraphs(recipients), half), cell([], width - half)] })]
          : []),
      ]
    : [new TableRow({ cantSplit: true, children: [cell(recipientParagraphs(recipients), half), cell(signatureParagraphs(right), width - half)] })];
  // No cell padding (as the PDF's columns): "Nơi nhận" starts at the left margin.
  return [new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: [half, width - half], layout: TableLayoutType.FIXED, borders: NO_BORDERS, margins: { top: 0, bottom: 0, left: 0, right: 0 }, rows })];
}

/**
 * The short rule under the title (28 mm, as in the PDF): the bottom border of an empty paragraph
 * indented from both sides — a real line, not the text "-----".
 */
function titleRule(width: number): Paragraph {
  const side = Math.max(0, Math.round((width - convertMillimetersToTwip(28)) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 280, line: 120, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    keepNext: true,
    children: [],
  });
}

/** "DỰ THẢO", boxed at the top right of a draft (Word and Writer draw the paragraph border round the text). */
function draftMark(width: number): Paragraph {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: Math.max(0, width - convertMillimetersToTwip(32)) },
    spacing: { after: 80 },
    border: { top: line, bottom: line, left: line, right: line },
    children: runs('DỰ THẢO', { size: 13, bold: true }),
  });
}

/** The Word document as a `docx` Document (for callers that add more sections). */
export function partyDocxDocument(doc: PartyDocument): Document {
  const landscape = doc.orientation === 'landscape';
  const m = marginsOf(doc);
  const width = contentWidth(doc);
  const summaryLines = (doc.summary ?? '').split(/\r\n?|\n/).filter((s) => s.trim());
  const body = doc.body.flatMap((b, i) => blockElements(b, width, landscape, i === doc.body.length - 1));
  const pageNumbers = doc.pageNumbers ?? true;

  const section: ISectionOptions = {
    properties: {
      titlePage: true, // a different first-page header: no number on page 1
      page: {
        size: { width: A4.width, height: A4.height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: {
          top: convertMillimetersToTwip(m.top),
          bottom: convertMillimetersToTwip(m.bottom),
          left: convertMillimetersToTwip(m.left),
          right: convertMillimetersToTwip(m.right),
          header: convertMillimetersToTwip(Math.max(5, m.top / 2)),
          footer: convertMillimetersToTwip(Math.max(5, m.bottom / 2)),
        },
      },
    },
    headers: {
      first: new Header({ children: [new Paragraph({ children: [] })] }),
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: pageNumbers ? [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] : [],
          }),
        ],
      }),
    },
    children: [
      ...(doc.draft ? [draftMark(width)] : []),
      headerTable(doc, width),
      new Paragraph({ spacing: { before: 360, after: 0 }, alignment: AlignmentType.CENTER, keepNext: true, children: runs(upper(doc.kind), { size: 16, bold: true }) }),
      // Indented 8% each side like the PDF's summary, so both wrap the long title at the same words.
      ...summaryLines.map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            indent: { left: Math.round(width * 0.08), right: Math.round(width * 0.08) },
            spacing: { before: 40, after: 0, line: TIGHT_LINE },
            keepNext: true,
            children: runs(line, { bold: true }),
          }),
      ),
      titleRule(width),
      ...body,
      ...closing(doc, width),
    ],
  };

  return new Document({
    creator: 'QCDC Desk',
    title: doc.title ?? doc.kind,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [section],
  });
}

/** Builds the .docx bytes of a Party-format document. */
export async function buildPartyDocx(doc: PartyDocument): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(partyDocxDocument(doc));
  return new Uint8Array(buffer);
}
