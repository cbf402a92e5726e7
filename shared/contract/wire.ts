/**
 * The HTTP harness's wire encoding: JSON with bytes tagged as base64 (see ./bytes). Kept free of
 * zod and of the contract so the renderer's transport (`renderer/src/lib/api.ts`) costs the first
 * screen nothing beyond these few lines.
 */
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
