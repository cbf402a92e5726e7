import type { Kysely } from 'kysely';
import { newId } from '../ids';
import { foldText } from '../../../../shared/text/vietnamese';

/* eslint-disable @typescript-eslint/no-explicit-any */
const timestamps = (t: any) =>
  t
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addColumn('deleted_at', 'text');

/**
 * The standard indicator set seeded once (issue #15, sources in docs/qcdc.md). It is data the
 * officer edits afterwards, so it lives here — frozen with the migration — and not in code that
 * later versions might change under existing figures.
 * [code, loại hình (null = every loại hình), name, kind, source, unit label, legal basis, ratio of [num, den] codes]
 */
type Seed = [string, string | null, string, string, string, string | null, string | null, [string, string]?];
const SEED: Seed[] = [
  // Xã, phường, thị trấn và cộng đồng dân cư
  ['XA_CONG_KHAI', 'xa_phuong', 'Số nội dung chính quyền cấp xã đã công khai', 'count', 'typed', 'nội dung', 'Luật 10/2022/QH15, Chương II (cần đối chiếu điều)'],
  ['XA_BAN_QUYET', 'xa_phuong', 'Số nội dung Nhân dân bàn và quyết định', 'count', 'typed', 'nội dung', 'Luật 10/2022/QH15, Chương II (cần đối chiếu điều)'],
  ['XA_THAM_GIA_Y_KIEN', 'xa_phuong', 'Số nội dung Nhân dân tham gia ý kiến', 'count', 'typed', 'nội dung', 'Luật 10/2022/QH15, Chương II (cần đối chiếu điều)'],
  ['XA_THON_TONG', 'xa_phuong', 'Tổng số thôn, tổ dân phố', 'count', 'typed', 'thôn, TDP', null],
  ['XA_HUONG_UOC', 'xa_phuong', 'Số thôn, tổ dân phố có hương ước, quy ước được công nhận', 'count', 'typed', 'thôn, TDP', 'Luật 10/2022/QH15; NĐ 59/2023/NĐ-CP (cần đối chiếu điều)'],
  ['XA_HUONG_UOC_TL', 'xa_phuong', 'Tỷ lệ thôn, tổ dân phố có hương ước, quy ước', 'ratio', 'typed', '%', null, ['XA_HUONG_UOC', 'XA_THON_TONG']],
  ['XA_BAN_TTND', 'xa_phuong', 'Ban Thanh tra nhân dân hoạt động', 'yesno', 'typed', null, 'Luật 10/2022/QH15 (cần đối chiếu điều)'],
  ['XA_BAN_GSDTCD', 'xa_phuong', 'Ban Giám sát đầu tư của cộng đồng hoạt động', 'yesno', 'typed', null, 'Luật 10/2022/QH15 (cần đối chiếu điều)'],
  ['XA_KIEN_NGHI_TTND', 'xa_phuong', 'Số kiến nghị của Ban TTND, Ban GSĐTCĐ', 'count', 'typed', 'kiến nghị', null],
  ['XA_DOI_THOAI_CT', 'xa_phuong', 'Chủ tịch UBND cấp xã tổ chức hội nghị đối thoại với Nhân dân trong kỳ', 'yesno', 'typed', null, 'Luật 10/2022/QH15 (cần đối chiếu điều)'],
  // Cơ quan nhà nước, đơn vị sự nghiệp công lập
  ['CQ_HN_CBCCVC', 'co_quan_nha_nuoc', 'Tổ chức hội nghị cán bộ, công chức, viên chức', 'yesno', 'typed', null, 'Luật 10/2022/QH15, Chương III (cần đối chiếu điều)'],
  ['CQ_QUY_CHE', 'co_quan_nha_nuoc', 'Ban hành, sửa đổi quy chế thực hiện dân chủ của cơ quan, đơn vị', 'yesno', 'typed', null, 'Luật 10/2022/QH15, Chương III (cần đối chiếu điều)'],
  ['CQ_DOI_THOAI', 'co_quan_nha_nuoc', 'Người đứng đầu đối thoại với cán bộ, công chức, viên chức', 'yesno', 'typed', null, null],
  ['CQ_CONG_KHAI', 'co_quan_nha_nuoc', 'Số nội dung công khai trong cơ quan, đơn vị', 'count', 'typed', 'nội dung', null],
  ['CQ_BAN_TTND', 'co_quan_nha_nuoc', 'Đơn vị sự nghiệp công lập có Ban Thanh tra nhân dân', 'yesno', 'typed', null, null],
  ['CQ_GOP_Y', 'co_quan_nha_nuoc', 'Số ý kiến đóng góp của cán bộ, công chức, viên chức', 'count', 'typed', 'ý kiến', null],
  // Tổ chức có sử dụng lao động
  ['DN_NLD', 'doanh_nghiep', 'Tổng số người lao động', 'count', 'typed', 'người', null],
  ['DN_HN_NLD', 'doanh_nghiep', 'Tổ chức hội nghị người lao động', 'yesno', 'typed', null, 'Luật 10/2022/QH15, Chương IV; NĐ 145/2020/NĐ-CP (cần đối chiếu điều)'],
  ['DN_DOI_THOAI_DK', 'doanh_nghiep', 'Số cuộc đối thoại định kỳ tại nơi làm việc', 'count', 'typed', 'cuộc', 'Bộ luật Lao động 2019, Điều 63'],
  ['DN_QUY_CHE', 'doanh_nghiep', 'Ban hành quy chế dân chủ ở cơ sở tại nơi làm việc', 'yesno', 'typed', null, 'NĐ 145/2020/NĐ-CP (cần đối chiếu điều)'],
  ['DN_TULDTT', 'doanh_nghiep', 'Có thỏa ước lao động tập thể', 'yesno', 'typed', null, 'Bộ luật Lao động 2019 (cần đối chiếu điều)'],
  ['DN_CONG_DOAN', 'doanh_nghiep', 'Có tổ chức công đoàn cơ sở', 'yesno', 'typed', null, null],
  // Lực lượng vũ trang
  ['LLVT_HN_QN', 'luc_luong_vu_trang', 'Tổ chức hội nghị quân nhân, hội nghị cán bộ chiến sĩ', 'yesno', 'typed', null, null],
  ['LLVT_HD_QN', 'luc_luong_vu_trang', 'Hội đồng quân nhân hoạt động', 'yesno', 'typed', null, null],
  ['LLVT_QUY_CHE', 'luc_luong_vu_trang', 'Ban hành quy chế dân chủ ở cơ sở của đơn vị', 'yesno', 'typed', null, null],
  ['LLVT_DOI_THOAI', 'luc_luong_vu_trang', 'Số buổi đối thoại của chỉ huy với cán bộ, chiến sĩ', 'count', 'typed', 'buổi', null],
  // Every loại hình
  ['KNTC_TIEP_NHAN', null, 'Số đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận', 'count', 'typed', 'đơn', 'Luật Khiếu nại 2011; Luật Tố cáo 2018'],
  ['KNTC_THAM_QUYEN', null, 'Số đơn thuộc thẩm quyền giải quyết', 'count', 'typed', 'đơn', null],
  ['KNTC_DA_GIAI_QUYET', null, 'Số đơn thuộc thẩm quyền đã giải quyết', 'count', 'typed', 'đơn', null],
  ['KNTC_TY_LE', null, 'Tỷ lệ giải quyết đơn thuộc thẩm quyền', 'ratio', 'typed', '%', null, ['KNTC_DA_GIAI_QUYET', 'KNTC_THAM_QUYEN']],
  ['TIEP_CONG_DAN', null, 'Số buổi tiếp công dân', 'count', 'typed', 'buổi', 'Luật Tiếp công dân 2013; Quy định 11-QĐi/TW (2019)'],
  ['TIEP_LUOT', null, 'Số lượt công dân được tiếp', 'count', 'typed', 'lượt', null],
  ['DOI_THOAI', null, 'Số hội nghị đối thoại', 'count', 'dialogues.count', 'cuộc', null],
  ['DOI_THOAI_Y_KIEN', null, 'Số ý kiến, kiến nghị nêu tại hội nghị đối thoại', 'count', 'dialogues.opinionsRaised', 'ý kiến', null],
  ['DOI_THOAI_TRA_LOI', null, 'Số ý kiến được trả lời trực tiếp tại hội nghị đối thoại', 'count', 'dialogues.opinionsAnswered', 'ý kiến', null],
  ['DOI_THOAI_CHUYEN', null, 'Số ý kiến chuyển cơ quan có thẩm quyền giải quyết', 'count', 'dialogues.opinionsPassedOn', 'ý kiến', null],
  ['GIAM_SAT_BCD', null, 'Số lượt thành viên Ban Chỉ đạo giám sát', 'count', 'supervisions.count', 'lượt', null],
  ['TAP_HUAN', null, 'Số lớp tập huấn, hướng dẫn có đơn vị tham gia', 'count', 'trainings.count', 'lớp', null],
  ['KET_QUA_NOI_BAT', null, 'Kết quả, cách làm nổi bật', 'text', 'typed', null, null],
];

