import { z } from 'zod';

/**
 * Every call answers with an envelope; errors never cross the boundary as exceptions
 * (Electron drops custom error fields across ipcMain.handle, and HTTP has no exceptions).
 */
export const ERROR_CODES = [
  'VALIDATION', // the input broke a rule; `fields` says which
  'NOT_FOUND',
  'CONFLICT', // duplicate or stale data
  'LOCKED', // e.g. a finalised minute
  'FORBIDDEN', // sender or role not allowed
  'CANCELLED', // a long job was cancelled by the user
  'UNKNOWN_CHANNEL',
  'UNAVAILABLE', // the platform cannot do this here (e.g. a dialog in the harness)
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

export function envelopeSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}

/** Progress of a long job (import, export, backup, restore), sent as the `job.progress` event. */
export const jobProgressSchema = z.object({
  jobId: z.string(),
  phase: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  message: z.string().optional(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;
