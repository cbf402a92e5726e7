import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { addUnit, loadBacKanFields } from './support';
import { LAYOUTS } from '../../fixtures/register-corpus/layouts';
import { STANDARD_UNITS, type CorpusCase } from '../../fixtures/register-corpus/build';

/*
 * The register corpus (tests/fixtures/register-corpus): every layout imports with the figures a
 * conference would report, under the preview's defaults plus the confirmations the UI gives by
 * default (create missing units, award forms and fields). One database per layout.
 */

async function importCase(app: TestApp, c: CorpusCase) {
  const ids = new Map<string, string>();
  for (const u of c.units ?? STANDARD_UNITS) {
    const id = await addUnit(app, u.name);
    ids.set(u.name, id);
    for (const child of u.children ?? []) ids.set(child, await addUnit(app, child, id));
  }
  await loadBacKanFields(app);
  const preview = await app.call('models.importPreview', { fileName: c.fileName, bytes: await c.build() });
  const parentId = c.parentName ? ids.get(c.parentName) : undefined;
  const result = await app.call('models.importCommit', {
    importId: preview.importId,
    createMissing: true,
    createMissingFields: true,
    ...(parentId ? { parentId } : {}),
  });
  const stats = await app.call('models.stats', { year: c.year });
  return { preview, result, stats };
}

describe('the register corpus imports with the expected figures under default choices', () => {
  it('has at least 25 layouts', () => {
    expect(LAYOUTS.length).toBeGreaterThanOrEqual(25);
  });

  for (const c of LAYOUTS) {
    describe(c.name, () => {
      let app: TestApp;
      let out: Awaited<ReturnType<typeof importCase>>;
      beforeAll(async () => {
        app = await openTestApp();
        out = await importCase(app, c);
      });
      afterAll(async () => {
        await app.close();
      });

      it('gives the figures', () => {
        const { preview, result, stats } = out;
        const figures = {
          committed: result.created,
          registered: stats.registered,
          recognised: stats.recognised,
          typical: stats.typical,
          commended: stats.commended,
          units: stats.unitsTotal,
          unitsReviewed: stats.unitsReviewed,
        };
        // A field not yet in the catalogue is still reported per row by the preview (tests/core/models/
        // import.test.ts keeps that); the default confirmation (createMissingFields) commits those rows.
        const errors = preview.errors.filter((e) => !e.reasons.every((r) => /không có trong danh mục/.test(r)));
        expect({ figures, skipped: result.skippedRows, errors }).toEqual({ figures: c.expected, skipped: [], errors: [] });
      });

      if (c.parents) {
        it('places new units where the list (or the user) says', async () => {
          const units = await app.ctx.db.selectFrom('units').select(['id', 'name', 'parent_id']).where('deleted_at', 'is', null).execute();
          const byId = new Map(units.map((u) => [u.id, u.name]));
          const actual = Object.fromEntries(Object.keys(c.parents!).map((n) => {
            const u = units.find((x) => x.name === n);
            return [n, u ? (u.parent_id ? byId.get(u.parent_id) ?? '?' : null) : 'không có'];
          }));
          expect(actual).toEqual(c.parents);
        });
      }
    });
  }
});
