import type { Timestamps } from './foundation';

export interface ReportPeriodsTable extends Timestamps {
  id: string;
  /** six_month | annual | thematic */
  type: string;
  year: number;
  title: string;
  due_date: string;
}

export interface UnitReportsTable {
  id: string;
  period_id: string;
  unit_id: string;
  /** Per-unit override of the period's due date. */
  due_date: string | null;
  received_date: string | null;
  note: string | null;
  updated_at: string;
}

export interface UnitReportTables {
  report_periods: ReportPeriodsTable;
  unit_reports: UnitReportsTable;
}
