// Channels and schemas of the database integrity check shown at start-up.
import { z } from 'zod';
import { channel } from '../contract/define';
import { backupInfoSchema } from './backup';

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

export const integrityChannels = {
  'integrity.status': channel({
    input: z.object({}).strict(),
    output: integrityStatusSchema,
    summary: 'Start-up integrity result in plain Vietnamese, with the newest good backup to restore.',
  }),
};
