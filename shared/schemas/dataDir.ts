// Channels of the data folder (thư mục dữ liệu): where it is, its sizes, moving it.
import { z } from 'zod';
import { channel } from '../contract/define';
import { jobId } from './backup';

export const dataDirChannels = {
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
};
