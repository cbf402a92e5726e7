// Channels and schemas of named users, their roles and the app lock (users.* and lock.*: the lock
// exists only for the users, so both prefixes live here).
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, text } from './common';

// ---- users and lock ------------------------------------------------------------------------

export const USER_ROLES = ['admin', 'editor', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Quản trị (toàn quyền)',
  editor: 'Nhập liệu (không cài đặt, không phục hồi)',
  viewer: 'Chỉ xem',
};

const password = z
  .string({ error: 'Mật khẩu phải là chuỗi.' })
  .min(6, 'Mật khẩu phải có ít nhất 6 ký tự.')
  .max(200, 'Mật khẩu quá dài.');

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  roleLabel: z.string(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
});
export type AppUser = z.infer<typeof userSchema>;

export const lockStatusSchema = z.object({
  /** True once at least one named user exists: then signing in is required. */
  usersEnabled: z.boolean(),
  locked: z.boolean(),
  idleMinutes: z.number().int(),
  current: userSchema.nullable(),
  /** Names for the sign-in screen (no roles, no hashes). */
  users: z.array(z.object({ id: z.string(), name: z.string(), hasPassword: z.boolean() })),
});
export type LockStatus = z.infer<typeof lockStatusSchema>;

const userRole = z.enum(USER_ROLES, { error: 'Vai trò không hợp lệ.' });

export const usersChannels = {
  'users.list': channel({
    input: z.object({}).strict(),
    output: z.object({ users: z.array(userSchema) }),
    summary: 'Named users and their roles.',
  }),
  'users.create': channel({
    input: z
      .object({ name: text('Tên người dùng', { min: 1, max: 100 }), role: userRole, password: password.optional() })
      .strict(),
    output: userSchema,
    summary: 'Add a named user (password hashed with scrypt).',
  }),
  'users.update': channel({
    input: z
      .object({
        id: idSchema,
        name: text('Tên người dùng', { min: 1, max: 100 }).optional(),
        role: userRole.optional(),
        password: password.nullable().optional(),
      })
      .strict(),
    output: userSchema,
    summary: 'Rename a user, change the role or the password (null removes it).',
  }),
  'users.delete': channel({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ deleted: z.boolean() }),
    summary: 'Remove a user (to the trash); the last administrator cannot be removed.',
  }),
  'users.signIn': channel({
    input: z.object({ userId: idSchema, password: z.string().max(200).optional() }).strict(),
    output: lockStatusSchema,
    summary: 'Sign in as a named user (unlocks the app).',
  }),
  'users.signOut': channel({
    input: z.object({}).strict(),
    output: lockStatusSchema,
    summary: 'Sign out (locks the app when users exist).',
  }),
  'lock.status': channel({
    input: z.object({}).strict(),
    output: lockStatusSchema,
    summary: 'Whether the app is locked, who is signed in, idle time before locking.',
  }),
  'lock.lock': channel({
    input: z.object({}).strict(),
    output: lockStatusSchema,
    summary: 'Lock the app now (the signed-in user must sign in again).',
  }),
  'lock.configure': channel({
    input: z.object({ idleMinutes: intInRange('Thời gian chờ khóa (phút)', 0, 480) }).strict(),
    output: lockStatusSchema,
    summary: 'Minutes without activity before the app locks (0 = never).',
  }),
};
