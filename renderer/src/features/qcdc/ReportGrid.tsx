/**
 * The period report grid: units as rows, indicators as columns, entered like a spreadsheet.
 * Arrows / Tab / Enter move; typing replaces the cell; F2 edits it; Space toggles a yes/no; Delete
 * clears; Escape cancels; Ctrl+V of a tab-separated block (copied from Excel) fills the grid from
 * the focused cell. Counted and ratio cells are read-only and say where their figure comes from.
 */
import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Text } from '@mantine/core';
import type { FigureValue, IndicatorKind } from '../../../../shared/schemas/qcdc';
import { editText, formatCell, parseCell, parseClipboard } from './gridModel';
import classes from './ReportGrid.module.css';

export interface GridColumn {
  id: string;
  name: string;
  kind: IndicatorKind;
  /** Counted from a register or computed (ratio): shown, never typed. */
  readOnly: boolean;
  /** Why a read-only cell cannot be typed ("Đếm từ sổ hội nghị đối thoại"). */
  sourceLabel: string | null;
  unitLabel: string | null;
}

export interface GridRow {
  id: string;
  name: string;
  /** Shown under the name (e.g. "Đã báo cáo 12/01/2023"). */
  note?: string | null;
}

export interface CellChange {
  rowId: string;
  columnId: string;
  value: FigureValue;
}

export interface PasteResult {
  filled: number;
  /** Cells not written: read-only targets, outside the grid, or text that is not a figure. */
  skipped: { row: number; column: number; message: string }[];
}

interface Editing {
  text: string;
  /** Began by typing (arrows then leave the cell, as in Excel) rather than by F2 (arrows move the caret). */
  typed: boolean;
}

