import { sql, type Kysely } from 'kysely';

// Tasks followed months later (issue #17). A task is assigned on the date of the document that
// assigned it — the meeting, the plan, the inspection's working day — not on the day an officer
// typed it in: the 16/12/2022 conference's tasks are typed in December 2026 and their progress of
// 28/03/2023 must be accepted. `assigned_date` keeps that date; `assigned_reason` is set only when
// an officer changed it by hand (then it no longer follows its source).
//
// `task_changes` is the history of deliberate edits made after assignment (deadline extensions,
// reassignments, a corrected assignment date), each with its reason: the secretariat must be able
// to say why a deadline in the signed notice is no longer the one being followed. Rows are never
// edited or soft-deleted — history is not something the user throws away.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tasks').addColumn('assigned_date', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('assigned_reason', 'text').execute();

  // Existing rows: the source's date where there is one, else the local day they were typed
  // (the rule the app used before, so nothing that was accepted becomes refused).
  await sql`
    UPDATE tasks SET assigned_date = COALESCE(
      CASE source_type
        WHEN 'meeting' THEN (SELECT m.date FROM meetings m WHERE m.id = tasks.source_id)
        WHEN 'plan' THEN (SELECT p.date FROM plans p WHERE p.id = tasks.source_id)
        WHEN 'inspection' THEN COALESCE(
          (SELECT t.visit_date FROM inspection_targets t WHERE t.id = tasks.source_ref),
          (SELECT i.date FROM inspections i WHERE i.id = tasks.source_id))
      END,
      date(created_at, '+7 hours'))
  `.execute(db);

  await db.schema
    .createTable('task_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id'))
    /** deadline | assigned_date | lead */
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('before_value', 'text')
    .addColumn('after_value', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_changes_task').on('task_changes').columns(['task_id', 'created_at']).execute();
}
