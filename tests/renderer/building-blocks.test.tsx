import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Button } from '@mantine/core';
import { useJob } from '../../renderer/src/components/JobProgress';
import { useConfirm } from '../../renderer/src/components/ConfirmAction';
import { ErrorAlert } from '../../renderer/src/components/ErrorAlert';
import { EmptyState } from '../../renderer/src/components/EmptyState';
import { api, ApiError } from '../../renderer/src/lib/api';
import { useApiMutation, useApiQuery } from '../../renderer/src/lib/query';
import { installBridge, renderWithApp } from './render';

function ExportButton() {
  const job = useJob();
  const [result, setResult] = useState('');
  const start = () =>
    job
      .run('Đang xuất Excel', (jobId) => api('jobs.cancel', { jobId }).then(() => 'xong'))
      .then(setResult, (e: unknown) => setResult(e instanceof ApiError ? e.code : 'lỗi'));
  return (
    <>
      <Button onClick={start}>Xuất</Button>
      <p>kết quả: {result}</p>
      {job.element}
    </>
  );
}

describe('JobProgress / useJob', () => {
  it('shows the job\'s progress events with Vietnamese numbers and cancels through jobs.cancel', async () => {
    let finish: (v: unknown) => void = () => undefined;
    let jobId = '';
    const bridge = installBridge({
      // The first call is the "long job" itself (held open), the second the cancel request.
      'jobs.cancel': (input) => {
        const id = (input as { jobId: string }).jobId;
        if (!jobId) {
          jobId = id;
          return new Promise((resolve) => (finish = resolve));
        }
        finish({ ok: false, error: { code: 'CANCELLED', message: 'Công việc đã được hủy; dữ liệu không thay đổi.' } });
        return { cancelled: true };
      },
    });
    renderWithApp(<ExportButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Xuất' }));
    await screen.findByText('Đang xuất Excel');
    act(() => bridge.emit('job.progress', { jobId, phase: 'Đang ghi các dòng', done: 1200, total: 10000 }));
    act(() => bridge.emit('job.progress', { jobId: 'other-job', phase: 'Việc khác', done: 1, total: 2 }));
    expect(screen.getByText('Đang ghi các dòng')).toBeTruthy();
    expect(screen.getByText(/1\.200 \/ 10\.000 \(12%\)/)).toBeTruthy();
    expect(screen.queryByText('Việc khác')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    await screen.findByText('kết quả: CANCELLED');
    expect(bridge.calls.map((c) => c.channel)).toEqual(['jobs.cancel', 'jobs.cancel']);
    await waitFor(() => expect(screen.queryByText('Đang xuất Excel')).toBeNull());
  });
});

function DeleteButton({ onAnswer }: { onAnswer: (ok: boolean) => void }) {
  const confirm = useConfirm();
  return (
    <Button
      onClick={async () => onAnswer(await confirm({ title: 'Xóa hội nghị?', message: 'Có thể khôi phục từ thùng rác.', confirmLabel: 'Xóa', danger: true }))}
    >
      Xóa
    </Button>
  );
}

describe('useConfirm', () => {
  it('resolves true only when the user confirms; the safe button has focus', async () => {
    const answers: boolean[] = [];
    renderWithApp(<DeleteButton onAnswer={(ok) => answers.push(ok)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Xóa' }));
    await screen.findByText('Có thể khôi phục từ thùng rác.');
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Hủy'));
    fireEvent.click(screen.getByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(answers).toEqual([false]));
    fireEvent.click(screen.getAllByRole('button', { name: 'Xóa' })[0]!);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(dialog.querySelector('button.mantine-Button-root:last-of-type') as HTMLElement);
    await waitFor(() => expect(answers).toEqual([false, true]));
  });
});

describe('ErrorAlert and EmptyState', () => {
  it('shows an ApiError\'s Vietnamese message and a generic one for anything else', () => {
    const { rerender } = renderWithApp(
      <ErrorAlert error={new ApiError({ code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị.' })} />,
    );
    expect(screen.getByText('Không tìm thấy hội nghị.')).toBeTruthy();
    expect(screen.getByText('Không tìm thấy dữ liệu')).toBeTruthy();
    rerender(<ErrorAlert error={new TypeError('x is undefined')} />);
    expect(screen.queryByText('x is undefined')).toBeNull();
    expect(screen.getByText(/Đã xảy ra lỗi không mong muốn/)).toBeTruthy();
  });

  it('offers the next step', () => {
    let clicked = 0;
    renderWithApp(<EmptyState title="Chưa có hội nghị nào" description="Bấm «Thêm hội nghị»." actionLabel="Thêm hội nghị" onAction={() => clicked++} />);
    fireEvent.click(screen.getByRole('button', { name: 'Thêm hội nghị' }));
    expect(clicked).toBe(1);
  });
});

function SettingsName() {
  const settings = useApiQuery('settings.get', {});
  const save = useApiMutation('settings.update', { invalidate: ['settings.get'] });
  return (
    <>
      <p>tên: {settings.data?.profile.committeeName}</p>
      <Button onClick={() => save.mutate({ profile: { ...settings.data!.profile, committeeName: 'BAN MỚI' } })}>Lưu</Button>
    </>
  );
}

describe('useApiQuery / useApiMutation', () => {
  it('refreshes the invalidated reads after a successful write', async () => {
    let name = 'BAN CŨ';
    const profile = {
      parentBody: 'P', committeeName: name, committeeCode: 'BCĐ', placeName: 'X', standingAgency: '', termLabel: '2025 - 2030',
      termStartYear: 2025, termEndYear: 2030, signingMode: 'direct', headName: '', margins: { top: 20, bottom: 20, left: 30, right: 15 },
    };
    installBridge({
      'settings.get': () => ({ profile: { ...profile, committeeName: name }, configured: true, updatedAt: null }),
      'settings.update': (input) => {
        name = (input as { profile: { committeeName: string } }).profile.committeeName;
        return { profile: { ...profile, committeeName: name }, configured: true, updatedAt: null };
      },
    });
    renderWithApp(<SettingsName />);
    await screen.findByText('tên: BAN CŨ');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('tên: BAN MỚI');
  });
});
