/** Tolerant table import (see table.ts for the flow). */
export {
  readWorkbook,
  detectHeader,
  mapColumns,
  iterateRows,
  readRows,
  importTable,
  rememberMapping,
  recallMapping,
  isNumberingRow,
  foldHeader,
  type FieldSpec,
  type ImportWorkbook,
  type ImportSheet,
  type HeaderColumn,
  type HeaderMatch,
  type ColumnMapping,
  type DataRow,
  type SkippedRow,
  type SkipReason,
  type ImportedSheet,
  type ImportedTable,
} from './table';
export { cleanText, parseTick, parseKind, parseDateCell, parseNumberCell, parseIntegerCell, excelSerialToIso, type ModelKind } from './normalize';
export { detectEncoding, toUnicode, convertTcvn3, convertVni, encodingScores, legacyToCleanText, type TextEncoding } from './legacy';
export { refineMappingByContent, sampleColumns, type ContentRule, type ContentEvidence } from './content';
export { looksLikeCsv, readCsvSheet } from './csv';
export { readXlsSheets } from './xls';
