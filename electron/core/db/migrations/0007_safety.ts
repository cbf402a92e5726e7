import type { Kysely } from 'kysely';

// Tables of the data-safety feature: named users (for the audit log and the app lock).
// Backup metadata lives next to each backup file (a .json sidecar) so a backup folder copied to a
// USB stick stays self-describing; schedule and lock settings live in `settings`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    /** `scrypt$N$r$p$salt$hash` (base64), or null for a user without a password. */
    .addColumn('password_hash', 'text')
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('app_users_sort').on('app_users').column('sort_key').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_users').execute();
}
