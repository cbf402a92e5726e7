/** Print HTML for Party-format documents. See ../document.ts for the model. */
export { escapeHtml, html, joinHtml, textWithBreaks, unsafeRaw, SafeHtml, type HtmlValue } from './html';
export { renderPartyDocument, type RenderOptions } from './party';
export { setPrintFontDir, findPrintFontDir, embeddedFontFaceCss, PRINT_FONT_STACK, EMBEDDED_FONT_FAMILY } from './fonts';
export { renderPartyPdf } from './pdf';
