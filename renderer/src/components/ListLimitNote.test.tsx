import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { ListLimitNote } from './ListLimitNote';
import { renderWithApp } from '../../../tests/renderer/render';

describe('ListLimitNote', () => {
  it('says how much of the list is shown, with Vietnamese thousands, and nothing when all is', () => {
    const { unmount } = renderWithApp(<ListLimitNote shown={500} total={20_000} noun="bản ghi" order="xóa gần nhất trước" />);
    expect(screen.getByText('Đang hiện 500 trên 20.000 bản ghi (xóa gần nhất trước); hãy lọc hoặc tìm kiếm để thu hẹp.')).toBeTruthy();
    unmount();
    renderWithApp(<ListLimitNote shown={12} total={12} noun="hội nghị" order="mới nhất trước" />);
    expect(screen.queryByText(/Đang hiện/)).toBeNull();
  });
});
