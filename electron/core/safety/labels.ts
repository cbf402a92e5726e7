/**
 * Vietnamese names of tables / audit entities, for the trash, the audit log and backup counts.
 * Tables added later without an entry still show (as "Dữ liệu <name>"), so nothing is hidden;
 * add a line here when a feature adds a table.
 */
const ENTITY_LABELS: Record<string, string> = {
  units: 'Đơn vị',
  unit: 'Đơn vị',
  members: 'Thành viên Ban Chỉ đạo',
  member: 'Thành viên Ban Chỉ đạo',
  member_assignments: 'Phân công phụ trách',
  member_assignment: 'Phân công phụ trách',
  assignment: 'Phân công phụ trách',
  catalog_items: 'Danh mục',
  catalog_item: 'Danh mục',
  tasks: 'Nhiệm vụ',
  task: 'Nhiệm vụ',
  dvk_models: 'Mô hình "Dân vận khéo"',
  dvk_model: 'Mô hình "Dân vận khéo"',
  dvk_model_years: 'Lượt đăng ký mô hình theo năm',
  dvk_model_year: 'Lượt đăng ký mô hình theo năm',
  dvk_reviews: 'Họp xét mô hình',
  dvk_review: 'Họp xét mô hình',
  dvk_import: 'Nhập danh sách mô hình từ Excel',
  dvk_bulk: 'Thao tác hàng loạt trên sổ mô hình',
  dvk_import_mappings: 'Cách ghép cột đã nhớ (nhập Excel)',
  meeting_opinions: 'Ý kiến tại hội nghị',
  meeting_conclusions: 'Kết luận hội nghị',
  meeting_conclusion_tasks: 'Nhiệm vụ giao tại kết luận',
  plan_items: 'Nội dung kế hoạch',
  task_coordinators: 'Đơn vị phối hợp thực hiện nhiệm vụ',
  task_updates: 'Cập nhật tiến độ nhiệm vụ',
  task_changes: 'Gia hạn, giao lại nhiệm vụ',
  urging: 'Văn bản đôn đốc',
  inspection_teams: 'Đoàn kiểm tra',
  inspection_targets: 'Đơn vị được kiểm tra',
  inspection_target: 'Đơn vị được kiểm tra',
  report_periods: 'Kỳ báo cáo',
  report_period: 'Kỳ báo cáo',
  unit_reports: 'Báo cáo của đơn vị',
  unit_report: 'Báo cáo của đơn vị',
  exchange_packages: 'Gói dữ liệu đã nhận',
  exchange_peers: 'Đơn vị trao đổi dữ liệu (khóa đã tin cậy)',
  exchange_records: 'Bản ghi nhận qua gói dữ liệu',
  exchange_sent: 'Gói dữ liệu đã gửi',
  exchange_undo: 'Hoàn tác nhận gói dữ liệu',
  qcdc_indicators: 'Chỉ tiêu thực hiện QCDC',
  qcdc_indicator: 'Chỉ tiêu thực hiện QCDC',
  qcdc_indicator_history: 'Lịch sử chỉ tiêu QCDC',
  qcdc_reports: 'Số liệu QCDC của đơn vị',
  qcdc_report: 'Số liệu QCDC của đơn vị',
  qcdc_values: 'Số liệu theo chỉ tiêu QCDC',
  qcdc_imports: 'Nhập số liệu QCDC từ Excel',
  qcdc_import: 'Nhập số liệu QCDC từ Excel',
  dialogues: 'Hội nghị đối thoại',
  dialogue: 'Hội nghị đối thoại',
  supervisions: 'Giám sát của thành viên BCĐ',
  supervision: 'Giám sát của thành viên BCĐ',
  trainings: 'Tập huấn, hướng dẫn QCDC',
  training: 'Tập huấn, hướng dẫn QCDC',
  training_units: 'Đơn vị tham gia tập huấn',
  inspection_findings: 'Kết quả kiểm tra theo yêu cầu',
  inspection_finding: 'Kết quả kiểm tra theo yêu cầu',
  doc_numbers: 'Sổ đăng ký số văn bản',
  doc_number: 'Sổ đăng ký số văn bản',
  meetings: 'Hội nghị, cuộc họp',
  meeting: 'Hội nghị, cuộc họp',
  meeting_attendees: 'Thành phần dự họp',
  minutes: 'Biên bản',
  plans: 'Kế hoạch',
  plan: 'Kế hoạch',
  inspections: 'Kiểm tra, giám sát',
  inspection: 'Kiểm tra, giám sát',
  issued_documents: 'Văn bản đã ban hành',
  issued_document: 'Văn bản đã ban hành',
  issued_files: 'Tệp văn bản đã ban hành',
  attachments: 'Tệp đính kèm',
  attachment: 'Tệp đính kèm',
  documents: 'Văn bản',
  document: 'Văn bản',
  app_users: 'Người dùng',
  user: 'Người dùng',
  settings: 'Cài đặt',
  audit_log: 'Nhật ký thay đổi',
  database: 'Cơ sở dữ liệu',
  backup: 'Sao lưu',
};

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? `Dữ liệu "${entity}"`;
}

