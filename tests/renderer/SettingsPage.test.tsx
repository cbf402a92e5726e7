import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import SettingsPage from '../../renderer/src/features/settings/SettingsPage';
import { DEFAULT_PROFILE, type SettingsState } from '../../shared/schemas/settings';
import { installBridge, renderWithApp } from './render';

const INFO = {
  appVersion: '0.1.0',
  transport: 'test',
  dataDir: '/tmp/qcdc',
  databaseFile: '/tmp/qcdc/qcdc.sqlite',
  schemaVersion: '0007_safety',
  migrations: 7,
  integrity: 'ok',
  platform: 'linux',
};

/** The fake main process: keeps the saved state the way the real one would answer it. */
function fakeMain(initial: SettingsState = { profile: DEFAULT_PROFILE, configured: false, updatedAt: null }) {
  let state = initial;
  const bridge = installBridge({
    'settings.get': () => state,
    'system.info': () => INFO,
    'settings.update': (input) => {
      const { profile } = input as { profile: SettingsState['profile'] };
      state = { profile, configured: true, updatedAt: '2026-11-27T02:00:00.000Z' };
      return state;
    },
  });
  return { bridge, updates: () => bridge.calls.filter((c) => c.channel === 'settings.update') };
}

async function openForm() {
  renderWithApp(<SettingsPage />, { route: '/cai-dat' });
  return screen.findByRole('form', { name: 'Thông tin cơ quan' });
}

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('Cài đặt: organisation profile form', () => {
  it('shows the shared schema\'s Vietnamese messages and does not call the API when invalid', async () => {
    const main = fakeMain();
    const form = await openForm();
    change(within(form).getByLabelText(/Ký hiệu viết tắt/), 'B C');
    change(within(form).getByLabelText(/Năm kết thúc/), '2020');
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu thay đổi' }));
    expect(await within(form).findByText('Tên cơ quan cấp trên không được để trống.')).toBeTruthy();
    expect(within(form).getByText('Ký hiệu viết tắt chỉ gồm chữ, số và dấu gạch nối (ví dụ: BCĐ).')).toBeTruthy();
    expect(within(form).getByText('Năm kết thúc nhiệm kỳ phải không nhỏ hơn năm bắt đầu.')).toBeTruthy();
    expect(main.updates()).toHaveLength(0);
  });

  it('saves with Enter and sends NFC, tidy text exactly once', async () => {
    const main = fakeMain();
    const form = await openForm();
    // Decomposed input (as some Windows keyboards and old files produce) with stray spaces.
    change(within(form).getByLabelText(/Tên cơ quan cấp trên/), '  ĐẢNG BỘ TỈNH   BẮC KẠN '.normalize('NFD'));
    change(within(form).getByLabelText(/Địa danh ghi ngày tháng/), 'Bắc Kạn'.normalize('NFD'));
    const head = within(form).getByLabelText(/Họ tên Trưởng ban/);
    change(head, 'Nguyễn Văn An'.normalize('NFD'));
    fireEvent.submit(form); // what Enter in a field does
    await screen.findByText(/Đã lưu thông tin cơ quan/);
    expect(main.updates()).toHaveLength(1);
    const sent = (main.updates()[0]!.input as { profile: Record<string, unknown> }).profile;
    expect(sent.parentBody).toBe('ĐẢNG BỘ TỈNH BẮC KẠN'.normalize('NFC'));
    expect((sent.parentBody as string).normalize('NFC')).toBe(sent.parentBody);
    expect(sent.placeName).toBe('Bắc Kạn'.normalize('NFC'));
    expect(sent.headName).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(sent.margins).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
  });

  it('puts a server field error under the right input', async () => {
    installBridge({
      'settings.get': () => ({
        profile: { ...DEFAULT_PROFILE, parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', placeName: 'Bắc Kạn' },
        configured: true,
        updatedAt: '2026-11-01T00:00:00.000Z',
      }),
      'system.info': () => INFO,
      'settings.update': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Dữ liệu chưa hợp lệ: Ký hiệu đã dùng cho Ban khác.',
          fields: { 'profile.committeeCode': 'Ký hiệu đã dùng cho Ban khác.' },
        },
      }),
    });
    const form = await openForm();
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu thay đổi' }));
    const message = await within(form).findByText('Ký hiệu đã dùng cho Ban khác.');
    const input = within(form).getByLabelText(/Ký hiệu viết tắt/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby') ?? '').toContain(message.id);
  });

  it('previews the Party-format header as the officer types', async () => {
    fakeMain();
    const form = await openForm();
    change(within(form).getByLabelText(/Tên cơ quan cấp trên/), 'Đảng bộ tỉnh Bắc Kạn');
    change(within(form).getByLabelText(/Ký hiệu viết tắt/), 'BCĐ');
    change(within(form).getByLabelText(/Địa danh ghi ngày tháng/), 'Bắc Kạn');
    const preview = screen.getByRole('figure', { name: 'Mẫu đầu văn bản' });
    expect(within(preview).getByText('ĐẢNG BỘ TỈNH BẮC KẠN')).toBeTruthy(); // capitals, as printed
    expect(within(preview).getByText('ĐẢNG CỘNG SẢN VIỆT NAM')).toBeTruthy();
    expect(within(preview).getByText('Số 05-BB/BCĐ')).toBeTruthy();
    expect(within(preview).getByTestId('preview-date').textContent).toMatch(/^Bắc Kạn, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    expect(within(preview).getByText('T/M BAN CHỈ ĐẠO')).toBeTruthy();
    fireEvent.click(within(form).getByLabelText(/Trưởng ban ký trực tiếp/));
    await waitFor(() => expect(within(preview).queryByText('T/M BAN CHỈ ĐẠO')).toBeNull());
  });

  it('lets Enter choose a line break in the committee name (it does not save), and prints the breaks typed', async () => {
    const main = fakeMain({
      profile: { ...DEFAULT_PROFILE, parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', placeName: 'Bắc Kạn' },
      configured: true,
      updatedAt: '2026-11-01T00:00:00.000Z',
    });
    const form = await openForm();
    const name = within(form).getByLabelText(/Tên Ban Chỉ đạo/);
    fireEvent.keyDown(name, { key: 'Enter' });
    change(name, 'BAN CHỈ ĐẠO THỰC HIỆN\nQUY CHẾ DÂN CHỦ Ở CƠ SỞ');
    expect(main.updates()).toHaveLength(0);
    change(within(form).getByLabelText(/Gửi để báo cáo/), 'Thường trực Tỉnh ủy (b/c)\n\n');
    fireEvent.click(within(form).getByRole('button', { name: /Lưu thay đổi/ }));
    await screen.findByText(/Đã lưu thông tin cơ quan/);
    expect(main.updates()).toHaveLength(1);
    const saved = (main.updates()[0]!.input as { profile: { committeeName: string; reportTo: string[] } }).profile;
    expect(saved.committeeName).toBe('BAN CHỈ ĐẠO THỰC HIỆN\nQUY CHẾ DÂN CHỦ Ở CƠ SỞ');
    expect(saved.reportTo).toEqual(['Thường trực Tỉnh ủy (b/c)']);
  });

  it('keeps the term name in step with its years while it has the usual form', async () => {
    fakeMain();
    const form = await openForm();
    const label = within(form).getByLabelText(/Tên nhiệm kỳ/) as HTMLInputElement;
    expect(label.value).toBe('2025 - 2030');
    change(within(form).getByLabelText(/Năm bắt đầu/), '2030');
    change(within(form).getByLabelText(/Năm kết thúc/), '2035');
    await waitFor(() => expect(label.value).toBe('2030 - 2035'));
    change(label, 'Khóa XII');
    change(within(form).getByLabelText(/Năm kết thúc/), '2036');
    expect(label.value).toBe('Khóa XII');
  });

  it('shows the system information card', async () => {
    fakeMain();
    await openForm();
    const card = await screen.findByRole('table', { name: 'Thông tin hệ thống' });
    expect(within(card).getByText('/tmp/qcdc/qcdc.sqlite')).toBeTruthy();
    expect(within(card).getByText('0007_safety (7 bước cập nhật)')).toBeTruthy();
    expect(within(card).getByText('Tốt')).toBeTruthy();
  });
  it('keeps the usual term name in step with its years, and leaves a name the officer wrote alone', async () => {
    fakeMain();
    const form = await openForm();
    const label = within(form).getByLabelText(/Tên nhiệm kỳ/) as HTMLInputElement;
    expect(label.value).toBe('2025 - 2030');
    change(within(form).getByLabelText(/Năm kết thúc/), '2035');
    await waitFor(() => expect(label.value).toBe('2025 - 2035'));
    change(label, 'Nhiệm kỳ XIV');
    change(within(form).getByLabelText(/Năm bắt đầu/), '2026');
    await waitFor(() => expect((within(form).getByLabelText(/Năm bắt đầu/) as HTMLInputElement).value).toBe('2026'));
    expect(label.value).toBe('Nhiệm kỳ XIV');
  });
});
