import type { Db } from '../db/audit';
import type { IssuedDocumentsTable, IssuedFilesTable } from '../db/schema';

/** The only file that queries `issued_documents` / `issued_files`. Inserts and reads only: rows are immutable. */
export type IssuedRow = IssuedDocumentsTable;
export type IssuedFileRow = IssuedFilesTable;
export type IssuedFileMeta = Omit<IssuedFilesTable, 'bytes'>;

export interface IssuedFilter {
  ownerType: string;
  ownerId: string;
  ownerRef?: string | undefined;
  docType?: string | undefined;
}

export async function insertIssued(db: Db, row: IssuedRow, files: readonly IssuedFileRow[]): Promise<void> {
  await db.insertInto('issued_documents').values(row).execute();
  for (const f of files) await db.insertInto('issued_files').values(f).execute();
}

export async function maxIssuedVersion(db: Db, key: Required<Pick<IssuedFilter, 'ownerType' | 'ownerId' | 'docType'>> & { ownerRef: string }): Promise<number> {
  const row = await db
    .selectFrom('issued_documents')
    .select((e) => e.fn.max('version').as('v'))
    .where('owner_type', '=', key.ownerType)
    .where('owner_id', '=', key.ownerId)
    .where('owner_ref', '=', key.ownerRef)
    .where('doc_type', '=', key.docType)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function selectIssued(db: Db, filter: IssuedFilter): Promise<IssuedRow[]> {
  let q = db.selectFrom('issued_documents').selectAll().where('owner_type', '=', filter.ownerType).where('owner_id', '=', filter.ownerId);
  if (filter.ownerRef !== undefined) q = q.where('owner_ref', '=', filter.ownerRef);
  if (filter.docType !== undefined) q = q.where('doc_type', '=', filter.docType);
  return q.orderBy('doc_type').orderBy('owner_ref').orderBy('version').execute();
}

export async function findIssued(db: Db, id: string): Promise<IssuedRow | undefined> {
  return db.selectFrom('issued_documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function selectIssuedFileMeta(db: Db, issuedIds: readonly string[]): Promise<IssuedFileMeta[]> {
  if (issuedIds.length === 0) return [];
  return db
    .selectFrom('issued_files')
    .select(['id', 'issued_id', 'format', 'file_name', 'mime_type', 'sha256', 'size'])
    .where('issued_id', 'in', issuedIds)
    .orderBy('format', 'desc')
    .execute();
}

export async function findIssuedFile(db: Db, issuedId: string, format: string): Promise<IssuedFileRow | undefined> {
  return db.selectFrom('issued_files').selectAll().where('issued_id', '=', issuedId).where('format', '=', format).executeTakeFirst();
}
