/** The only file of the dialogue register that touches Kysely. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/audit';
import type { DialoguesTable } from '../db/schema';

export type DialogueRow = Selectable<DialoguesTable> & { unit_name: string };

function base(db: Db) {
  return db.selectFrom('dialogues as d').innerJoin('units as u', 'u.id', 'd.unit_id').selectAll('d').select('u.name as unit_name');
}

export async function selectDialogues(db: Db, f: { year?: number | undefined; unitId?: string | undefined; includeDeleted: boolean }): Promise<DialogueRow[]> {
  let q = base(db);
  if (!f.includeDeleted) q = q.where('d.deleted_at', 'is', null);
  if (f.year) q = q.where('d.year', '=', f.year);
  if (f.unitId) q = q.where('d.unit_id', '=', f.unitId);
  return q.orderBy('d.date', 'desc').orderBy('d.created_at', 'desc').execute();
}

export async function selectDialogue(db: Db, id: string, withDeleted = false): Promise<DialogueRow | null> {
  let q = base(db).where('d.id', '=', id);
  if (!withDeleted) q = q.where('d.deleted_at', 'is', null);
  return (await q.executeTakeFirst()) ?? null;
}

export async function insertDialogue(db: Db, row: Insertable<DialoguesTable>): Promise<void> {
  await db.insertInto('dialogues').values(row).execute();
}

export async function updateDialogueRow(db: Db, id: string, patch: Updateable<DialoguesTable>): Promise<void> {
  await db.updateTable('dialogues').set(patch).where('id', '=', id).execute();
}

