import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openDataFolder(): void;
  openLogsFolder(): void;
  showAbout(): void;
  quit(): void;
}

/**
 * The Vietnamese application menu. Editing roles keep the OS shortcuts (Ctrl+C/V/Z…) working in
 * forms; "Tải lại" is there because a secretariat officer may need it after a long import.
 */
export function buildMenuTemplate(options: { isMac: boolean; isDev: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const { isMac, isDev, actions } = options;
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Tải lại' },
    { type: 'separator' },
    { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' },
  ];
  if (isDev) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Công cụ cho nhà phát triển' });

  return [
    ...(isMac ? [{ role: 'appMenu' as const, label: 'QCDC Desk' }] : []),
    {
      label: 'Tệp',
      submenu: [
        { label: 'Mở thư mục dữ liệu', click: () => actions.openDataFolder() },
        { label: 'Mở thư mục nhật ký', click: () => actions.openLogsFolder() },
        { type: 'separator' },
        { label: 'Thoát', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: 'Chỉnh sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'delete', label: 'Xóa' },
        { type: 'separator' },
        { role: 'selectAll', label: 'Chọn tất cả' },
      ],
    },
    { label: 'Xem', submenu: view },
    {
      label: 'Cửa sổ',
      submenu: [
        { role: 'minimize', label: 'Thu nhỏ xuống thanh tác vụ' },
        { type: 'separator' },
        { role: 'close', label: 'Đóng cửa sổ' },
      ],
    },
    {
      label: 'Trợ giúp',
      role: 'help',
      submenu: [{ label: 'Giới thiệu QCDC Desk', click: () => actions.showAbout() }],
    },
  ];
}
