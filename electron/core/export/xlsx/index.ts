/** Spreadsheets: the streaming table writer (own SpreadsheetML), the plain-value reader (exceljs), column letters. */
export { writeTableXlsx, writeTablesXlsx, toExcelDate, safeSheetName, type TableXlsxOptions, type XlsxColumn, type XlsxTitle, type XlsxRow, type XlsxCellType } from './writer';
export { readXlsxSheets, sniffSpreadsheet, plainValue, dateToIso, type RawSheet, type SheetCell, type FileKind } from './reader';
export { columnLetter } from './spreadsheetml';
