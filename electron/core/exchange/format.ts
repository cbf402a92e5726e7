/**
 * The .qcdc package format (docs/exchange.md): a zip holding `manifest.json`, its Ed25519
 * signature `manifest.sig`, and one `records/<kind>.json` per record kind. The manifest lists each
 * file's SHA-256, so the signature over the manifest covers every byte of the records too.
 * Pure functions: no database here, so the format is testable and reusable on its own.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { AppError } from '../errors';

export const PACKAGE_FORMAT = 'qcdc-exchange';
/** Bump when the layout of the zip or the manifest changes incompatibly; readers refuse newer ones. */
export const PACKAGE_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
const SIGNATURE = 'manifest.sig';
/** A package is a file of records, not an archive of anything: refuse oversized ones before unzipping. */
const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;

export interface KeyPair {
  /** SPKI DER, base64 */
  publicKey: string;
  /** PKCS#8 DER, base64 */
  privateKey: string;
}

export function generateKeys(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

/** The public key text as registered: refused here if it is not an Ed25519 key at all. */
export function checkPublicKey(publicKey: string): void {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not ed25519');
  } catch {
    throw new AppError('VALIDATION', 'Khóa công khai không hợp lệ (không phải khóa Ed25519 lấy từ máy gửi).', { publicKey: 'Khóa không hợp lệ.' });
  }
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** One record as it travels: its identity, owner and version go with it through every level. */
export const wireRecordSchema = z.object({
  kind: z.string().min(1).max(40),
  id: z.string().min(1).max(60),
  owner: z.object({ id: z.string().min(1).max(60), name: z.string().max(300) }),
  year: z.number().int(),
  /** The owner's updated_at: which of two versions is newer */
  version: z.string().min(1).max(40),
  /** SHA-256 of the canonical JSON of `data`: same hash = nothing changed */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.record(z.string(), z.unknown()),
});
export type WireRecord = z.infer<typeof wireRecordSchema>;

const party = z.object({ id: z.string().min(1).max(60), name: z.string().max(300) });

export const manifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int().min(1),
  packageId: z.string().min(1).max(60),
  schemaVersion: z.string().max(80),
  appVersion: z.string().max(80),
  sender: party.extend({ publicKey: z.string().max(200) }),
  receiver: party.nullable(),
  year: z.number().int(),
  period: z.string().max(40).nullable(),
  since: z.string().max(40).nullable(),
  createdAt: z.string().min(1).max(40),
  files: z.array(z.object({ name: z.string().regex(/^records\/[A-Za-z]+\.json$/), sha256: z.string().regex(/^[0-9a-f]{64}$/), records: z.number().int().min(0) })).max(100),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Keys in sorted order at every level, so one content always hashes the same on every machine. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const src = v as Record<string, unknown>;
      return Object.fromEntries(Object.keys(src).sort().map((k) => [k, src[k]]));
    }
    return v;
  });
}

export const contentHash = (data: Record<string, unknown>) => sha256(canonicalJson(data));

export function writePackage(manifest: Omit<Manifest, 'files'>, recordsByKind: Map<string, WireRecord[]>, privateKey: string): { bytes: Uint8Array; manifest: Manifest } {
  const entries: Record<string, Uint8Array> = {};
  const files: Manifest['files'] = [];
  for (const [kind, records] of recordsByKind) {
    const name = `records/${kind}.json`;
    const bytes = strToU8(JSON.stringify(records));
    entries[name] = bytes;
    files.push({ name, sha256: sha256(bytes), records: records.length });
  }
  const full: Manifest = { ...manifest, files };
  const manifestBytes = strToU8(JSON.stringify(full, null, 2));
  const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  entries[MANIFEST] = manifestBytes;
  entries[SIGNATURE] = strToU8(sign(null, manifestBytes, key).toString('base64'));
  // Level 6: JSON of repetitive records shrinks ~10×, and 50,000 records still zip in well under a second.
  return { bytes: zipSync(entries, { level: 6 }), manifest: full };
}

const refused = (why: string) => new AppError('VALIDATION', `Không nhận được gói dữ liệu: ${why} Không có gì được ghi.`);

export interface OpenedPackage {
  manifest: Manifest;
  records: WireRecord[];
}

/**
 * Unzip, check the manifest's signature with the key registered for its sender, check every file
 * against its hash, parse the records. Any failure is one Vietnamese refusal; nothing is written
 * because nothing here touches the database.
 */
export function openPackage(bytes: Uint8Array, trustedKey: (senderId: string) => { name: string; publicKey: string } | null): OpenedPackage {
  if (bytes.length > MAX_PACKAGE_BYTES) throw refused('tệp quá lớn để là một gói trao đổi.');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    throw refused('tệp bị hỏng, bị cắt cụt hoặc không phải là gói .qcdc.');
  }
  const manifestBytes = entries[MANIFEST];
  const signature = entries[SIGNATURE];
  if (!manifestBytes || !signature) throw refused('tệp không có bản kê (manifest) hoặc chữ ký.');
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(strFromU8(manifestBytes)));
  } catch {
    throw refused('bản kê (manifest) của gói không đúng định dạng.');
  }
  if (manifest.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw refused(`gói được tạo bằng phiên bản phần mềm mới hơn (định dạng ${manifest.formatVersion}); hãy cập nhật phần mềm.`);
  }
  const trusted = trustedKey(manifest.sender.id);
  if (!trusted) throw refused(`đơn vị gửi "${manifest.sender.name}" chưa được đăng ký khóa trên máy này.`);
  if (trusted.publicKey !== manifest.sender.publicKey) {
    throw refused(`khóa ký của gói không khớp với khóa đã đăng ký cho "${trusted.name}".`);
  }
  let ok = false;
  try {
    const key = createPublicKey({ key: Buffer.from(trusted.publicKey, 'base64'), format: 'der', type: 'spki' });
    ok = verify(null, manifestBytes, key, Buffer.from(strFromU8(signature), 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw refused('chữ ký không hợp lệ — gói đã bị sửa đổi hoặc không do đơn vị này ký.');
  const listed = new Set(manifest.files.map((f) => f.name));
  for (const name of Object.keys(entries)) {
    if (name !== MANIFEST && name !== SIGNATURE && !listed.has(name)) throw refused(`gói chứa tệp lạ "${name.slice(0, 80)}".`);
  }
  const records: WireRecord[] = [];
  for (const file of manifest.files) {
    const content = entries[file.name];
    if (!content || sha256(content) !== file.sha256) throw refused(`tệp "${file.name}" trong gói đã bị thay đổi hoặc thiếu.`);
    let parsed: WireRecord[];
    try {
      parsed = z.array(wireRecordSchema).parse(JSON.parse(strFromU8(content)));
    } catch {
      throw refused(`tệp "${file.name}" không đúng định dạng.`);
    }
    if (parsed.length !== file.records) throw refused(`số bản ghi trong "${file.name}" không khớp bản kê.`);
    records.push(...parsed);
  }
  return { manifest, records };
}
