import type { Generated } from 'kysely';
import type { Timestamps } from './foundation';

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

export interface CatalogTables {
  catalog_items: CatalogItemsTable;
}
