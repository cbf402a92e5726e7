/** The only file of the training register that touches Kysely. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/audit';
import type { TrainingsTable } from '../db/schema';

export type TrainingRow = Selectable<TrainingsTable>;

export async function selectTrainings(db: Db, f: { year?: number | undefined; unitId?: string | undefined; includeDeleted: boolean }): Promise<TrainingRow[]> {
  let q = db.selectFrom('trainings as t').selectAll('t');
  if (!f.includeDeleted) q = q.where('t.deleted_at', 'is', null);
  if (f.year) q = q.where('t.year', '=', f.year);
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where((eb) => eb.exists(eb.selectFrom('training_units as tu').select('tu.unit_id').whereRef('tu.training_id', '=', 't.id').where('tu.unit_id', '=', unitId)));
  }
  return q.orderBy('t.date', 'desc').orderBy('t.created_at', 'desc').execute();
}

export async function selectTraining(db: Db, id: string, withDeleted = false): Promise<TrainingRow | null> {
  let q = db.selectFrom('trainings').selectAll().where('id', '=', id);
  if (!withDeleted) q = q.where('deleted_at', 'is', null);
  return (await q.executeTakeFirst()) ?? null;
}

export async function selectTrainingUnits(db: Db, trainingIds: readonly string[]): Promise<{ training_id: string; id: string; name: string }[]> {
  if (!trainingIds.length) return [];
  return db
    .selectFrom('training_units as tu')
    .innerJoin('units as u', 'u.id', 'tu.unit_id')
    .select(['tu.training_id', 'u.id', 'u.name'])
    .where('tu.training_id', 'in', [...trainingIds])
    .orderBy('u.sort_key')
    .execute();
}

export async function insertTraining(db: Db, row: Insertable<TrainingsTable>): Promise<void> {
  await db.insertInto('trainings').values(row).execute();
}

export async function updateTrainingRow(db: Db, id: string, patch: Updateable<TrainingsTable>): Promise<void> {
  await db.updateTable('trainings').set(patch).where('id', '=', id).execute();
}

export async function replaceTrainingUnits(db: Db, trainingId: string, unitIds: readonly string[]): Promise<void> {
  await db.deleteFrom('training_units').where('training_id', '=', trainingId).execute();
  for (let i = 0; i < unitIds.length; i += 200) {
    await db.insertInto('training_units').values(unitIds.slice(i, i + 200).map((unit_id) => ({ training_id: trainingId, unit_id }))).execute();
  }
}
