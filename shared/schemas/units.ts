// Channels and schemas of units (đơn vị): the tree, its kinds and QCDC types, and the Excel import
// and export pieces units and members share. Names, codes and the tree are data the user edits (the
// 2025 restructuring renamed and merged many units).
import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema, fileResultSchema } from '../contract/bytes';
import { idSchema, isoDate, text } from './common';

// ---------------------------------------------------------------------------------------------
// Enumerations with their Vietnamese labels
// ---------------------------------------------------------------------------------------------

export const UNIT_KINDS = ['dang_bo', 'chi_bo', 'xa_phuong', 'co_quan', 'doanh_nghiep', 'luc_luong_vu_trang', 'khac'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  dang_bo: 'Đảng bộ',
  chi_bo: 'Chi bộ',
  xa_phuong: 'Xã, phường',
  co_quan: 'Cơ quan',
  doanh_nghiep: 'Doanh nghiệp',
  luc_luong_vu_trang: 'Đơn vị lực lượng vũ trang',
  khac: 'Khác',
};

/** Short forms for badges in narrow columns. */
export const UNIT_KIND_SHORT_LABELS: Record<UnitKind, string> = {
  dang_bo: 'Đảng bộ',
  chi_bo: 'Chi bộ',
  xa_phuong: 'Xã, phường',
  co_quan: 'Cơ quan',
  doanh_nghiep: 'Doanh nghiệp',
  luc_luong_vu_trang: 'LL vũ trang',
  khac: 'Khác',
};

/** The three types of Luật Thực hiện dân chủ ở cơ sở (10/2022/QH15) plus lực lượng vũ trang. */
export const QCDC_TYPES = ['xa_phuong', 'co_quan_nha_nuoc', 'doanh_nghiep', 'luc_luong_vu_trang'] as const;
export type QcdcType = (typeof QCDC_TYPES)[number];
export const QCDC_TYPE_LABELS: Record<QcdcType, string> = {
  xa_phuong: 'Xã, phường, thị trấn và cộng đồng dân cư',
  co_quan_nha_nuoc: 'Cơ quan nhà nước, đơn vị sự nghiệp công lập',
  doanh_nghiep: 'Tổ chức có sử dụng lao động (doanh nghiệp)',
  luc_luong_vu_trang: 'Lực lượng vũ trang',
};

/**
 * A kind guessed from a unit's name, used when a quick list or a file gives none (and as the
 * form's suggestion): "Chi bộ…" → chi bộ; Quân sự/Công an/Biên phòng → lực lượng vũ trang;
 * Công ty/Hợp tác xã → doanh nghiệp; xã/phường/thị trấn under a parent → xã, phường; else đảng bộ
 * at the top level and "khác" below it.
 */
export function guessUnitKind(name: string, hasParent: boolean): UnitKind {
  const f = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
  if (/^chi bo\b/.test(f)) return 'chi_bo';
  if (/\b(quan su|cong an|bien phong|bo doi)\b/.test(f)) return 'luc_luong_vu_trang';
  if (/\b(cong ty|doanh nghiep|hop tac xa)\b/.test(f)) return 'doanh_nghiep';
  if (/\b(xa|phuong|thi tran)\b/.test(f) && hasParent) return 'xa_phuong';
  if (/\b(so|ban|uy ban|van phong|truong|benh vien|trung tam)\b/.test(f) && hasParent) return 'co_quan';
  if (/^dang bo\b/.test(f) || !hasParent) return 'dang_bo';
  return 'khac';
}

/** The QCDC type that follows from a kind, when the kind says it. */
export const QCDC_TYPE_OF_KIND: Partial<Record<UnitKind, QcdcType>> = {
  xa_phuong: 'xa_phuong',
  co_quan: 'co_quan_nha_nuoc',
  doanh_nghiep: 'doanh_nghiep',
  luc_luong_vu_trang: 'luc_luong_vu_trang',
};

