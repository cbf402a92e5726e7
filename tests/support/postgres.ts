import pg from 'pg';
import { databaseUrlFromEnv } from '../../electron/core/db/engine';
import { postgresEngine } from '../../electron/core/db/engine/postgres';
import { migrateToLatest } from '../../electron/core/db/migrate';
import type { StorageEngine } from '../../electron/core/db/engine';

/*
 * PostgreSQL for the `node-pg` tests: QCDC_DATABASE_URL names a server (scripts/pg-test-cluster.mjs
 * makes a throw-away one). Each test gets its own database, copied from a template migrated once per
 * test file (CREATE DATABASE … TEMPLATE copies files: milliseconds, where migrating takes ~1 s).
 */
export const pgUrl = databaseUrlFromEnv();

let counter = 0;
let template: string | null = null;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!pgUrl) throw new Error('QCDC_DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A unique database name for this worker (forks run files in parallel on one server). */
function nextName(kind: string): string {
  counter += 1;
  return `qcdc_${kind}_${process.pid}_${Date.now().toString(36)}_${counter}`;
}

/** An empty database (no tables), for tests of the migrations themselves. */
export async function emptyPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = nextName('e');
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return { url: withDatabase(pgUrl ?? '', name), drop: () => dropDatabase(name) };
}

async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A fresh, fully migrated database, with its engine open; `close` drops it. */
export async function freshPgEngine(): Promise<{ engine: StorageEngine; close(): Promise<void> }> {
  if (!template) {
    const name = nextName('t');
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const engine = postgresEngine(withDatabase(pgUrl ?? '', name), { max: 1 });
    await migrateToLatest(engine.db);
    await engine.close();
    template = name;
  }
  const name = nextName('d');
  const source = template;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${source}`));
  const engine = postgresEngine(withDatabase(pgUrl ?? '', name), { max: 2 });
  return {
    engine,
    async close() {
      await engine.close();
      await dropDatabase(name);
    },
  };
}
