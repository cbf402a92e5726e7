import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { DateInput } from '@mantine/dates';
import { renderWithApp } from './render';

function DateField() {
  const [value, setValue] = useState<string | null>('2023-02-05');
  return (
    <>
      <DateInput label="Ngày họp" value={value} onChange={setValue} />
      <p>giá trị: {value ?? 'trống'}</p>
    </>
  );
}

describe('app theme: dates', () => {
  it('shows dd/mm/yyyy and accepts typed Vietnamese dates, keeping ISO values', () => {
    renderWithApp(<DateField />);
    const input = screen.getByLabelText('Ngày họp') as HTMLInputElement;
    expect(input.value).toBe('05/02/2023');
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '16/12/2022' } });
    fireEvent.blur(input);
    expect(screen.getByText('giá trị: 2022-12-16')).toBeTruthy();
    expect(input.value).toBe('16/12/2022');
  });
});
