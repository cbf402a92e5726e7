import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('system.info', () => {
  it("tells today's date in Vietnam time by the app's clock, so screens and rules agree", async () => {
    app = await openTestApp({ now: '2022-12-15T16:30:00.000Z' });
    // 16:30 UTC is 23:30 in Hà Nội: still the 15th; at 17:00 UTC it is midnight, the 16th.
    expect((await app.call('system.info', {})).today).toBe('2022-12-15');
    app.clock.set('2022-12-15T17:00:00.000Z');
    expect((await app.call('system.info', {})).today).toBe('2022-12-16');
  });
});
