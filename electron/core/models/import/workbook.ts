import { normalizeText } from '../../../../shared/text/vietnamese';
import { readWorkbook, type ImportSheet } from '../../export/import';

/*
 * Reads an uploaded .xlsx into plain text grids (one per visible sheet) through the shared import
 * engine (export/import): it refuses .xls and broken files with Vietnamese messages, fills merged
 * cells, turns dates into ISO text, and converts legacy TCVN3/VNI text to Unicode.
 */

export interface SheetGrid {
  name: string;
  /** rows[i] is Excel row i + 1; cells[j] is column j + 1. */
  rows: string[][];
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
  encoding: 'none' | 'tcvn3' | 'vni';
}

function cellText(value: ImportSheet['rows'][number][number] | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'x' : '';
  if (typeof value === 'number') return String(value);
  return normalizeText(value);
}

export async function readWorkbookGrids(bytes: Uint8Array): Promise<WorkbookGrids> {
  const book = await readWorkbook(bytes);
  const sheets = book.sheets
    .filter((s) => !s.hidden)
    .map((s) => {
      const width = Math.min(200, s.rows.reduce((w, r) => Math.max(w, r.length), 0));
      return { name: s.name, rows: s.rows.map((r) => Array.from({ length: width }, (_, j) => cellText(r[j]))) };
    });
  return { sheets, encoding: book.encoding === 'unicode' ? 'none' : book.encoding };
}
