import type { CatalogName } from '../../../shared/schemas/catalogs';

/**
 * Ready-made catalogue sets the user can apply. Bắc Kạn groups its "Dân vận khéo" models in four
 * fields of its own (shared/fixtures/README.md) instead of the common four.
 */
export const CATALOG_PRESET_ITEMS: Record<string, { catalog: CatalogName; label: string; items: Array<{ code?: string; name: string }> }> = {
  bacKanFields: {
    catalog: 'field',
    label: 'Lĩnh vực theo tỉnh Bắc Kạn (4 nhóm)',
    items: [
      { code: '1', name: 'Xây dựng Đảng, chính quyền, MTTQ, các đoàn thể' },
      { code: '2', name: 'Cải cách hành chính, xây dựng công sở' },
      { code: '3', name: 'Xây dựng nông thôn mới, đô thị văn minh' },
      { code: '4', name: 'Giữ gìn bản sắc văn hóa dân tộc gắn với du lịch, dịch vụ' },
    ],
  },
};
