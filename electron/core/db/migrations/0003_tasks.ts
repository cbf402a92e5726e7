import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
const timestamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('deleted_at', 'text');

export async function up(db: Kysely<any>): Promise<void> {
  // Tasks (nhiệm vụ): from plans, meeting conclusions, inspections or typed directly.
  await timestamps(
    db.schema
      .createTable('tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('source_type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text')
      .addColumn('source_ref', 'text')
      .addColumn('lead_unit_id', 'text', (c) => c.references('units.id'))
      .addColumn('lead_member_id', 'text', (c) => c.references('members.id'))
      .addColumn('lead_text', 'text')
      .addColumn('timing_kind', 'text', (c) => c.notNull().defaultTo('none'))
      .addColumn('timing_value', 'text')
      .addColumn('deadline', 'text')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('chua_thuc_hien'))
      .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('completed_at', 'text')
      .addColumn('year', 'integer')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('tasks_deadline').on('tasks').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('tasks_source').on('tasks').columns(['source_type', 'source_id']).execute();
  await db.schema.createIndex('tasks_year').on('tasks').column('year').execute();

  await db.schema
    .createTable('task_coordinators')
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('task_coordinators_pk', ['task_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('task_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('task_updates_task').on('task_updates').columns(['task_id', 'date']).execute();

  // Files stored in <data>/attachments, owned by a meeting, task update, inspection…
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('stored_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_type', 'owner_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['attachments', 'task_updates', 'task_coordinators', 'tasks']) {
    await db.schema.dropTable(t).execute();
  }
}
