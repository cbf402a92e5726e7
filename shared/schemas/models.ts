import { z } from 'zod';
import { channel } from '../contract/define';
import { bytesSchema, fileResultSchema } from '../contract/bytes';
import { idSchema, intInRange, isoDate, longText, text } from './common';

// ---------------------------------------------------------------------------------------------
// Vocabulary of the "Dân vận khéo" register (docs/domain.md, "Dân vận khéo models").
// ---------------------------------------------------------------------------------------------

/** Tập thể (collective) or cá nhân (individual). */
export const MODEL_KINDS = ['collective', 'individual'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const MODEL_KIND_LABELS: Record<ModelKind, string> = { collective: 'Tập thể', individual: 'Cá nhân' };

/** Each yearly record (lượt) is đăng ký mới or duy trì. */
export const REGISTRATIONS = ['new', 'carried'] as const;
export type Registration = (typeof REGISTRATIONS)[number];
export const REGISTRATION_LABELS: Record<Registration, string> = { new: 'Đăng ký mới', carried: 'Duy trì' };

/**
 * Where a yearly record stands in the lifecycle. Điển hình, biểu dương/khen thưởng and nhân rộng
 * are further marks on a recognised record (flags), so "recognised" counts stay a plain status count.
 */
export const MODEL_STATUSES = ['registered', 'implementing', 'eligible', 'reviewed', 'recognised', 'notRecognised'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
export const MODEL_STATUS_LABELS: Record<ModelStatus, string> = {
  registered: 'Đăng ký',
  implementing: 'Đang triển khai',
  eligible: 'Đủ điều kiện bình xét',
  reviewed: 'Đã họp xét',
  recognised: 'Được công nhận',
  notRecognised: 'Không công nhận',
};

const kindSchema = z.enum(MODEL_KINDS, { error: 'Loại mô hình phải là Tập thể hoặc Cá nhân.' });
const registrationSchema = z.enum(REGISTRATIONS, { error: 'Hình thức đăng ký phải là Đăng ký mới hoặc Duy trì.' });
const statusSchema = z.enum(MODEL_STATUSES, { error: 'Trạng thái không hợp lệ.' });
const yearSchema = intInRange('Năm', 2000, 2100);
const optionalId = idSchema.nullable().optional();
const optText = (label: string, max = 500) => text(label, { max }).nullable().optional();
const optLong = (label: string) => longText(label, { max: 10000 }).nullable().optional();
const optDate = (label: string) => isoDate(label).nullable().optional();

// ---------------------------------------------------------------------------------------------
// Model (the registration) and its yearly record.
// ---------------------------------------------------------------------------------------------

/** Registration fields of a model (from real registration forms). */
export const modelFieldsSchema = z.object({
  unitId: idSchema,
  name: text('Tên mô hình', { min: 1, max: 500 }),
  kind: kindSchema,
  fieldId: optionalId,
  performer: optText('Người, tập thể thực hiện'),
  periodLabel: optText('Giai đoạn', 40),
  situation: optLong('Thực trạng, lý do'),
  goals: optLong('Mục tiêu, tiêu chí'),
  content: optLong('Nội dung, cách thức thực hiện'),
  area: optLong('Địa bàn, đối tượng'),
  leadForce: optText('Lực lượng chủ trì'),
  coopForce: optText('Lực lượng phối hợp'),
  resources: optLong('Nguồn lực'),
  timing: optText('Thời gian thực hiện'),
  expectedResults: optLong('Sản phẩm, kết quả'),
  replicability: optLong('Khả năng nhân rộng'),
});

/** The yearly record's own fields (status, recognition, award, replication). */
export const yearFieldsSchema = z.object({
  registration: registrationSchema,
  status: statusSchema.default('registered'),
  recognitionLevelId: optionalId,
  recognitionDecisionNo: optText('Số quyết định công nhận', 100),
  recognitionDate: optDate('Ngày quyết định công nhận'),
  typical: z.boolean().default(false),
  awardFormId: optionalId,
  awardBy: optText('Cấp khen thưởng', 200),
  awardDecisionNo: optText('Số quyết định khen thưởng', 100),
  awardDate: optDate('Ngày quyết định khen thưởng'),
  replicatedTo: optText('Nhân rộng tới đơn vị', 1000),
  result: optLong('Kết quả năm'),
  note: optText('Ghi chú', 1000),
});

export const modelCreateSchema = modelFieldsSchema
  .extend({ year: yearSchema })
  .extend(yearFieldsSchema.shape)
  .extend({
    /**
     * The unit already has a model of this name in this year: keep this one as a model of its own
     * (two villages running the same model) instead of the refusal; the answer carries a warning.
     */
    separate: z.boolean().optional(),
  })
  .strict();

export const modelYearRowSchema = z.object({
  id: z.string(),
  modelId: z.string(),
  year: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  name: z.string(),
  kind: z.enum(MODEL_KINDS),
  fieldId: z.string().nullable(),
  fieldName: z.string().nullable(),
  performer: z.string().nullable(),
  timing: z.string().nullable(),
  registration: z.enum(REGISTRATIONS),
  status: z.enum(MODEL_STATUSES),
  typical: z.boolean(),
  commended: z.boolean(),
  recognitionLevelId: z.string().nullable(),
  recognitionLevelName: z.string().nullable(),
  recognitionDecisionNo: z.string().nullable(),
  recognitionDate: z.string().nullable(),
  awardFormId: z.string().nullable(),
  awardFormName: z.string().nullable(),
  awardBy: z.string().nullable(),
  awardDecisionNo: z.string().nullable(),
  awardDate: z.string().nullable(),
  replicatedTo: z.string().nullable(),
  result: z.string().nullable(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});
export type ModelYearRow = z.infer<typeof modelYearRowSchema>;

export const modelDetailSchema = z.object({
  model: z.object({
    id: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    name: z.string(),
    kind: z.enum(MODEL_KINDS),
    fieldId: z.string().nullable(),
    fieldName: z.string().nullable(),
    performer: z.string().nullable(),
    periodLabel: z.string().nullable(),
    situation: z.string().nullable(),
    goals: z.string().nullable(),
    content: z.string().nullable(),
    area: z.string().nullable(),
    leadForce: z.string().nullable(),
    coopForce: z.string().nullable(),
    resources: z.string().nullable(),
    timing: z.string().nullable(),
    expectedResults: z.string().nullable(),
    replicability: z.string().nullable(),
    firstYear: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  years: z.array(modelYearRowSchema),
  /** models.create: why the model was kept as one of its own (the unit already had one of that name in that year). */
  warning: z.string().optional(),
});
export type ModelDetail = z.infer<typeof modelDetailSchema>;

// ---------------------------------------------------------------------------------------------
// The register: filters, paging.
// ---------------------------------------------------------------------------------------------

export const MODEL_SORTS = ['name', 'unit', 'updated'] as const;
export type ModelSort = (typeof MODEL_SORTS)[number];

export const modelFilterSchema = z
  .object({
    year: yearSchema.optional(),
    unitId: idSchema.optional(),
    /** With the unit's subtree (and units merged into it); default true. */
    includeSubunits: z.boolean().default(true),
    fieldId: idSchema.optional(),
    kind: kindSchema.optional(),
    registration: registrationSchema.optional(),
    statuses: z.array(statusSchema).max(10).optional(),
    typical: z.boolean().optional(),
    commended: z.boolean().optional(),
    /** Free text without diacritics ("dan van kheo" finds "Dân vận khéo"). */
    search: z.string().max(200, 'Từ khóa tìm kiếm quá dài.').optional(),
  })
  .strict();
export type ModelFilter = z.output<typeof modelFilterSchema>;
export type ModelFilterInput = z.input<typeof modelFilterSchema>;

export const modelListInputSchema = modelFilterSchema
  .extend({
    sort: z.enum(MODEL_SORTS).default('name'),
    /** Reversed order (clicking a column header again): Z→A by name or unit, oldest change first. */
    descending: z.boolean().optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000, 'Mỗi lần lấy tối đa 1.000 dòng.').default(100),
  })
  .strict();

/** The order a page was served in: the requested sort, or 'recent' (newest records first) for a broad search. */
export const MODEL_LIST_ORDERS = [...MODEL_SORTS, 'recent'] as const;
export type ModelListOrder = (typeof MODEL_LIST_ORDERS)[number];

export const modelListOutputSchema = z.object({
  /** Number of matching records; with `totalCapped`, a lower bound (ask `models.count` for the exact number). */
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(modelYearRowSchema),
  /**
   * True when a search matched more records than are sorted on demand (SEARCH_SORT_CAP): `total`
   * is then only a lower bound and the rows come newest first (`order: 'recent'`).
   */
  totalCapped: z.boolean(),
  order: z.enum(MODEL_LIST_ORDERS),
});
export type ModelListOutput = z.infer<typeof modelListOutputSchema>;

/** A search sorted by the requested order up to this many matches; beyond it, newest first. */
export const SEARCH_SORT_CAP = 1000;

export const modelCountOutputSchema = z.object({ total: z.number().int() });

// ---------------------------------------------------------------------------------------------
// Bulk lifecycle changes.
// ---------------------------------------------------------------------------------------------

export const bulkUpdateSchema = z
  .object({
    ids: z.array(idSchema).min(1, 'Chưa chọn mô hình nào.').max(20000, 'Mỗi lần cập nhật tối đa 20.000 mô hình.'),
    status: statusSchema,
    recognitionLevelId: optionalId,
    recognitionDecisionNo: optText('Số quyết định công nhận', 100),
    recognitionDate: optDate('Ngày quyết định công nhận'),
    typical: z.boolean().optional(),
    awardFormId: optionalId,
    awardBy: optText('Cấp khen thưởng', 200),
    awardDecisionNo: optText('Số quyết định khen thưởng', 100),
    awardDate: optDate('Ngày quyết định khen thưởng'),
    note: optText('Ghi chú', 1000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.status === 'recognised' && !v.recognitionDecisionNo) {
      ctx.addIssue({ code: 'custom', path: ['recognitionDecisionNo'], message: 'Công nhận cần có số quyết định.' });
    }
    if (v.status === 'recognised' && !v.recognitionDate) {
      ctx.addIssue({ code: 'custom', path: ['recognitionDate'], message: 'Công nhận cần có ngày quyết định.' });
    }
    if (v.status !== 'recognised' && (v.typical || v.awardFormId)) {
      ctx.addIssue({ code: 'custom', path: ['status'], message: 'Chỉ mô hình được công nhận mới là điển hình hoặc được khen thưởng.' });
    }
  });

// ---------------------------------------------------------------------------------------------
// Review meetings (họp xét) per year per subordinate organisation.
// ---------------------------------------------------------------------------------------------

export const reviewRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  reviewed: z.boolean(),
  meetingDate: z.string().nullable(),
  /** meeting: entered by the secretariat; import: implied by imported review results. */
  source: z.enum(['meeting', 'import']).nullable(),
  note: z.string().nullable(),
  modelCount: z.number().int(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;

// ---------------------------------------------------------------------------------------------
// Statistics.
// ---------------------------------------------------------------------------------------------

const countsSchema = z.object({
  registered: z.number().int(),
  newCount: z.number().int(),
  carriedCount: z.number().int(),
  recognised: z.number().int(),
  notRecognised: z.number().int(),
  typical: z.number().int(),
  commended: z.number().int(),
  collective: z.number().int(),
  individual: z.number().int(),
  recognisedCollective: z.number().int(),
  recognisedIndividual: z.number().int(),
  /** Typical / commended (recognised) records that are collective; the rest are individual. */
  typicalCollective: z.number().int(),
  commendedCollective: z.number().int(),
});
export type ModelCounts = z.infer<typeof countsSchema>;

/** Records per status (statuses without records left out); byStatusCollective: the collective ones among them. */
const statusCounts = z.record(z.string(), z.number().int());

export const statsOutputSchema = countsSchema.extend({
  year: z.number().int(),
  byStatus: statusCounts,
  byStatusCollective: statusCounts,
  unitsReviewed: z.number().int(),
  unitsTotal: z.number().int(),
  byUnit: z.array(
    countsSchema.extend({ unitId: z.string(), unitName: z.string(), reviewed: z.boolean(), byStatus: statusCounts, byStatusCollective: statusCounts }),
  ),
  byField: z.array(
    countsSchema.extend({ fieldId: z.string().nullable(), fieldName: z.string(), byStatus: statusCounts, byStatusCollective: statusCounts }),
  ),
  previous: countsSchema.extend({ year: z.number().int() }),
});
export type ModelStats = z.infer<typeof statsOutputSchema>;

// ---------------------------------------------------------------------------------------------
// Import.
// ---------------------------------------------------------------------------------------------

/** Columns an import can fill; `aliases` are folded header texts seen in real files. */
export const IMPORT_FIELDS = [
  { key: 'seq', label: 'TT / STT', required: false },
  { key: 'unit', label: 'Đơn vị đăng ký', required: true },
  { key: 'name', label: 'Tên mô hình', required: true },
  { key: 'kind', label: 'Tập thể / Cá nhân', required: false },
  { key: 'collectiveMark', label: 'Cột đánh dấu Tập thể', required: false },
  { key: 'individualMark', label: 'Cột đánh dấu Cá nhân', required: false },
  { key: 'field', label: 'Lĩnh vực', required: false },
  { key: 'registration', label: 'Mới / Duy trì', required: false },
  { key: 'performer', label: 'Người, tập thể thực hiện', required: false },
  { key: 'timing', label: 'Thời gian thực hiện', required: false },
  { key: 'situation', label: 'Thực trạng, lý do', required: false },
  { key: 'goals', label: 'Mục tiêu, tiêu chí', required: false },
  { key: 'content', label: 'Nội dung, cách thức', required: false },
  { key: 'area', label: 'Địa bàn, đối tượng', required: false },
  { key: 'leadForce', label: 'Lực lượng chủ trì', required: false },
  { key: 'coopForce', label: 'Lực lượng phối hợp', required: false },
  { key: 'resources', label: 'Nguồn lực', required: false },
  { key: 'expectedResults', label: 'Sản phẩm, kết quả', required: false },
  { key: 'replicability', label: 'Khả năng nhân rộng', required: false },
  { key: 'recognised', label: 'Kết quả công nhận', required: false },
  { key: 'notRecognisedMark', label: 'Cột đánh dấu Không công nhận', required: false },
  { key: 'level', label: 'Cấp công nhận', required: false },
  { key: 'decisionNo', label: 'Số quyết định', required: false },
  { key: 'decisionDate', label: 'Ngày quyết định', required: false },
  { key: 'typical', label: 'Điển hình', required: false },
  { key: 'awardForm', label: 'Hình thức khen thưởng', required: false },
  { key: 'year', label: 'Năm', required: false },
  { key: 'note', label: 'Ghi chú', required: false },
] as const;
export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]['key'];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];

/** field → 0-based column index in the sheet (absent or null: not imported). */
export const importMappingSchema = z.partialRecord(
  z.enum(IMPORT_FIELD_KEYS, { error: 'Trường nhập không hợp lệ.' }),
  z.number().int().min(0).max(200).nullable(),
);
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importPreviewSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  sheetName: z.string(),
  year: z.number().int().nullable(),
  headerRow: z.number().int(),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string(), samples: z.array(z.string()) })),
  mapping: z.record(z.string(), z.number().int().nullable()),
  mappingSource: z.enum(['detected', 'remembered', 'given']),
  rowsRead: z.number().int(),
  rowsValid: z.number().int(),
  errors: z.array(z.object({ sheet: z.string(), row: z.number().int(), seq: z.string().nullable(), reasons: z.array(z.string()) })),
  unknownUnits: z.array(
    z.object({
      name: z.string(),
      rows: z.number().int(),
      /** Where the commit puts the new unit by default: the organisation its rows are grouped under (null: the top). */
      parentId: z.string().nullable().optional(),
      parentName: z.string().nullable().optional(),
    }),
  ),
  unknownValues: z.array(z.object({ catalog: z.enum(['field', 'awardForm', 'recognitionLevel']), value: z.string(), rows: z.number().int() })),
  warnings: z.array(z.string()),
  /**
   * Rows that look like another row of the file (same year, unit, model name and performer) but have
   * their own number in the list: kept as separate models unless the commit names them in mergeRows.
   */
  duplicates: z
    .array(z.object({ sheet: z.string(), row: z.number().int(), seq: z.string().nullable(), sameAsRow: z.number().int(), sameAsSeq: z.string().nullable(), name: z.string(), unitName: z.string() }))
    .optional(),
  /** What a commit would do now with existing units (rows with unknown units counted as created). */
  plan: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
  legacyEncoding: z.enum(['none', 'tcvn3', 'vni']),
  expiresAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommitInputSchema = z
  .object({
    importId: z.string().min(1, 'Thiếu mã phiên nhập.').max(100),
    mapping: importMappingSchema.optional(),
    year: yearSchema.optional(),
    /** Create unknown units and award forms (and, with createMissingFields, fields). */
    createMissing: z.boolean().default(false),
    createMissingFields: z.boolean().default(false),
    /** Unknown unit name (as in the file) → existing unit. */
    unitMap: z.record(z.string(), idSchema).optional(),
    /** Unknown catalogue value (as in the file) → existing catalogue item. */
    valueMap: z.record(z.string(), idSchema).optional(),
    /**
     * Where new units go: `parentId` for all of them, `unitParents` (unit name as in the file →
     * parent id, null for the top) one by one. Default: under the organisation the file groups their
     * rows under (its heading rows), else at the top.
     */
    parentId: idSchema.optional(),
    unitParents: z.record(z.string(), idSchema.nullable()).optional(),
    /** Create unknown units (default: createMissing); false with createMissing keeps creating award forms only. */
    createMissingUnits: z.boolean().optional(),
    /** Unknown catalogue values ("catalog|value", as in the preview) whose rows are skipped, whatever the create flags say. */
    skipValues: z.array(z.string().max(600)).max(2000).optional(),
    /** Look-alike rows ("sheet!row", from preview.duplicates) merged into the row they look like: skipped as duplicates. */
    mergeRows: z.array(z.string().max(300)).max(100000).optional(),
    jobId: z.string().max(100).optional(),
  })
  .strict();

