// Channels and schemas of backups and restore (sao lưu, phục hồi).
import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema, fileResultSchema } from '../contract/bytes';
import { intInRange, text } from './common';

export const jobId = z.string().min(1).max(100).optional();

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

export const restoreResultSchema = z.object({
  restoredFrom: backupInfoSchema,
  safetyBackup: backupInfoSchema.nullable(),
  integrity: z.string(),
  counts: z.array(recordCountSchema),
  totalRecords: z.number().int(),
});

export const backupChannels = {
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
};
