import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { backupBeforeRiskyOperation } from '../../../electron/core/safety/backup/service';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('backup file names', () => {
  it('gives two backups taken in the same second their own files', async () => {
    app = await openTestApp();
    await app.call('units.create', { name: 'Huyện ủy Chợ Mới', kind: 'dang_bo', qcdcType: 'xa_phuong' });
    // The test clock stands still: both backups fall in the same second, as two quick imports can.
    const a = await backupBeforeRiskyOperation(app.ctx, 'before-import');
    const b = await backupBeforeRiskyOperation(app.ctx, 'before-import');
    expect(a.fileName).not.toBe(b.fileName);
    // More of them in that second than rotation keeps (10): each call still returns a backup that
    // exists (rotation once removed the copy it had just made, and the call failed).
    for (let i = 0; i < 12; i++) {
      const made = await backupBeforeRiskyOperation(app.ctx, i % 2 ? 'before-import' : 'before-bulk');
      const names = (await app.call('backup.list', {})).backups.map((x) => x.fileName);
      expect(names).toContain(made.fileName);
    }
  });
});
