import { sql, type Kysely } from 'kysely';

/*
 * Counters of the model register, kept by triggers in the same transaction as every write to
 * `dvk_model_years` (services, import, trash restore, raw SQL alike), so one year's statistics read
 * one row per unit (hundreds to ~2,000 at national scale) and one row per field instead of grouping
 * up to 100,000 yearly records (docs/performance.md: ≤ 50 ms at 1M).
 *
 *   dvk_unit_counts  (year, unit_id)   the unit's own records; the roll-up to subordinate
 *                                      organisations (mergers, subtrees) stays in TypeScript
 *   dvk_field_counts (year, field_key) field_key is '' for "no field": NULLs are distinct in a
 *                                      primary key, and the upsert needs exactly one row per key
 *
 * Only live records count (deleted_at IS NULL). Every change is a signed delta upserted with
 * `ON CONFLICT … DO UPDATE SET c = c + excluded.c`, so insert, delete, soft delete, restore and
 * any change of year / unit / field / kind / registration / status / flags share one shape: take
 * the old row out, put the new row in. A counter row that drops to zero stays (readers skip it).
 *
 * It also keeps a token of the unit tree (dvk_unit_tree_version, replaced by any write to units) so
 * the statistics can keep the tree in memory between calls.
 *
 * This file is frozen once shipped: the status list is written out here, not imported; a test
 * checks that every status of shared/schemas/models.ts has its columns.
 */

const STATUSES: Array<[status: string, column: string]> = [
  ['registered', 'registered'],
  ['implementing', 'implementing'],
  ['eligible', 'eligible'],
  ['reviewed', 'reviewed'],
  ['recognised', 'recognised'],
  ['notRecognised', 'not_recognised'],
];

/** Counter column → its value (0/1) for one record `r` (new, old, or the table alias). */
function counters(r: string): Array<[column: string, expr: string]> {
  const collective = `${r}.kind = 'collective'`;
  const recognised = `${r}.status = 'recognised'`;
  return [
    ['total', '1'],
    ['new_count', `(${r}.registration = 'new')`],
    ['collective', `(${collective})`],
    // Typical and commended are marks on a recognised record (as the register filters count them).
    ['typical', `(${recognised} AND ${r}.typical <> 0)`],
    ['commended', `(${recognised} AND ${r}.commended <> 0)`],
    ['typical_collective', `(${recognised} AND ${r}.typical <> 0 AND ${collective})`],
    ['commended_collective', `(${recognised} AND ${r}.commended <> 0 AND ${collective})`],
    ...STATUSES.map(([s, col]): [string, string] => [`st_${col}`, `(${r}.status = '${s}')`]),
    ...STATUSES.map(([s, col]): [string, string] => [`stc_${col}`, `(${r}.status = '${s}' AND ${collective})`]),
  ];
}

const COLUMNS = counters('r').map(([c]) => c);

interface Target {
  table: string;
  key: string;
  /** The key's value for record `r`. */
  value: (r: string) => string;
}

const TARGETS: Target[] = [
  { table: 'dvk_unit_counts', key: 'unit_id', value: (r) => `${r}.unit_id` },
  { table: 'dvk_field_counts', key: 'field_key', value: (r) => `coalesce(${r}.field_id, '')` },
];

