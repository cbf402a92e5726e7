import type { Db } from '../db/audit';

/** Key/value rows holding JSON documents; the only file that queries `settings`. */
export async function readSetting(db: Db, key: string): Promise<{ value: string; updatedAt: string } | null> {
  const row = await db.selectFrom('settings').select(['value', 'updated_at']).where('key', '=', key).executeTakeFirst();
  return row ? { value: row.value, updatedAt: row.updated_at } : null;
}

export async function writeSetting(db: Db, key: string, value: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}
