import { Migrator, type MigrationProvider, type Migration, type Kysely } from 'kysely';
import type { Database } from './schema';
import { migrations as allMigrations } from './migrations';

class StaticProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(this.list);
  }
}

export function createMigrator(db: Kysely<Database>, list: Record<string, Migration> = allMigrations): Migrator {
  // Migrations run in name order and an executed migration missing from the list is an error.
  return new Migrator({ db, provider: new StaticProvider(list) });
}

export async function pendingMigrations(db: Kysely<Database>, list?: Record<string, Migration>): Promise<string[]> {
  const all = await createMigrator(db, list).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/**
 * Runs pending migrations one by one, each in its own transaction (`migrateUp` steps once), so
 * a failure leaves every earlier step applied and this one rolled back.
 */
export async function migrateToLatest(db: Kysely<Database>, list?: Record<string, Migration>): Promise<string[]> {
  const migrator = createMigrator(db, list);
  const applied: string[] = [];
  for (;;) {
    const pending = (await migrator.getMigrations()).filter((m) => !m.executedAt);
    if (pending.length === 0) return applied;
    const { error, results } = await migrator.migrateUp();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed) {
      const name = failed?.migrationName ?? pending[0]!.name;
      throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const r of results ?? []) if (r.status === 'Success') applied.push(r.migrationName);
  }
}
