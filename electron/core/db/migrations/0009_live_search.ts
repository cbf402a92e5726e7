import { sql, type Kysely } from 'kysely';

/*
 * The register's search index holds only live yearly records, and carries the year.
 *
 * 0004 indexed every row (soft-deleted ones too), so each search joined back to the table to drop
 * deleted rows and could not count matches without it. Here:
 *  - the index is contentless (`content=''`, `contentless_delete=1`, SQLite ≥ 3.43): triggers add a
 *    row's text when it is live and remove it by rowid when it is deleted, restored, edited or moved
 *    to another year — no old text needed, and a match count is an FTS-only count;
 *  - a second column `facets` holds `y<year> u<unit id without hyphens>` (e.g. `y2025 u01a2…`), so
 *    the register's year and unit-subtree filters are part of the FTS query
 *    (`… AND facets : "y2025" AND facets : ("u…" OR "u…")`) and a capped probe or a page of matches
 *    never walks rows of other years or units (at 1M records a unit filter walked ~60 matches per
 *    row shown). The user's words are restricted to `search_text`, so they never match a facet;
 *  - prefixes of 2–7 letters are indexed (every Vietnamese syllable): 0004 indexed 2 and 3 only, and
 *    FTS5 answers a longer prefix ("thon"*, "nguyen"*) by merging the whole doclist of every term
 *    under it — 7.6 ms for "thon"* at 100k records, ~10× at 1M, whatever the LIMIT. The index grows
 *    ~10 % (measured at 100k: 26.6 → 29.3 MB).
 */

/** The facet text of a row (`t` = table name or new/old): must match `searchMatch` in models/repository.ts. */
const FACETS = (t: string) => sql.raw(`'y' || ${t}.year || ' u' || replace(${t}.unit_id, '-', '')`);

/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  for (const t of ['dvk_years_fts_ai', 'dvk_years_fts_ad', 'dvk_years_fts_au']) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  await sql`DROP TABLE IF EXISTS dvk_years_fts`.execute(db);
  await sql`CREATE VIRTUAL TABLE dvk_years_fts USING fts5(search_text, facets, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='2 3 4 5 6 7')`.execute(
    db,
  );
  await sql`INSERT INTO dvk_years_fts(rowid, search_text, facets)
      SELECT n, search_text, ${FACETS('dvk_model_years')} FROM dvk_model_years WHERE deleted_at IS NULL ORDER BY n`.execute(db);
  // One b-tree for the bulk insert above (faster queries from the first search on).
  await sql`INSERT INTO dvk_years_fts(dvk_years_fts) VALUES ('optimize')`.execute(db);

  await sql`CREATE TRIGGER dvk_years_fts_ai AFTER INSERT ON dvk_model_years WHEN new.deleted_at IS NULL BEGIN
      INSERT INTO dvk_years_fts(rowid, search_text, facets) VALUES (new.n, new.search_text, ${FACETS('new')});
    END`.execute(db);
  await sql`CREATE TRIGGER dvk_years_fts_ad AFTER DELETE ON dvk_model_years WHEN old.deleted_at IS NULL BEGIN
      DELETE FROM dvk_years_fts WHERE rowid = old.n;
    END`.execute(db);
  // Soft delete, restore, edited text, year or unit: drop the old entry if it was indexed, add the
  // new one if the row is live. Updates of other columns (status, decisions…) do not touch the index.
  await sql`CREATE TRIGGER dvk_years_fts_au AFTER UPDATE OF search_text, deleted_at, year, unit_id ON dvk_model_years BEGIN
      DELETE FROM dvk_years_fts WHERE rowid = old.n AND old.deleted_at IS NULL;
      INSERT INTO dvk_years_fts(rowid, search_text, facets) SELECT new.n, new.search_text, ${FACETS('new')} WHERE new.deleted_at IS NULL;
    END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['dvk_years_fts_ai', 'dvk_years_fts_ad', 'dvk_years_fts_au']) await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
  await sql`DROP TABLE IF EXISTS dvk_years_fts`.execute(db);
}
