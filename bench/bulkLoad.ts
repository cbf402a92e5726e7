import type BetterSqlite3 from 'better-sqlite3';

/**
 * Bulk loading of a throwaway benchmark database, generic over the schema: whatever indexes,
 * FTS tables, counters and triggers the migrations put on the loaded tables, the result must be
 * what the app would have written row by row — only faster. Nothing here knows a column.
 *
 *  - Secondary indexes of the loaded tables are dropped and re-created from their saved DDL (one
 *    sort each instead of a million random B-tree inserts).
 *  - INSERT triggers whose body is plain `INSERT INTO x (…) VALUES (new.…) [ON CONFLICT …]`
 *    statements (FTS sync, trigger-kept counters) are dropped during the load and then replayed
 *    set-wise: each body statement runs once as `INSERT INTO x (…) SELECT … FROM t AS new WHERE
 *    <WHEN> ORDER BY rowid [ON CONFLICT …]`, i.e. the same row trigger applied to every loaded row
 *    in insertion order. Exact for an insert-only load, and it avoids a measured ~85 µs per row:
 *    FTS5 flushes its pending terms at every statement, so a row-by-row load through the FTS
 *    trigger writes one tiny segment per row and merges them all the time.
 *  - Any other INSERT trigger stays active (replayed row by row: exact, only slower). UPDATE and
 *    DELETE triggers stay in place: an insert-only load never fires them.
 *  - FTS5 tables written by a replayed trigger are filled with incremental merging paused, then
 *    get an 'optimize' (one b-tree), as the migrations do after their own backfill.
 */
type Db = BetterSqlite3.Database;

export interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export interface SetwiseTrigger {
  name: string;
  table: string;
  sql: string;
  /** Tables its body inserts into. */
  targets: string[];
  /** The body as set statements over the table (aliased `new`). */
  replay: string[];
}

export interface SavedSchema {
  tables: string[];
  indexes: Array<MasterRow & { sql: string }>;
  setwise: SetwiseTrigger[];
  /** INSERT triggers left active during the load (not plain INSERT … VALUES bodies). */
  rowwise: string[];
}

export function schemaSnapshot(db: Db): MasterRow[] {
  return db.prepare(`select type, name, tbl_name, sql from sqlite_master order by type, name`).all() as MasterRow[];
}

