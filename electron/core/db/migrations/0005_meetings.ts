import type { Kysely } from 'kysely';

// Migrations take `Kysely<any>` on purpose: they must keep working after the schema interface moves on.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind_id', 'text', (c) => c.references('catalog_items.id'))
    .addColumn('kind_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text')
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('chair_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('chair_name', 'text', (c) => c.notNull())
    .addColumn('chair_position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('secretary_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('secretary_name', 'text', (c) => c.notNull())
    .addColumn('secretary_position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('purpose', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agenda_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('documents_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('delegates_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('press_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('manual_number', 'integer')
    .addColumn('manual_notice_number', 'integer')
    .addColumn('notice_date', 'text')
    .addColumn('number_text', 'text')
    .addColumn('notice_number_text', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('finalized_at', 'text')
    .addColumn('issued_attachment_id', 'text', (c) => c.references('attachments.id'))
    .addColumn('reopenings_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('meetings_date').on('meetings').columns(['deleted_at', 'date']).execute();
  await db.schema.createIndex('meetings_year').on('meetings').columns(['year', 'status']).execute();

  await db.schema
    .createTable('meeting_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('deputy_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('deputy_position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addUniqueConstraint('meeting_attendees_member', ['meeting_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('meeting_opinions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('speaker_member_id', 'text', (c) => c.references('members.id'))
    .addColumn('speaker_name', 'text', (c) => c.notNull())
    .addColumn('speaker_position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agenda_item', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_opinions_meeting').on('meeting_opinions').columns(['meeting_id', 'seq']).execute();

  await db.schema
    .createTable('meeting_conclusions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('meeting_conclusions_meeting').on('meeting_conclusions').columns(['meeting_id', 'seq']).execute();

  await db.schema
    .createTable('meeting_conclusion_tasks')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
    .addColumn('conclusion_id', 'text', (c) => c.notNull().references('meeting_conclusions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('coordinator_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('meeting_conclusion_tasks_conclusion')
    .on('meeting_conclusion_tasks')
    .columns(['conclusion_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['meeting_conclusion_tasks', 'meeting_conclusions', 'meeting_opinions', 'meeting_attendees', 'meetings']) {
    await db.schema.dropTable(t).execute();
  }
}
