import type { UserRole } from '../../../../shared/schemas/users';

/**
 * What a channel needs. `public`: allowed while locked (signing in, the lock screen, the
 * damaged-database screen); `read`: every role; `write`: nhập liệu and quản trị; `admin`: quản trị
 * only (settings, restore, users, moving the data).
 */
export type Permission = 'public' | 'read' | 'write' | 'admin';

const PUBLIC = new Set(['system.info', 'lock.status', 'lock.lock', 'users.signIn', 'users.signOut', 'integrity.status', 'jobs.cancel']);

const ADMIN = new Set([
  'settings.update',
  'backup.restore',
  'backup.delete',
  'backup.setSchedule',
  'dataDir.move',
  'users.create',
  'users.update',
  'users.delete',
  'users.list',
  'lock.configure',
]);

/** Actions that only read (or hand back bytes for the user to save): allowed to "chỉ xem". */
const READ_ACTION = /^(list|get|info|status|search|find|lookup|overdue|due|summary|stats|statistics|count|tree|history|options|preview|verify|download|export|print|pdf|docx|xlsx|render|open|suggest|check)/i;

/** Explicit overrides for channels whose name reads like a read but writes (or the reverse). */
const OVERRIDES: Record<string, Permission> = {
  'files.save': 'read', // saving an export the user is allowed to see
  'backup.create': 'write',
  'backup.exportToFolder': 'write',
  'backup.importFile': 'write',
  'models.importHistory': 'read', // the list of past imports ("import" in its name, but a read)
  // Reads whose names do not start with a read verb (issue #17). meetings.dossierExport stays a
  // write: it numbers and freezes the giấy mời, and a final meeting's trích thông báo.
  'meetings.dossier': 'read',
  'meetings.dossierPreview': 'read',
  'tasks.changes': 'read',
  'tasks.urgingListFile': 'read',
  'overview.years': 'read',
};

export function permissionFor(channel: string): Permission {
  if (PUBLIC.has(channel)) return 'public';
  if (ADMIN.has(channel)) return 'admin';
  const override = OVERRIDES[channel];
  if (override) return override;
  const action = channel.slice(channel.indexOf('.') + 1);
  if (/import/i.test(action) && !/preview/i.test(action)) return 'write';
  return READ_ACTION.test(action) ? 'read' : 'write';
}

export function roleAllows(role: UserRole, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (role === 'admin') return true;
  if (role === 'editor') return permission !== 'admin';
  return permission === 'read';
}
