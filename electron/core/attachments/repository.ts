import type { Db } from '../db/audit';
import type { AttachmentsTable } from '../db/schema';

/** The only file that queries `attachments`. */
export type AttachmentRow = AttachmentsTable;

export async function insertAttachment(db: Db, row: AttachmentRow): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAttachmentRows(
  db: Db,
  ownerType: string,
  ownerId: string,
  opts: { includeDeleted?: boolean } = {},
): Promise<AttachmentRow[]> {
  let q = db
    .selectFrom('attachments')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId);
  if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
  return q.orderBy('created_at').orderBy('id').execute();
}

export async function setAttachmentDeleted(db: Db, id: string, deletedAt: string | null): Promise<void> {
  await db.updateTable('attachments').set({ deleted_at: deletedAt }).where('id', '=', id).execute();
}
