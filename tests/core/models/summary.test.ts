import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { FIXTURE, loadBacKanFields } from './support';
import { selectStatsGroups, selectStatsGroupsFromRecords, type StatsGroup } from '../../../electron/core/models/repository';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const key = (g: StatsGroup) => [g.unit_id, g.field_id ?? '', g.kind, g.registration, g.status, g.typical, g.commended].join('|');
const asMap = (groups: StatsGroup[]) => new Map(groups.map((g) => [key(g), g.c]));

async function expectSummaryMatchesRecords(a: TestApp, year: number): Promise<number> {
  const fromSummary = asMap(await selectStatsGroups(a.ctx.db, year));
  const fromRecords = asMap(await selectStatsGroupsFromRecords(a.ctx.db, year));
  expect(fromSummary).toEqual(fromRecords);
  return [...fromRecords.values()].reduce((s, c) => s + c, 0);
}

describe('per-year summary kept by triggers', () => {
  it('equals grouping the live records through import, bulk change, edit, delete and restore', async () => {
    app = await openTestApp();
    await loadBacKanFields(app);
    const preview = await app.call('models.importPreview', { fileName: 'dvk.xlsx', bytes: new Uint8Array(fs.readFileSync(FIXTURE)), year: 2023 });
    await app.call('models.importCommit', { importId: preview.importId, createMissing: true });
    expect(await expectSummaryMatchesRecords(app, 2023)).toBe(60);

    const rows = (await app.call('models.list', { year: 2023, limit: 20 })).rows;
    await app.call('models.bulkUpdateStatus', {
      ids: rows.slice(0, 12).map((r) => r.id),
      status: 'recognised',
      recognitionDecisionNo: '15-QĐ/BCĐ',
      recognitionDate: '2023-12-20',
      typical: true,
    });
    expect(await expectSummaryMatchesRecords(app, 2023)).toBe(60);

    // Soft delete and restore move a record out of and back into the counts.
    const recordId = rows[15]!.id;
    await app.call('models.delete', { id: recordId });
    expect(await expectSummaryMatchesRecords(app, 2023)).toBe(59);
    await app.call('models.restore', { id: recordId });
    expect(await expectSummaryMatchesRecords(app, 2023)).toBe(60);

    // Carrying a model into the next year adds to that year only.
    await app.call('models.addYear', { modelId: rows[1]!.modelId, year: 2024 });
    expect(await expectSummaryMatchesRecords(app, 2024)).toBe(1);
    expect(await expectSummaryMatchesRecords(app, 2023)).toBe(60);

    const stats = await app.call('models.stats', { year: 2023 });
    expect(stats.registered).toBe(60);
    expect(stats.recognised).toBe(12);
    expect(stats.typical).toBe(12);
  });
});
