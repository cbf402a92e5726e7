// Channels and schemas of the catalogues the user edits (danh mục): fields, recognition levels, award
// forms, meeting kinds, document kinds.
import { z } from 'zod';
import { channel } from '../contract/define';
import { idSchema, intInRange, text } from './common';
import { optionalText } from './units';

/** Catalogues the user edits. Other features key their references by these names. */
export const CATALOGS = ['field', 'recognitionLevel', 'awardForm', 'meetingKind', 'documentKind'] as const;
export type CatalogName = (typeof CATALOGS)[number];
export const CATALOG_LABELS: Record<CatalogName, string> = {
  field: 'Lĩnh vực',
  recognitionLevel: 'Cấp công nhận',
  awardForm: 'Hình thức khen thưởng',
  meetingKind: 'Loại hội nghị, cuộc họp',
  documentKind: 'Loại văn bản',
};

export const CATALOG_PRESETS = ['bacKanFields'] as const;
export type CatalogPreset = (typeof CATALOG_PRESETS)[number];

const catalogName = z.enum(CATALOGS, { error: 'Danh mục không hợp lệ.' });
// ---------------------------------------------------------------------------------------------
// Catalogues
// ---------------------------------------------------------------------------------------------

export const catalogItemSchema = z.object({
  id: z.string(),
  catalog: catalogName,
  code: z.string().nullable(),
  name: z.string(),
  periodLabel: z.string().nullable(),
  validFromYear: z.number().int().nullable(),
  validToYear: z.number().int().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type CatalogItem = z.infer<typeof catalogItemSchema>;

export const catalogItemInputSchema = z
  .object({
    /** Absent for a new item. */
    id: idSchema.optional(),
    code: text('Ký hiệu', { max: 20 }).nullish(),
    name: text('Tên mục', { min: 1, max: 300 }),
    periodLabel: optionalText('Giai đoạn', 40),
    validFromYear: intInRange('Từ năm', 1990, 2100).nullish(),
    validToYear: intInRange('Đến năm', 1990, 2100).nullish(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.validFromYear == null || v.validToYear == null || v.validFromYear <= v.validToYear, {
    path: ['validToYear'],
    message: 'Năm kết thúc phải không nhỏ hơn năm bắt đầu.',
  });
export type CatalogItemInput = z.input<typeof catalogItemInputSchema>;

export const catalogsChannels = {
  'catalogs.list': channel({
    input: z.object({ catalog: catalogName.optional(), includeInactive: z.boolean().optional(), year: intInRange('Năm', 1990, 2100).optional() }).strict(),
    output: z.object({ items: z.array(catalogItemSchema) }),
    summary: 'Catalogue items (fields, recognition levels, award forms, meeting kinds, document kinds) in order.',
  }),
  'catalogs.update': channel({
    input: z
      .object({
        catalog: catalogName,
        /** The whole catalogue in its new order; items left out go to the trash. */
        items: z.array(catalogItemInputSchema).max(500),
      })
      .strict(),
    output: z.object({ items: z.array(catalogItemSchema) }),
    summary: 'Save one catalogue: edit, reorder, deactivate, add; missing items are soft-deleted.',
  }),
  'catalogs.applyPreset': channel({
    input: z.object({ preset: z.enum(CATALOG_PRESETS, { error: 'Bộ danh mục mẫu không hợp lệ.' }), deactivateOthers: z.boolean().optional() }).strict(),
    output: z.object({ items: z.array(catalogItemSchema) }),
    summary: 'Add a ready-made catalogue set (bacKanFields: Bắc Kạn’s four field groups).',
  }),
};