export function ReportGrid({
  columns,
  rows,
  valueOf,
  isEdited,
  onChange,
  onPaste,
  label = 'Bảng số liệu',
}: {
  columns: GridColumn[];
  rows: GridRow[];
  valueOf: (rowId: string, columnId: string) => FigureValue;
  isEdited?: (rowId: string, columnId: string) => boolean;
  onChange: (changes: CellChange[]) => void;
  onPaste?: (result: PasteResult) => void;
  label?: string;
}) {
  const [active, setActive] = useState({ r: 0, c: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  // Mirrors `editing` synchronously: the editor's blur (fired as it unmounts after Escape or Enter)
  // must not commit a cell that was just cancelled or already committed.
  const editingRef = useRef<Editing | null>(null);
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const [cellError, setCellError] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Focus follows the active cell only after the grid itself was used (not on first render).
  const engaged = useRef(false);

  const r = Math.min(active.r, Math.max(rows.length - 1, 0));
  const c = Math.min(active.c, Math.max(columns.length - 1, 0));
  const column = columns[c];
  const row = rows[r];

  useEffect(() => {
    if (!engaged.current) return;
    if (editing) inputRef.current?.focus();
    else tableRef.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`)?.focus();
  }, [r, c, editing]);

  const move = (dr: number, dc: number) => {
    let nr = r + dr;
    let nc = c + dc;
    // Tab past the last column goes on to the next row's first, as in Excel.
    if (nc >= columns.length) {
      nc = 0;
      nr += 1;
    } else if (nc < 0) {
      nc = columns.length - 1;
      nr -= 1;
    }
    nr = Math.max(0, Math.min(rows.length - 1, nr));
    nc = Math.max(0, Math.min(columns.length - 1, nc));
    setActive({ r: nr, c: nc });
  };

  const commit = (): boolean => {
    if (!editing || !row || !column) return true;
    const parsed = parseCell(column.kind, editing.text);
    if (!parsed.ok) {
      setCellError(parsed.message);
      return false;
    }
    setCellError(null);
    if (parsed.value !== valueOf(row.id, column.id)) onChange([{ rowId: row.id, columnId: column.id, value: parsed.value }]);
    setEditing(null);
    return true;
  };

  const set = (value: FigureValue) => {
    if (!row || !column || column.readOnly) return;
    onChange([{ rowId: row.id, columnId: column.id, value }]);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    engaged.current = true;
    if (!row || !column) return;
    const key = e.key;
    if (editing) {
      if (key === 'Escape') {
        e.preventDefault();
        setCellError(null);
        setEditing(null);
        return;
      }
      const moves: Record<string, [number, number]> = { Enter: [e.shiftKey ? -1 : 1, 0], Tab: [0, e.shiftKey ? -1 : 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
      if (editing.typed) Object.assign(moves, { ArrowLeft: [0, -1], ArrowRight: [0, 1] });
      const m = moves[key];
      if (m) {
        e.preventDefault();
        if (commit()) move(m[0], m[1]);
      }
      return;
    }
    const nav: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [e.shiftKey ? -1 : 1, 0],
      Tab: [0, e.shiftKey ? -1 : 1],
    };
    if (nav[key]) {
      // Tab out of the last cell leaves the grid for the Save button instead of trapping focus.
      const last = r === rows.length - 1 && c === columns.length - 1;
      const first = r === 0 && c === 0;
      if (key === 'Tab' && ((last && !e.shiftKey) || (first && e.shiftKey))) return;
      e.preventDefault();
      setCellError(null);
      move(nav[key][0], nav[key][1]);
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (column.readOnly) {
      if (key.length === 1 || key === 'Delete' || key === 'Backspace' || key === 'F2') {
        e.preventDefault();
        setCellError(column.sourceLabel ? `Ô này không nhập: ${column.sourceLabel.toLowerCase()}.` : 'Ô này không nhập.');
      }
      return;
    }
    if (key === 'Delete' || key === 'Backspace') {
      e.preventDefault();
      set(null);
      return;
    }
    if (column.kind === 'yesno') {
      if (key === ' ') {
        e.preventDefault();
        set(valueOf(row.id, column.id) !== true);
        return;
      }
      if (key.length === 1) {
        const parsed = parseCell('yesno', key);
        e.preventDefault();
        if (parsed.ok) {
          setCellError(null);
          set(parsed.value);
        } else setCellError('Ô Có/Không: gõ C (có) hoặc K (không), hoặc phím cách để đổi.');
      }
      return;
    }
    if (key === 'F2') {
      e.preventDefault();
      setEditing({ text: editText(column.kind, valueOf(row.id, column.id)), typed: false });
      return;
    }
    if (key.length === 1) {
      // Typing replaces the cell's content with what is typed (the first key is the first character).
      e.preventDefault();
      setEditing({ text: key, typed: true });
    }
  };

  const paste = (e: ClipboardEvent) => {
    if (editing) return; // inside the cell editor the browser pastes into the input
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    engaged.current = true;
    const block = parseClipboard(text);
    const changes: CellChange[] = [];
    const skipped: PasteResult['skipped'] = [];
    block.forEach((cells, i) => {
      cells.forEach((raw, j) => {
        const tr = r + i;
        const tc = c + j;
        const target = columns[tc];
        const targetRow = rows[tr];
        if (!target || !targetRow) {
          if (raw.trim() !== '') skipped.push({ row: tr, column: tc, message: 'Ngoài bảng.' });
          return;
        }
        if (target.readOnly) {
          if (raw.trim() !== '') skipped.push({ row: tr, column: tc, message: `${target.name}: ô không nhập.` });
          return;
        }
        const parsed = parseCell(target.kind, raw);
        if (!parsed.ok) skipped.push({ row: tr, column: tc, message: `${targetRow.name} – ${target.name}: ${parsed.message}` });
        else changes.push({ rowId: targetRow.id, columnId: target.id, value: parsed.value });
      });
    });
    if (changes.length) onChange(changes);
    onPaste?.({ filled: changes.length, skipped });
  };

  if (!columns.length || !rows.length) return null;

  return (
    <div>
      {/* Only the table scrolls (both ways, headers and unit names sticky); the help line stays put. */}
      <div className={classes.wrap}>
      <table ref={tableRef} role="grid" aria-label={label} className={classes.grid} onKeyDown={onKeyDown} onPaste={paste}>
        <thead>
          <tr>
            <th className={classes.corner} scope="col">
              Đơn vị
            </th>
            {columns.map((col) => (
              <th key={col.id} scope="col" className={classes.head} title={col.sourceLabel ?? undefined}>
                {col.name}
                {col.unitLabel && <span className={classes.unitLabel}> ({col.unitLabel})</span>}
                {/* The full source is the header's hover title; the cell says only that it is not typed. */}
                {col.readOnly && <span className={classes.source}>{col.kind === 'ratio' ? 'tự tính' : 'tự đếm từ sổ'}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((gr, ri) => (
            <tr key={gr.id}>
              <th scope="row" className={classes.rowHead}>
                {gr.name}
                {gr.note && <span className={classes.rowNote}>{gr.note}</span>}
              </th>
              {columns.map((col, ci) => {
                const isActive = ri === r && ci === c;
                const value = valueOf(gr.id, col.id);
                const edited = isEdited?.(gr.id, col.id) ?? false;
                const cls = [classes.cell, col.readOnly ? classes.readOnly : '', isActive ? classes.active : '', edited ? classes.edited : '', col.kind === 'text' ? classes.textCell : ''].join(' ');
                return (
                  <td
                    key={col.id}
                    role="gridcell"
                    data-cell={`${ri}:${ci}`}
                    aria-readonly={col.readOnly || undefined}
                    aria-selected={isActive}
                    aria-label={`${gr.name} – ${col.name}`}
                    tabIndex={isActive ? 0 : -1}
                    className={cls}
                    title={col.readOnly ? (col.sourceLabel ?? 'Tự tính từ các chỉ tiêu khác') : undefined}
                    onMouseDown={() => {
                      engaged.current = true;
                      if (editing && !isActive && !commit()) return;
                      setCellError(null);
                      setActive({ r: ri, c: ci });
                    }}
                    onDoubleClick={() => {
                      if (col.readOnly) return;
                      if (col.kind === 'yesno') set(value !== true);
                      else setEditing({ text: editText(col.kind, value), typed: false });
                    }}
                  >
                    {isActive && editing ? (
                      <input
                        ref={inputRef}
                        className={classes.editor}
                        aria-label={`Nhập ${col.name} của ${gr.name}`}
                        value={editing.text}
                        onChange={(ev) => setEditing({ ...editing, text: ev.currentTarget.value })}
                        onBlur={() => {
                          // Leaving the grid (clicking Save) keeps what was typed when it is valid.
                          if (editingRef.current) commit();
                        }}
                      />
                    ) : (
                      formatCell(col.kind, value)
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <Text size="xs" c={cellError ? 'red.8' : 'dimmed'} mt={4} role={cellError ? 'alert' : undefined} mih={18}>
        {cellError ??
          'Mũi tên, Tab, Enter: chuyển ô · gõ để thay nội dung, F2 để sửa · phím cách: Có/Không · Delete: xoá · Ctrl+V: dán khối ô từ Excel vào từ ô đang chọn.'}
      </Text>
    </div>
  );
}
