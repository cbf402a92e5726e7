import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReportsView } from '../../../renderer/src/features/qcdc/ReportsView';
import type { FigureValue, Indicator } from '../../../shared/schemas/qcdc';
import { installBridge, renderWithApp } from '../render';

const indicator = (id: string, name: string, kind: Indicator['kind'], extra: Partial<Indicator> = {}): Indicator => ({
  id,
  qcdcType: 'xa_phuong',
  code: null,
  name,
  kind,
  source: 'typed',
  numeratorId: null,
  denominatorId: null,
  unitLabel: null,
  legalBasis: null,
  position: 0,
  active: true,
  readOnly: false,
  history: [],
  ...extra,
});

const INDICATORS = [
  indicator('i-hn', 'Hội nghị nhân dân', 'count'),
  indicator('i-dt', 'Hội nghị đối thoại', 'count', { source: 'dialogues.count', readOnly: true }),
];

/** A fake main process over an in-memory store: saves change what the statistics then read. */
function fakeCore(refuse: string | null) {
  const store: Record<string, Record<string, FigureValue>> = { u1: { 'i-dt': 2 }, u2: {} };
  const reported = new Set<string>();
  const bridge = installBridge({
    'qcdc.indicators.list': () => INDICATORS,
    'qcdc.stats': () => ({
      year: 2022,
      period: 'annual',
      byType: [],
      previous: null,
      byUnit: [
        { unitId: 'u1', unitName: 'Xã Hòa Bình', qcdcType: 'xa_phuong', mergedFrom: [], reported: reported.has('u1'), values: { ...store.u1 } },
        { unitId: 'u2', unitName: 'Xã Tân Lập', qcdcType: 'xa_phuong', mergedFrom: [], reported: reported.has('u2'), values: { ...store.u2 } },
      ],
    }),
    'qcdc.reports.save': (input) => {
      const { unitId, values } = input as { unitId: string; values: { indicatorId: string; value: FigureValue }[] };
      if (unitId === refuse) return { ok: false, error: { code: 'VALIDATION', message: 'Số liệu không hợp lệ.', fields: { 'values.0.value': 'Quá lớn.' } } };
      for (const v of values) store[unitId]![v.indicatorId] = v.value;
      reported.add(unitId);
      return { unitId };
    },
  });
  return { bridge, store };
}

const cell = (unit: string, name: string) => screen.getByRole('gridcell', { name: `${unit} – ${name}` });

describe('QCDC report screen', () => {
  it('saves each edited unit once with only its typed figures, and keeps a refused unit’s edits', async () => {
    const { bridge, store } = fakeCore('u2');
    renderWithApp(<ReportsView onImport={() => undefined} />, { route: '/?nam=2022&loai=xa_phuong' });
    const user = userEvent.setup();
    await screen.findByRole('grid');
    expect(cell('Xã Hòa Bình', 'Hội nghị đối thoại').textContent).toBe('2');

    await user.click(cell('Xã Hòa Bình', 'Hội nghị nhân dân'));
    await user.keyboard('7{Enter}9{Enter}');
    await user.click(screen.getByRole('button', { name: 'Lưu 2 ô của 2 đơn vị' }));

    await screen.findByText('Một số đơn vị chưa lưu được (các ô vẫn giữ để sửa)');
    const saves = bridge.calls.filter((c) => c.channel === 'qcdc.reports.save').map((c) => c.input);
    expect(saves).toEqual([
      { unitId: 'u1', year: 2022, period: 'annual', values: [{ indicatorId: 'i-hn', value: 7 }] },
      { unitId: 'u2', year: 2022, period: 'annual', values: [{ indicatorId: 'i-hn', value: 9 }] },
    ]);
    expect(store.u1).toEqual({ 'i-dt': 2, 'i-hn': 7 });
    expect(store.u2).toEqual({});
    // The saved unit's figure now comes from the core; the refused one is still an edit to fix.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lưu 1 ô của 1 đơn vị' })).toBeTruthy());
    expect(cell('Xã Hòa Bình', 'Hội nghị nhân dân').textContent).toBe('7');
    expect(cell('Xã Tân Lập', 'Hội nghị nhân dân').textContent).toBe('9');
    expect(screen.getByText(/Xã Tân Lập: Số liệu không hợp lệ\./)).toBeTruthy();
    await waitFor(() => expect(document.body.textContent).toContain('Cả năm 2022: 1/2 đơn vị đã có số liệu'));
  });

  it('keeps unsaved edits as a draft across a remount', async () => {
    fakeCore(null);
    const first = renderWithApp(<ReportsView onImport={() => undefined} />, { route: '/?nam=2022&loai=xa_phuong' });
    const user = userEvent.setup();
    await screen.findByRole('grid');
    await user.click(cell('Xã Tân Lập', 'Hội nghị nhân dân'));
    await user.keyboard('1.250{Enter}');
    await waitFor(() => expect(localStorage.getItem('qcdc.draft.qcdc.grid.2022.annual.xa_phuong')).toContain('1250'));
    first.unmount();

    renderWithApp(<ReportsView onImport={() => undefined} />, { route: '/?nam=2022&loai=xa_phuong' });
    await screen.findByText(/Đã khôi phục 1 ô nhập dở/);
    expect(cell('Xã Tân Lập', 'Hội nghị nhân dân').textContent).toBe('1.250');
  });
});
