import type { Kysely } from 'kysely';
import { newId } from '../ids';
import { foldText } from '../../../../shared/text/vietnamese';

/* eslint-disable @typescript-eslint/no-explicit-any */
const timestamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('deleted_at', 'text');

export async function up(db: Kysely<any>): Promise<void> {
  // Units (đơn vị): a tree; closed units keep their rows and point at the unit they merged into.
  await timestamps(
    db.schema
      .createTable('units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('parent_id', 'text', (c) => c.references('units.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('short_name', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('qcdc_type', 'text')
      .addColumn('valid_from', 'text')
      .addColumn('valid_to', 'text')
      .addColumn('merged_into_id', 'text', (c) => c.references('units.id'))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('note', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('units_parent').on('units').columns(['parent_id', 'sort_order']).execute();
  await db.schema.createIndex('units_sort').on('units').column('sort_key').execute();

  // Committee members (thành viên BCĐ) and support staff.
  await timestamps(
    db.schema
      .createTable('members')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('full_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('position', 'text')
      .addColumn('agency', 'text')
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('term_from', 'text')
      .addColumn('term_to', 'text')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('sort_key', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('members_sort').on('members').column('sort_key').execute();

  // Phân công phụ trách: which member follows which unit, over a period.
  await timestamps(
    db.schema
      .createTable('member_assignments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('from_date', 'text')
      .addColumn('to_date', 'text')
      .addColumn('note', 'text'),
  ).execute();
  await db.schema.createIndex('assignments_member').on('member_assignments').column('member_id').execute();
  await db.schema.createIndex('assignments_unit').on('member_assignments').column('unit_id').execute();

  // Catalogues the user edits: field, recognitionLevel, awardForm, meetingKind, documentKind…
  await timestamps(
    db.schema
      .createTable('catalog_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('catalog', 'text', (c) => c.notNull())
      .addColumn('code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('period_label', 'text')
      .addColumn('valid_from_year', 'integer')
      .addColumn('valid_to_year', 'integer')
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('catalog_items_catalog').on('catalog_items').columns(['catalog', 'sort_order']).execute();

  // Document numbers: per document kind, per Party term (not per year).
  await db.schema
    .createTable('doc_numbers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind_code', 'text', (c) => c.notNull())
    .addColumn('term_label', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('number_text', 'text', (c) => c.notNull())
    .addColumn('issued_date', 'text')
    .addColumn('entity', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text')
    .addColumn('manual', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    .execute();
  await db.schema.createIndex('doc_numbers_kind_term').on('doc_numbers').columns(['kind_code', 'term_label', 'number']).execute();
  await db.schema.createIndex('doc_numbers_entity').on('doc_numbers').columns(['entity', 'entity_id']).execute();
  await db.schema.createIndex('assignments_active').on('member_assignments').columns(['member_id', 'unit_id', 'deleted_at']).execute();

  await seedCatalogues(db);
}

/**
 * The common defaults of docs/domain.md, so a new database can number a biên bản or register a model
 * at once. They are ordinary rows the user edits; Bắc Kạn's field groups come as a preset
 * (catalogs.applyPreset), not as seeds.
 */
export const SEED_CATALOGUES: Record<string, Array<{ code?: string; name: string }>> = {
  field: [
    { name: 'Kinh tế' },
    { name: 'Văn hóa – xã hội' },
    { name: 'Quốc phòng – an ninh' },
    { name: 'Xây dựng hệ thống chính trị' },
  ],
  recognitionLevel: [
    { code: 'CS', name: 'Cấp cơ sở' },
    { code: 'H', name: 'Cấp huyện' },
    { code: 'T', name: 'Cấp tỉnh' },
  ],
  awardForm: [
    { name: 'Giấy khen' },
    { name: 'Bằng khen' },
    { name: 'Biểu dương' },
    { name: 'Khen thưởng' },
  ],
  meetingKind: [
    { name: 'Hội nghị tổng kết' },
    { name: 'Hội nghị sơ kết' },
    { name: 'Họp Ban Chỉ đạo' },
    { name: 'Họp Tổ giúp việc' },
    { name: 'Hội nghị đối thoại' },
    { name: 'Hội nghị chuyên đề' },
  ],
  documentKind: [
    { code: 'BB', name: 'Biên bản' },
    { code: 'KH', name: 'Kế hoạch' },
    { code: 'BC', name: 'Báo cáo' },
    { code: 'TB', name: 'Thông báo' },
    { code: 'QĐ', name: 'Quyết định' },
    { code: 'GM', name: 'Giấy mời' },
    { code: 'KL', name: 'Kết luận' },
    { code: 'CV', name: 'Công văn' },
  ],
};

async function seedCatalogues(db: Kysely<any>): Promise<void> {
  const at = new Date().toISOString();
  for (const [catalog, items] of Object.entries(SEED_CATALOGUES)) {
    let order = 1;
    for (const item of items) {
      await db
        .insertInto('catalog_items')
        .values({
          id: newId(),
          catalog,
          code: item.code ?? null,
          name: item.name,
          period_label: null,
          valid_from_year: null,
          valid_to_year: null,
          sort_order: order++,
          active: 1,
          search_text: foldText(`${item.code ?? ''} ${item.name}`),
          created_at: at,
          updated_at: at,
          deleted_at: null,
        })
        .execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['doc_numbers', 'catalog_items', 'member_assignments', 'members', 'units']) {
    await db.schema.dropTable(t).execute();
  }
}
