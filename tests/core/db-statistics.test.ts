import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/context';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('query planner statistics', () => {
  it('are gathered when the data folder is opened, so plans do not rest on guesses', async () => {
    app = await openTestApp();
    for (let i = 0; i < 30; i++) await app.call('units.create', { name: `Đảng ủy xã số ${i + 1}`, kind: 'dang_bo', qcdcType: 'xa_phuong' });
    const dir = app.dir;
    await app.close();
    app = await openTestApp({ dir });
    const stats = app.ctx.sqlite.prepare(`SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl = 'units'`).all() as Array<{ stat: string }>;
    expect(stats.length).toBeGreaterThan(0);
    // The first number of each entry is the table's row count as analysed.
    expect(stats.every((s) => s.stat.startsWith('30'))).toBe(true);
  });
});
