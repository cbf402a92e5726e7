import type { Timestamps } from './foundation';

export interface MemberAssignmentsTable extends Timestamps {
  id: string;
  member_id: string;
  unit_id: string;
  from_date: string | null;
  to_date: string | null;
  note: string | null;
}

export interface AssignmentTables {
  member_assignments: MemberAssignmentsTable;
}
