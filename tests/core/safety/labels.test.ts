import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { listTables } from '../../../electron/core/safety/tables';
import { entityLabel, fieldLabel } from '../../../electron/core/safety/labels';
import { importCommitOutputSchema } from '../../../shared/schemas/models';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('Vietnamese names of tables', () => {
  it('names every table a user can meet in the trash, the audit log or backup counts', async () => {
    app = await openTestApp();
    const unnamed = listTables(app.ctx.sqlite)
      .map((t) => t.name)
      .filter((name) => entityLabel(name).startsWith('Dữ liệu "'));
    // A feature that adds a table adds its Vietnamese name in electron/core/safety/labels.ts.
    expect(unnamed).toEqual([]);
  });

  it('leaves derived counter tables out of backup counts', async () => {
    app = await openTestApp();
    const tables = listTables(app.ctx.sqlite).map((t) => t.name);
    expect(tables).toContain('dvk_models');
    expect(tables.filter((t) => t.endsWith('_counts'))).toEqual([]);
  });

  it("names every figure of an import's audit entry", () => {
    // The one audit entry of models.importCommit carries the result's figures and the record ids.
    const keys = [...Object.keys(importCommitOutputSchema.shape).filter((k) => k !== 'skippedRows'), 'fileName', 'recordIds'];
    expect(keys.filter((k) => fieldLabel(k) === k)).toEqual([]);
  });
});
