import type { Generated } from 'kysely';

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

export interface DocNumberTables {
  doc_numbers: DocNumbersTable;
}
