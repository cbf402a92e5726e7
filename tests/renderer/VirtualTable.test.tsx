import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { VirtualTable, type VirtualColumn } from '../../renderer/src/components/VirtualTable';
import { renderWithApp } from './render';

interface Person {
  id: string;
  name: string;
  year: number;
}

const NAMES = ['Trần Văn Ân', 'Đinh Thị Bình', 'Dương Văn Cường', 'Ưng Hoàng Phúc', 'Ơn Thị Hoa', 'Bùi Minh Đức', 'An Khánh'];

function makeRows(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => ({ id: `id-${i}`, name: NAMES[i % NAMES.length]!, year: 2000 + (i % 25) }));
}

const columns: VirtualColumn<Person>[] = [
  { key: 'name', header: 'Họ và tên', sortValue: (p) => p.name },
  { key: 'year', header: 'Năm', width: 80, align: 'right', sortValue: (p) => p.year },
];

function Harness({ rows, onRowClick }: { rows: Person[]; onRowClick?: (p: Person) => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return (
    <VirtualTable
      label="Danh sách"
      rows={rows}
      columns={columns}
      getRowId={(p) => p.id}
      height={600}
      selectedIds={selected}
      onSelectionChange={setSelected}
      onRowClick={onRowClick}
    />
  );
}

function bodyRows(): HTMLElement[] {
  return screen.getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');
}

function firstCellTexts(): string[] {
  // Column 0 is the checkbox; column 1 the name.
  return bodyRows().map((r) => within(r).getAllByRole('gridcell')[1]!.textContent ?? '');
}

describe('VirtualTable', () => {
  it('renders only a window of 100,000 rows and says how many there are', () => {
    renderWithApp(<Harness rows={makeRows(100_000)} />);
    const rendered = bodyRows().length;
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(screen.getByRole('grid', { name: 'Danh sách' }).getAttribute('aria-rowcount')).toBe('100001');
    expect(screen.getByText('100.000 dòng')).toBeTruthy();
  });

  it('sorts text in Vietnamese alphabetical order, then reverses, then restores', () => {
    renderWithApp(<Harness rows={makeRows(NAMES.length)} />);
    const sortButton = screen.getByRole('button', { name: /Họ và tên/ });
    fireEvent.click(sortButton);
    // A < B < D < Đ < Ơ < T < Ư (Vietnamese alphabet, not code point order: Đ, Ơ, Ư sort after Z there).
    expect(firstCellTexts()).toEqual([
      'An Khánh',
      'Bùi Minh Đức',
      'Dương Văn Cường',
      'Đinh Thị Bình',
      'Ơn Thị Hoa',
      'Trần Văn Ân',
      'Ưng Hoàng Phúc',
    ]);
    expect(screen.getByRole('columnheader', { name: /Họ và tên/ }).getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(sortButton);
    expect(firstCellTexts()[0]).toBe('Ưng Hoàng Phúc');
    fireEvent.click(sortButton);
    expect(firstCellTexts()[0]).toBe('Trần Văn Ân');
  });

  it('sorts people by given name, then middle and family name, with empty cells last', () => {
    const rows = [
      { id: 'a', name: 'Trần Văn Bình', year: 1 },
      { id: 'b', name: '', year: 2 },
      { id: 'c', name: 'Nguyễn Thị An', year: 3 },
      { id: 'd', name: 'Lê Văn Bình', year: 4 },
      { id: 'e', name: 'Đỗ Đức', year: 5 },
    ];
    const personColumns: VirtualColumn<Person>[] = [{ key: 'name', header: 'Họ và tên', sortValue: (p) => p.name, sortAs: 'person' }];
    renderWithApp(<VirtualTable label="Người" rows={rows} columns={personColumns} getRowId={(p) => p.id} height={600} />);
    fireEvent.click(screen.getByRole('button', { name: /Họ và tên/ }));
    const names = () => bodyRows().map((r) => within(r).getAllByRole('gridcell')[0]!.textContent);
    expect(names()).toEqual(['Nguyễn Thị An', 'Lê Văn Bình', 'Trần Văn Bình', 'Đỗ Đức', '']);
    fireEvent.click(screen.getByRole('button', { name: /Họ và tên/ }));
    expect(names()).toEqual(['Đỗ Đức', 'Trần Văn Bình', 'Lê Văn Bình', 'Nguyễn Thị An', '']);
  });

  it('sorts 100,000 rows and shows the right first rows', () => {
    const rows = makeRows(100_000).map((p, i) => ({ ...p, name: `${p.name} ${100_000 - i}` }));
    renderWithApp(<Harness rows={rows} />);
    fireEvent.click(screen.getByRole('button', { name: /Họ và tên/ }));
    // "An Khánh 100.000 - 7k" rows come first, numbers in numeric order ("… 2" before "… 10").
    const first = firstCellTexts().slice(0, 3);
    expect(first.every((t) => t.startsWith('An Khánh '))).toBe(true);
    const numbers = first.map((t) => Number(t.split(' ').pop()));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('sorts numbers numerically', () => {
    const rows = [
      { id: 'a', name: 'A', year: 2010 },
      { id: 'b', name: 'B', year: 999 },
      { id: 'c', name: 'C', year: 30 },
    ];
    renderWithApp(<Harness rows={rows} />);
    fireEvent.click(screen.getByRole('button', { name: /Năm/ }));
    expect(bodyRows().map((r) => within(r).getAllByRole('gridcell')[2]!.textContent)).toEqual(['30', '999', '2010']);
  });

  it('selects rows one by one and all at once, and counts the selection', () => {
    renderWithApp(<Harness rows={makeRows(1000)} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chọn dòng 1' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chọn dòng 3' }));
    expect(screen.getByText(/đã chọn 2/)).toBeTruthy();
    expect(bodyRows()[0]!.getAttribute('aria-selected')).toBe('true');
    expect(bodyRows()[1]!.getAttribute('aria-selected')).toBe('false');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chọn tất cả' }));
    expect(screen.getByText(/đã chọn 1\.000/)).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chọn tất cả' }));
    expect(screen.queryByText(/đã chọn/)).toBeNull();
  });

  it('opens a row by click and by Enter, and a checkbox click does not open it', () => {
    const open = vi.fn();
    renderWithApp(<Harness rows={makeRows(20)} onRowClick={open} />);
    fireEvent.click(within(bodyRows()[2]!).getAllByRole('gridcell')[1]!);
    expect(open).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'id-2' }));
    fireEvent.keyDown(bodyRows()[4]!, { key: 'Enter' });
    expect(open).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'id-4' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chọn dòng 1' }));
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('shows a Vietnamese empty state when there are no rows', () => {
    renderWithApp(<Harness rows={[]} />);
    expect(screen.getByText('Không có dữ liệu')).toBeTruthy();
    expect(screen.getByText('0 dòng')).toBeTruthy();
  });
});
