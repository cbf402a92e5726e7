import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema, fileResultSchema } from '../contract/bytes';
import { idSchema, intInRange, isoDate, text } from './common';

/*
 * Organisation: units (đơn vị), committee members (thành viên BCĐ), assignments (phân công phụ
 * trách), catalogues (danh mục) and document numbers (sổ số văn bản). Names, codes and the tree are
 * data the user edits (the 2025 restructuring renamed and merged many units).
 */

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

/** In the order lists of the committee are printed (Trưởng ban first). */
export const MEMBER_ROLES = ['truong_ban', 'pho_truong_ban_tt', 'pho_truong_ban', 'uy_vien', 'to_giup_viec'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  truong_ban: 'Trưởng ban',
  pho_truong_ban_tt: 'Phó Trưởng ban thường trực',
  pho_truong_ban: 'Phó Trưởng ban',
  uy_vien: 'Ủy viên',
  to_giup_viec: 'Tổ giúp việc',
};

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

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

const optionalText = (label: string, max = 300) => text(label, { max }).nullish();
const optionalDate = (label: string) => isoDate(label).nullish();
const search = text('Từ khóa tìm kiếm', { max: 200 }).optional();
const unitKind = z.enum(UNIT_KINDS, { error: 'Loại đơn vị không hợp lệ.' });
const qcdcType = z.enum(QCDC_TYPES, { error: 'Loại hình (QCDC) không hợp lệ.' });
const memberRole = z.enum(MEMBER_ROLES, { error: 'Chức danh trong Ban Chỉ đạo không hợp lệ.' });
const catalogName = z.enum(CATALOGS, { error: 'Danh mục không hợp lệ.' });
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
// Members and assignments
// ---------------------------------------------------------------------------------------------