/** Short forms for narrow table columns. */
export const QCDC_TYPE_SHORT_LABELS: Record<QcdcType, string> = {
  xa_phuong: 'Xã, phường',
  co_quan_nha_nuoc: 'Cơ quan, đơn vị sự nghiệp',
  doanh_nghiep: 'Doanh nghiệp',
  luc_luong_vu_trang: 'Lực lượng vũ trang',
};
// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

export const optionalText = (label: string, max = 300) => text(label, { max }).nullish();
export const optionalDate = (label: string) => isoDate(label).nullish();
export const search = text('Từ khóa tìm kiếm', { max: 200 }).optional();
const unitKind = z.enum(UNIT_KINDS, { error: 'Loại đơn vị không hợp lệ.' });
const qcdcType = z.enum(QCDC_TYPES, { error: 'Loại hình (QCDC) không hợp lệ.' });
const jobId = z.string().max(100).optional();

function datesInOrder<T extends { validFrom?: string | null | undefined; validTo?: string | null | undefined }>(v: T) {
  return !v.validFrom || !v.validTo || v.validFrom <= v.validTo;
}

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

export const unitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: unitKind,
  qcdcType: qcdcType.nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  sortOrder: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Unit = z.infer<typeof unitSchema>;

/** A unit in a listing: its depth in the tree and the names of its ancestors (for context in search results). */
export const unitListItemSchema = unitSchema.extend({
  depth: z.number().int(),
  path: z.array(z.string()),
  childCount: z.number().int(),
  mergedIntoName: z.string().nullable(),
  /** Members following this unit today. */
  memberNames: z.array(z.string()),
});
export type UnitListItem = z.infer<typeof unitListItemSchema>;

export const unitFieldsSchema = z.object({
  parentId: idSchema.nullish(),
  name: text('Tên đơn vị', { min: 1, max: 300 }),
  shortName: optionalText('Tên viết tắt', 100),
  kind: unitKind,
  qcdcType: qcdcType.nullish(),
  validFrom: optionalDate('Hiệu lực từ ngày'),
  validTo: optionalDate('Hiệu lực đến ngày'),
  note: optionalText('Ghi chú', 2000),
});
export type UnitFieldsInput = z.input<typeof unitFieldsSchema>;

