// Channels and schemas of exchange packages between levels (.qcdc files, issue #20): keys, make,
// preview, merge, undo, history. The package format itself is described in docs/exchange.md.
import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema } from '../contract/bytes';
import { emptyInput, intInRange, text } from './common';

/** A stable installation id: a UUID made once with the key pair. */
const peerIdSchema = z.string({ error: 'Mã đơn vị gửi phải là chuỗi.' }).regex(/^[0-9a-f-]{36}$/i, 'Mã đơn vị gửi không hợp lệ.');
/** Ed25519 public key, SPKI DER in base64 (what exchange.keys.get returns). */
const publicKeySchema = z
  .string({ error: 'Khóa công khai phải là chuỗi.' })
  .trim()
  .regex(/^[A-Za-z0-9+/]{40,120}={0,2}$/, 'Khóa công khai không đúng định dạng (chuỗi base64 lấy từ máy gửi).');

export const exchangeIdentitySchema = z.object({ id: z.string(), name: z.string(), publicKey: z.string() });
export type ExchangeIdentity = z.infer<typeof exchangeIdentitySchema>;

/** new: not here yet; changed: a newer version from its owner; unchanged: same content; conflicting: see `reason`. */
export const exchangeDiffKinds = ['new', 'changed', 'unchanged', 'conflicting'] as const;

export const exchangeCountsSchema = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  conflicting: z.number().int(),
});
export type ExchangeCounts = z.infer<typeof exchangeCountsSchema>;

export const exchangeDifferenceSchema = z.object({
  kind: z.string(),
  /** Vietnamese name of the record kind (Mô hình, Lượt mô hình…) */
  kindLabel: z.string(),
  id: z.string(),
  label: z.string(),
  ownerName: z.string(),
  status: z.enum(exchangeDiffKinds),
  /** Fields whose value differs from the copy here (changed/conflicting) */
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  /** Why a record is conflicting (Vietnamese) */
  reason: z.string().optional(),
});
export type ExchangeDifference = z.infer<typeof exchangeDifferenceSchema>;

export const exchangeHistoryEntrySchema = z.object({
  id: z.string(),
  direction: z.enum(['sent', 'received']),
  peerId: z.string().nullable(),
  peerName: z.string().nullable(),
  year: z.number().int(),
  period: z.string().nullable(),
  packageCreatedAt: z.string(),
  fileName: z.string(),
  recordCount: z.number().int(),
  counts: exchangeCountsSchema.nullable(),
  at: z.string(),
  undoneAt: z.string().nullable(),
});
export type ExchangeHistoryEntry = z.infer<typeof exchangeHistoryEntrySchema>;

const periodSchema = text('Kỳ báo cáo', { min: 1, max: 40 });

export const exchangeChannels = {
  'exchange.keys.get': channel({
    input: emptyInput,
    output: exchangeIdentitySchema,
    summary: "This installation's exchange identity: stable id, name and Ed25519 public key (made once, on first use).",
  }),
  'exchange.keys.trust': channel({
    input: z.object({ id: peerIdSchema, name: text('Tên đơn vị gửi', { min: 1, max: 300 }), publicKey: publicKeySchema }),
    output: exchangeIdentitySchema,
    summary: "Register a sender's public key once (or replace it, e.g. after a restructuring renamed the unit); its packages are then accepted.",
  }),
  'exchange.create': channel({
    input: z.object({
      to: peerIdSchema.optional(),
      year: intInRange('Năm', 1990, 2100),
      period: periodSchema.optional(),
      since: z.iso.datetime({ error: 'Mốc thời gian "từ lúc" không hợp lệ (ISO 8601).' }).optional(),
    }),
    output: z.object({ fileName: z.string(), bytes: bytesSchema, packageId: z.string().optional(), recordCount: z.number().int().optional() }),
    summary:
      'Make a signed .qcdc package of the year: to a receiver, only what is new or changed since the last package to it (or since `since`), otherwise everything; records that it was sent.',
  }),
  'exchange.preview': channel({
    input: z.object({ fileName: text('Tên tệp', { min: 1, max: 255 }), bytes: bytesSchema }),
    output: z.object({
      previewId: z.string(),
      packageId: z.string().optional(),
      sender: exchangeIdentitySchema.pick({ id: true, name: true }),
      year: z.number().int().optional(),
      period: z.string().nullable().optional(),
      alreadyReceived: z.boolean().optional(),
      counts: exchangeCountsSchema,
      differences: z.array(exchangeDifferenceSchema),
    }),
    summary: 'Check a received package (signature, trusted sender, file hashes) and list its records: new / changed / unchanged / conflicting, with the differences. Writes nothing.',
  }),
  'exchange.commit': channel({
    input: z.object({ previewId: z.string({ error: 'Thiếu mã xem trước.' }).min(1, 'Thiếu mã xem trước.') }),
    output: z.object({ packageId: z.string(), counts: exchangeCountsSchema }),
    summary: 'Merge a previewed package in one transaction (records belong to their sender; decisions made here are kept).',
  }),
  'exchange.undo': channel({
    input: z.object({ packageId: z.string({ error: 'Thiếu mã gói.' }).min(1, 'Thiếu mã gói.') }),
    output: z.object({ restored: z.number().int() }),
    summary: 'Take back a merged package: every record returns to what it was before; refused if a later package changed them.',
  }),
  'exchange.history': channel({
    input: z.object({ limit: intInRange('Số dòng', 1, 1000).optional() }),
    output: z.object({ entries: z.array(exchangeHistoryEntrySchema) }),
    summary: 'Packages made and received, newest first.',
  }),
  'exchange.records': channel({
    input: z.object({ year: intInRange('Năm', 1990, 2100), kind: text('Loại bản ghi', { max: 40 }).optional() }),
    output: z.object({
      records: z.array(
        z.object({
          kind: z.string(),
          id: z.string(),
          ownerId: z.string(),
          ownerName: z.string(),
          viaId: z.string(),
          version: z.string(),
          data: z.record(z.string(), z.unknown()),
          local: z.record(z.string(), z.unknown()).nullable(),
        }),
      ),
    }),
    summary: 'The records received from other levels for a year (with the decisions made here on them).',
  }),
  'exchange.decide': channel({
    input: z.object({
      kind: text('Loại bản ghi', { min: 1, max: 40 }),
      id: text('Mã bản ghi', { min: 1, max: 60 }),
      decision: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]), { error: 'Quyết định không hợp lệ.' }),
    }),
    output: z.object({ local: z.record(z.string(), z.unknown()) }),
    summary: "Record this level's own decision on a received record (review result, recognition, award); later packages never overwrite it.",
  }),
};
