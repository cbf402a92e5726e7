import type { RawSheet, SheetCell } from '../xlsx/reader';

/*
 * CSV lists ("CSV UTF-8" from Excel, or the locale's semicolon CSV) read as one sheet, so every
 * import reads them like a workbook. Legacy single-byte CSVs (Windows-1258) are not guessed at:
 * bytes that are not UTF-8 are refused by the caller as "not a spreadsheet".
 */

/** Whether the bytes are UTF-8 text with a separator on the first lines (not a binary file). */
export function looksLikeCsv(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? trimPartial(head) : head);
  } catch {
    return false;
  }
  return /[,;\t]/.test(text.split(/\r?\n/, 5).join('\n'));
}

/** Drops a UTF-8 sequence cut at the end of the sample. */
function trimPartial(b: Uint8Array): Uint8Array {
  let end = b.length;
  while (end > 0 && (b[end - 1]! & 0xc0) === 0x80) end--;
  if (end > 0 && b[end - 1]! >= 0xc0) end--;
  return b.subarray(0, end);
}

/** The separator used most on the first lines outside quotes: ";" (Vietnamese locale), "," or tab. */
function separatorOf(text: string): string {
  const lines = text.split(/\r?\n/, 10).join('\n').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((s) => [s, lines.split(s).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

export function readCsvSheet(bytes: Uint8Array, name = 'CSV'): RawSheet {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = separatorOf(text);
  const rows: SheetCell[][] = [];
  let row: SheetCell[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell === '' ? null : cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1]!.every((c) => c === null)) rows.pop();
  return { name, rows, merges: [], hidden: false, textFonts: {}, capitalsFontCells: [] };
}
