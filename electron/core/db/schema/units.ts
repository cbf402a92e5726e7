import type { Generated } from 'kysely';
import type { Timestamps } from './foundation';

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

export interface UnitTables {
  units: UnitsTable;
}
