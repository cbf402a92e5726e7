import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_organisation';
import * as m0003 from './0003_tasks';
import * as m0004 from './0004_models';
import * as m0005 from './0005_meetings';
import * as m0006 from './0006_plans';
import * as m0007 from './0007_safety';
import * as m0008 from './0008_model_counters';
import * as m0009 from './0009_live_search';
import * as m0012 from './0012_qcdc';

/**
 * Static, append-only list of migrations (file-based providers break once bundled).
 * Names sort in the order they must run; a test checks the order and that none is removed.
 * Never edit a migration that has shipped: add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_organisation': m0002,
  '0003_tasks': m0003,
  '0004_models': m0004,
  '0005_meetings': m0005,
  '0006_plans': m0006,
  '0007_safety': m0007,
  '0008_model_counters': m0008,
  '0009_live_search': m0009,
  '0012_qcdc': m0012,
};
