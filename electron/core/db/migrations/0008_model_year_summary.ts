import { sql, type Kysely } from 'kysely';

/**
 * Per-year summary of the model register, kept by triggers in the same transaction as every
 * write to `dvk_model_years`, so one year's statistics read a few hundred summary rows instead of
 * grouping up to 100,000 records per year at national scale (QUALITY.md: ≤ 50 ms at 1M).
 * `field_id` is stored as '' for "no field": SQLite treats NULLs as distinct in a unique index,
 * and the upsert needs one row per group.
 */
const KEY = 'year, unit_id, field_id, kind, registration, status, typical, commended';

function plus(row: 'new' | 'old', delta: 1 | -1): string {
  return `INSERT INTO dvk_year_summary (${KEY}, c)
      VALUES (${row}.year, ${row}.unit_id, coalesce(${row}.field_id, ''), ${row}.kind, ${row}.registration, ${row}.status, ${row}.typical, ${row}.commended, ${delta})
      ON CONFLICT (${KEY}) DO UPDATE SET c = c + (${delta});`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE dvk_year_summary (
      year integer NOT NULL,
      unit_id text NOT NULL,
      field_id text NOT NULL,
      kind text NOT NULL,
      registration text NOT NULL,
      status text NOT NULL,
      typical integer NOT NULL,
      commended integer NOT NULL,
      c integer NOT NULL,
      PRIMARY KEY (year, unit_id, field_id, kind, registration, status, typical, commended)
    ) WITHOUT ROWID`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER dvk_year_summary_ai AFTER INSERT ON dvk_model_years WHEN new.deleted_at IS NULL BEGIN ${plus('new', 1)} END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER dvk_year_summary_ad AFTER DELETE ON dvk_model_years WHEN old.deleted_at IS NULL BEGIN ${plus('old', -1)} END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER dvk_year_summary_au_old AFTER UPDATE OF year, unit_id, field_id, kind, registration, status, typical, commended, deleted_at
         ON dvk_model_years WHEN old.deleted_at IS NULL BEGIN ${plus('old', -1)} END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER dvk_year_summary_au_new AFTER UPDATE OF year, unit_id, field_id, kind, registration, status, typical, commended, deleted_at
         ON dvk_model_years WHEN new.deleted_at IS NULL BEGIN ${plus('new', 1)} END`,
    )
    .execute(db);
  // Existing registers: fill the summary once.
  await sql
    .raw(
      `INSERT INTO dvk_year_summary (${KEY}, c)
       SELECT year, unit_id, coalesce(field_id, ''), kind, registration, status, typical, commended, count(*)
       FROM dvk_model_years WHERE deleted_at IS NULL
       GROUP BY year, unit_id, coalesce(field_id, ''), kind, registration, status, typical, commended`,
    )
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['dvk_year_summary_ai', 'dvk_year_summary_ad', 'dvk_year_summary_au_old', 'dvk_year_summary_au_new']) {
    await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS dvk_year_summary`.execute(db);
}
