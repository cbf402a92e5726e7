// Channels and schemas of the document-number register (sổ số văn bản).
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, isoDate, text } from './common';
import { optionalText, optionalDate, search } from './units';

// ---------------------------------------------------------------------------------------------
// Document numbers
// ---------------------------------------------------------------------------------------------

export const docNumberSchema = z.object({
  id: z.string(),
  kindCode: z.string(),
  kindName: z.string().nullable(),
  termLabel: z.string(),
  number: z.number().int(),
  /** As printed: "05-BB/BCĐ". */
  numberText: z.string(),
  issuedDate: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  summary: z.string().nullable(),
  manual: z.boolean(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
});
export type DocNumber = z.infer<typeof docNumberSchema>;

const kindCode = text('Loại văn bản', { min: 1, max: 20 });

export const docNumberReserveSchema = z
  .object({
    kindCode,
    date: isoDate('Ngày văn bản'),
    entity: optionalText('Loại bản ghi', 40),
    entityId: z.string().max(64).nullish(),
    summary: optionalText('Trích yếu', 500),
    /** A number the user typed instead of the next one. */
    manualNumber: intInRange('Số văn bản', 1, 99999).nullish(),
    /** Confirms a manual number that was already issued (the duplicate warning was shown). */
    allowDuplicate: z.boolean().optional(),
  })
  .strict();

export const docNumbersChannels = {
  'docNumbers.next': channel({
    input: z.object({ kindCode, date: optionalDate('Ngày văn bản') }).strict(),
    output: z.object({
      number: z.number().int(),
      numberText: z.string(),
      termLabel: z.string(),
      /** The given date falls outside the term years of the settings (a new term may need setting up). */
      outsideTerm: z.boolean(),
    }),
    summary: 'Preview the next number of a document kind in the current Party term (reserves nothing).',
  }),
  'docNumbers.reserve': channel({
    input: docNumberReserveSchema,
    output: docNumberSchema,
    summary: 'Issue a number (next, or a manual one; a duplicate needs allowDuplicate).',
  }),
  'docNumbers.list': channel({
    input: z
      .object({ kindCode: z.string().max(20).optional(), termLabel: z.string().max(40).optional(), search, includeCancelled: z.boolean().optional() })
      .strict(),
    output: z.object({ items: z.array(docNumberSchema), terms: z.array(z.string()) }),
    summary: 'The register of numbers issued, newest first.',
  }),
  'docNumbers.cancel': channel({
    input: z.object({ id: idSchema, reason: optionalText('Lý do', 500) }).strict(),
    output: docNumberSchema,
    summary: 'Cancel an issued number (kept in the register, struck through).',
  }),
};