/**
 * QCDC (issue #15): the indicator catalogue by loại hình (+ its history), each unit's figures per
 * period (the loại hình the unit had then is stored with the report), roll-up imports (for undo),
 * and the registers behind some figures: dialogues, member supervisions, trainings. Passed-on
 * opinions and supervision recommendations are tasks (source_type 'dialogue' / 'supervision').
 * Inspection findings per catalogue requirement belong to inspection targets.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await timestamps(
    db.schema
      .createTable('qcdc_indicators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('qcdc_type', 'text')
      .addColumn('code', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('numerator_id', 'text')
      .addColumn('denominator_id', 'text')
      .addColumn('unit_label', 'text')
      .addColumn('legal_basis', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('qcdc_indicators_type').on('qcdc_indicators').columns(['qcdc_type', 'position']).execute();

  await db.schema
    .createTable('qcdc_indicator_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('qcdc_indicators.id'))
    // 1, 2, 3… per indicator: the order of the changes even when clocks disagree.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qcdc_indicator_history_ind').on('qcdc_indicator_history').columns(['indicator_id', 'version']).execute();

  await timestamps(
    db.schema
      .createTable('qcdc_reports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      // The loại hình the unit had when it reported: a later change of the unit keeps old figures under the old type.
      .addColumn('qcdc_type', 'text', (c) => c.notNull())
      .addColumn('received_date', 'text')
      .addColumn('note', 'text')
      .addColumn('import_id', 'text'),
  ).execute();
  await db.schema.createIndex('qcdc_reports_period').on('qcdc_reports').columns(['year', 'period', 'unit_id']).execute();
  await db.schema.createIndex('qcdc_reports_unit').on('qcdc_reports').columns(['unit_id', 'year']).execute();

  // Figures: yes/no stored as 1/0 in num_value, text in text_value; ratios are never stored.
  await db.schema
    .createTable('qcdc_values')
    .addColumn('report_id', 'text', (c) => c.notNull().references('qcdc_reports.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('qcdc_indicators.id'))
    .addColumn('num_value', 'real')
    .addColumn('text_value', 'text')
    .addPrimaryKeyConstraint('qcdc_values_pk', ['report_id', 'indicator_id'])
    .execute();

  await db.schema
    .createTable('qcdc_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // What the preview read (rows, columns, figures), so the commit need not be sent the file again.
    .addColumn('parsed_json', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    // The reports and figures the commit replaced, restored by undo.
    .addColumn('before_json', 'text')
    .addColumn('undone_at', 'text')
    .execute();

  await timestamps(
    db.schema
      .createTable('dialogues')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('chaired_by', 'text', (c) => c.notNull())
      .addColumn('participants', 'integer', (c) => c.notNull())
      .addColumn('participants_note', 'text')
      .addColumn('opinions_raised', 'integer', (c) => c.notNull())
      .addColumn('opinions_answered', 'integer', (c) => c.notNull())
      .addColumn('opinions_passed_on', 'integer', (c) => c.notNull())
      .addColumn('public_due_date', 'text')
      .addColumn('published_date', 'text')
      .addColumn('note', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('dialogues_unit_date').on('dialogues').columns(['unit_id', 'date']).execute();
  await db.schema.createIndex('dialogues_date').on('dialogues').column('date').execute();

  await timestamps(
    db.schema
      .createTable('supervisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('content', 'text')
      .addColumn('findings', 'text'),
  ).execute();
  await db.schema.createIndex('supervisions_unit_date').on('supervisions').columns(['unit_id', 'date']).execute();
  await db.schema.createIndex('supervisions_member').on('supervisions').columns(['member_id', 'year']).execute();

  await timestamps(
    db.schema
      .createTable('trainings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('organiser', 'text')
      .addColumn('trainees', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('trainings_date').on('trainings').column('date').execute();
  await db.schema
    .createTable('training_units')
    .addColumn('training_id', 'text', (c) => c.notNull().references('trainings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('training_units_pk', ['training_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('training_units_unit').on('training_units').column('unit_id').execute();

  // Findings of an inspection visit per catalogue requirement (the unit's loại hình).
  await db.schema
    .createTable('inspection_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('inspection_targets.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull().references('qcdc_indicators.id'))
    // 1 met, 0 not met, null not assessed
    .addColumn('met', 'integer')
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('inspection_findings_target_ind', ['target_id', 'indicator_id'])
    .execute();

  const at = new Date().toISOString();
  const ids = new Map<string, string>();
  for (const [code] of SEED) ids.set(code, newId());
  const positions = new Map<string | null, number>();
  const rows = SEED.map(([code, type, name, kind, source, unitLabel, legalBasis, ratio]) => {
    const position = positions.get(type) ?? 0;
    positions.set(type, position + 1);
    return {
      id: ids.get(code)!,
      qcdc_type: type,
      code,
      name,
      kind,
      source,
      numerator_id: ratio ? ids.get(ratio[0])! : null,
      denominator_id: ratio ? ids.get(ratio[1])! : null,
      unit_label: unitLabel,
      legal_basis: legalBasis,
      position,
      active: 1,
      search_text: foldText(`${code} ${name}`),
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
  });
  await db.insertInto('qcdc_indicators').values(rows).execute();
  await db
    .insertInto('qcdc_indicator_history')
    .values(rows.map((r) => ({ id: newId(), indicator_id: r.id, version: 1, at, name: r.name, active: 1, position: r.position })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'inspection_findings',
    'training_units',
    'trainings',
    'supervisions',
    'dialogues',
    'qcdc_imports',
    'qcdc_values',
    'qcdc_reports',
    'qcdc_indicator_history',
    'qcdc_indicators',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
