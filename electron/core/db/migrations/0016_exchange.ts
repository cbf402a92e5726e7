import { sql, type Kysely } from 'kysely';

/*
 * Exchange packages between levels (issue #20).
 *  - exchange_peers: the senders whose public key this installation trusts (registered once);
 *  - exchange_packages: every package made (sent) or merged (received), with its manifest;
 *  - exchange_records: the received records, one row per (kind, id), owned by their original
 *    sender (owner_id survives forwarding). `local_json` holds this installation's own decisions on
 *    the record (review result, recognition at its level, award) — a merge never writes it;
 *  - exchange_undo: what a committed package replaced, so it can be taken back like an Excel import;
 *  - exchange_sent: the content hash last sent to each receiver, so "what is new or changed since the
 *    last package" needs no clock comparisons across machines.
 * This installation's own key pair lives in `settings` (key `exchange.identity`).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE exchange_peers (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      public_key TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`.execute(db);
  await sql`CREATE TABLE exchange_packages (
      id TEXT PRIMARY KEY,
      direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
      peer_id TEXT,
      peer_name TEXT,
      year INTEGER NOT NULL,
      period TEXT,
      package_created_at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      record_count INTEGER NOT NULL,
      counts_json TEXT,
      at TEXT NOT NULL,
      undone_at TEXT
    ) STRICT`.execute(db);
  await sql`CREATE INDEX exchange_packages_at ON exchange_packages(at)`.execute(db);
  await sql`CREATE TABLE exchange_records (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      owner_id TEXT NOT NULL,
      owner_name TEXT NOT NULL,
      via_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      version TEXT NOT NULL,
      hash TEXT NOT NULL,
      data_json TEXT NOT NULL,
      local_json TEXT,
      package_id TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX exchange_records_owner ON exchange_records(owner_id, year)`.execute(db);
  await sql`CREATE INDEX exchange_records_via ON exchange_records(via_id, year)`.execute(db);
  await sql`CREATE TABLE exchange_undo (
      package_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      before_json TEXT,
      PRIMARY KEY (package_id, kind, id)
    ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE exchange_sent (
      peer_key TEXT NOT NULL,
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      hash TEXT NOT NULL,
      PRIMARY KEY (peer_key, kind, id)
    ) STRICT, WITHOUT ROWID`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['exchange_sent', 'exchange_undo', 'exchange_records', 'exchange_packages', 'exchange_peers']) {
    await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
  }
}
