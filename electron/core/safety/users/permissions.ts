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

/**
 * Channels that only read but whose action is a noun (calendar.month, models.years…), so the name
 * rule cannot tell: allowed to "chỉ xem" by name, here, one by one (tests/core/safety/access.test.ts
 * checks each against a real viewer session).
 */
export const READ_CHANNELS: readonly string[] = [
  'calendar.month',
  'meetings.attachments.get',
  'meetings.attachments.list',
  'meetings.attachments.open',
  'models.reviews',
  'models.years',
  'overview.trend',
  'reports.annual',
  'reports.sixMonth',
  'tasks.byOwner',
  'tasks.evidenceFile',
  'tasks.urgingList',
  'unitReports.matrix',
  'unitReports.periods',
];

/** Explicit overrides for channels whose name reads like a read but writes (or the reverse). */
const OVERRIDES: Record<string, Permission> = {
  ...Object.fromEntries(READ_CHANNELS.map((c) => [c, 'read' as const])),
  'files.save': 'read', // saving an export the user is allowed to see
  'backup.create': 'write',
  'backup.exportToFolder': 'write',
  'backup.importFile': 'write',
  // A backup is the whole database, password hashes included: never to "chỉ xem".
  'backup.download': 'write',
  'models.importHistory': 'read', // the list of past imports ("import" in its name, but a read)
  // QCDC channels with a sub-namespace (the action after the first dot is "indicators.list"…).
  'qcdc.indicators.list': 'read',
  'qcdc.reports.get': 'read',
  'qcdc.drill': 'read',
  'supervisions.unvisited': 'read',
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

/**
 * True for channels that may change the database: those not open to "chỉ xem" whose action is not
 * a read verb (users.list is admin-only but only reads; backup.download is refused to viewers but
 * writes nothing). The start-up check must finish before one of these runs (see checkAccess).
 */
export function mayWrite(channel: string): boolean {
  const permission = permissionFor(channel);
  if (permission === 'public' || permission === 'read') return false;
  return !READ_ACTION.test(channel.slice(channel.indexOf('.') + 1));
}

export function roleAllows(role: UserRole, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (role === 'admin') return true;
  if (role === 'editor') return permission !== 'admin';
  return permission === 'read';
}
