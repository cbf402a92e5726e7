import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { FIXTURE, loadBacKanFields } from '../models/support';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function reasons(a: TestApp): Promise<string[]> {
  return (await a.call('backup.list', {})).backups.map((b) => b.reason);
}

describe('backups before risky operations', () => {
  it('takes a verified backup before an Excel import commits, holding the data as it was', async () => {
    app = await openTestApp();
    await loadBacKanFields(app);
    expect(await reasons(app)).not.toContain('before-import');
    const preview = await app.call('models.importPreview', { fileName: 'dvk.xlsx', bytes: new Uint8Array(fs.readFileSync(FIXTURE)), year: 2023 });
    await app.call('models.importCommit', { importId: preview.importId, createMissing: true });
    const list = (await app.call('backup.list', {})).backups;
    const before = list.find((b) => b.reason === 'before-import');
    expect(before).toBeDefined();
    expect(before!.integrity).toBe('ok');
    // Verified with quick_check (every page and b-tree), so the safety copy stays cheap next to the import.
    const sidecar = path.join(app.ctx.layout.backupsDir, before!.fileName.replace(/\.sqlite$/, '.json'));
    expect(JSON.parse(fs.readFileSync(sidecar, 'utf8')).checkedWith).toBe('quick_check');
    // The backup holds no models: it was taken before the import wrote them.
    const models = before!.counts.find((c) => c.table === 'dvk_models');
    expect(models?.count ?? 0).toBe(0);
  });

  it('takes one before a bulk status change, and none for a rejected one', async () => {
    app = await openTestApp();
    await loadBacKanFields(app);
    const preview = await app.call('models.importPreview', { fileName: 'dvk.xlsx', bytes: new Uint8Array(fs.readFileSync(FIXTURE)), year: 2023 });
    await app.call('models.importCommit', { importId: preview.importId, createMissing: true });
    const rejected = await app.invoke('models.bulkUpdateStatus', { ids: [], status: 'reviewed' });
    expect(rejected.ok).toBe(false);
    expect(await reasons(app)).not.toContain('before-bulk');
    const rows = (await app.call('models.list', { year: 2023, limit: 5 })).rows;
    await app.call('models.bulkUpdateStatus', { ids: rows.map((r) => r.id), status: 'reviewed' });
    expect(await reasons(app)).toContain('before-bulk');
  });
});

describe('backups before a unit import', () => {
  it('backs up before writing the rows of a readable file', async () => {
    const source = await openTestApp();
    let bytes: Uint8Array;
    try {
      await source.call('units.create', { name: 'Đảng bộ huyện Chợ Mới', kind: 'dang_bo' });
      await source.call('units.create', { name: 'Đảng bộ huyện Ba Bể', kind: 'dang_bo' });
      bytes = (await source.call('units.exportXlsx', {})).bytes;
    } finally {
      await source.close();
    }
    app = await openTestApp();
    const result = await app.call('units.importCommit', { bytes });
    expect(result.created).toBe(2);
    expect(await reasons(app)).toContain('before-import');
    expect((await app.call('units.list', {})).total).toBe(2);
  });
});
