// Channels and schemas of the data-safety feature: backups and restore, integrity, trash, audit
// log, data folder, users and the app lock.
import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema, fileResultSchema } from '../contract/bytes';
import { idSchema, intInRange, isoDate, text } from './common';

const jobId = z.string().min(1).max(100).optional();

/** Backup files are named by the app; only such names are accepted back (no paths, no traversal). */
export const backupFileNameSchema = z
  .string({ error: 'Tên tệp sao lưu phải là chuỗi.' })
  .max(200, 'Tên tệp sao lưu quá dài.')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, 'Tên tệp sao lưu không hợp lệ.')
  .refine((n) => !n.includes('..'), 'Tên tệp sao lưu không hợp lệ.');

export const BACKUP_REASONS = [
  'manual',
  'scheduled',
  'quit',
  'before-import',
  'before-bulk',
  'before-restore',
  'before-migration',
  'before-move',
  'unknown',
] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  manual: 'Sao lưu thủ công',
  scheduled: 'Tự động theo lịch',
  quit: 'Khi thoát ứng dụng',
  'before-import': 'Trước khi nhập dữ liệu',
  'before-bulk': 'Trước thao tác hàng loạt',
  'before-restore': 'Trước khi phục hồi (bản an toàn)',
  'before-migration': 'Trước khi nâng cấp phiên bản',
  'before-move': 'Trước khi chuyển thư mục dữ liệu',
  unknown: 'Không rõ',
};

export const recordCountSchema = z.object({ table: z.string(), label: z.string(), count: z.number().int() });
export type RecordCount = z.infer<typeof recordCountSchema>;

