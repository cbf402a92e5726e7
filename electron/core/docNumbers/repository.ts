import type { Selectable } from 'kysely';
import type { Db } from '../db/audit';
import type { DocNumbersTable } from '../db/schema/docNumbers';

/** The only file that queries `doc_numbers`. */
export type DocNumberRow = Selectable<DocNumbersTable>;

export async function maxNumber(db: Db, kindCode: string, termLabel: string): Promise<number> {
  const row = await db
    .selectFrom('doc_numbers')
    .select((eb) => eb.fn.max('number').as('m'))
    .where('kind_code', '=', kindCode)
    .where('term_label', '=', termLabel)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function selectIssued(db: Db, kindCode: string, termLabel: string, number: number): Promise<DocNumberRow | undefined> {
  return db
    .selectFrom('doc_numbers')
    .selectAll()
    .where('kind_code', '=', kindCode)
    .where('term_label', '=', termLabel)
    .where('number', '=', number)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
}

export async function insertDocNumberRow(db: Db, row: DocNumberRow): Promise<void> {
  await db.insertInto('doc_numbers').values(row).execute();
}

export async function selectDocNumberRow(db: Db, id: string): Promise<DocNumberRow | undefined> {
  return db.selectFrom('doc_numbers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateDocNumberRow(db: Db, id: string, patch: Partial<Omit<DocNumberRow, 'id'>>): Promise<void> {
  await db.updateTable('doc_numbers').set(patch).where('id', '=', id).execute();
}

export async function selectDocNumberRows(
  db: Db,
  opts: { kindCode?: string | undefined; termLabel?: string | undefined; includeCancelled?: boolean | undefined },
): Promise<DocNumberRow[]> {
  let q = db.selectFrom('doc_numbers').selectAll();
  if (opts.kindCode) q = q.where('kind_code', '=', opts.kindCode);
  if (opts.termLabel) q = q.where('term_label', '=', opts.termLabel);
  if (!opts.includeCancelled) q = q.where('cancelled_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('number', 'desc').limit(5000).execute();
}

export async function selectTerms(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('doc_numbers').select('term_label').distinct().orderBy('term_label', 'desc').execute();
  return rows.map((r) => r.term_label);
}
