// Tables of the data-safety feature (migration 0007_safety).

export interface AppUsersTable {
  id: string;
  name: string;
  /** admin | editor | viewer */
  role: string;
  password_hash: string | null;
  sort_key: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface SafetyTables {
  app_users: AppUsersTable;
}
