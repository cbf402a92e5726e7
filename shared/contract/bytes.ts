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

const BYTES_TAG = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** JSON text for the HTTP transport, bytes tagged as base64. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { [BYTES_TAG]: toBase64(v) };
    return v;
  });
}

/** Parses JSON from the HTTP transport, turning tagged base64 back into bytes. */
export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length === 1 && keys[0] === BYTES_TAG && typeof record[BYTES_TAG] === 'string') {
        try {
          return fromBase64(record[BYTES_TAG]);
        } catch {
          return v; // not valid base64: leave it for schema validation to reject
        }
      }
    }
    return v;
  });
}
