/** Trusted senders (exchange.keys.trust). */
export interface ExchangePeersTable {
  id: string;
  name: string;
  /** SPKI DER, base64 */
  public_key: string;
  created_at: string;
  updated_at: string;
}

/** Every package made (sent) or merged (received). */
export interface ExchangePackagesTable {
  /** The manifest's packageId */
  id: string;
  /** sent | received */
  direction: string;
  peer_id: string | null;
  peer_name: string | null;
  year: number;
  period: string | null;
  package_created_at: string;
  file_name: string;
  record_count: number;
  /** { new, changed, unchanged, conflicting } of a received package */
  counts_json: string | null;
  at: string;
  undone_at: string | null;
}

/** A received record: owned by its original sender, this installation's decisions kept apart. */
export interface ExchangeRecordsTable {
  kind: string;
  id: string;
  owner_id: string;
  owner_name: string;
  /** The installation the package came from (the owner, or a level in between that forwarded it). */
  via_id: string;
  year: number;
  version: string;
  hash: string;
  data_json: string;
  /** This installation's own decisions on the record; a merge never writes it. */
  local_json: string | null;
  package_id: string;
  updated_at: string;
}

/** The rows a committed package replaced (before_json null = the record was new). */
export interface ExchangeUndoTable {
  package_id: string;
  kind: string;
  id: string;
  before_json: string | null;
}

/** Hash last sent per receiver ('' = packages without a receiver) and record. */
export interface ExchangeSentTable {
  peer_key: string;
  kind: string;
  id: string;
  hash: string;
}

export interface ExchangeTables {
  exchange_peers: ExchangePeersTable;
  exchange_packages: ExchangePackagesTable;
  exchange_records: ExchangeRecordsTable;
  exchange_undo: ExchangeUndoTable;
  exchange_sent: ExchangeSentTable;
}
