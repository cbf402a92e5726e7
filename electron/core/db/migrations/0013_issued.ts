import { sql, type Kysely } from 'kysely';

// Issued documents are records (issue #17): every version of every numbered paper the committee
// issued, with the exact bytes of each format and the data snapshot it was made from.
//
// The bytes are BLOBs in the database, not files in attachments/: a backup is one SQLite copy
// (backup API) and a restore swaps that one file, so only rows travel with backups and restores —
// an issued PDF kept as a file would be missing from every backup, and a restore would pair old
// rows with new files. A version is a few hundred kB; a committee issues tens a year.
//
// Rows are never changed or removed once written: triggers refuse UPDATE and DELETE, so no code
// path (a later migration, a bug, a script) can alter what was signed. A correction is a new version.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('issued_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** minutes | conclusions | plan | inspection_conclusion | urging_letter | invitation | … */
    .addColumn('doc_type', 'text', (c) => c.notNull())
    /** The record it belongs to: 'meeting', 'plan', 'inspection', … and its id. */
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    /** A sub-record (the lead unit of a trích thông báo, the inspected unit); '' when none. */
    .addColumn('owner_ref', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('number_text', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    /** JSON: the data the files were rendered from (the record, the profile). */
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX issued_documents_version ON issued_documents (owner_type, owner_id, owner_ref, doc_type, version)`.execute(db);

  await db.schema
    .createTable('issued_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issued_id', 'text', (c) => c.notNull().references('issued_documents.id'))
    /** pdf | docx */
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'blob', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX issued_files_format ON issued_files (issued_id, format)`.execute(db);

  for (const table of ['issued_documents', 'issued_files']) {
    for (const event of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} ` +
            `BEGIN SELECT RAISE(ABORT, 'Văn bản đã ban hành không được sửa hoặc xóa.'); END`,
        )
        .execute(db);
    }
  }

  // Per-document choices of the thông báo kết luận (null = pre-filled from the record and settings).
  await db.schema.alterTable('meetings').addColumn('notice_recipients_json', 'text').execute();
  await db.schema.alterTable('meetings').addColumn('notice_signature_json', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('meetings').dropColumn('notice_signature_json').execute();
  await db.schema.alterTable('meetings').dropColumn('notice_recipients_json').execute();
  await db.schema.dropTable('issued_files').execute();
  await db.schema.dropTable('issued_documents').execute();
}