export const backupInfoSchema = z.object({
  fileName: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  reasonLabel: z.string(),
  note: z.string().nullable(),
  sizeBytes: z.number().int(),
  /** Rows per table (not counting rows in the trash), the main ones first. */
  counts: z.array(recordCountSchema),
  totalRecords: z.number().int(),
  /** `ok` when integrity_check passed when it was made (or last verified). */
  integrity: z.string(),
  schemaVersion: z.string(),
  appVersion: z.string(),
  /** Manual backups are never removed by rotation. */
  pinned: z.boolean(),
  /** After a verify: how the file was checked, in Vietnamese (SHA-256 at creation, or only integrity and schema for older backups). */
  verification: z.string().optional(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupScheduleSchema = z.object({
  intervalHours: z.number().int(),
  lastAutomaticAt: z.string().nullable(),
  keepRecent: z.number().int(),
  keepDailyDays: z.number().int(),
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

export const integrityStatusSchema = z.object({
  ok: z.boolean(),
  /** The start-up check is still running in the background (`ok` is then provisional). */
  checking: z.boolean(),
  /** What SQLite reported (technical; shown under "chi tiết"). */
  detail: z.string(),
  /** Plain Vietnamese explanation for the user. */
  message: z.string(),
  dataDir: z.string(),
  newestGoodBackup: backupInfoSchema.nullable(),
});
export type IntegrityStatus = z.infer<typeof integrityStatusSchema>;

export const restoreResultSchema = z.object({
  restoredFrom: backupInfoSchema,
  safetyBackup: backupInfoSchema.nullable(),
  integrity: z.string(),
  counts: z.array(recordCountSchema),
  totalRecords: z.number().int(),
});

// ---- trash ---------------------------------------------------------------------------------

export const trashEntitySchema = z
  .string({ error: 'Loại dữ liệu phải là chuỗi.' })
  .max(64, 'Loại dữ liệu không hợp lệ.')
  .regex(/^[a-z][a-z0-9_]*$/, 'Loại dữ liệu không hợp lệ.');

export const trashItemSchema = z.object({
  entity: z.string(),
  entityLabel: z.string(),
  id: z.string(),
  title: z.string(),
  deletedAt: z.string(),
});
export type TrashItem = z.infer<typeof trashItemSchema>;

// ---- audit ---------------------------------------------------------------------------------

export const auditFilterSchema = z
  .object({
    entity: trashEntitySchema.optional(),
    action: z.string().max(40).regex(/^[a-zA-Z_.-]+$/, 'Thao tác không hợp lệ.').optional(),
    user: text('Người thực hiện', { max: 100 }).optional(),
    from: isoDate('Từ ngày').optional(),
    to: isoDate('Đến ngày').optional(),
    search: text('Tìm kiếm', { max: 200 }).optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditChangeSchema = z.object({
  field: z.string(),
  /** Vietnamese name of the field when known, else the field itself. */
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export const auditItemSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: z.string(),
  user: z.string(),
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  changes: z.array(auditChangeSchema),
  note: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;

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

export const safetyChannels = {
  'integrity.status': channel({
    input: z.object({}).strict(),
    output: integrityStatusSchema,
    summary: 'Start-up integrity result in plain Vietnamese, with the newest good backup to restore.',
  }),
  'backup.list': channel({
    input: z.object({}).strict(),
    output: z.object({
      backups: z.array(backupInfoSchema),
      schedule: backupScheduleSchema,
      folder: z.string(),
      /** The live data's counts, to compare with a backup before restoring. */
      current: z.object({ counts: z.array(recordCountSchema), totalRecords: z.number().int() }),
    }),
    summary: 'Backups in <data>/backups, newest first, with date, size and record counts.',
  }),
  'backup.create': channel({
    input: z.object({ jobId, note: text('Ghi chú', { max: 200 }).optional() }).strict(),
    output: backupInfoSchema,
    summary: 'Make a verified backup now (SQLite backup API → integrity_check → rename).',
  }),
  'backup.verify': channel({
    input: z.object({ fileName: backupFileNameSchema, jobId }).strict(),
    output: backupInfoSchema,
    summary: 'Run a full integrity_check on a backup and recount its records.',
  }),
  'backup.delete': channel({
    input: z.object({ fileName: backupFileNameSchema }).strict(),
    output: z.object({ deleted: z.boolean() }),
    summary: 'Delete one backup file.',
  }),
  'backup.restore': channel({
    input: z.object({ fileName: backupFileNameSchema, jobId }).strict(),
    output: restoreResultSchema,
    summary: 'Restore a backup: safety backup of current data first, swap the files, check after.',
  }),
  'backup.setSchedule': channel({
    input: z.object({ intervalHours: intInRange('Chu kỳ sao lưu (giờ)', 0, 168) }).strict(),
    output: backupScheduleSchema,
    summary: 'Automatic backup interval in hours (0 = off).',
  }),
  'backup.exportToFolder': channel({
    input: z.object({ fileName: backupFileNameSchema.optional(), jobId }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable() }),
    summary: 'Copy a backup (or a fresh one) to a folder the user picks (USB stick); desktop app only.',
  }),
  'backup.importFile': channel({
    input: z
      .object({
        fileName: text('Tên tệp', { min: 1, max: 260 }),
        bytes: bytesSchema,
      })
      .strict(),
    output: backupInfoSchema,
    summary: 'Add a backup file brought from elsewhere (USB, another PC) to the list, after checking it; restore it with backup.restore.',
  }),
  'backup.download': channel({
    input: z.object({ fileName: backupFileNameSchema }).strict(),
    output: fileResultSchema,
    summary: 'The bytes of one backup file (for saving elsewhere).',
  }),
  'trash.list': channel({
    input: z
      .object({
        entity: trashEntitySchema.optional(),
        search: text('Tìm kiếm', { max: 200 }).optional(),
        limit: intInRange('Số dòng', 1, 500).default(100),
        offset: intInRange('Vị trí', 0, 10_000_000).default(0),
      })
      .strict(),
    output: z.object({
      items: z.array(trashItemSchema),
      total: z.number().int(),
      entities: z.array(z.object({ entity: z.string(), label: z.string(), count: z.number().int() })),
    }),
    summary: 'Soft-deleted rows of every table with deleted_at, newest first.',
  }),
  'trash.restore': channel({
    input: z.object({ entity: trashEntitySchema, id: idSchema }).strict(),
    output: z.object({ restored: z.boolean() }),
    summary: 'Undo a soft delete (clears deleted_at), recorded in the audit log.',
  }),
  'audit.list': channel({
    input: z
      .object({
        filter: auditFilterSchema.default({}),
        limit: intInRange('Số dòng', 1, 500).default(100),
        offset: intInRange('Vị trí', 0, 100_000_000).default(0),
      })
      .strict(),
    output: z.object({
      items: z.array(auditItemSchema),
      total: z.number().int(),
      users: z.array(z.string()),
      entities: z.array(z.object({ entity: z.string(), label: z.string() })),
    }),
    summary: 'Audit log (who, when, what, before → after), newest first, filtered.',
  }),
  'audit.exportXlsx': channel({
    input: z.object({ filter: auditFilterSchema.default({}), jobId }).strict(),
    output: fileResultSchema,
    summary: 'The filtered audit log as an Excel file.',
  }),
  'dataDir.info': channel({
    input: z.object({}).strict(),
    output: z.object({
      root: z.string(),
      databaseFile: z.string(),
      databaseBytes: z.number().int(),
      backupsBytes: z.number().int(),
      backupCount: z.number().int(),
      canChooseFolder: z.boolean(),
      previousRoots: z.array(z.string()),
    }),
    summary: 'Where the data lives and how big it is.',
  }),
  'dataDir.open': channel({
    input: z.object({}).strict(),
    output: z.object({ opened: z.boolean() }),
    summary: 'Open the data folder in the file manager (desktop app).',
  }),
  'dataDir.move': channel({
    input: z.object({ jobId }).strict(),
    output: z.object({ moved: z.boolean(), from: z.string(), to: z.string().nullable() }),
    summary: 'Move the data to a folder the user picks: copy with the backup API, verify, switch; the old folder stays.',
  }),
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