/** One signed-delta upsert of record `r` (new/old) into a counter table. */
function upsert(t: Target, r: 'new' | 'old', sign: 1 | -1): string {
  const values = counters(r).map(([, e]) => (sign === 1 ? e : `-${e}`));
  return `INSERT INTO ${t.table} (year, ${t.key}, ${COLUMNS.join(', ')})
      VALUES (${r}.year, ${t.value(r)}, ${values.join(', ')})
      ON CONFLICT (year, ${t.key}) DO UPDATE SET ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

/** Columns whose change moves a record between counters (deleted_at: in or out of the counts). */
const WATCHED = ['year', 'unit_id', 'field_id', 'kind', 'registration', 'status', 'typical', 'commended', 'deleted_at'];
// An UPDATE that names a watched column but changes none of them (the services write whole rows) does no work.
const CHANGED = [
  ...WATCHED.filter((c) => c !== 'deleted_at').map((c) => `old.${c} IS NOT new.${c}`),
  '(old.deleted_at IS NULL) <> (new.deleted_at IS NULL)',
].join(' OR ');

const both = (r: 'new' | 'old', sign: 1 | -1) => TARGETS.map((t) => upsert(t, r, sign)).join('\n      ');

const TRIGGERS: Record<string, string> = {
  dvk_counts_ai: `AFTER INSERT ON dvk_model_years WHEN new.deleted_at IS NULL BEGIN
      ${both('new', 1)}
    END`,
  dvk_counts_ad: `AFTER DELETE ON dvk_model_years WHEN old.deleted_at IS NULL BEGIN
      ${both('old', -1)}
    END`,
  // Two update triggers (old out, new in) rather than one with INSERT … SELECT … WHERE: each keeps
  // the plain VALUES upsert, and SQLite runs AFTER triggers of one statement in creation order.
  dvk_counts_au_old: `AFTER UPDATE OF ${WATCHED.join(', ')} ON dvk_model_years WHEN old.deleted_at IS NULL AND (${CHANGED}) BEGIN
      ${both('old', -1)}
    END`,
  dvk_counts_au_new: `AFTER UPDATE OF ${WATCHED.join(', ')} ON dvk_model_years WHEN new.deleted_at IS NULL AND (${CHANGED}) BEGIN
      ${both('new', 1)}
    END`,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const t of TARGETS) {
    await sql
      .raw(
        `CREATE TABLE ${t.table} (
          year integer NOT NULL,
          ${t.key} text NOT NULL,
          ${COLUMNS.map((c) => `${c} integer NOT NULL DEFAULT 0`).join(',\n          ')},
          PRIMARY KEY (year, ${t.key})
        ) WITHOUT ROWID`,
      )
      .execute(db);
    // Existing registers: one GROUP BY over the records (runs inside the migration's transaction).
    await sql
      .raw(
        `INSERT INTO ${t.table} (year, ${t.key}, ${COLUMNS.join(', ')})
         SELECT r.year, ${t.value('r')}, ${counters('r')
           .map(([, e]) => `sum(${e})`)
           .join(', ')}
         FROM dvk_model_years r WHERE r.deleted_at IS NULL
         GROUP BY r.year, ${t.value('r')}`,
      )
      .execute(db);
  }
  for (const [name, body] of Object.entries(TRIGGERS)) await sql.raw(`CREATE TRIGGER ${name} ${body}`).execute(db);

  // The statistics roll units up to the subordinate organisations through the unit tree, which takes
  // longer to read than the counters at national scale (~2,000 units). A token that every write to
  // `units` replaces lets the tree be kept in memory until it changes; random, so a restored backup
  // or another connection's write can never look like the cached tree.
  await sql`CREATE TABLE dvk_unit_tree_version (id integer PRIMARY KEY CHECK (id = 1), token blob NOT NULL)`.execute(db);
  await sql`INSERT INTO dvk_unit_tree_version (id, token) VALUES (1, randomblob(8))`.execute(db);
  for (const [name, event] of UNIT_TRIGGERS) {
    await sql.raw(`CREATE TRIGGER ${name} AFTER ${event} ON units BEGIN UPDATE dvk_unit_tree_version SET token = randomblob(8) WHERE id = 1; END`).execute(db);
  }
}

const UNIT_TRIGGERS: Array<[name: string, event: string]> = [
  ['units_tree_version_ai', 'INSERT'],
  ['units_tree_version_au', 'UPDATE'],
  ['units_tree_version_ad', 'DELETE'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [...Object.keys(TRIGGERS), ...UNIT_TRIGGERS.map(([n]) => n)]) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
  await sql`DROP TABLE IF EXISTS dvk_unit_tree_version`.execute(db);
  for (const t of TARGETS) await sql.raw(`DROP TABLE IF EXISTS ${t.table}`).execute(db);
}
