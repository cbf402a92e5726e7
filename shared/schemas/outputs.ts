// Output shapes several domains share: a printable page and a file to save.
import { z } from 'zod';
import { bytesSchema } from '../contract/bytes';
import { idSchema } from './common';

export const fileOutput = z.object({ fileName: z.string(), bytes: bytesSchema, mimeType: z.string() });
export const printOutput = z.object({ html: z.string(), title: z.string() });
export const byId = z.object({ id: idSchema });
