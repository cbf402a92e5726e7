import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
const timestamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('deleted_at', 'text');

/** "Dân vận khéo" register: models, yearly records (lượt), review meetings, remembered import mappings. */
export async function up(db: Kysely<any>): Promise<void> {
  await timestamps(
    db.schema
      .createTable('dvk_models')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_folded', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field_id', 'text', (c) => c.references('catalog_items.id'))
      .addColumn('performer', 'text')
      .addColumn('period_label', 'text')
      .addColumn('situation', 'text')
      .addColumn('goals', 'text')
      .addColumn('content', 'text')
      .addColumn('area', 'text')
      .addColumn('lead_force', 'text')
      .addColumn('coop_force', 'text')
      .addColumn('resources', 'text')
      .addColumn('timing', 'text')
      .addColumn('expected_results', 'text')
      .addColumn('replicability', 'text')
      .addColumn('first_year', 'integer', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull()),
  ).execute();
  // Identity for re-imports: one live model per unit and folded name.
  await sql`CREATE UNIQUE INDEX dvk_models_identity ON dvk_models (unit_id, name_folded) WHERE deleted_at IS NULL`.execute(db);

  await timestamps(
    db.schema
      .createTable('dvk_model_years')
      .addColumn('n', 'integer', (c) => c.primaryKey())
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('model_id', 'text', (c) => c.notNull().references('dvk_models.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('field_id', 'text', (c) => c.references('catalog_items.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('registration', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('recognition_level_id', 'text', (c) => c.references('catalog_items.id'))
      .addColumn('recognition_decision_no', 'text')
      .addColumn('recognition_date', 'text')
      .addColumn('typical', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('commended', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('award_form_id', 'text', (c) => c.references('catalog_items.id'))
      .addColumn('award_by', 'text')
      .addColumn('award_decision_no', 'text')
      .addColumn('award_date', 'text')
      .addColumn('replicated_to', 'text')
      .addColumn('result', 'text')
      .addColumn('note', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull()),
  ).execute();
  await sql`CREATE UNIQUE INDEX dvk_years_model_year ON dvk_model_years (model_id, year) WHERE deleted_at IS NULL`.execute(db);
  // Statistics of a year read only this covering index (docs/performance.md: aggregates). deleted_at is
  // a key column, not a partial-index predicate: SQLite does not treat predicate columns as covered,
  // so a partial index would send every row back to the table.
  await sql`CREATE INDEX dvk_years_stats ON dvk_model_years (year, deleted_at, unit_id, field_id, kind, registration, status, typical, commended)`.execute(db);
  // The register's default order within a year, and across years (rowid n ends every index: stable paging).
  await sql`CREATE INDEX dvk_years_year_sort ON dvk_model_years (year, deleted_at, sort_key)`.execute(db);
  await sql`CREATE INDEX dvk_years_sort ON dvk_model_years (deleted_at, sort_key)`.execute(db);
  await sql`CREATE INDEX dvk_years_unit ON dvk_model_years (unit_id, year, deleted_at)`.execute(db);

  // Diacritics-free search: the text is folded in TypeScript (đ → d, double marks), FTS5 only tokenises.
  await sql`CREATE VIRTUAL TABLE dvk_years_fts USING fts5(search_text, content='dvk_model_years', content_rowid='n', tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(
    db,
  );
  await sql`CREATE TRIGGER dvk_years_fts_ai AFTER INSERT ON dvk_model_years BEGIN
      INSERT INTO dvk_years_fts(rowid, search_text) VALUES (new.n, new.search_text);
    END`.execute(db);
  await sql`CREATE TRIGGER dvk_years_fts_ad AFTER DELETE ON dvk_model_years BEGIN
      INSERT INTO dvk_years_fts(dvk_years_fts, rowid, search_text) VALUES ('delete', old.n, old.search_text);
    END`.execute(db);
  await sql`CREATE TRIGGER dvk_years_fts_au AFTER UPDATE OF search_text ON dvk_model_years BEGIN
      INSERT INTO dvk_years_fts(dvk_years_fts, rowid, search_text) VALUES ('delete', old.n, old.search_text);
      INSERT INTO dvk_years_fts(rowid, search_text) VALUES (new.n, new.search_text);
    END`.execute(db);

  await timestamps(
    db.schema
      .createTable('dvk_reviews')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('meeting_date', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('note', 'text'),
  ).execute();
  await sql`CREATE UNIQUE INDEX dvk_reviews_year_unit ON dvk_reviews (year, unit_id) WHERE deleted_at IS NULL`.execute(db);

  await db.schema
    .createTable('dvk_import_mappings')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS dvk_years_fts`.execute(db);
  for (const t of ['dvk_import_mappings', 'dvk_reviews', 'dvk_model_years', 'dvk_models']) {
    await db.schema.dropTable(t).execute();
  }
}