export const importCommitOutputSchema = z.object({
  year: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  skippedRows: z.array(z.object({ row: z.number().int(), seq: z.string().nullable(), reason: z.string() })),
  unitsCreated: z.number().int(),
  catalogItemsCreated: z.number().int(),
  unitsMarkedReviewed: z.number().int(),
  /** The backup of the data as it was before the import (in `<data>/backups`; checked in the background). */
  backupFileName: z.string(),
});
export type ImportCommitResult = z.infer<typeof importCommitOutputSchema>;

export const importHistoryEntrySchema = z.object({
  importId: z.string(),
  at: z.string(),
  userName: z.string(),
  fileName: z.string(),
  created: z.number().int(),
  updated: z.number().int(),
  backupFileName: z.string().nullable(),
  /** When the import was undone, or null. */
  undoneAt: z.string().nullable(),
  canUndo: z.boolean(),
  /** Why it cannot be undone now (Vietnamese), or null. */
  cannotUndoReason: z.string().nullable(),
});
export type ImportHistoryEntry = z.infer<typeof importHistoryEntrySchema>;

export const importUndoOutputSchema = z.object({
  fileName: z.string(),
  /** Yearly records the import created, now in the trash. */
  recordsRemoved: z.number().int(),
  modelsRemoved: z.number().int(),
  /** Records and models the import updated, back to the values they had before it. */
  recordsRestored: z.number().int(),
  modelsRestored: z.number().int(),
  reviewsRemoved: z.number().int(),
  unitsRemoved: z.number().int(),
  /** Units the import created that are kept because something entered since uses them. */
  unitsKept: z.number().int(),
  catalogItemsRemoved: z.number().int(),
  /** The backup made just before the undo. */
  backupFileName: z.string(),
});
export type ImportUndoResult = z.infer<typeof importUndoOutputSchema>;

