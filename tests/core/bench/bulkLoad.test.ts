import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, tempDir, type TestApp } from '../../support/context';
import { generateDataset, type DatasetSpec } from '../../../bench/generate';
import { ModelText } from '../../../bench/modelText';
import { Rng, modelNamePieces, personName } from '../../../bench/names';
import { foldText, vietnameseSortKey } from '../../../shared/text/vietnamese';
import { searchTextOf } from '../../../electron/core/models/service';
import { bulkLoad, captureSchema, diffSchemas, schemaSnapshot, setwiseStatement, setwiseTrigger } from '../../../bench/bulkLoad';

/**
 * The benchmark's bulk loader must produce exactly the database the app's own triggers produce
 * (counters, search index), whatever the migrations add: a register loaded row by row through the
 * live schema and the same register bulk-loaded are compared table by table and through the
 * app's own search and statistics channels.
 */
const SPEC: DatasetSpec = { records: 600, firstYear: 2020, lastYear: 2025, topUnits: 3, childrenPerUnit: 4, tasks: 20, seed: 42 };

const open: TestApp[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** Apps on one migrated database file (same catalogue ids), each in its own folder. */
async function clones(n: number): Promise<TestApp[]> {
  const first = await openTestApp();
  await first.close();
  const apps: TestApp[] = [];
  for (let i = 0; i < n; i++) {
    const dir = tempDir();
    for (const f of fs.readdirSync(first.dir)) if (/\.sqlite(-wal|-shm)?$/.test(f)) fs.copyFileSync(path.join(first.dir, f), path.join(dir, f));
    const app = await openTestApp({ dir });
    open.push(app);
    apps.push(app);
  }
  return apps;
}

function tableRows(db: Database.Database, table: string): unknown[] {
  return db.prepare(`select * from "${table}" order by 1, 2`).all();
}

describe('bench bulk load', () => {
  it('gives the same tables, search and statistics as loading row by row through the triggers', async () => {
    const [rowByRow, again, bulk] = (await clones(3)) as [TestApp, TestApp, TestApp];
    const a = generateDataset(rowByRow.ctx.sqlite, SPEC, { mode: 'triggers' });
    generateDataset(again.ctx.sqlite, SPEC, { mode: 'triggers' });
    const b = generateDataset(bulk.ctx.sqlite, SPEC, { mode: 'bulk' });
    expect(b.records).toBe(a.records);
    // The migrations' insert triggers (FTS sync, counters) are all replayed set-wise, none row by row.
    expect(b.bulk!.setwiseTriggers.length).toBeGreaterThan(0);
    expect(b.bulk!.rowwiseTriggers).toEqual([]);

    const da = rowByRow.ctx.sqlite;
    const db = bulk.ctx.sqlite;
    expect(diffSchemas(schemaSnapshot(da), schemaSnapshot(db))).toEqual([]);

    // Every ordinary table (records, models, units, trigger-kept counters …) is identical.
    const ftsNames = (da.prepare(`select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'`).all() as Array<{ name: string }>).map((r) => r.name);
    const tables = (da.prepare(`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`).all() as Array<{ name: string; sql: string }>)
      .filter((t) => !t.sql.startsWith('CREATE VIRTUAL TABLE') && !ftsNames.some((f) => t.name.startsWith(`${f}_`)))
      .map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['dvk_models', 'dvk_model_years']));
    // Tables that differ between two identical row-by-row loads hold random tokens by design
    // (e.g. a cache-invalidation token): they cannot be compared.
    const random = tables.filter((t) => JSON.stringify(tableRows(again.ctx.sqlite, t)) !== JSON.stringify(tableRows(da, t)));
    expect(random.length).toBeLessThanOrEqual(1);
    for (const t of tables) if (!random.includes(t)) expect(tableRows(db, t), t).toEqual(tableRows(da, t));
    const counters = captureSchema(da, ['dvk_model_years']).setwise.flatMap((s) => s.targets).filter((t) => tables.includes(t));
    for (const t of counters) expect(tableRows(db, t).length, `${t} has rows`).toBeGreaterThan(0);

    // The FTS indexes hold the same rows: raw MATCH on every FTS table, and the app's search.
    for (const f of ftsNames) {
      for (const q of ['"dan"*', '"thon"* "na"*', '"nguyen"*', '"xa"*']) {
        const sql = `select rowid from "${f}" where "${f}" match ? order by rowid`;
        const hits = db.prepare(sql).all(q);
        expect(hits, `${f} ${q}`).toEqual(da.prepare(sql).all(q));
        if (q === '"xa"*') expect(hits.length).toBe(a.records);
      }
    }
    // Merge settings paused during the replay are back as the migrations left them.
    for (const f of ftsNames) {
      const config = `select k, v from "${f}_config" order by k`;
      expect(db.prepare(config).all(), `${f}_config`).toEqual(da.prepare(config).all());
    }
    for (const search of ['dan van kheo', 'na pai', 'nguyen van']) {
      const input = { search, limit: 50 } as const;
      expect(await bulk.call('models.list', input)).toEqual(await rowByRow.call('models.list', input));
    }
    for (const year of [2020, 2023, 2025]) expect(await bulk.call('models.stats', { year })).toEqual(await rowByRow.call('models.stats', { year }));
  });

  it('keeps a trigger it cannot replay set-wise active during the load, and restores the schema exactly', () => {
    const file = path.join(tempDir(), 'x.sqlite');
    const db = new Database(file);
    db.exec(`
      create table t (n integer primary key, k text not null, v integer not null, deleted_at text);
      create index t_k on t (k, v);
      create table c (k text primary key, total integer not null) without rowid;
      create table log (n integer, what text);
      create trigger t_count after insert on t when new.deleted_at is null begin
        insert into c (k, total) values (new.k, 1) on conflict (k) do update set total = total + excluded.total;
      end;
      create trigger t_log after insert on t begin
        insert into log (n, what) select new.n, 'row ' || new.k;
      end;
      create trigger t_del after delete on t begin delete from log where n = old.n; end;
    `);
    const before = schemaSnapshot(db);
    const ins = db.prepare('insert into t (k, v, deleted_at) values (?, ?, ?)');
    const report = bulkLoad(db, ['t'], () => {
      db.transaction(() => {
        for (let i = 0; i < 300; i++) ins.run(`k${i % 7}`, i, i % 10 === 0 ? '2026-01-01' : null);
      })();
    });
    expect(report.setwiseTriggers).toEqual(['t_count']);
    expect(report.rowwiseTriggers).toEqual(['t_log']);
    expect(diffSchemas(before, schemaSnapshot(db))).toEqual([]);
    // Counters skip the soft-deleted rows (the trigger's WHEN), the row-wise log saw every row.
    expect(db.prepare('select sum(total) s from c').get()).toEqual({ s: 270 });
    expect(db.prepare(`select total from c where k = 'k0'`).get()).toEqual({ total: (db.prepare(`select count(*) c from t where k = 'k0' and deleted_at is null`).get() as { c: number }).c });
    expect(db.prepare('select count(*) c from log').get()).toEqual({ c: 300 });
    // The index is back and used.
    const plan = db.prepare(`explain query plan select v from t where k = 'k3'`).all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toContain('t_k');
    db.close();
  });

  it('converts only plain INSERT … VALUES bodies', () => {
    expect(setwiseStatement(`INSERT INTO f(rowid, a) VALUES (new.n, 'y' || new.year)`, 't', 'new.d IS NULL', true)?.sql).toBe(
      `INSERT INTO f (rowid, a) SELECT new.n, 'y' || new.year FROM main."t" AS new WHERE (new.d IS NULL) ORDER BY new.rowid`,
    );
    expect(setwiseStatement(`INSERT INTO f(a) VALUES (1), (2)`, 't', null, true)).toBeNull();
    expect(setwiseStatement(`UPDATE f SET a = a + 1`, 't', null, true)).toBeNull();
    expect(setwiseStatement(`INSERT INTO f(a) SELECT new.a`, 't', null, true)).toBeNull();
    const before = { type: 'trigger', name: 'x', tbl_name: 't', sql: `CREATE TRIGGER x BEFORE INSERT ON t BEGIN INSERT INTO f(a) VALUES (new.a); END` };
    expect(setwiseTrigger(before, true)).toBeNull();
    const semis = { type: 'trigger', name: 'y', tbl_name: 't', sql: `CREATE TRIGGER y AFTER INSERT ON t BEGIN INSERT INTO f(a) VALUES ('a;b'); INSERT INTO g(b) VALUES (new.b); END` };
    expect(setwiseTrigger(semis, true)?.targets).toEqual(['f', 'g']);
  });

  it('composes the same sort keys, folded names and search text as the shared functions', () => {
    const text = new ModelText();
    const rng = new Rng(9);
    for (let serial = 1; serial <= 3000; serial += 7) {
      const pieces = modelNamePieces(rng, serial * 131);
      const performer = serial % 3 ? personName(rng) : null;
      const unit = `Đảng bộ xã Đồng Lạc ${serial % 40}`;
      const name = pieces.join('');
      expect(text.of(pieces, performer, unit)).toEqual({ name, sortKey: vietnameseSortKey(name), nameFolded: foldText(name), search: searchTextOf(name, performer, unit) });
    }
  });
});
