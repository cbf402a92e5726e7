import { z } from 'zod';
import { channel } from '../contract/define';
import { fileResultSchema } from '../contract/bytes';
import { idSchema, text } from './common';

/*
 * Issued documents (issue #17): when a numbered paper is issued — a meeting's biên bản and thông
 * báo kết luận at finalisation, later the plan, the inspection conclusion, the urging letter — the
 * exact bytes of every format (PDF, DOCX) are kept with their SHA-256 and the data snapshot they
 * were made from. Versions only ever grow: a reopen keeps v1, the next issue makes v2 with a reason.
 */

export const ISSUED_FORMATS = ['pdf', 'docx'] as const;
export type IssuedFormat = (typeof ISSUED_FORMATS)[number];

/** Document types in use; the store accepts any short code so new papers need no schema change. */
export const ISSUED_DOC_TYPE_LABELS: Record<string, string> = {
  minutes: 'Biên bản',
  conclusions: 'Thông báo kết luận',
  plan: 'Kế hoạch',
  inspection_conclusion: 'Thông báo kết luận kiểm tra',
  urging_letter: 'Văn bản đôn đốc',
  invitation: 'Giấy mời',
  notice_extract: 'Trích thông báo kết luận',
  report: 'Báo cáo',
};

export const issuedFileSchema = z.object({
  format: z.enum(ISSUED_FORMATS),
  fileName: z.string(),
  mimeType: z.string(),
  sha256: z.string(),
  size: z.number(),
});
export type IssuedFile = z.infer<typeof issuedFileSchema>;

export const issuedVersionSchema = z.object({
  id: z.string(),
  docType: z.string(),
  docTypeLabel: z.string(),
  ownerType: z.string(),
  ownerId: z.string(),
  /** '' when the document belongs to the owner as a whole. */
  ownerRef: z.string(),
  /** 1, 2, … per (owner, ownerRef, docType). */
  version: z.number(),
  numberText: z.string().nullable(),
  title: z.string(),
  /** Why this version was issued ("Ban hành lần đầu", or the reason the record was reopened). */
  reason: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  files: z.array(issuedFileSchema),
});
export type IssuedVersion = z.infer<typeof issuedVersionSchema>;

const code = (label: string) =>
  text(label, { min: 1, max: 40 }).pipe(z.string().regex(/^[a-z_]+$/, `${label} chỉ gồm chữ thường không dấu và dấu gạch dưới.`));

export const issuedChannels = {
  'issued.list': channel({
    input: z
      .object({ ownerType: code('Loại hồ sơ'), ownerId: idSchema, docType: code('Loại văn bản').optional() })
      .strict(),
    output: z.array(issuedVersionSchema),
    summary: 'Issued versions of the documents of a record (e.g. ownerType meeting), oldest first, with their files and SHA-256.',
  }),
  'issued.get': channel({
    input: z.object({ id: idSchema, format: z.enum(ISSUED_FORMATS, { error: 'Định dạng phải là pdf hoặc docx.' }) }).strict(),
    output: fileResultSchema,
    summary: 'The exact bytes issued for one version and format (checked against the SHA-256 kept at issue).',
  }),
};
