import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BackupInfo } from '../../../../shared/schemas/backup';
import { installBridge, renderWithApp } from '../../../../tests/renderer/render';
import { RestorePreview } from './BackupsPanel';
import { DamagedDatabase } from './DamagedDatabase';

const backup: BackupInfo = {
  fileName: 'qcdc-2026-11-20T01-00-00Z-manual.sqlite',
  createdAt: '2026-11-20T01:00:00.000Z',
  reason: 'manual',
  reasonLabel: 'Sao lưu thủ công',
  note: null,
  sizeBytes: 2_500_000,
  counts: [
    { table: 'models', label: 'Mô hình "Dân vận khéo"', count: 2360 },
    { table: 'units', label: 'Đơn vị', count: 12 },
  ],
  totalRecords: 2372,
  integrity: 'ok',
  schemaVersion: '0007_safety',
  appVersion: '0.1.0',
  pinned: true,
};

afterEach(() => {
  delete window.qcdc;
});

describe('restore preview', () => {
  it('compares the backup with the current data and restores only when confirmed', async () => {
    const bridge = installBridge({
      'backup.restore': () => ({ restoredFrom: backup, safetyBackup: { ...backup, reason: 'before-restore' }, integrity: 'ok', counts: backup.counts, totalRecords: 2372 }),
    });
    let closed = false;
    renderWithApp(
      <RestorePreview
        backup={backup}
        current={{ counts: [{ table: 'models', label: 'Mô hình "Dân vận khéo"', count: 2400 }, { table: 'units', label: 'Đơn vị', count: 12 }], totalRecords: 2412 }}
        onClose={() => (closed = true)}
      />,
    );
    const table = screen.getByRole('table', { name: 'So sánh số bản ghi' });
    const row = within(table).getByText('Mô hình "Dân vận khéo"').closest('tr')!;
    expect(within(row).getByText('2.360')).toBeTruthy();
    expect(within(row).getByText('2.400')).toBeTruthy();
    expect(screen.getByText(/2,4 MB/)).toBeTruthy();
    expect(bridge.calls.some((c) => c.channel === 'backup.restore')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: /Phục hồi bản này/ }));
    await waitFor(() => expect(closed).toBe(true));
    const call = bridge.calls.find((c) => c.channel === 'backup.restore');
    expect(call?.input).toMatchObject({ fileName: backup.fileName });
  });

  it('explains a damaged database and offers the newest good backup', () => {
    installBridge({});
    renderWithApp(
      <DamagedDatabase
        status={{ ok: false, checking: false, detail: 'Tree 4 page 4 cell 0: …', message: 'Tệp dữ liệu của QCDC Desk bị hỏng, có thể do máy tắt đột ngột.', dataDir: 'D:\\QCDC', newestGoodBackup: backup }}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Dữ liệu bị hỏng, cần phục hồi' })).toBeTruthy();
    expect(screen.getByText(/máy tắt đột ngột/)).toBeTruthy();
    expect(screen.getAllByText(/2\.372 bản ghi/).length).toBeGreaterThan(0);
    expect(screen.queryByText(/Tree 4 page 4/)).toBeNull(); // technical detail only on request
    fireEvent.click(screen.getByRole('button', { name: 'Chi tiết kỹ thuật' }));
    expect(screen.getByText(/Tree 4 page 4/)).toBeTruthy();
  });
});
