import type { AppErrorShape } from '../../../../shared/contract';
import { USER_ROLE_LABELS, USER_ROLES, type AppUser, type LockStatus, type UserRole } from '../../../../shared/schemas/users';
import { personSortKey } from '../../../../shared/text/vietnamese';
import type { AppContext } from '../../context';
import type { Actor } from '../../db/audit';
import { recordAudit } from '../../db/audit';
import { newId } from '../../db/ids';
import { isoNow } from '../../clock';
import { AppError, notFound } from '../../errors';
import { readSetting, writeSetting } from '../../settings/repository';
import { hashPassword, verifyPassword } from './password';
import { maintenanceInProgress } from '../maintenance';
import { mayWrite, permissionFor, roleAllows } from './permissions';
import { clearSignInFailures, describeWait, FREE_TRIES, recordSignInFailure, waitBeforeSignIn } from './signInThrottle';
import { countAdmins, countUsers, findUser, findUserByName, insertUser, listUsers, updateUser, type UserRow } from './repository';

const LOCK_KEY = 'safety.lock';
const DEFAULT_IDLE_MINUTES = 15;

/**
 * The signed-in user of this app instance (one window, one person at the keyboard). Kept beside
 * the context, not in it, so the foundation needs no field for it. `usersEnabled` and the idle
 * setting are cached per database handle: a restore or move swaps `ctx.db` and the cache follows.
 */
interface SessionState {
  user: UserRow | null;
  lastActivity: number;
  osActor: Actor;
  cacheFor: unknown;
  usersEnabled: boolean;
  idleMinutes: number;
}

const sessions = new WeakMap<AppContext, SessionState>();

function session(ctx: AppContext): SessionState {
  let s = sessions.get(ctx);
  if (!s) {
    s = { user: null, lastActivity: 0, osActor: ctx.actor, cacheFor: null, usersEnabled: false, idleMinutes: DEFAULT_IDLE_MINUTES };
    sessions.set(ctx, s);
  }
  return s;
}

async function refreshCache(ctx: AppContext, force = false): Promise<SessionState> {
  const s = session(ctx);
  if (!force && s.cacheFor === ctx.db) return s;
  s.usersEnabled = (await countUsers(ctx.db)) > 0;
  const row = await readSetting(ctx.db, LOCK_KEY);
  const parsed = row ? (JSON.parse(row.value) as { idleMinutes?: unknown }) : null;
  s.idleMinutes = typeof parsed?.idleMinutes === 'number' ? parsed.idleMinutes : DEFAULT_IDLE_MINUTES;
  s.cacheFor = ctx.db;
  if (s.user) {
    // After a restore the signed-in user may not exist in the restored data: sign out.
    const still = await findUser(ctx.db, s.user.id);
    if (!still) signOutState(ctx, s);
    else s.user = still;
  }
  return s;
}

/** After a restore or a user restored from the trash: re-read users and the lock setting. */
export function invalidateUsersCache(ctx: AppContext): void {
  session(ctx).cacheFor = null;
}

function signOutState(ctx: AppContext, s: SessionState): void {
  s.user = null;
  ctx.actor = s.osActor;
}

function isIdleExpired(ctx: AppContext, s: SessionState): boolean {
  return s.idleMinutes > 0 && ctx.clock.now().getTime() - s.lastActivity > s.idleMinutes * 60_000;
}

export function toUser(row: UserRow): AppUser {
  const role = (USER_ROLES as readonly string[]).includes(row.role) ? (row.role as UserRole) : 'viewer';
  return { id: row.id, name: row.name, role, roleLabel: USER_ROLE_LABELS[role], hasPassword: row.password_hash != null, createdAt: row.created_at };
}

/**
 * Channels that keep working on a damaged database (nothing else can read it anyway), besides the
 * public ones (signing in, the lock, system info). Being reachable is not being allowed: the lock
 * and the roles still apply to each of them, so restoring stays admin-only and a backup (which
 * holds every password hash) is never handed out without signing in.
 */
// settings.get is read-only and the app shell needs it to draw anything at all (the damaged
// screen included); when the damage makes it unreadable it fails with its own error.
const RECOVERY = new Set(['settings.get', 'integrity.status', 'backup.list', 'backup.restore', 'backup.verify', 'backup.download', 'backup.importFile', 'system.info', 'dataDir.info', 'dataDir.open', 'lock.status', 'jobs.cancel']);

const DAMAGED: AppErrorShape = { code: 'UNAVAILABLE', message: 'Dữ liệu đang bị hỏng; hãy phục hồi từ bản sao lưu ở mục "Sao lưu, dữ liệu" trước khi làm việc tiếp.' };

/**
 * The users on a damaged database. When even the users table cannot be read there is nobody to
 * sign in as: the recovery channels then run as the OS user (as before users existed) — the only
 * way back to a good backup — and everything else stays closed by the recovery gate.
 */
