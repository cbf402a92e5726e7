import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2EApp, type E2EApp } from './support/harness';
import { DEFAULT_PROFILE } from '../../shared/schemas/settings';

let app: E2EApp;
beforeAll(async () => {
  app = await startE2EApp();
  // A configured organisation, so the app opens on its areas instead of the first-run wizard.
  const saved = await app.rpc('settings.update', {
    profile: { ...DEFAULT_PROFILE, parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN', placeName: 'Bắc Kạn' },
  });
  expect(saved.ok).toBe(true);
});
afterAll(async () => {
  await app?.close();
});

describe('harness smoke', () => {
  it('serves the app shell in Chromium with the Vietnamese navigation', async () => {
    await app.open('/tong-quan');
    await app.page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    await expect(app.page.getByText('Hội nghị, cuộc họp').first().isVisible()).resolves.toBe(true);
    await app.screenshot('smoke-shell');
  });

  it('refuses API calls without the token', async () => {
    const res = await fetch(`${app.harness.url}/rpc/settings.get`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });
});
