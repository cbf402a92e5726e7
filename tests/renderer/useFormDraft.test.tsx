import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen } from '@testing-library/react';
import { Button, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useFormDraft } from '../../renderer/src/lib/useFormDraft';
import { renderWithApp } from './render';

function DraftForm({ onSaved }: { onSaved?: () => void }) {
  const form = useForm({ initialValues: { title: 'Hội nghị tháng 11', place: '' } });
  const draft = useFormDraft('test.meeting', form);
  return (
    <form
      onSubmit={form.onSubmit(() => {
        draft.clear();
        form.resetDirty();
        onSaved?.();
      })}
    >
      {draft.restoredAt && <p>Đã khôi phục</p>}
      <TextInput label="Tên" {...form.getInputProps('title')} />
      <TextInput label="Địa điểm" {...form.getInputProps('place')} />
      <Button type="submit">Lưu</Button>
      <Button onClick={draft.discard}>Bỏ</Button>
    </form>
  );
}

describe('useFormDraft', () => {
  it('restores what was typed after the form is unmounted (crash, reload, leaving the page)', () => {
    const first = renderWithApp(<DraftForm />);
    fireEvent.change(screen.getByLabelText('Địa điểm'), { target: { value: 'Hội trường Tỉnh ủy' } });
    first.unmount();

    renderWithApp(<DraftForm />);
    expect((screen.getByLabelText('Địa điểm') as HTMLInputElement).value).toBe('Hội trường Tỉnh ủy');
    expect((screen.getByLabelText('Tên') as HTMLInputElement).value).toBe('Hội nghị tháng 11');
    expect(screen.getByText('Đã khôi phục')).toBeTruthy();
  });

  it('forgets the draft after a successful save', () => {
    const first = renderWithApp(<DraftForm />);
    fireEvent.change(screen.getByLabelText('Địa điểm'), { target: { value: 'Hội trường' } });
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    });
    first.unmount();
    renderWithApp(<DraftForm />);
    expect((screen.getByLabelText('Địa điểm') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('Đã khôi phục')).toBeNull();
  });

  it('stores nothing when the form is back to its saved values, and discard resets it', () => {
    const first = renderWithApp(<DraftForm />);
    const place = screen.getByLabelText('Địa điểm');
    fireEvent.change(place, { target: { value: 'x' } });
    fireEvent.change(place, { target: { value: '' } });
    expect(localStorage.getItem('qcdc.draft.test.meeting')).toBeNull();
    fireEvent.change(place, { target: { value: 'Nhà văn hóa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bỏ' }));
    expect((screen.getByLabelText('Địa điểm') as HTMLInputElement).value).toBe('');
    first.unmount();
    renderWithApp(<DraftForm />);
    expect(screen.queryByText('Đã khôi phục')).toBeNull();
  });

  it('ignores a corrupt draft instead of breaking the form', () => {
    localStorage.setItem('qcdc.draft.test.meeting', '{not json');
    renderWithApp(<DraftForm />);
    expect((screen.getByLabelText('Tên') as HTMLInputElement).value).toBe('Hội nghị tháng 11');
  });
});