// ---------------------------------------------------------------------------------------------
// Channels.
// ---------------------------------------------------------------------------------------------

const yearOnly = z.object({ year: yearSchema }).strict();

export const modelsChannels = {
  'models.list': channel({
    input: modelListInputSchema,
    output: modelListOutputSchema,
    summary: 'Register of yearly model records: filters (year, unit with subtree, field, kind, new/carried, status), folded search, sort, offset paging with total. A search matching more than 1,000 records comes newest first (order "recent") with totalCapped and a lower-bound total.',
  }),
  'models.count': channel({
    input: modelFilterSchema,
    output: modelCountOutputSchema,
    summary: 'Exact number of register records matching the filters and search (the follow-up of a models.list page whose total was capped).',
  }),
  'models.get': channel({
    input: z.object({ id: idSchema }).strict(),
    output: modelDetailSchema,
    summary: 'One model (by model id or yearly record id) with all its yearly records.',
  }),
  'models.create': channel({
    input: modelCreateSchema,
    output: modelDetailSchema,
    summary: 'Register a model for a year (or add a year record to the same model when unit + name already exist).',
  }),
  'models.update': channel({
    input: z
      .object({ id: idSchema, model: modelFieldsSchema.partial().optional(), year: yearFieldsSchema.partial().optional() })
      .strict(),
    output: modelDetailSchema,
    summary: 'Update a yearly record (by its id) and/or the model it belongs to.',
  }),
  'models.delete': channel({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ deleted: z.boolean() }),
    summary: 'Soft-delete a yearly record (the model goes too when it has no other year).',
  }),
  'models.restore': channel({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ restored: z.boolean() }),
    summary: 'Restore a soft-deleted yearly record.',
  }),
  'models.addYear': channel({
    input: z.object({ modelId: idSchema, year: yearSchema, registration: registrationSchema.default('carried') }).strict(),
    output: modelDetailSchema,
    summary: 'Carry a model over into another year (new yearly record, duy trì by default).',
  }),
  'models.bulkUpdateStatus': channel({
    input: bulkUpdateSchema,
    output: z.object({
      updated: z.number().int(),
      /** For models.bulkUndo. */
      operationId: z.string(),
    }),
    summary: 'Set the status (e.g. recognised under one decision number/date/level) of many yearly records in one transaction.',
  }),
  'models.bulkUndo': channel({
    input: z.object({ operationId: z.string().min(1, 'Thiếu mã thao tác.').max(100) }).strict(),
    output: z.object({ restored: z.number().int(), backupFileName: z.string() }),
    summary: 'Undo one bulk status change: every record gets back the values it replaced; refused (nothing changed) when any was changed since. Backs up first.',
  }),
  'models.stats': channel({
    input: yearOnly,
    output: statsOutputSchema,
    summary: 'Statistics of one year: registered, new/carried, recognised, typical, commended, collective/individual, by unit (roll-up), by field, units reviewed x/y, previous year.',
  }),
  'models.years': channel({
    input: z.object({}).strict(),
    output: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
    summary: 'Years that have records, with counts.',
  }),
  'models.options': channel({
    input: z.object({}).strict(),
    output: z.object({
      units: z.array(z.object({ id: z.string(), name: z.string(), depth: z.number().int(), parentId: z.string().nullable(), closed: z.boolean() })),
      fields: z.array(z.object({ id: z.string(), name: z.string() })),
      recognitionLevels: z.array(z.object({ id: z.string(), name: z.string() })),
      awardForms: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
    summary: 'Choices for the register filters and forms: the unit tree (depth-first), fields, recognition levels, award forms.',
  }),
  'models.reviews': channel({
    input: yearOnly,
    output: z.array(reviewRowSchema),
    summary: 'Review meetings (họp xét) of one year, one row per subordinate organisation.',
  }),
  'models.setReview': channel({
    input: z
      .object({
        year: yearSchema,
        unitId: idSchema,
        reviewed: z.boolean(),
        meetingDate: optDate('Ngày họp xét'),
        note: optText('Ghi chú', 1000),
      })
      .strict(),
    output: z.array(reviewRowSchema),
    summary: 'Record (or remove) the review meeting of a subordinate organisation for a year.',
  }),
  'models.importPreview': channel({
    input: z
      .object({
        fileName: text('Tên tệp', { min: 1, max: 260 }),
        bytes: bytesSchema,
        year: yearSchema.optional(),
        mapping: importMappingSchema.optional(),
      })
      .strict(),
    output: importPreviewSchema,
    summary: 'Read an Excel list: detected header and column mapping, rows read/valid, bad rows with Excel row numbers and reasons, unknown units and catalogue values, an import id.',
  }),
  'models.importRemap': channel({
    input: z.object({ importId: z.string().min(1).max(100), mapping: importMappingSchema, year: yearSchema.optional() }).strict(),
    output: importPreviewSchema,
    summary: 'Preview the same uploaded file again with a corrected column mapping.',
  }),
  'models.importCommit': channel({
    input: importCommitInputSchema,
    output: importCommitOutputSchema,
    summary: 'Commit a previewed import in one transaction (progress + cancel with jobId); re-imports update rows matched on year + unit + folded name.',
  }),
  'models.importHistory': channel({
    input: z.object({}).strict(),
    output: z.array(importHistoryEntrySchema),
    summary: 'The 20 most recent Excel imports of the register, newest first, with whether each can still be undone (and why not).',
  }),
  'models.importUndo': channel({
    input: z.object({ importId: z.string().min(1, 'Thiếu mã lần nhập.').max(100) }).strict(),
    output: importUndoOutputSchema,
    summary: 'Undo one import: records it created go to the trash, records it updated get their earlier values back; refused (nothing changed) when any was edited since. Backs up first.',
  }),
  'models.exportXlsx': channel({
    input: modelFilterSchema.extend({ jobId: z.string().max(100).optional() }).strict(),
    output: fileResultSchema.extend({ rows: z.number().int() }),
    summary: 'The filtered register as XLSX (streaming, Party-format title rows).',
  }),
  'models.exportRegisterPdf': channel({
    input: modelFilterSchema.extend({ jobId: z.string().max(100).optional() }).strict(),
    output: fileResultSchema.extend({ rows: z.number().int() }),
    summary: 'The printed register (landscape A4 PDF, Party format).',
  }),
  'models.exportSummary': channel({
    input: z.object({ year: yearSchema, format: z.enum(['xlsx', 'pdf']) }).strict(),
    output: fileResultSchema,
    summary: 'Summary tables (biểu tổng hợp): units × status × collective/individual, fields × status, as XLSX or PDF.',
  }),
};