/** Splits SQL at top-level `;` (outside quotes). */
function splitStatements(body: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of body) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '[') quote = ']';
    else if (ch === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Index just past the parenthesis closing the one at `open` (quote-aware), or -1. */
function closeParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|\`[^\`]+\`|\[[^\]]+\]|[A-Za-z_][\w$]*)`;
const unquote = (name: string): string => name.replace(/^["`[]|["`\]]$/g, '');

/**
 * `INSERT [OR x] INTO target [(cols)] VALUES (exprs) [ON CONFLICT …]` → the same insert fed by
 * a SELECT over the table aliased `new`; null when the statement has any other shape.
 */
export function setwiseStatement(stmt: string, table: string, when: string | null, hasRowid: boolean): { target: string; sql: string } | null {
  const head = new RegExp(String.raw`^INSERT\s+(OR\s+\w+\s+)?INTO\s+(${IDENT})\s*`, 'i').exec(stmt);
  if (!head) return null;
  let rest = stmt.slice(head[0].length);
  let cols = '';
  if (rest.startsWith('(')) {
    const end = closeParen(rest, 0);
    if (end < 0) return null;
    cols = rest.slice(0, end);
    rest = rest.slice(end).trimStart();
  }
  const values = /^VALUES\s*/i.exec(rest);
  if (!values) return null;
  rest = rest.slice(values[0].length);
  if (!rest.startsWith('(')) return null;
  const end = closeParen(rest, 0);
  if (end < 0) return null;
  const exprs = rest.slice(1, end - 1);
  const tail = rest.slice(end).trim();
  if (tail && !/^ON\s+CONFLICT\b/i.test(tail)) return null; // several VALUES rows, RETURNING …
  if (/\bold\s*\./i.test(stmt)) return null;
  const target = unquote(head[2]!);
  const order = hasRowid ? ' ORDER BY new.rowid' : '';
  // WHERE is always present: SQLite needs it to parse `INSERT … SELECT … ON CONFLICT`.
  const sql = `INSERT ${head[1] ?? ''}INTO ${head[2]!} ${cols} SELECT ${exprs} FROM main.${quote(table)} AS new WHERE (${when ?? '1'})${order}${tail ? ` ${tail}` : ''}`;
  return { target, sql };
}

/** A trigger fired by INSERT on one of `tables`, as set statements; null when not convertible. */
export function setwiseTrigger(row: MasterRow & { sql: string }, hasRowid: boolean): SetwiseTrigger | null {
  const m = new RegExp(
    String.raw`^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?TRIGGER\s+(?:IF\s+NOT\s+EXISTS\s+)?${IDENT}\s+(AFTER\s+)?INSERT\s+ON\s+${IDENT}\s+(?:FOR\s+EACH\s+ROW\s+)?(?:WHEN\s+([\s\S]*?)\s+)?BEGIN\b([\s\S]*)\bEND\s*;?\s*$`,
    'i',
  ).exec(row.sql);
  if (!m || !m[1]) return null; // BEFORE/INSTEAD OF INSERT (may RAISE or rewrite): leave it live
  const replay: string[] = [];
  const targets: string[] = [];
  for (const stmt of splitStatements(m[3]!)) {
    const one = setwiseStatement(stmt, row.tbl_name, m[2] ?? null, hasRowid);
    if (!one) return null;
    replay.push(one.sql);
    targets.push(one.target);
  }
  if (!replay.length) return null;
  return { name: row.name, table: row.tbl_name, sql: row.sql, targets: [...new Set(targets)], replay };
}

function isInsertTrigger(sql: string): boolean {
  return /^\s*CREATE\s+(?:TEMP(?:ORARY)?\s+)?TRIGGER\b[\s\S]*?\bINSERT\s+ON\b/i.test(sql.slice(0, sql.search(/\bBEGIN\b/i)));
}

export function captureSchema(db: Db, tables: string[]): SavedSchema {
  const rows = schemaSnapshot(db);
  const hasRowid = (t: string): boolean => !/WITHOUT\s+ROWID\s*$/i.test(rows.find((r) => r.type === 'table' && r.name === t)?.sql ?? '');
  const indexes = rows.filter((r): r is MasterRow & { sql: string } => r.type === 'index' && tables.includes(r.tbl_name) && r.sql !== null);
  const inserts = rows.filter((r): r is MasterRow & { sql: string } => r.type === 'trigger' && tables.includes(r.tbl_name) && r.sql !== null && isInsertTrigger(r.sql));
  const setwise: SetwiseTrigger[] = [];
  const rowwise: string[] = [];
  for (const t of inserts) {
    const s = setwiseTrigger(t, hasRowid(t.tbl_name));
    if (s) setwise.push(s);
    else rowwise.push(t.name);
  }
  return { tables, indexes, setwise, rowwise };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface BulkOptions {
  /** Throwaway-database pragmas during the load (synchronous=OFF, in-memory journal, big cache). */
  fastPragmas?: boolean;
  /** FTS5 'optimize' of the FTS tables the replay wrote (default true, as the migrations do). */
  optimizeFts?: boolean;
}

export interface BulkReport {
  droppedIndexes: number;
  setwiseTriggers: string[];
  rowwiseTriggers: string[];
  /** Wall milliseconds per phase: drop, load, indexes, replay, optimize, restore. */
  phases: Record<string, number>;
  /** CPU milliseconds of this process per phase (the machine is shared: wall time is noisy). */
  cpu: Record<string, number>;
}

function timer(): { phases: Record<string, number>; cpu: Record<string, number>; timed(name: string, fn: () => void): void } {
  const phases: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  return {
    phases,
    cpu,
    timed(name, fn) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      fn();
      const c = process.cpuUsage(c0);
      phases[name] = Math.round(performance.now() - t0);
      cpu[name] = Math.round((c.user + c.system) / 1000);
    },
  };
}

function isFts5(db: Db, table: string): boolean {
  const row = db.prepare(`select sql from sqlite_master where type = 'table' and name = ?`).get(table) as { sql: string } | undefined;
  return !!row && /\bUSING\s+fts5\b/i.test(row.sql);
}

/**
 * Runs `load` (which inserts rows into `tables` in its own transactions, and only inserts) with
 * the tables' indexes and convertible INSERT triggers out of the way, then re-creates the indexes,
 * replays the triggers set-wise and restores the schema exactly (checked against sqlite_master).
 */
export function bulkLoad(db: Db, tables: string[], load: () => void, options: BulkOptions = {}): BulkReport {
  const { phases, cpu, timed } = timer();
  const before = schemaSnapshot(db);
  const saved = captureSchema(db, tables);
  const counts = Object.fromEntries(tables.map((t) => [t, (db.prepare(`select count(*) c from ${quote(t)}`).get() as { c: number }).c]));
  // Replaying over rows that existed before the load would count them twice.
  for (const s of saved.setwise) if (counts[s.table]) throw new Error(`bulkLoad: ${s.table} is not empty (${counts[s.table]} rows)`);

  const restorePragmas = options.fastPragmas ?? true ? fastPragmas(db) : () => {};
  try {
    timed('drop', () => {
      db.transaction(() => {
        for (const t of saved.setwise) db.exec(`DROP TRIGGER ${quote(t.name)}`);
        for (const i of saved.indexes) db.exec(`DROP INDEX ${quote(i.name)}`);
      })();
    });
    timed('load', load);
    timed('indexes', () => {
      for (const i of saved.indexes) db.exec(i.sql);
    });
    const fts = [...new Set(saved.setwise.flatMap((t) => t.targets))].filter((t) => isFts5(db, t));
    timed('replay', () => {
      const restoreMerging = pauseFtsMerging(db, fts);
      try {
        db.transaction(() => {
          for (const t of saved.setwise) for (const sql of t.replay) db.exec(sql);
        })();
      } finally {
        restoreMerging();
      }
    });
    if (options.optimizeFts ?? true) {
      timed('optimize', () => {
        for (const f of fts) db.exec(`INSERT INTO ${quote(f)}(${quote(f)}) VALUES ('optimize')`);
      });
    }
    timed('restore', () => {
      db.transaction(() => {
        for (const t of saved.setwise) db.exec(t.sql);
      })();
    });
  } finally {
    restorePragmas();
  }

  const diff = diffSchemas(before, schemaSnapshot(db));
  if (diff.length) throw new Error(`bulk load changed the schema: ${diff.join('; ')}`);
  return { droppedIndexes: saved.indexes.length, setwiseTriggers: saved.setwise.map((t) => t.name), rowwiseTriggers: saved.rowwise, phases, cpu };
}

/** FTS5's documented defaults of the merge settings paused during the replay. */
const FTS_MERGE_DEFAULTS: Record<string, number> = { automerge: 4, crisismerge: 16 };

/**
 * No incremental merging while the replay fills the FTS index (measured at 1M records: 28 → 16 s
 * of CPU; 'optimize' merges everything once afterwards anyway). The settings live in the table's
 * `_config` shadow table: the returned function puts back exactly the rows that were there (a
 * setting absent before is set to its default, so this connection's cached value is right, and
 * its row deleted, so the file is as the app leaves it).
 */
function pauseFtsMerging(db: Db, fts: string[]): () => void {
  const saved = fts.map((f) => ({ f, rows: db.prepare(`select k, v from ${quote(`${f}_config`)}`).all() as Array<{ k: string; v: unknown }> }));
  const set = (f: string, k: string, v: unknown): void => {
    // An integer literal: FTS5 rejects a bound JavaScript number (bound as REAL).
    db.exec(`INSERT INTO ${quote(f)}(${quote(f)}, rank) VALUES ('${k}', ${Math.trunc(Number(v))})`);
  };
  for (const { f } of saved) {
    set(f, 'automerge', 0);
    set(f, 'crisismerge', 64);
  }
  return () => {
    for (const { f, rows } of saved) {
      for (const k of Object.keys(FTS_MERGE_DEFAULTS)) {
        const before = rows.find((r) => r.k === k);
        set(f, k, before ? before.v : FTS_MERGE_DEFAULTS[k]);
        if (!before) {
          // Shadow tables are read-only in better-sqlite3's defensive mode.
          db.unsafeMode(true);
          try {
            db.prepare(`DELETE FROM ${quote(`${f}_config`)} WHERE k = ?`).run(k);
          } finally {
            db.unsafeMode(false);
          }
        }
      }
    }
  };
}

/** Differences between two sqlite_master snapshots (by type and name; SQL text compared exactly). */
export function diffSchemas(a: MasterRow[], b: MasterRow[]): string[] {
  const key = (r: MasterRow): string => `${r.type} ${r.name}`;
  const mb = new Map(b.map((r) => [key(r), r]));
  const out: string[] = [];
  for (const r of a) {
    const o = mb.get(key(r));
    if (!o) out.push(`missing ${key(r)}`);
    else if (o.sql !== r.sql || o.tbl_name !== r.tbl_name) out.push(`changed ${key(r)}`);
    mb.delete(key(r));
  }
  for (const k of mb.keys()) out.push(`extra ${k}`);
  return out;
}

/**
 * Pragmas for a database that is thrown away if the load fails: no fsync, rollback journal in
 * memory (not OFF: better-sqlite3 rolls a failed transaction back), 256 MB page cache, temp
 * B-trees in memory, two sorter threads for CREATE INDEX. Returns the function that puts the
 * app's own pragmas back (WAL, synchronous=FULL, as openSqlite sets them).
 */
export function fastPragmas(db: Db): () => void {
  const journal = String(db.pragma('journal_mode', { simple: true }));
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  const cache = Number(db.pragma('cache_size', { simple: true }));
  const temp = Number(db.pragma('temp_store', { simple: true }));
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2');
  return () => {
    db.pragma(`journal_mode = ${journal}`);
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`temp_store = ${temp}`);
    db.pragma('threads = 0');
  };
}
