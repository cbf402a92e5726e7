import ExcelJS from 'exceljs';
import { normalizeText } from '../../../../shared/text/vietnamese';
import { AppError } from '../../errors';

/*
 * Reads an .xlsx into plain text grids (one per sheet). Merged cells repeat their master value
 * (exceljs does this), so a unit name merged down several rows is on every row. Dates become
 * dd/mm/yyyy text, formulas their cached result, rich text its plain text.
 */

export interface SheetGrid {
  name: string;
  /** rows[i] is Excel row i + 1; cells[j] is column j + 1. */
  rows: string[][];
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'x' : '';
  if (value instanceof Date) return `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return normalizeText(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof (value as { text?: unknown }).text === 'string') return normalizeText((value as { text: string }).text);
    if ('error' in value) return '';
  }
  return normalizeText(String(value));
}

export async function readWorkbookGrids(bytes: Uint8Array): Promise<SheetGrid[]> {
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    const ole = bytes.length > 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf;
    throw new AppError(
      'VALIDATION',
      ole
        ? 'Tệp Excel đời cũ (.xls) chưa đọc được: hãy mở tệp bằng Excel và lưu lại dạng .xlsx rồi nhập lại.'
        : 'Tệp không phải là bảng tính Excel (.xlsx).',
      { bytes: 'Tệp không phải là bảng tính Excel (.xlsx).' },
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.', { bytes: 'Không đọc được tệp Excel.' });
  }
  const grids: SheetGrid[] = [];
  wb.eachSheet((ws) => {
    if (ws.state && ws.state !== 'visible') return;
    const rows: string[][] = [];
    const width = Math.min(ws.columnCount, 200);
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
      rows.push(cells);
    }
    grids.push({ name: ws.name, rows });
  });
  if (!grids.length) throw new AppError('VALIDATION', 'Tệp Excel không có trang tính nào.');
  return grids;
}