const ACTION_LABELS: Record<string, string> = {
  create: 'Thêm mới',
  update: 'Sửa',
  delete: 'Xóa (vào thùng rác)',
  restore: 'Khôi phục từ thùng rác',
  finalize: 'Chốt',
  issue: 'Ban hành',
  reopen: 'Mở lại',
  import: 'Nhập từ tệp',
  undo: 'Hoàn tác',
  bulkStatus: 'Cập nhật hàng loạt',
  move: 'Chuyển',
  merge: 'Sáp nhập',
  'restore-backup': 'Phục hồi từ bản sao lưu',
  'move-data': 'Chuyển thư mục dữ liệu',
  'sign-in': 'Đăng nhập',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** Columns that only exist for machines (keys, search, sort, stamps) — hidden from the before → after diff. */
export const TECHNICAL_FIELDS = new Set([
  'id',
  'search_text',
  'sort_key',
  'searchText',
  'sortKey',
  'password_hash',
  'created_at',
  'updated_at',
  'createdAt',
  'updatedAt',
  'sort_order',
  'sortOrder',
  // An import's entry: the ids it wrote and what its undo needs (thousands of ids, for machines).
  'recordIds',
  'undo',
  // A bulk operation's entry: the records it changed (each has its own entry with before → after).
  'ids',
]);

/** Vietnamese names of common fields in the before → after diff; others show as stored. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  shortName: 'Tên viết tắt',
  short_name: 'Tên viết tắt',
  fullName: 'Họ tên',
  full_name: 'Họ tên',
  kind: 'Loại',
  note: 'Ghi chú',
  title: 'Tiêu đề',
  status: 'Trạng thái',
  role: 'Vai trò',
  position: 'Chức vụ',
  agency: 'Cơ quan',
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  parentId: 'Đơn vị cấp trên',
  parent_id: 'Đơn vị cấp trên',
  unitId: 'Đơn vị',
  unit_id: 'Đơn vị',
  memberId: 'Thành viên',
  member_id: 'Thành viên',
  deletedAt: 'Ngày xóa',
  deleted_at: 'Ngày xóa',
  validFrom: 'Hiệu lực từ',
  valid_from: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  valid_to: 'Hiệu lực đến',
  deadline: 'Hạn',
  date: 'Ngày',
  content: 'Nội dung',
  parentBody: 'Cơ quan cấp trên',
  committeeName: 'Tên Ban Chỉ đạo',
  committeeCode: 'Ký hiệu',
  placeName: 'Địa danh',
  standingAgency: 'Cơ quan thường trực',
  headName: 'Trưởng ban',
  termLabel: 'Nhiệm kỳ',
  termStartYear: 'Năm bắt đầu nhiệm kỳ',
  termEndYear: 'Năm kết thúc nhiệm kỳ',
  signingMode: 'Cách ký',
  margins: 'Lề trang',
  intervalHours: 'Chu kỳ sao lưu (giờ)',
  idleMinutes: 'Tự khóa sau (phút)',
  hasPassword: 'Có mật khẩu',
  fileName: 'Tệp',
  // An import's single audit entry (models.importCommit).
  created: 'Tạo mới',
  updated: 'Cập nhật',
  unchanged: 'Giữ nguyên',
  skipped: 'Bỏ qua',
  unitsCreated: 'Đơn vị tạo mới',
  year: 'Năm',
  catalogItemsCreated: 'Mục danh mục tạo mới',
  unitsMarkedReviewed: 'Đơn vị ghi nhận đã họp xét',
  recordIds: 'Các bản ghi',
  backupFileName: 'Bản sao lưu trước khi nhập',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** Columns that name a row, in order of preference, for the trash list. */
export const TITLE_COLUMNS = ['title', 'name', 'full_name', 'subject', 'file_name', 'code', 'content', 'summary', 'note'];

/**
 * Rows that have no name of their own are shown by what they belong to (a yearly record by its
 * model and year, not "(không tên)"): SQL expressions over the row's own columns, written here in
 * code, never from input.
 */
export const TITLE_EXPRESSIONS: Record<string, string> = {
  dvk_model_years: "(SELECT m.name FROM dvk_models m WHERE m.id = model_id) || ' (năm ' || year || ')'",
  dvk_reviews: "'Họp xét năm ' || year || ': ' || (SELECT u.name FROM units u WHERE u.id = unit_id)",
  member_assignments: "(SELECT m.full_name FROM members m WHERE m.id = member_id) || ' – ' || (SELECT u.name FROM units u WHERE u.id = unit_id)",
  task_updates: "'Cập nhật ngày ' || date || ': ' || (SELECT t.title FROM tasks t WHERE t.id = task_id)",
  plan_items: "(SELECT t.title FROM tasks t WHERE t.id = task_id)",
  inspection_targets: "(SELECT u.name FROM units u WHERE u.id = unit_id)",
};

/** Tables never counted or shown: bookkeeping, not user data. */
export function isBookkeepingTable(name: string): boolean {
  return name.startsWith('sqlite_') || name.startsWith('kysely_') || name.endsWith('_fts') || /_fts_/.test(name) || DERIVED_TABLES.has(name);
}

/**
 * Tables derived from other tables by triggers (counters the statistics read). They are not
 * records of their own: not counted in backups, never in the trash.
 */
const DERIVED_TABLES = new Set(['dvk_unit_counts', 'dvk_field_counts', 'dvk_unit_tree_version']);

/** The main kinds of records first in backup counts; the rest in name order. */
export const MAIN_TABLES = ['dvk_models', 'dvk_model_years', 'meetings', 'plans', 'tasks', 'inspections', 'units', 'members', 'attachments', 'audit_log'];