async function refreshCacheForGate(ctx: AppContext): Promise<SessionState | null> {
  if (ctx.startupIntegrity === 'ok') return refreshCache(ctx);
  try {
    return await refreshCache(ctx);
  } catch (err) {
    ctx.log.warn('users unreadable on a damaged database: recovery channels run as the OS user', String(err));
    return null;
  }
}

/**
 * The registry's gate (see electron/core/registry.ts): with no named users everything is allowed
 * as the OS user, as before; once users exist, a call needs a signed-in user whose role allows the
 * channel, and the app locks after the idle time. Returns the error to answer, or null.
 */
export async function checkAccess(ctx: AppContext, channel: string): Promise<AppErrorShape | null> {
  const maintenance = maintenanceInProgress(ctx);
  if (maintenance && !['lock.status', 'jobs.cancel', 'system.info', 'integrity.status'].includes(channel)) {
    return { code: 'CONFLICT', message: `Đang ${maintenance}; vui lòng chờ giây lát rồi thử lại.` };
  }
  const permission = permissionFor(channel);
  // A write never lands on a database whose start-up check has not finished (#18 row 10): the
  // first one starts the deferred check at once and waits for it; reads go ahead meanwhile.
  if (ctx.integrityChecking && mayWrite(channel)) await ctx.startupChecked?.();
  if (ctx.startupIntegrity !== 'ok' && permission !== 'public' && !RECOVERY.has(channel)) return DAMAGED;
  if (permission === 'public') return null;
  const s = await refreshCacheForGate(ctx);
  if (!s || !s.usersEnabled) return null;
  if (s.user && isIdleExpired(ctx, s)) signOutState(ctx, s);
  if (!s.user) return { code: 'LOCKED', message: 'Ứng dụng đang khóa. Hãy đăng nhập để tiếp tục.' };
  const role = toUser(s.user).role;
  if (!roleAllows(role, permission)) {
    return {
      code: 'FORBIDDEN',
      message:
        permission === 'admin'
          ? `Chỉ người dùng quản trị mới được làm việc này (bạn đang là: ${USER_ROLE_LABELS[role]}).`
          : 'Tài khoản chỉ xem không được thay đổi dữ liệu.',
    };
  }
  s.lastActivity = ctx.clock.now().getTime();
  return null;
}

const NO_USERS: LockStatus = { usersEnabled: false, locked: false, idleMinutes: 0, current: null, users: [] };

export async function lockStatus(ctx: AppContext): Promise<LockStatus> {
  // On a damaged database the lock still holds (the sign-in card comes before the recovery screen);
  // only when the users cannot be read at all is there no lock to show.
  const s = await refreshCacheForGate(ctx);
  if (!s) return NO_USERS;
  if (s.user && isIdleExpired(ctx, s)) signOutState(ctx, s);
  const rows = s.usersEnabled ? await listUsers(ctx.db) : [];
  return {
    usersEnabled: s.usersEnabled,
    locked: s.usersEnabled && !s.user,
    idleMinutes: s.idleMinutes,
    current: s.user ? toUser(s.user) : null,
    users: rows.map((r) => ({ id: r.id, name: r.name, hasPassword: r.password_hash != null })),
  };
}

export async function signIn(ctx: AppContext, userId: string, password: string | undefined): Promise<LockStatus> {
  const s = await refreshCache(ctx);
  const now = ctx.clock.now().getTime();
  const dataDir = ctx.layout.root;
  // Checked before the password is even looked at: while waiting, a right guess is refused too.
  const wait = waitBeforeSignIn(dataDir, userId, now);
  if (wait > 0) {
    throw new AppError('LOCKED', `Đã nhập sai mật khẩu nhiều lần. Vui lòng chờ ${describeWait(wait)} rồi thử lại.`, {
      password: `Chờ ${describeWait(wait)} rồi thử lại.`,
    });
  }
  const row = await findUser(ctx.db, userId);
  const ok = row && (row.password_hash == null || (password !== undefined && (await verifyPassword(password, row.password_hash))));
  if (!row || !ok) {
    const failures = recordSignInFailure(dataDir, userId, now);
    const next = waitBeforeSignIn(dataDir, userId, now);
    const message =
      next > 0
        ? `Tên người dùng hoặc mật khẩu không đúng. Đã sai ${failures} lần: vui lòng chờ ${describeWait(next)} rồi thử lại.`
        : failures >= FREE_TRIES - 2
          ? `Tên người dùng hoặc mật khẩu không đúng (còn ${FREE_TRIES - failures} lần thử trước khi phải chờ).`
          : 'Tên người dùng hoặc mật khẩu không đúng.';
    throw new AppError(next > 0 ? 'LOCKED' : 'VALIDATION', message, { password: 'Mật khẩu không đúng.' });
  }
  clearSignInFailures(dataDir, userId);
  s.user = row;
  s.lastActivity = now;
  ctx.actor = { name: row.name };
  return lockStatus(ctx);
}

