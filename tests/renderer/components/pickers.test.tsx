import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { installBridge, renderWithApp } from '../render';
import { foldedFilter, MemberSelect, UnitSelect } from '../../../renderer/src/components/pickers';

const UNITS = [
  { id: 'u1', name: 'Đảng bộ huyện Chợ Mới', depth: 0 },
  { id: 'u2', name: 'Công an tỉnh', depth: 0 },
  { id: 'u3', name: 'Đảng bộ xã Yên Đĩnh', depth: 1 },
];

/** The picker's text input (its listbox carries the same label). */
async function pickerInput(label: string): Promise<HTMLInputElement> {
  const found = (await screen.findAllByLabelText(label)).find((el): el is HTMLInputElement => el instanceof HTMLInputElement);
  if (!found) throw new Error(`no input labelled ${label}`);
  return found;
}

function UnitHarness() {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <UnitSelect label="Đơn vị chủ trì" value={value} onChange={setValue} />
      <p>Đã chọn: {value ?? 'chưa'}</p>
    </>
  );
}

describe('unit and member pickers', () => {
  it('find units typed without diacritics: "cho moi" → Chợ Mới, "cong an" → Công an, "dang bo yen dinh" → Yên Đĩnh', async () => {
    installBridge({ 'units.list': () => ({ items: UNITS, total: UNITS.length }) });
    renderWithApp(<UnitHarness />);
    const input = await pickerInput('Đơn vị chủ trì');
    const user = userEvent.setup({ delay: null });
    await user.click(input);

    await user.clear(input);
    await user.type(input, 'cho moi');
    expect(await screen.findByRole('option', { name: /Chợ Mới/ })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Công an/ })).toBeNull();

    await user.clear(input);
    await user.type(input, 'cong an');
    expect(await screen.findByRole('option', { name: /Công an tỉnh/ })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Chợ Mới/ })).toBeNull();

    // đ folds to d, and words may come in any order.
    await user.clear(input);
    await user.type(input, 'yen dinh dang bo');
    const option = await screen.findByRole('option', { name: /Yên Đĩnh/ });
    expect(screen.queryAllByRole('option')).toHaveLength(1);
    await user.click(option);
    expect(await screen.findByText('Đã chọn: u3')).toBeTruthy();
  });

  it('find members the same way, and say so when nothing matches', async () => {
    installBridge({
      'members.list': () => ({
        items: [
          { id: 'm1', fullName: 'Nguyễn Thị Hồng', position: 'Trưởng ban' },
          { id: 'm2', fullName: 'Đỗ Văn Đức', position: null },
        ],
        total: 2,
      }),
    });
    renderWithApp(<MemberSelect label="Thành viên phụ trách" value={null} onChange={() => undefined} />);
    const input = await pickerInput('Thành viên phụ trách');
    const user = userEvent.setup({ delay: null });
    await user.click(input);
    await user.clear(input);
    await user.type(input, 'do van duc');
    expect(await screen.findByRole('option', { name: 'Đỗ Văn Đức' })).toBeTruthy();
    expect(screen.queryByRole('option', { name: /Nguyễn Thị Hồng/ })).toBeNull();
    await user.clear(input);
    await user.type(input, 'tran');
    expect(await screen.findByText('Không tìm thấy thành viên')).toBeTruthy();
  });

  it('foldedFilter keeps groups that still have a match and respects the limit', () => {
    const options = [
      { group: 'Xã', items: [{ value: 'a', label: 'Xã Chợ Mới' }, { value: 'b', label: 'Xã Quảng Chu' }] },
      { value: 'c', label: 'Chợ Mới' },
      { value: 'd', label: 'CHỢ MỚI (cũ)' },
    ];
    expect(foldedFilter({ options, search: 'CHO MOI', limit: 10 })).toEqual([
      { group: 'Xã', items: [{ value: 'a', label: 'Xã Chợ Mới' }] },
      { value: 'c', label: 'Chợ Mới' },
      { value: 'd', label: 'CHỢ MỚI (cũ)' },
    ]);
    expect(foldedFilter({ options, search: 'cho moi', limit: 2 })).toHaveLength(2);
  });
});
