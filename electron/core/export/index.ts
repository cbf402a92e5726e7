/**
 * Documents and spreadsheets (README "Documents"):
 * - `document.ts`  the PartyDocument model and helpers (header from the profile, numbers, signatures);
 * - `print/`       renderPartyDocument → print HTML (preview, print, `ctx.platform.renderPdf`);
 * - `docx/`        buildPartyDocx → Word bytes from the same model;
 * - `xlsx/`        the only module that touches exceljs (streaming writer, reader);
 * - `import/`      tolerant table import (readWorkbook, detectHeader, mapColumns, iterateRows, normalisers).
 */
export * from './document';
export * from './print';
export * from './docx';
export * from './xlsx';
export * from './import';
