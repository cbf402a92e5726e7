import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation';

/**
 * Static, append-only list of migrations (file-based providers break once bundled).
 * Names sort in the order they must run; a test checks the order and that none is removed.
 * Never edit a migration that has shipped: add a new one.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
