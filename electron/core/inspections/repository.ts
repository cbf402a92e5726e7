/** The only file of the inspections feature that touches Kysely. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/audit';
import type { InspectionFindingsTable, InspectionTargetsTable, InspectionTeamsTable, InspectionsTable } from '../db/schema';

export type InspectionRow = Selectable<InspectionsTable>;
export type TeamRow = Selectable<InspectionTeamsTable>;
export type TargetRow = Selectable<InspectionTargetsTable> & { unit_name: string; unit_qcdc_type: string | null };

export async function selectInspection(db: Db, id: string): Promise<InspectionRow | null> {
  return (await db.selectFrom('inspections').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) ?? null;
}

export async function selectInspections(db: Db, year?: number): Promise<InspectionRow[]> {
  let q = db.selectFrom('inspections').selectAll().where('deleted_at', 'is', null);
  if (year) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('date', 'desc').execute();
}

export async function insertInspection(db: Db, row: Insertable<InspectionsTable>): Promise<void> {
  await db.insertInto('inspections').values(row).execute();
}

export async function updateInspectionRow(db: Db, id: string, patch: Updateable<InspectionsTable>): Promise<void> {
  await db.updateTable('inspections').set(patch).where('id', '=', id).execute();
}

export async function selectTeams(db: Db, inspectionId: string): Promise<TeamRow[]> {
  return db.selectFrom('inspection_teams').selectAll().where('inspection_id', '=', inspectionId).orderBy('position').execute();
}

/** Teams are a small list always replaced with the inspection; targets keep their ids. */
export async function replaceTeams(db: Db, inspectionId: string, rows: Insertable<InspectionTeamsTable>[]): Promise<void> {
  await db.deleteFrom('inspection_teams').where('inspection_id', '=', inspectionId).execute();
  if (rows.length) await db.insertInto('inspection_teams').values(rows).execute();
}

function targetQuery(db: Db) {
  return db
    .selectFrom('inspection_targets as t')
    .innerJoin('units as u', 'u.id', 't.unit_id')
    .selectAll('t')
    .select(['u.name as unit_name', 'u.qcdc_type as unit_qcdc_type'])
    .where('t.deleted_at', 'is', null);
}

export async function selectTargets(db: Db, inspectionIds: readonly string[]): Promise<TargetRow[]> {
  if (inspectionIds.length === 0) return [];
  return targetQuery(db).where('t.inspection_id', 'in', [...inspectionIds]).orderBy('t.position').execute();
}

export async function selectTarget(db: Db, id: string): Promise<TargetRow | null> {
  return (await targetQuery(db).where('t.id', '=', id).executeTakeFirst()) ?? null;
}

export async function selectTargetsVisitedBetween(db: Db, from: string, to: string): Promise<(TargetRow & { topic: string })[]> {
  return targetQuery(db)
    .innerJoin('inspections as i', 'i.id', 't.inspection_id')
    .select('i.topic')
    .where('i.deleted_at', 'is', null)
    .where('t.visit_date', '>=', from)
    .where('t.visit_date', '<=', to)
    .orderBy('t.visit_date')
    .execute();
}

export async function insertTarget(db: Db, row: Insertable<InspectionTargetsTable>): Promise<void> {
  await db.insertInto('inspection_targets').values(row).execute();
}

export async function updateTargetRow(db: Db, id: string, patch: Updateable<InspectionTargetsTable>): Promise<void> {
  await db.updateTable('inspection_targets').set(patch).where('id', '=', id).execute();
}

export type FindingRow = Selectable<InspectionFindingsTable>;

export async function selectFindings(db: Db, targetIds: readonly string[]): Promise<FindingRow[]> {
  if (!targetIds.length) return [];
  return db.selectFrom('inspection_findings').selectAll().where('target_id', 'in', [...targetIds]).execute();
}

/** One finding per target and requirement: replaced in place. */
export async function putFinding(db: Db, row: Insertable<InspectionFindingsTable>): Promise<void> {
  await db.deleteFrom('inspection_findings').where('target_id', '=', row.target_id).where('indicator_id', '=', row.indicator_id).execute();
  await db.insertInto('inspection_findings').values(row).execute();
}
