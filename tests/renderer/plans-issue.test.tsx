import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { installBridge, renderWithApp } from './render';
import { IssueButton } from '../../renderer/src/components/IssueButton';

describe('Ban hành button', () => {
  it('confirms, then issues once; a second issue needs a reason', async () => {
    const calls: (string | undefined)[] = [];
    installBridge({});
    function Host() {
      const [n, setN] = useState(0);
      return <IssueButton issuedCount={n} what="kế hoạch" onIssue={async (reason) => { calls.push(reason); setN((x) => x + 1); }} />;
    }
    renderWithApp(<Host />);
    fireEvent.click(screen.getByRole('button', { name: 'Ban hành' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ban hành' }));
    await waitFor(() => expect(calls).toEqual([undefined]));
    fireEvent.click(await screen.findByRole('button', { name: 'Ban hành lại' }));
    const reasonBox = await screen.findByLabelText(/Lý do ban hành lại/);
    const again = reasonBox.closest<HTMLElement>('[role="dialog"]')!;
    const send = within(again).getByRole('button', { name: 'Ban hành' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(reasonBox, { target: { value: 'Sửa số liệu' } });
    fireEvent.click(send);
    await waitFor(() => expect(calls).toEqual([undefined, 'Sửa số liệu']));
  });
});
