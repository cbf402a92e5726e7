import type { Timestamps } from './foundation';

export interface PlansTable extends Timestamps {
  id: string;
  /** qcdc | dvk | kiem_tra | khac */
  kind: string;
  year: number;
  date: string;
  title: string;
  purpose: string | null;
  implementation: string | null;
  recipients: string | null;
  /** As printed, "12-KH/BCĐ" (from the number register or typed). */
  number_text: string | null;
  copied_from_id: string | null;
  search_text: string;
  sort_key: string;
}

/** One line of a plan; content, owners and timing live in its task. */
export interface PlanItemsTable extends Timestamps {
  id: string;
  plan_id: string;
  task_id: string;
  position: number;
  group_label: string | null;
  expected_output: string | null;
}

export interface PlanTables {
  plans: PlansTable;
  plan_items: PlanItemsTable;
}