export async function signOut(ctx: AppContext): Promise<LockStatus> {
  signOutState(ctx, session(ctx));
  return lockStatus(ctx);
}

export const lockNow = signOut;

export async function configureLock(ctx: AppContext, idleMinutes: number): Promise<LockStatus> {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await readSetting(trx, LOCK_KEY);
    await writeSetting(trx, LOCK_KEY, JSON.stringify({ idleMinutes }), at);
    await recordAudit(trx, ctx.actor, at, {
      entity: 'settings',
      entityId: LOCK_KEY,
      action: before ? 'update' : 'create',
      before: before ? (JSON.parse(before.value) as unknown) : undefined,
      after: { idleMinutes },
    });
  });
  await refreshCache(ctx, true);
  return lockStatus(ctx);
}

export async function listAppUsers(ctx: AppContext): Promise<{ users: AppUser[] }> {
  return { users: (await listUsers(ctx.db)).map(toUser) };
}

const auditView = (row: UserRow) => ({ name: row.name, role: row.role, hasPassword: row.password_hash != null });

export async function createUser(ctx: AppContext, input: { name: string; role: UserRole; password?: string | undefined }): Promise<AppUser> {
  const first = (await countUsers(ctx.db)) === 0;
  if (first && input.role !== 'admin') {
    throw new AppError('VALIDATION', 'Người dùng đầu tiên phải có vai trò quản trị (để không ai bị khóa ngoài).', { role: 'Hãy chọn vai trò quản trị.' });
  }
  if (await findUserByName(ctx.db, input.name)) throw new AppError('CONFLICT', `Đã có người dùng tên "${input.name}".`, { name: 'Tên đã được dùng.' });
  const at = isoNow(ctx.clock);
  const row: UserRow = {
    id: newId(ctx.clock.now().getTime()),
    name: input.name,
    role: input.role,
    password_hash: input.password ? await hashPassword(input.password) : null,
    sort_key: personSortKey(input.name),
    created_at: at,
    updated_at: at,
    deleted_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertUser(trx, row);
    await recordAudit(trx, ctx.actor, at, { entity: 'app_users', entityId: row.id, action: 'create', after: auditView(row) });
  });
  await refreshCache(ctx, true);
  // The first user is the person setting this up: sign them in so the app does not lock at once.
  if (first) await signIn(ctx, row.id, input.password);
  return toUser(row);
}

export async function updateAppUser(
  ctx: AppContext,
  input: { id: string; name?: string | undefined; role?: UserRole | undefined; password?: string | null | undefined },
): Promise<AppUser> {
  const at = isoNow(ctx.clock);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const row = await findUser(trx, input.id);
    if (!row) throw notFound('người dùng');
    if (input.name && input.name !== row.name && (await findUserByName(trx, input.name))) {
      throw new AppError('CONFLICT', `Đã có người dùng tên "${input.name}".`, { name: 'Tên đã được dùng.' });
    }
    if (input.role && input.role !== 'admin' && row.role === 'admin' && (await countAdmins(trx)) <= 1) {
      throw new AppError('VALIDATION', 'Phải còn ít nhất một người dùng quản trị.', { role: 'Không đổi được vai trò của quản trị cuối cùng.' });
    }
    const patch: Partial<UserRow> = { updated_at: at };
    if (input.name) Object.assign(patch, { name: input.name, sort_key: personSortKey(input.name) });
    if (input.role) patch.role = input.role;
    if (input.password !== undefined) patch.password_hash = input.password === null ? null : await hashPassword(input.password);
    await updateUser(trx, row.id, patch);
    const next = { ...row, ...patch };
    await recordAudit(trx, ctx.actor, at, { entity: 'app_users', entityId: row.id, action: 'update', before: auditView(row), after: auditView(next) });
    return next;
  });
  await refreshCache(ctx, true);
  return toUser(updated);
}

export async function deleteAppUser(ctx: AppContext, id: string): Promise<{ deleted: boolean }> {
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findUser(trx, id);
    if (!row) throw notFound('người dùng');
    if (row.role === 'admin' && (await countAdmins(trx)) <= 1 && (await countUsers(trx)) > 1) {
      throw new AppError('VALIDATION', 'Không xóa được người quản trị cuối cùng khi vẫn còn người dùng khác.');
    }
    await updateUser(trx, id, { deleted_at: at, updated_at: at });
    await recordAudit(trx, ctx.actor, at, { entity: 'app_users', entityId: id, action: 'delete', before: auditView(row) });
  });
  await refreshCache(ctx, true);
  return { deleted: true };
}
