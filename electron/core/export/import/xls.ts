import * as XLSX from '@e965/xlsx';
import { AppError } from '../../errors';
import { dateToIso, type RawSheet, type SheetCell } from '../xlsx/reader';

/*
 * Excel 97–2003 workbooks (.xls, BIFF8), still what many district and commune offices save. exceljs
 * reads only .xlsx, so .xls goes through SheetJS (@e965/xlsx: the current SheetJS release on the npm
 * registry; the registry's old `xlsx` 0.18 has open advisories). Same output as reader.ts: plain
 * values, dates as ISO text, merged cells filled with their top-left value.
 */

export function readXlsSheets(bytes: Uint8Array): RawSheet[] {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellDates: true, cellStyles: false, dense: false });
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel 97–2003 (.xls): tệp bị hỏng. Hãy mở bằng Excel, lưu lại rồi chọn lại.');
  }
  const hidden = new Map((wb.Workbook?.Sheets ?? []).map((s) => [s.name, (s.Hidden ?? 0) !== 0]));
  return wb.SheetNames.map((name): RawSheet => {
    const ws = wb.Sheets[name]!;
    const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true });
    const rows: SheetCell[][] = raw.map((r) =>
      r.map((v): SheetCell => {
        if (v instanceof Date) return dateToIso(v);
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
        return null;
      }),
    );
    const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    // sheet_to_json starts at the used range's first row; rows above it are empty.
    const start = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).s.r : 0;
    const startCol = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']).s.c : 0;
    const grid: SheetCell[][] = [...Array.from({ length: start }, () => []), ...rows.map((r) => [...Array.from({ length: startCol }, () => null), ...r])];
    for (const m of merges) {
      const master = grid[m.top]?.[m.left] ?? null;
      for (let r = m.top; r <= m.bottom; r++) {
        const row = (grid[r] ??= []);
        for (let c = m.left; c <= m.right; c++) {
          if (r === m.top && c === m.left) continue;
          while (row.length < c) row.push(null);
          row[c] = master;
        }
      }
    }
    while (grid.length && grid[grid.length - 1]!.every((v) => v === null || v === '')) grid.pop();
    return { name, rows: grid, merges, hidden: hidden.get(name) ?? false, textFonts: {}, capitalsFontCells: [] };
  });
}
