import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { engineOf } from '../../../electron/core/db/engine';
import { postgresEngine } from '../../../electron/core/db/engine/postgres';
import { migrateToLatest, pendingMigrations } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { recordAudit } from '../../../electron/core/db/audit';
import { foldText } from '../../../shared/text/vietnamese';
import { emptyPgDatabase, freshPgEngine, pgUrl } from '../../support/postgres';

/*
 * The PostgreSQL engine on a real server (issue #19): runs in the `node-pg` project, where
 * QCDC_DATABASE_URL points at the throw-away cluster of scripts/pg-test-cluster.mjs; skipped when no
 * server is configured (the plain `node` project).
 */
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

const now = '2026-11-27T02:00:00.000Z';
const stamps = { created_at: now, updated_at: now, deleted_at: null };

describe.skipIf(!pgUrl)('PostgreSQL engine', () => {
  it('runs the whole migration list on an empty database, and nothing is pending after', async () => {
    const empty = await emptyPgDatabase();
    const engine = postgresEngine(empty.url, { max: 1 });
    cleanups.push(empty.drop, () => engine.close());
    expect(engineOf(engine.db)).toBe('postgres');
    const applied = await migrateToLatest(engine.db);
    expect(applied).toEqual(Object.keys(migrations).sort());
    expect(await pendingMigrations(engine.db)).toEqual([]);
    // The FTS5 table does not exist there; the trigram index over live rows does.
    const indexes = await sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE tablename = 'dvk_model_years'`.execute(engine.db);
    expect(indexes.rows.map((r) => r.indexname)).toContain('dvk_years_search_trgm');
    expect(await engine.quickCheck()).toBe('ok');
  });

  it('numbers the audit log itself and returns counts as numbers', async () => {
    const { engine, close } = await freshPgEngine();
    cleanups.push(close);
    await engine.db.transaction().execute(async (trx) => {
      await recordAudit(trx, { name: 'kiểm thử' }, now, { entity: 'settings', entityId: 'a', action: 'update' });
      await recordAudit(trx, { name: 'kiểm thử' }, now, { entity: 'settings', entityId: 'b', action: 'update' });
    });
    const rows = await engine.db.selectFrom('audit_log').select(['seq', 'entity_id']).orderBy('seq').execute();
    expect(rows.map((r) => r.entity_id)).toEqual(['a', 'b']);
    expect(rows[1]!.seq).toBeGreaterThan(rows[0]!.seq);
    const count = await engine.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(2); // bigint parsed to a number on this pool, as SQLite returns it
  });

  it('keeps the register counters and the unit-tree token in PL/pgSQL triggers', async () => {
    const { engine, close } = await freshPgEngine();
    cleanups.push(close);
    const db = engine.db;
    const token = async () => (await db.selectFrom('dvk_unit_tree_version').select('token').executeTakeFirstOrThrow()).token;
    const before = await token();
    await db
      .insertInto('units')
      .values({ id: 'u1', parent_id: null, name: 'Xã A', kind: 'commune', sort_order: 0, search_text: 'xa a', sort_key: 'xa a', ...stamps })
      .execute();
    expect(Buffer.compare(await token(), before)).not.toBe(0);
    await db
      .insertInto('dvk_models')
      .values({ id: 'm1', unit_id: 'u1', name: 'Mô hình', name_folded: 'mo hinh', kind: 'collective', first_year: 2025, sort_key: 'mo hinh', ...stamps })
      .execute();
    const year = (id: string, y: number) => ({
      id,
      model_id: 'm1',
      year: y,
      unit_id: 'u1',
      kind: 'collective',
      registration: 'new',
      status: 'recognised',
      typical: 1,
      commended: 0,
      search_text: foldText('Thôn Đông Hưng mô hình'),
      sort_key: 'mo hinh',
      ...stamps,
    });
    await db.insertInto('dvk_model_years').values([year('y1', 2025), year('y2', 2026)]).execute();
    const counts = () => db.selectFrom('dvk_unit_counts').select(['year', 'total', 'typical', 'st_recognised']).orderBy('year').execute();
    expect(await counts()).toEqual([
      { year: 2025, total: 1, typical: 1, st_recognised: 1 },
      { year: 2026, total: 1, typical: 1, st_recognised: 1 },
    ]);
    // Soft delete takes the record out; a status change moves it between columns.
    await db.updateTable('dvk_model_years').set({ deleted_at: now }).where('id', '=', 'y1').execute();
    await db.updateTable('dvk_model_years').set({ status: 'implementing' }).where('id', '=', 'y2').execute();
    expect(await counts()).toEqual([
      { year: 2025, total: 0, typical: 0, st_recognised: 0 },
      { year: 2026, total: 1, typical: 0, st_recognised: 0 },
    ]);
    // The folded text finds the live record through the trigram index's operator class.
    const found = await db.selectFrom('dvk_model_years').select('id').where('deleted_at', 'is', null).where('search_text', 'like', '%dong hung%').execute();
    expect(found).toEqual([{ id: 'y2' }]);
  });
});