export const memberSchema = z.object({
  id: z.string(),
  fullName: z.string(),
  role: memberRole,
  position: z.string().nullable(),
  agency: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  termFrom: z.string().nullable(),
  termTo: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const memberListItemSchema = memberSchema.extend({
  /** Units followed today (names, tree order). */
  unitNames: z.array(z.string()),
});
export type MemberListItem = z.infer<typeof memberListItemSchema>;

const email = z
  .string()
  .trim()
  .max(200, 'Thư điện tử không được dài quá 200 ký tự.')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Thư điện tử không hợp lệ.')
  .transform((v) => (v === '' ? null : v))
  .nullish();
const phone = z
  .string()
  .trim()
  .max(30, 'Số điện thoại không được dài quá 30 ký tự.')
  .refine((v) => v === '' || /^[+\d .()-]{6,30}$/.test(v), 'Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, gạch nối.')
  .transform((v) => (v === '' ? null : v))
  .nullish();

export const memberFieldsSchema = z.object({
  fullName: text('Họ và tên', { min: 1, max: 100 }),
  role: memberRole,
  position: optionalText('Chức vụ', 300),
  agency: optionalText('Cơ quan, đơn vị công tác', 300),
  phone,
  email,
  termFrom: optionalDate('Tham gia từ ngày'),
  termTo: optionalDate('Tham gia đến ngày'),
});
export type MemberFieldsInput = z.input<typeof memberFieldsSchema>;

const termInOrder = (v: { termFrom?: string | null | undefined; termTo?: string | null | undefined }) =>
  !v.termFrom || !v.termTo || v.termFrom <= v.termTo;

export const memberCreateSchema = memberFieldsSchema
  .strict()
  .refine(termInOrder, { path: ['termTo'], message: 'Ngày kết thúc phải sau ngày bắt đầu tham gia.' });
export const memberUpdateSchema = memberFieldsSchema
  .partial()
  .extend({ id: idSchema })
  .strict()
  .refine(termInOrder, { path: ['termTo'], message: 'Ngày kết thúc phải sau ngày bắt đầu tham gia.' });

export const assignmentSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  memberRole: memberRole,
  unitId: z.string(),
  unitName: z.string(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  note: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const memberAssignInputSchema = z
  .object({
    memberId: idSchema,
    unitIds: z.array(idSchema).max(2000, 'Chọn tối đa 2.000 đơn vị một lần.'),
    fromDate: optionalDate('Phụ trách từ ngày'),
    toDate: optionalDate('Phụ trách đến ngày'),
    note: optionalText('Ghi chú', 1000),
    /**
     * true: the member follows exactly these units from now on (current assignments to other units
     * are ended, i.e. soft-deleted); false (default): add to what they already follow.
     */
    replace: z.boolean().optional(),
  })
  .strict()
  .refine((v) => !v.fromDate || !v.toDate || v.fromDate <= v.toDate, {
    path: ['toDate'],
    message: 'Ngày kết thúc phụ trách phải sau ngày bắt đầu.',
  });

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

const importInput = z
  .object({
    bytes: bytesSchema,
    /** Column index (1-based) per target field, when the user corrected the detected mapping. */
    mapping: z.record(z.string(), z.number().int().min(1).max(500).nullable()).optional(),
    jobId,
  })
  .strict();

export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

const okSchema = z.object({ ok: z.literal(true) });

export const organisationChannels = {
  // Units -------------------------------------------------------------------------------------
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

  // Members -----------------------------------------------------------------------------------
  'members.list': channel({
    input: z
      .object({
        search,
        role: memberRole.optional(),
        deletedOnly: z.boolean().optional(),
        /** 'name' (default): by given name; 'role': Trưởng ban first, then by given name. */
        order: z.enum(['name', 'role']).optional(),
      })
      .strict(),
    output: z.object({ items: z.array(memberListItemSchema), total: z.number().int() }),
    summary: 'Committee members, sorted by given name (or by role); search folds diacritics.',
  }),
  'members.create': channel({ input: memberCreateSchema, output: memberSchema, summary: 'Add a committee member.' }),
  'members.createMany': channel({
    input: z.object({ items: z.array(memberCreateSchema).min(1, 'Chưa nhập thành viên nào.').max(500) }).strict(),
    output: z.object({ created: z.number().int(), skipped: z.number().int() }),
    summary: 'Add many members at once (setup wizard); people already listed (same name) are skipped.',
  }),
  'members.update': channel({ input: memberUpdateSchema, output: memberSchema, summary: 'Change a committee member.' }),
  'members.delete': channel({
    input: z.object({ id: idSchema }).strict(),
    output: memberSchema,
    summary: 'Move a member (and their assignments) to the trash.',
  }),
  'members.restore': channel({
    input: z.object({ id: idSchema }).strict(),
    output: memberSchema,
    summary: 'Restore a member from the trash.',
  }),
  'members.assign': channel({
    input: memberAssignInputSchema,
    output: z.object({ assignments: z.array(assignmentSchema) }),
    summary: 'Assign many units to one member at once (phân công phụ trách), with a period.',
  }),
  'members.importPreview': channel({
    input: importInput,
    output: importPreviewSchema,
    summary: 'Read an Excel list of members: header detection, column mapping, row errors; writes nothing.',
  }),
  'members.importCommit': channel({
    input: importInput,
    output: importResultSchema,
    summary: 'Import the valid rows of an Excel list of members in one transaction.',
  }),
  'members.exportXlsx': channel({
    input: z.object({ search }).strict(),
    output: fileResultSchema,
    summary: 'The member list with the units each follows, as an Excel file.',
  }),
  'assignments.list': channel({
    input: z
      .object({ memberId: idSchema.optional(), unitId: idSchema.optional(), onDate: optionalDate('Ngày') })
      .strict(),
    output: z.object({ items: z.array(assignmentSchema) }),
    summary: 'Assignments (member → unit), current on a date or all.',
  }),
  'assignments.remove': channel({
    input: z.object({ id: idSchema }).strict(),
    output: okSchema,
    summary: 'End an assignment (kept in the trash and audit log).',
  }),
  'assignments.printHtml': channel({
    input: z.object({ date: optionalDate('Ngày ký') }).strict(),
    output: z.object({ html: z.string() }),
    summary: 'The printable assignment list (Party format) as HTML, for the print preview.',
  }),
  'assignments.printPdf': channel({
    input: z.object({ date: optionalDate('Ngày ký') }).strict(),
    output: fileResultSchema,
    summary: 'The printable assignment list (Party format) as a PDF.',
  }),
  'assignments.printDocx': channel({
    input: z.object({ date: optionalDate('Ngày ký') }).strict(),
    output: fileResultSchema,
    summary: 'The assignment list (Party format) as a Word file, for editing before signature.',
  }),

  // Catalogues ----------------------------------------------------------------------------------
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

  // Document numbers ----------------------------------------------------------------------------
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
