import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */
const timestamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('deleted_at', 'text');

/**
 * Plans, their items (each tracked as a task in `tasks`), inspections (teams, target units,
 * findings; recommendations are tasks with source_type 'inspection'), unit report tracking.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await timestamps(
    db.schema
      .createTable('plans')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text')
      .addColumn('implementation', 'text')
      .addColumn('recipients', 'text')
      .addColumn('number_text', 'text')
      .addColumn('copied_from_id', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('plans_year').on('plans').columns(['year', 'kind']).execute();

  await timestamps(
    db.schema
      .createTable('plan_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
      .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('group_label', 'text')
      .addColumn('expected_output', 'text'),
  ).execute();
  await db.schema.createIndex('plan_items_plan').on('plan_items').columns(['plan_id', 'position']).execute();

  await timestamps(
    db.schema
      .createTable('inspections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('start_date', 'text')
      .addColumn('end_date', 'text')
      .addColumn('report_before_days', 'integer', (c) => c.notNull())
      .addColumn('content', 'text')
      .addColumn('number_text', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('inspections_year').on('inspections').column('year').execute();

  await db.schema
    .createTable('inspection_teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // [{ memberId, fullName, role, position }]: a short list always read with its team.
    .addColumn('members_json', 'text', (c) => c.notNull())
    .execute();

  await timestamps(
    db.schema
      .createTable('inspection_targets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id'))
      .addColumn('team_id', 'text')
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('qcdc_type', 'text')
      .addColumn('visit_date', 'text')
      .addColumn('report_received_date', 'text')
      .addColumn('strengths', 'text')
      .addColumn('shortcomings', 'text')
      .addColumn('conclusions', 'text'),
  ).execute();
  await db.schema.createIndex('inspection_targets_insp').on('inspection_targets').column('inspection_id').execute();
  await db.schema.createIndex('inspection_targets_visit').on('inspection_targets').column('visit_date').execute();

  await timestamps(
    db.schema
      .createTable('report_periods')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('due_date', 'text', (c) => c.notNull()),
  ).execute();

  await db.schema
    .createTable('unit_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('report_periods.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('due_date', 'text')
    .addColumn('received_date', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_reports_period_unit', ['period_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['unit_reports', 'report_periods', 'inspection_targets', 'inspection_teams', 'inspections', 'plan_items', 'plans']) {
    await db.schema.dropTable(t).execute();
  }
}
