import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithApp } from '../../../../tests/renderer/render';
import type { ImportPreview } from '../../../../shared/schemas/models';
import { commitChoices, ImportPreviewStep, initialDecisions, type PreviewDecisions } from './ImportPreviewStep';

/** A 2,000-row province list with problems, as the preview reports it. */
function bigPreview(): ImportPreview {
  const errors: ImportPreview['errors'] = [];
  for (let i = 0; i < 1500; i++) errors.push({ sheet: 'DS', row: 10 + i, seq: String(i + 1), reasons: ['Thiếu tên mô hình.'] });
  for (let i = 0; i < 500; i++) errors.push({ sheet: 'DS', row: 2000 + i, seq: null, reasons: [`Loại mô hình “Hộ ${i}” không hợp lệ: chỉ có Tập thể hoặc Cá nhân.`] });
  return {
    importId: 'x',
    fileName: 'tinh-2022.xlsx',
    sheetName: 'DS',
    year: 2022,
    headerRow: 5,
    columns: [],
    mapping: {},
    mappingSource: 'detected',
    rowsRead: 4360,
    rowsValid: 2360,
    errors,
    unknownUnits: Array.from({ length: 40 }, (_, i) => ({ name: `Đảng ủy xã Số ${i + 1}`, rows: 3, parentId: null, parentName: null })),
    unknownValues: [{ catalog: 'awardForm', value: 'Giấy khen', rows: 2 }],
    warnings: Array.from({ length: 300 }, (_, i) => `Dòng ${3000 + i} (TT ${i + 1}) giống dòng ${2999 + i} (cùng đơn vị, tên mô hình và người thực hiện): được giữ là mô hình riêng.`),
    duplicates: Array.from({ length: 300 }, (_, i) => ({ sheet: 'DS', row: 3000 + i, seq: String(i + 1), sameAsRow: 2999 + i, sameAsSeq: null, name: 'Camera an ninh', unitName: 'Xã A' })),
    plan: { create: 2360, update: 0, unchanged: 0 },
    legacyEncoding: 'none',
    expiresAt: new Date().toISOString(),
  };
}

function Harness({ preview, onDecisions }: { preview: ImportPreview; onDecisions: (d: PreviewDecisions) => void }) {
  const [d, setD] = useState(initialDecisions);
  return (
    <ImportPreviewStep
      preview={preview}
      options={{ units: [{ id: 'u1', name: 'Huyện ủy Chợ Mới', depth: 0, closed: false }], fields: [], awardForms: [], recognitionLevels: [] }}
      decisions={d}
      onChange={(n) => {
        setD(n);
        onDecisions(n);
      }}
      footer={<button>Nhập 2.360 dòng hợp lệ</button>}
    />
  );
}

describe('the import preview as a decision screen', () => {
  it('groups 2,000 bad rows by kind with counts and shows only their first rows until asked', async () => {
    let last = initialDecisions();
    renderWithApp(<Harness preview={bigPreview()} onDecisions={(d) => (last = d)} />);
    const problems = screen.getByText(/Vấn đề trong tệp \(2 loại\)/);
    expect(problems).toBeTruthy();
    expect(screen.getByText('1.500 dòng')).toBeTruthy();
    expect(screen.getByText('500 dòng')).toBeTruthy();
    // No stack of banners: the row warnings are the look-alike list, five rows shown of 300.
    expect(document.querySelectorAll('[role="alert"]').length).toBe(0);
    expect(document.querySelectorAll('tr').length).toBeLessThan(40);
    expect(screen.getByTestId('import-commit-bar').textContent).toContain('Nhập 2.360 dòng hợp lệ');

    // Expand one kind: its rows, up to 300 of them.
    fireEvent.click(screen.getByText(/Thiếu tên mô hình\. \(sẽ bỏ qua\)/));
    fireEvent.click(await screen.findByRole('button', { name: 'Xem tất cả 1.500 dòng' }));
    const rows = await screen.findByRole('table', { name: 'Các dòng: Thiếu tên mô hình.' });
    await waitFor(() => expect(within(rows).getAllByRole('row').length).toBe(300));

    // Merge one look-alike row; the commit input carries it, and the defaults create what is missing.
    const dupes = screen.getByRole('table', { name: 'Dòng giống nhau' });
    fireEvent.click(within(dupes).getAllByText('Gộp')[0]!);
    const choices = commitChoices(bigPreview(), last);
    expect(choices).toMatchObject({ createMissing: true, createMissingUnits: true, mergeRows: ['DS!3000'] });
    expect(choices).not.toHaveProperty('skipValues');
  });

  it('lists a few bad rows as they are', () => {
    const p = { ...bigPreview(), errors: bigPreview().errors.slice(0, 3), warnings: [], duplicates: [] };
    renderWithApp(<Harness preview={p} onDecisions={() => undefined} />);
    expect(within(screen.getByRole('table', { name: 'Các dòng lỗi' })).getAllByRole('row').length).toBe(4);
    expect(screen.queryByText(/Vấn đề trong tệp/)).toBeNull();
  });
});