export const unitCreateSchema = unitFieldsSchema
  .strict()
  .refine(datesInOrder, { path: ['validTo'], message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' });

export const unitUpdateSchema = unitFieldsSchema
  .omit({ parentId: true })
  .partial()
  .extend({ id: idSchema })
  .strict()
  .refine(datesInOrder, { path: ['validTo'], message: 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.' });

export const unitListInputSchema = z
  .object({
    search,
    /** Closed (valid_to in the past) and merged units are listed unless false. */
    includeClosed: z.boolean().optional(),
    /** Lists only soft-deleted units (the trash). */
    deletedOnly: z.boolean().optional(),
    /** 'tree' (default): parent before children, in the user's order; 'name': Vietnamese alphabetical. */
    order: z.enum(['tree', 'name']).optional(),
    /** Valid on this date (YYYY-MM-DD). */
    onDate: optionalDate('Ngày'),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Import / export
// ---------------------------------------------------------------------------------------------

export const importRowErrorSchema = z.object({
  /** The row number as Excel shows it. */
  row: z.number().int(),
  message: z.string(),
});

export const importPreviewSchema = z.object({
  sheetName: z.string(),
  headerRow: z.number().int(),
  /** The text encoding found ('unicode', 'tcvn3', 'vni'); legacy text was converted to Unicode. */
  encoding: z.string().optional(),
  /** Detected column for each target field (null = not found) — the user may correct it. */
  mapping: z.record(z.string(), z.number().int().nullable()),
  headers: z.array(z.object({ index: z.number().int(), label: z.string() })),
  rowsRead: z.number().int(),
  validRows: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** The first valid rows, as they would be saved. */
  sample: z.array(z.record(z.string(), z.string().nullable())),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importInput = z
  .object({
    bytes: bytesSchema,
    /** Column index (1-based) per target field, when the user corrected the detected mapping. */
    mapping: z.record(z.string(), z.number().int().min(1).max(500).nullable()).optional(),
    jobId,
  })
  .strict();

export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() });

export const okSchema = z.object({ ok: z.literal(true) });
export const unitsChannels = {
  'units.list': channel({
    input: unitListInputSchema,
    output: z.object({ items: z.array(unitListItemSchema), total: z.number().int() }),
    summary: 'Units as a tree (depth, ancestors) or alphabetically; search folds diacritics (đ → d).',
  }),
  'units.create': channel({
    input: unitCreateSchema,
    output: unitSchema,
    summary: 'Create a unit, optionally under a parent; it goes last among its siblings.',
  }),
  'units.createTree': channel({
    input: z
      .object({
        parentId: idSchema.nullish(),
        items: z
          .array(
            z.object({
              name: text('Tên đơn vị', { min: 1, max: 300 }),
              kind: unitKind.optional(),
              children: z.array(z.object({ name: text('Tên đơn vị', { min: 1, max: 300 }), kind: unitKind.optional() })).max(500).optional(),
            }),
          )
          .min(1, 'Chưa nhập đơn vị nào.')
          .max(500),
      })
      .strict(),
    output: z.object({ created: z.number().int(), skipped: z.number().int() }),
    summary: 'Create many units at once (the quick list of the setup wizard); existing names are skipped.',
  }),
  'units.update': channel({
    input: unitUpdateSchema,
    output: unitSchema,
    summary: 'Change a unit’s name, kind, QCDC type, validity dates or note.',
  }),
  'units.move': channel({
    input: z
      .object({
        id: idSchema,
        parentId: idSchema.nullable(),
        /** Place before this sibling; absent = last. */
        beforeId: idSchema.nullish(),
      })
      .strict(),
    output: unitSchema,
    summary: 'Move a unit (with its subtree) under another parent, or reorder it among its siblings.',
  }),
  'units.reorder': channel({
    input: z.object({ parentId: idSchema.nullable(), orderedIds: z.array(idSchema).min(1).max(5000) }).strict(),
    output: okSchema,
    summary: 'Set the order of the children of one parent.',
  }),
  'units.merge': channel({
    input: z
      .object({
        sourceIds: z.array(idSchema).min(1, 'Chọn ít nhất một đơn vị cần sáp nhập.').max(200),
        targetId: idSchema,
        /** Last day of the merged units; statistics of later years roll up to the target. */
        closeDate: isoDate('Ngày kết thúc hoạt động'),
        note: optionalText('Ghi chú (căn cứ quyết định…)', 1000),
      })
      .strict(),
    output: z.object({ closed: z.array(unitSchema), target: unitSchema }),
    summary: 'Close units and merge them into another: old years keep the old unit, later years roll up.',
  }),
  'units.delete': channel({
    input: z.object({ id: idSchema }).strict(),
    output: unitSchema,
    summary: 'Move a unit (with no live children) to the trash.',
  }),
  'units.restore': channel({
    input: z.object({ id: idSchema }).strict(),
    output: unitSchema,
    summary: 'Restore a unit from the trash.',
  }),
  'units.importPreview': channel({
    input: importInput,
    output: importPreviewSchema,
    summary: 'Read an Excel list of units: header detection, column mapping, row errors; writes nothing.',
  }),
  'units.importCommit': channel({
    input: importInput,
    output: importResultSchema,
    summary: 'Import the valid rows of an Excel list of units in one transaction (all or nothing).',
  }),
  'units.exportXlsx': channel({
    input: z.object({ search, includeClosed: z.boolean().optional() }).strict(),
    output: fileResultSchema,
    summary: 'The unit list as an Excel file.',
  }),
};
