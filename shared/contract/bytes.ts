import { z } from 'zod';

/**
 * File contents cross the boundary as bytes: `Uint8Array` over Electron IPC (structured clone)
 * and base64 over the HTTP harness, where `encodeWire`/`decodeWire` convert at the edges so that
 * handlers and the renderer only ever see `Uint8Array`.
 */
export const bytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Dữ liệu tệp không hợp lệ.' })
  .meta({ id: 'Bytes', description: 'Bytes; base64 in JSON as {"$bytes": "<base64>"}' });

/** A generated file handed back to the renderer, which saves it through `files.save`. */
export const fileResultSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  bytes: bytesSchema,
});
export type FileResult = z.infer<typeof fileResultSchema>;

// The wire encoding lives in ./wire (no zod): the renderer's first screen imports it alone.
export { encodeWire, decodeWire } from './wire';
