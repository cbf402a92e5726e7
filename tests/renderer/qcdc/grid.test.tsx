import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportGrid, type CellChange, type GridColumn, type PasteResult } from '../../../renderer/src/features/qcdc/ReportGrid';
import { parseCell, parseClipboard } from '../../../renderer/src/features/qcdc/gridModel';
import type { FigureValue } from '../../../shared/schemas/qcdc';
import { renderWithApp } from '../render';

const COLUMNS: GridColumn[] = [
  { id: 'hn', name: 'Hội nghị nhân dân', kind: 'count', readOnly: false, sourceLabel: null, unitLabel: 'cuộc' },
  { id: 'tt', name: 'Ban TTND hoạt động', kind: 'yesno', readOnly: false, sourceLabel: null, unitLabel: null },
  { id: 'dt', name: 'Hội nghị đối thoại', kind: 'count', readOnly: true, sourceLabel: 'Đếm từ sổ hội nghị đối thoại', unitLabel: 'cuộc' },
  { id: 'kn', name: 'Đơn khiếu nại', kind: 'count', readOnly: false, sourceLabel: null, unitLabel: 'đơn' },
];
const ROWS = [
  { id: 'u1', name: 'Xã Hòa Bình' },
  { id: 'u2', name: 'Xã Tân Lập' },
  { id: 'u3', name: 'Phường Đông Hà' },
];

/** The grid over a real value store, the way the report screen holds its edits. */
function Harness({ log, pastes, initial = {} }: { log: CellChange[][]; pastes: PasteResult[]; initial?: Record<string, FigureValue> }) {
  const [values, setValues] = useState<Record<string, FigureValue>>({ 'u1|dt': 3, ...initial });
  return (
    <ReportGrid
      columns={COLUMNS}
      rows={ROWS}
      valueOf={(r, c) => values[`${r}|${c}`] ?? null}
      onChange={(changes) => {
        log.push(changes);
        setValues((v) => {
          const next = { ...v };
          for (const ch of changes) next[`${ch.rowId}|${ch.columnId}`] = ch.value;
          return next;
        });
      }}
      onPaste={(r) => pastes.push(r)}
    />
  );
}

const cell = (row: string, col: string) => screen.getByRole('gridcell', { name: `${row} – ${col}` });

