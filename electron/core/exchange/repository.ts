/**
 * The exchange's database access. Packages carry tens of thousands of records, so the per-record
 * reads and writes are prepared better-sqlite3 statements on the same connection (inside a Kysely
 * transaction they are part of it, as in models/import/repository.ts); the rest is Kysely.
 */
import type { Db } from '../db/audit';
import type { SqliteHandle } from '../db/open';
import type { ExchangePackagesTable, ExchangePeersTable, ExchangeRecordsTable } from '../db/schema';
import { LOCAL_COLUMNS, type RecordKind } from './kinds';

export type StoredRecord = ExchangeRecordsTable;

export async function findPeer(db: Db, id: string): Promise<ExchangePeersTable | undefined> {
  return db.selectFrom('exchange_peers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function allPeers(db: Db): Promise<ExchangePeersTable[]> {
  return db.selectFrom('exchange_peers').selectAll().execute();
}

export async function upsertPeer(db: Db, peer: { id: string; name: string; publicKey: string }, at: string): Promise<void> {
  await db
    .insertInto('exchange_peers')
    .values({ id: peer.id, name: peer.name, public_key: peer.publicKey, created_at: at, updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: peer.name, public_key: peer.publicKey, updated_at: at }))
    .execute();
}

export async function insertPackage(db: Db, row: ExchangePackagesTable): Promise<void> {
  await db.insertInto('exchange_packages').values(row).execute();
}

export async function findPackage(db: Db, id: string, direction: 'sent' | 'received'): Promise<ExchangePackagesTable | undefined> {
  return db.selectFrom('exchange_packages').selectAll().where('id', '=', id).where('direction', '=', direction).executeTakeFirst();
}

export async function markPackageUndone(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('exchange_packages').set({ undone_at: at }).where('id', '=', id).where('direction', '=', 'received').execute();
}

/** A received package can be merged again after its undo: the old row gives way to the new one. */
export async function deletePackage(db: Db, id: string, direction: 'sent' | 'received'): Promise<void> {
  await db.deleteFrom('exchange_packages').where('id', '=', id).where('direction', '=', direction).execute();
}

export async function listPackages(db: Db, limit: number): Promise<ExchangePackagesTable[]> {
  return db.selectFrom('exchange_packages').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** This installation's own records of one kind and year, without machine-local columns. */
export function readOwnRecords(sqlite: SqliteHandle, kind: RecordKind, year: number): Record<string, unknown>[] {
  const rows = sqlite.prepare(kind.selectSql).all(year) as Record<string, unknown>[];
  for (const row of rows) for (const c of LOCAL_COLUMNS) delete row[c];
  return rows;
}

export function readReceivedOfYear(sqlite: SqliteHandle, year: number, kind?: string): StoredRecord[] {
  if (kind) return sqlite.prepare('SELECT * FROM exchange_records WHERE year = ? AND kind = ? ORDER BY kind, id').all(year, kind) as StoredRecord[];
  return sqlite.prepare('SELECT * FROM exchange_records WHERE year = ? ORDER BY kind, id').all(year) as StoredRecord[];
}

export class RecordStore {
  private readonly getStmt;
  private readonly putStmt;
  private readonly delStmt;
  private readonly undoPut;
  private readonly localStmt;
  constructor(private readonly sqlite: SqliteHandle) {
    this.getStmt = sqlite.prepare('SELECT * FROM exchange_records WHERE kind = ? AND id = ?');
    this.putStmt = sqlite.prepare(`INSERT INTO exchange_records (kind, id, owner_id, owner_name, via_id, year, version, hash, data_json, local_json, package_id, updated_at)
      VALUES (@kind, @id, @owner_id, @owner_name, @via_id, @year, @version, @hash, @data_json, @local_json, @package_id, @updated_at)
      ON CONFLICT (kind, id) DO UPDATE SET owner_id = excluded.owner_id, owner_name = excluded.owner_name, via_id = excluded.via_id,
        year = excluded.year, version = excluded.version, hash = excluded.hash, data_json = excluded.data_json,
        local_json = excluded.local_json, package_id = excluded.package_id, updated_at = excluded.updated_at`);
    this.delStmt = sqlite.prepare('DELETE FROM exchange_records WHERE kind = ? AND id = ?');
    this.undoPut = sqlite.prepare('INSERT INTO exchange_undo (package_id, kind, id, before_json) VALUES (?, ?, ?, ?)');
    this.localStmt = sqlite.prepare('UPDATE exchange_records SET local_json = ? WHERE kind = ? AND id = ?');
  }
  get(kind: string, id: string): StoredRecord | undefined {
    return this.getStmt.get(kind, id) as StoredRecord | undefined;
  }
  put(row: StoredRecord): void {
    this.putStmt.run(row);
  }
  remove(kind: string, id: string): void {
    this.delStmt.run(kind, id);
  }
  rememberBefore(packageId: string, kind: string, id: string, before: StoredRecord | undefined): void {
    this.undoPut.run(packageId, kind, id, before ? JSON.stringify(before) : null);
  }
  setLocal(kind: string, id: string, localJson: string): void {
    this.localStmt.run(localJson, kind, id);
  }
  undoEntries(packageId: string): { kind: string; id: string; before_json: string | null }[] {
    return this.sqlite.prepare('SELECT kind, id, before_json FROM exchange_undo WHERE package_id = ?').all(packageId) as { kind: string; id: string; before_json: string | null }[];
  }
  clearUndo(packageId: string): void {
    this.sqlite.prepare('DELETE FROM exchange_undo WHERE package_id = ?').run(packageId);
  }
}

export class SentStore {
  private readonly getStmt;
  private readonly putStmt;
  constructor(sqlite: SqliteHandle) {
    this.getStmt = sqlite.prepare('SELECT hash FROM exchange_sent WHERE peer_key = ? AND kind = ? AND id = ?').pluck();
    this.putStmt = sqlite.prepare(
      'INSERT INTO exchange_sent (peer_key, kind, id, hash) VALUES (?, ?, ?, ?) ON CONFLICT (peer_key, kind, id) DO UPDATE SET hash = excluded.hash',
    );
  }
  lastHash(peerKey: string, kind: string, id: string): string | undefined {
    return this.getStmt.get(peerKey, kind, id) as string | undefined;
  }
  remember(peerKey: string, kind: string, id: string, hash: string): void {
    this.putStmt.run(peerKey, kind, id, hash);
  }
}
