import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PrintPreview } from './PrintPreview';
import { renderWithApp } from '../../../tests/renderer/render';

describe('PrintPreview', () => {
  it('shows the HTML in a script-less sandboxed frame and wires the buttons', async () => {
    const onPrint = vi.fn();
    let finish: () => void = () => {};
    const onSavePdf = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    renderWithApp(<PrintPreview html="<p>BIÊN BẢN</p>" title="Biên bản" onPrint={onPrint} onSavePdf={onSavePdf} />);
    const frame = screen.getByTitle('Biên bản');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>BIÊN BẢN</p>');
    expect(screen.queryByRole('button', { name: /Lưu Word/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /^In$/ }));
    expect(onPrint).toHaveBeenCalledTimes(1);
    const pdf = () => screen.getByRole('button', { name: /Lưu PDF/ }) as HTMLButtonElement;
    await waitFor(() => expect(pdf().disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: /Lưu PDF/ }));
    expect(onSavePdf).toHaveBeenCalledTimes(1);
    // While the PDF is being saved the other actions wait.
    await waitFor(() => expect((screen.getByRole('button', { name: /^In$/ }) as HTMLButtonElement).disabled).toBe(true));
    finish();
    await waitFor(() => expect((screen.getByRole('button', { name: /^In$/ }) as HTMLButtonElement).disabled).toBe(false));
  });

  it('says what is missing instead of an empty frame', () => {
    renderWithApp(<PrintPreview html={null} title="Thông báo" onSaveDocx={() => {}} emptyMessage="Chưa khai báo thông tin đơn vị." />);
    expect(screen.getByText('Chưa khai báo thông tin đơn vị.')).toBeTruthy();
    expect((screen.getByRole('button', { name: /Lưu Word/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