describe('QCDC report grid', () => {
  it('moves with arrows, Tab and Enter; typing replaces the cell and Enter commits and goes down', async () => {
    const log: CellChange[][] = [];
    renderWithApp(<Harness log={log} pastes={[]} initial={{ 'u1|hn': 7 }} />);
    const user = userEvent.setup();
    await user.click(cell('Xã Hòa Bình', 'Hội nghị nhân dân'));
    expect(cell('Xã Hòa Bình', 'Hội nghị nhân dân').getAttribute('aria-selected')).toBe('true');

    // Typing replaces 7 (not appends): "12" then Enter.
    await user.keyboard('12{Enter}');
    expect(cell('Xã Hòa Bình', 'Hội nghị nhân dân').textContent).toBe('12');
    expect(log.at(-1)).toEqual([{ rowId: 'u1', columnId: 'hn', value: 12 }]);
    expect(cell('Xã Tân Lập', 'Hội nghị nhân dân').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(cell('Xã Tân Lập', 'Hội nghị nhân dân'));

    // Tab right, arrows down/left/up.
    await user.keyboard('{Tab}');
    expect(cell('Xã Tân Lập', 'Ban TTND hoạt động').getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}{ArrowLeft}');
    expect(cell('Phường Đông Hà', 'Hội nghị nhân dân').getAttribute('aria-selected')).toBe('true');
    // Thousands written the Vietnamese way; Tab commits and moves right.
    await user.keyboard('2.360{Tab}');
    expect(cell('Phường Đông Hà', 'Hội nghị nhân dân').textContent).toBe('2.360');
    expect(log.at(-1)).toEqual([{ rowId: 'u3', columnId: 'hn', value: 2360 }]);
    expect(cell('Phường Đông Hà', 'Ban TTND hoạt động').getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(cell('Xã Hòa Bình', 'Ban TTND hoạt động').getAttribute('aria-selected')).toBe('true');
  });

  it('toggles yes/no with space, clears with Delete, cancels with Escape and refuses bad numbers', async () => {
    const log: CellChange[][] = [];
    renderWithApp(<Harness log={log} pastes={[]} initial={{ 'u2|hn': 5 }} />);
    const user = userEvent.setup();
    await user.click(cell('Xã Hòa Bình', 'Ban TTND hoạt động'));
    await user.keyboard(' ');
    expect(cell('Xã Hòa Bình', 'Ban TTND hoạt động').textContent).toBe('Có');
    await user.keyboard(' ');
    expect(cell('Xã Hòa Bình', 'Ban TTND hoạt động').textContent).toBe('Không');
    await user.keyboard('c');
    expect(cell('Xã Hòa Bình', 'Ban TTND hoạt động').textContent).toBe('Có');
    expect(log.map((l) => l[0]!.value)).toEqual([true, false, true]);

    // Escape keeps the old figure.
    await user.click(cell('Xã Tân Lập', 'Hội nghị nhân dân'));
    await user.keyboard('99{Escape}');
    expect(cell('Xã Tân Lập', 'Hội nghị nhân dân').textContent).toBe('5');
    // Not a count: stays in the editor with a Vietnamese message, nothing written.
    const before = log.length;
    await user.keyboard('-3{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('không phải số nguyên không âm');
    expect(log.length).toBe(before);
    await user.keyboard('{Escape}{Delete}');
    expect(log.at(-1)).toEqual([{ rowId: 'u2', columnId: 'hn', value: null }]);
    expect(cell('Xã Tân Lập', 'Hội nghị nhân dân').textContent).toBe('');
  });

  it('keeps counted cells read-only and says where they come from', async () => {
    const log: CellChange[][] = [];
    renderWithApp(<Harness log={log} pastes={[]} />);
    const user = userEvent.setup();
    const counted = cell('Xã Hòa Bình', 'Hội nghị đối thoại');
    expect(counted.getAttribute('aria-readonly')).toBe('true');
    expect(counted.getAttribute('title')).toBe('Đếm từ sổ hội nghị đối thoại');
    await user.click(counted);
    await user.keyboard('8{Delete}');
    expect(log).toEqual([]);
    expect(counted.textContent).toBe('3');
    expect(screen.getByRole('alert').textContent).toContain('đếm từ sổ hội nghị đối thoại');
  });

  it('pastes a tab-separated block from the focused cell, skipping counted columns and bad text', async () => {
    const log: CellChange[][] = [];
    const pastes: PasteResult[] = [];
    renderWithApp(<Harness log={log} pastes={pastes} />);
    const user = userEvent.setup();
    await user.click(cell('Xã Tân Lập', 'Hội nghị nhân dân'));
    // Two rows × four columns as Excel puts them on the clipboard (CRLF, trailing newline); the
    // third column lands on the counted one; row 2 runs past the last unit; "abc" is no count.
    const clip = '4\tx\t9\t1.200\r\n6\tkhông\t\tabc\r\n1\t1\t1\t1\r\n';
    fireEvent.paste(document.activeElement!, { clipboardData: { getData: (t: string) => (t === 'text/plain' ? clip : '') } });
    expect(log).toHaveLength(1);
    expect(log[0]).toEqual([
      { rowId: 'u2', columnId: 'hn', value: 4 },
      { rowId: 'u2', columnId: 'tt', value: true },
      { rowId: 'u2', columnId: 'kn', value: 1200 },
      { rowId: 'u3', columnId: 'hn', value: 6 },
      { rowId: 'u3', columnId: 'tt', value: false },
    ]);
    expect(pastes[0]!.filled).toBe(5);
    expect(pastes[0]!.skipped.map((s) => s.message)).toEqual([
      'Hội nghị đối thoại: ô không nhập.',
      'Phường Đông Hà – Đơn khiếu nại: “abc” không phải số nguyên không âm.',
      'Ngoài bảng.',
      'Ngoài bảng.',
      'Ngoài bảng.',
      'Ngoài bảng.',
    ]);
    expect(cell('Xã Tân Lập', 'Đơn khiếu nại').textContent).toBe('1.200');
    expect(cell('Phường Đông Hà', 'Ban TTND hoạt động').textContent).toBe('Không');
    expect(cell('Xã Hòa Bình', 'Hội nghị nhân dân').textContent).toBe('');
  });

  it('reads Excel clipboard text and cell text the way officers write them', () => {
    expect(parseClipboard('a\t"b\nc"\t"d""e"\n')).toEqual([['a', 'b\nc', 'd"e']]);
    expect(parseClipboard('1\t2\r\n3\t4')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCell('count', ' 2 360 ')).toEqual({ ok: true, value: 2360 });
    expect(parseCell('count', '')).toEqual({ ok: true, value: null });
    expect(parseCell('yesno', 'Có')).toEqual({ ok: true, value: true });
    expect(parseCell('yesno', 'KHÔNG')).toEqual({ ok: true, value: false });
    expect(parseCell('yesno', 'có lẽ').ok).toBe(false);
    expect(parseCell('ratio', '5').ok).toBe(false);
  });
});
