import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installBridge, renderWithApp } from './render';
import { IssuedVersions } from '../../renderer/src/features/meetings/panels';
import type { IssuedVersion } from '../../shared/schemas/issued';

const MEETING = '0190a8b2-0000-7000-8000-000000000001';
const file = (format: 'pdf' | 'docx', v: number) => ({
  format,
  fileName: `Biên bản số 01-BB-BCĐ ngày 16-12-2022.${format}`,
  mimeType: format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  sha256: `${v}`.repeat(64),
  size: 120_000,
});
const version = (v: number, reason: string): IssuedVersion => ({
  id: `0190a8b2-0000-7000-8000-00000000010${v}`,
  docType: 'minutes',
  docTypeLabel: 'Biên bản',
  ownerType: 'meeting',
  ownerId: MEETING,
  ownerRef: '',
  version: v,
  numberText: '01-BB/BCĐ',
  title: 'Biên bản Hội nghị',
  reason,
  issuedAt: `2022-12-1${5 + v}T02:00:00.000Z`,
  issuedBy: 'Hà Thị Thu',
  files: [file('pdf', v), file('docx', v)],
});

describe('issued versions of a meeting paper', () => {
  it('lists v2 (current) above v1 with their reasons, and opens the exact file of either', async () => {
    const bridge = installBridge({
      'issued.list': () => [version(1, 'Ban hành lần đầu'), version(2, 'Ban hành lại sau khi mở lại (lần 1): Bổ sung ý kiến')],
      'issued.get': (input) => ({ fileName: 'Biên bản số 01-BB-BCĐ ngày 16-12-2022.pdf', mimeType: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]), input }),
      'files.save': () => ({ saved: true, path: '/tmp/x.pdf' }),
    });
    renderWithApp(<IssuedVersions meetingId={MEETING} document="minutes" />);
    const table = await screen.findByRole('table', { name: 'Các bản đã ban hành' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Bản 2hiện hành01-BB\/BCĐ.*Ban hành lại sau khi mở lại \(lần 1\): Bổ sung ý kiến/),
      expect.stringMatching(/^Bản 101-BB\/BCĐ.*Ban hành lần đầu/),
    ]);
    expect(bridge.calls[0]).toEqual({ channel: 'issued.list', input: { ownerType: 'meeting', ownerId: MEETING, docType: 'minutes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mở bản 1 (Word)' }));
    await waitFor(() => expect(bridge.calls.some((c) => c.channel === 'files.save')).toBe(true));
    expect(bridge.calls.find((c) => c.channel === 'issued.get')!.input).toEqual({ id: version(1, '').id, format: 'docx' });
    expect((bridge.calls.find((c) => c.channel === 'files.save')!.input as { fileName: string }).fileName).toBe('Biên bản số 01-BB-BCĐ ngày 16-12-2022.pdf');
  });

  it('shows nothing for a paper never issued', async () => {
    const bridge = installBridge({ 'issued.list': () => [] });
    const { container } = renderWithApp(<IssuedVersions meetingId={MEETING} document="conclusions" />);
    await waitFor(() => expect(bridge.calls).toHaveLength(1));
    expect(container.querySelector('table')).toBeNull();
  });
});
