import type { Db } from '../../db/audit';
import type { AppUsersTable } from '../../db/schema';

export type UserRow = AppUsersTable;

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('app_users').selectAll().where('deleted_at', 'is', null).orderBy('sort_key').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('app_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deleted_at', 'is', null)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findUserByName(db: Db, name: string): Promise<UserRow | undefined> {
  return db.selectFrom('app_users').selectAll().where('name', '=', name).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('app_users').values(row).execute();
}

export async function updateUser(db: Db, id: string, patch: Partial<UserRow>): Promise<void> {
  await db.updateTable('app_users').set(patch).where('id', '=', id).execute();
}
