/**
 * Party-format print HTML (Hướng dẫn 36-HD/VPTW) from a `PartyDocument`.
 *
 * The output is one self-contained HTML string: A4 `@page` with the profile's margins, page
 * numbers at the top centre from page 2 (CSS margin boxes, Chromium ≥ 131), the embedded Tinos
 * faces, and no scripts. The same string feeds the print preview (sandboxed iframe), printing and
 * `ctx.platform.renderPdf(html, { landscape })`.
 *
 * Layout rules that matter on paper:
 * - the signature block and "Nơi nhận" (with the last short paragraph) never split across pages;
 * - long bodies flow; table rows do not split and header rows repeat on every page.
 */
import {
  cellText,
  columnPercents,
  headerRows,
  inlineRuns,
  listMarker,
  marginsOf,
  recipientLines,
  type Block,
  type InlineContent,
  type PartyDocument,
  type SignatureBlock,
} from '../document';
import { embeddedFontFaceCss, PRINT_FONT_STACK } from './fonts';
import { escapeHtml, html, joinHtml, textWithBreaks, unsafeRaw, type SafeHtml } from './html';

export interface RenderOptions {
  /**
   * Use only the embedded Tinos (skip the system's Times New Roman). Tests use it to prove the
   * bundled faces work; the app keeps the default so Windows prints with Times New Roman.
   */
  embeddedFontOnly?: boolean;
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Number in CSS (from validated settings); guards against NaN reaching the stylesheet. */
const mm = (n: number) => `${Number.isFinite(n) ? Math.max(0, Math.min(100, n)) : 20}mm`;

function inline(content: InlineContent): SafeHtml {
  return joinHtml(
    inlineRuns(content).map((r) => {
      let out: SafeHtml = textWithBreaks(r.text);
      if (r.underline) out = html`<u>${out}</u>`;
      if (r.italic) out = html`<em>${out}</em>`;
      if (r.bold) out = html`<strong>${out}</strong>`;
      return out;
    }),
  );
}

const ALIGN_CLASS = { justify: 'a-j', left: 'a-l', center: 'a-c', right: 'a-r' } as const;

function renderBlock(block: Block, landscape: boolean): SafeHtml {
  switch (block.type) {
    case 'paragraph': {
      const align = block.align ?? 'justify';
      const indent = block.indent ?? align === 'justify';
      const cls = [ALIGN_CLASS[align], indent ? 'ind' : 'noind', block.bold ? 'b' : '', block.italic ? 'i' : '', block.keepNext ? 'kn' : ''].filter(Boolean).join(' ');
      return html`<p class="${cls}">${inline(block.text)}</p>`;
    }
    case 'heading': {
      const align = block.align ?? 'justify';
      return html`<p class="h h${block.level ?? 1} ${ALIGN_CLASS[align]} ${align === 'center' ? 'noind' : 'ind'}">${block.text}</p>`;
    }
    case 'list':
      return joinHtml(
        block.items.map(
          (item, i) => html`<p class="a-j ind li">${listMarker(block.style, i, block.start)} ${inline(item)}</p>`,
        ),
      );
    case 'table': {
      const widths = columnPercents(block.columns);
      const size = block.fontSize ?? (landscape ? 12 : 13);
      const alignOf = (i: number) => block.columns[i]?.align ?? 'left';
      // Registers can have 100k rows: build row strings directly (every cell still escaped).
      const tdOpen = block.columns.map((_, i) => `<td class="${ALIGN_CLASS[alignOf(i)]}">`);
      const cellHtml = (c: string | number | null | undefined) => escapeHtml(cellText(c)).replace(/\r\n?|\n/g, '<br>');
      const row = (cells: readonly (string | number | null | undefined)[], cls = '') => {
        let out = cls ? `<tr class="${cls}">` : '<tr>';
        for (let i = 0; i < block.columns.length; i += 1) out += `${tdOpen[i]}${cellHtml(cells[i])}</td>`;
        return `${out}</tr>\n`;
      };
      return html`<table class="grid" style="font-size:${unsafeRaw(`${Number(size) || 13}pt`)}">
<colgroup>${widths.map((w) => html`<col style="width:${unsafeRaw(w.toFixed(2))}%">`)}</colgroup>
<thead>${headerRows(block).map(
        (cells) =>
          html`<tr>${cells.map(
            (c) => html`<th${unsafeRaw(`${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ' rowspan="2"' : ''}`)}>${textWithBreaks(c.text)}</th>`,
          )}</tr>`,
      )}</thead>
<tbody>${unsafeRaw(block.rows.map((r) => row(r)).join('') + (block.totalsRow ? row(block.totalsRow, 'total') : ''))}</tbody>
</table>`;
    }
    case 'pageBreak':
      return html`<div class="pb"></div>`;
  }
}

function renderSignature(sig: SignatureBlock | null | undefined): SafeHtml {
  if (!sig) return html``;
  return html`<div class="sig">
${sig.titleLines.map((line) => html`<div class="sig-title">${upper(line)}</div>`)}
<div class="sig-space">${sig.note ? html`<span class="sig-note">${sig.note}</span>` : ''}</div>
<div class="sig-name">${sig.signerName ?? ''}</div>
</div>`;
}

function renderRecipients(items: readonly string[] | null | undefined): SafeHtml {
  if (!items || items.length === 0) return html``;
  return html`<div class="recipients"><div class="rc-label">Nơi nhận:</div>${recipientLines(items).map((l) => html`<div class="rc-item">${l}</div>`)}</div>`;
}

function renderClosing(doc: PartyDocument): SafeHtml {
  const left = doc.signatures?.left ?? null;
  const right = doc.signatures?.right ?? null;
  const recipients = doc.recipients ?? null;
  if (!left && !right && !(recipients && recipients.length)) return html``;
  if (left) {
    // Minutes: two signatures side by side, recipients (rare) underneath.
    return html`<div class="sig-row"><div class="col-l">${renderSignature(left)}</div><div class="col-r">${renderSignature(right)}</div></div>${
      recipients && recipients.length ? html`<div class="sig-row"><div class="col-l">${renderRecipients(recipients)}</div></div>` : ''
    }`;
  }
  return html`<div class="sig-row"><div class="col-l">${renderRecipients(recipients)}</div><div class="col-r">${renderSignature(right)}</div></div>`;
}

function stylesheet(doc: PartyDocument, options: RenderOptions): string {
  const m = marginsOf(doc);
  const landscape = doc.orientation === 'landscape';
  const stack = options.embeddedFontOnly ? `"QCDC Tinos", serif` : PRINT_FONT_STACK;
  const pageNumbers = doc.pageNumbers ?? true;
  const numberBox = pageNumbers
    ? `@top-center{content:counter(page);font-family:${stack};font-size:13pt;vertical-align:middle;}`
    : '';
  return `${embeddedFontFaceCss()}
@page{size:A4 ${landscape ? 'landscape' : 'portrait'};margin:${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)};${numberBox}}
@page :first{@top-center{content:none;}}
*{box-sizing:border-box;}
html{font-family:${stack};font-size:14pt;color:#000;background:#fff;-webkit-print-color-adjust:exact;print-color-adjust:exact;}
body{margin:0;line-height:1.3;font-kerning:normal;}
@media screen{
  html{background:#e9ecef;}
  body{width:${landscape ? 297 : 210}mm;min-height:${landscape ? 210 : 297}mm;margin:12px auto;background:#fff;
    padding:${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)};box-shadow:0 1px 6px rgba(0,0,0,.25);}
}
.hdr{width:100%;border-collapse:collapse;table-layout:fixed;line-height:1.2;}
.hdr td{padding:0;vertical-align:top;text-align:center;}
.hdr .l{width:${landscape ? 42 : 48}%;}
.parent{font-size:14pt;}
.issuer{font-size:14pt;font-weight:bold;}
.star{font-size:14pt;line-height:1.1;}
.number{font-size:14pt;padding-top:2pt;}
.party{font-size:15pt;font-weight:bold;text-decoration:underline;text-underline-offset:3pt;}
.date{font-size:14pt;font-style:italic;padding-top:2pt;}
.kind{margin:24pt 0 0;text-align:center;font-size:16pt;font-weight:bold;line-height:1.2;}
.summary{margin:2pt 8% 0;text-align:center;font-size:14pt;font-weight:bold;line-height:1.25;}
.rule{width:28mm;margin:8pt auto 14pt;border-top:1px solid #000;}
.body p{margin:0 0 6pt;orphans:2;widows:2;}
.a-j{text-align:justify;} .a-l{text-align:left;} .a-c{text-align:center;} .a-r{text-align:right;}
.ind{text-indent:1cm;} .noind{text-indent:0;}
.b{font-weight:bold;} .i{font-style:italic;}
.h,.kn{break-after:avoid;page-break-after:avoid;}
.h{font-weight:bold;}
.draft{text-align:right;margin:0 0 4pt;}
.draft span{display:inline-block;border:1px solid #000;padding:1pt 6pt;font-size:13pt;font-weight:bold;letter-spacing:.5pt;}
.grid{width:100%;border-collapse:collapse;table-layout:fixed;margin:4pt 0 8pt;line-height:1.2;}
.grid th,.grid td{border:1px solid #000;padding:2pt 4pt;vertical-align:top;overflow-wrap:anywhere;}
.grid th{font-weight:bold;text-align:center;vertical-align:middle;}
.grid thead{display:table-header-group;}
.grid tr{break-inside:avoid;page-break-inside:avoid;}
.grid tr.total td{font-weight:bold;}
.pb{break-after:page;page-break-after:always;}
.closing{break-inside:avoid;page-break-inside:avoid;}
.sig-row{display:flex;justify-content:space-between;align-items:flex-start;margin-top:10pt;break-inside:avoid;page-break-inside:avoid;}
.col-l{width:48%;} .col-r{width:48%;}
.sig{text-align:center;line-height:1.25;}
.sig-title{font-weight:bold;font-size:14pt;}
.sig-space{height:26mm;display:flex;align-items:center;justify-content:center;}
.sig-note{font-style:italic;}
.sig-name{font-weight:bold;font-size:14pt;}
.recipients{line-height:1.15;}
.rc-label{font-size:14pt;text-decoration:underline;}
.rc-item{font-size:12pt;}
`;
}

/**
 * Renders a Party-format document to a complete print HTML page.
 * All document text is escaped; the result contains no scripts.
 */
export function renderPartyDocument(doc: PartyDocument, options: RenderOptions = {}): string {
  const landscape = doc.orientation === 'landscape';
  const h = doc.header;
  const body = [...doc.body];
  // Keep the last short paragraph with the signature so a signature never starts a page alone.
  const last = body[body.length - 1];
  const keepLast =
    last && (last.type === 'paragraph' || last.type === 'heading') && plainLength(last) < 700 ? body.pop() : undefined;
  const summaryLines = (doc.summary ?? '').split(/\r\n?|\n/).filter((s) => s.trim());

  const page = html`<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">
<title>${doc.title ?? doc.kind}</title>
<style>${unsafeRaw(stylesheet(doc, options))}</style>
</head>
<body>
${doc.draft ? html`<div class="draft"><span>DỰ THẢO</span></div>` : ''}
<table class="hdr"><tbody>
<tr><td class="l">${h.parentBody.trim() ? html`<div class="parent">${textWithBreaks(upper(h.parentBody))}</div>` : ''}<div class="issuer">${textWithBreaks(upper(h.issuingBody))}</div><div class="star">*</div></td>
<td class="r"><div class="party">ĐẢNG CỘNG SẢN VIỆT NAM</div></td></tr>
<tr><td class="l">${h.number ? html`<div class="number">Số ${h.number}</div>` : ''}</td>
<td class="r">${h.placeDate ? html`<div class="date">${h.placeDate}</div>` : ''}</td></tr>
</tbody></table>
<div class="kind">${upper(doc.kind)}</div>
${summaryLines.map((line) => html`<div class="summary">${line}</div>`)}
<div class="rule"></div>
<div class="body">
${body.map((b) => renderBlock(b, landscape))}
<div class="closing">${keepLast ? renderBlock(keepLast, landscape) : ''}${renderClosing(doc)}</div>
</div>
</body>
</html>`;
  return page.value;
}

function plainLength(block: Block): number {
  if (block.type === 'paragraph') return inlineRuns(block.text).reduce((n, r) => n + r.text.length, 0);
  if (block.type === 'heading') return block.text.length;
  return Infinity;
}
