import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { render } from '@testing-library/react';
import { App } from '../../renderer/src/app/App';
import { DEFAULT_PROFILE } from '../../shared/schemas/settings';
import { installBridge } from './render';

describe('App shell', () => {
  it('sends a fresh installation to the first-run wizard, outside the shell', async () => {
    window.location.hash = '#/tong-quan';
    installBridge({ 'settings.get': () => ({ profile: DEFAULT_PROFILE, configured: false, updatedAt: null }) });
    render(<App />);
    await waitFor(() => expect(window.location.hash).toBe('#/thiet-lap'));
    expect(screen.queryByRole('navigation', { name: 'Điều hướng chính' })).toBeNull();
  });

  it('opens the requested area when configured, names the committee, and shows app.notify', async () => {
    window.location.hash = '#/cai-dat';
    const bridge = installBridge({
      'settings.get': () => ({
        profile: { ...DEFAULT_PROFILE, parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', placeName: 'Bắc Kạn' },
        configured: true,
        updatedAt: '2026-11-01T00:00:00.000Z',
      }),
      'system.info': () => ({
        appVersion: '0.1.0', transport: 'test', dataDir: '/d', databaseFile: '/d/q.sqlite', schemaVersion: 'x', migrations: 1, integrity: 'ok', platform: 'linux', today: '2022-12-16',
      }),
    });
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(nav.querySelectorAll('a').length).toBe(10);
    expect(window.location.hash).toBe('#/cai-dat');
    expect((await screen.findByTestId('header-committee')).textContent).toContain('ĐẢNG BỘ TỈNH BẮC KẠN');
    // The header dates by the core's clock (system.info.today), not the browser's.
    await waitFor(() => expect(screen.getByTestId('header-today').textContent).toBe('Thứ sáu, 16/12/2022'));
    act(() => bridge.emit('app.notify', { title: 'Nhiệm vụ sắp đến hạn', body: '3 nhiệm vụ đến hạn trong 7 ngày tới.' }));
    expect(await screen.findByText('3 nhiệm vụ đến hạn trong 7 ngày tới.')).toBeTruthy();
  });
});
