import type { Generated } from 'kysely';

export interface Timestamps {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface UnitsTable extends Timestamps {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  /** dang_bo | chi_bo | xa_phuong | co_quan | doanh_nghiep | luc_luong_vu_trang | khac */
  kind: string;
  /** QCDC loại hình: xa_phuong | co_quan_nha_nuoc | doanh_nghiep | luc_luong_vu_trang */
  qcdc_type: string | null;
  valid_from: string | null;
  valid_to: string | null;
  merged_into_id: string | null;
  sort_order: Generated<number>;
  note: string | null;
  search_text: string;
  sort_key: string;
}

export interface MembersTable extends Timestamps {
  id: string;
  full_name: string;
  /** truong_ban | pho_truong_ban_tt | pho_truong_ban | uy_vien | to_giup_viec */
  role: string;
  position: string | null;
  agency: string | null;
  phone: string | null;
  email: string | null;
  term_from: string | null;
  term_to: string | null;
  sort_order: Generated<number>;
  search_text: string;
  sort_key: string;
}

export interface MemberAssignmentsTable extends Timestamps {
  id: string;
  member_id: string;
  unit_id: string;
  from_date: string | null;
  to_date: string | null;
  note: string | null;
}

export interface CatalogItemsTable extends Timestamps {
  id: string;
  /** field | recognitionLevel | awardForm | meetingKind | documentKind | … */
  catalog: string;
  code: string | null;
  name: string;
  period_label: string | null;
  valid_from_year: number | null;
  valid_to_year: number | null;
  sort_order: Generated<number>;
  active: Generated<number>;
  search_text: string;
}

export interface DocNumbersTable {
  id: string;
  kind_code: string;
  term_label: string;
  number: number;
  /** As printed: "05-BB/BCĐ" */
  number_text: string;
  issued_date: string | null;
  entity: string | null;
  entity_id: string | null;
  summary: string | null;
  /** 1 when the user typed the number instead of taking the next one. */
  manual: Generated<number>;
  created_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
}

export interface OrganisationTables {
  units: UnitsTable;
  members: MembersTable;
  member_assignments: MemberAssignmentsTable;
  catalog_items: CatalogItemsTable;
  doc_numbers: DocNumbersTable;
}
