/** The only module that touches exceljs: streaming table writer and a plain-value reader. */
export { writeTableXlsx, writeTablesXlsx, toExcelDate, safeSheetName, type TableXlsxOptions, type XlsxColumn, type XlsxTitle, type XlsxRow, type XlsxCellType } from './writer';
export { readXlsxSheets, sniffSpreadsheet, plainValue, dateToIso, type RawSheet, type SheetCell, type FileKind } from './reader';
