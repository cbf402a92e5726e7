
/**
 * The single truth of the database schema for Kysely. Every migration that changes a table
 * changes its interface here in the same commit. Conventions: text UUIDv7 `id`; timestamps
 * ISO-8601 UTC; calendar dates `YYYY-MM-DD`; nullable columns typed `| null`; soft delete via
 * `deleted_at`; searchable rows carry a folded `search_text` and a Vietnamese `sort_key`.
 */
import type { FoundationTables } from './foundation';
import type { UnitTables } from './units';
import type { MemberTables } from './members';
import type { AssignmentTables } from './assignments';
import type { CatalogTables } from './catalogs';
import type { DocNumberTables } from './docNumbers';
import type { TaskTables } from './tasks';
import type { ModelTables } from './models';
import type { MeetingTables } from './meetings';
import type { PlanTables } from './plans';
import type { InspectionTables } from './inspections';
import type { UnitReportTables } from './unitReports';
import type { SafetyTables } from './safety';
import type { QcdcTables } from './qcdc';

export * from './foundation';
export * from './units';
export * from './members';
export * from './assignments';
export * from './catalogs';
export * from './docNumbers';
export * from './tasks';
export * from './models';
export * from './meetings';
export * from './plans';
export * from './inspections';
export * from './unitReports';
export * from './safety';
export * from './qcdc';

/** Each feature declares its tables in its own file here; this interface joins them. */
export interface Database
  extends FoundationTables,
    UnitTables,
    MemberTables,
    AssignmentTables,
    CatalogTables,
    DocNumberTables,
    TaskTables,
    ModelTables,
    MeetingTables,
    PlanTables,
    InspectionTables,
    UnitReportTables,
    SafetyTables,
    QcdcTables {}
