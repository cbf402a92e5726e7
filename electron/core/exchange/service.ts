/**
 * Exchange packages between levels (issue #20): this installation's key pair, trusted senders,
 * making a package (own records + those received from below, which keep their owner), previewing
 * and merging a received one, undo. Merge rules are in `classify`; docs/exchange.md explains them.
 */
import type { AppContext } from '../context';
import { recordAudit } from '../db/audit';
import { newId } from '../db/ids';
import { isoNow } from '../clock';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/repository';
import { getProfile } from '../settings/service';
import { formatNumber } from '../../../shared/text/format';
import type { ExchangeCounts, ExchangeDifference, ExchangeHistoryEntry, ExchangeIdentity } from '../../../shared/schemas/exchange';
import { checkPublicKey, contentHash, generateKeys, openPackage, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, writePackage, type Manifest, type WireRecord } from './format';
import { kindByName, recordKinds } from './kinds';
import * as repo from './repository';

const IDENTITY_KEY = 'exchange.identity';

interface Identity {
  id: string;
  name: string;
  publicKey: string;
  privateKey: string;
}

/** The key pair is made once, on first use, and kept in settings (so backups carry it). */
async function identity(ctx: AppContext): Promise<Identity> {
  const saved = await readSetting(ctx.db, IDENTITY_KEY);
  if (saved) return JSON.parse(saved.value) as Identity;
  const profile = await getProfile(ctx);
  const name = [profile.parentBody, profile.committeeName].filter(Boolean).join(' – ') || 'Ban Chỉ đạo';
  const made: Identity = { id: crypto.randomUUID(), name, ...generateKeys() };
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, IDENTITY_KEY, JSON.stringify(made), isoNow(ctx.clock));
    await recordAudit(trx, ctx.actor, isoNow(ctx.clock), { entity: 'exchange_identity', entityId: made.id, action: 'create', after: { id: made.id, name, publicKey: made.publicKey }, note: 'Tạo khóa trao đổi dữ liệu của máy này' });
  });
  return made;
}

export async function getKeys(ctx: AppContext): Promise<ExchangeIdentity> {
  const me = await identity(ctx);
  return { id: me.id, name: me.name, publicKey: me.publicKey };
}

export async function trustSender(ctx: AppContext, input: ExchangeIdentity): Promise<ExchangeIdentity> {
  checkPublicKey(input.publicKey);
  const me = await identity(ctx);
  if (input.id === me.id) throw new AppError('VALIDATION', 'Đây là khóa của chính máy này, không cần đăng ký.');
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findPeer(trx, input.id);
    await repo.upsertPeer(trx, input, at);
    await recordAudit(trx, ctx.actor, at, {
      entity: 'exchange_peer',
      entityId: input.id,
      action: before ? 'update' : 'create',
      ...(before ? { before: { name: before.name, publicKey: before.public_key } } : {}),
      after: { name: input.name, publicKey: input.publicKey },
      note: `Đăng ký khóa của đơn vị gửi "${input.name}"`,
    });
  });
  return input;
}

function wire(kindName: string, row: Record<string, unknown>, owner: { id: string; name: string }, year: number): WireRecord {
  return { kind: kindName, id: String(row.id), owner, year, version: String(row.updated_at), hash: contentHash(row), data: row };
}

export async function createPackage(ctx: AppContext, input: { to?: string | undefined; year: number; period?: string | undefined; since?: string | undefined }): Promise<{ fileName: string; bytes: Uint8Array; packageId: string; recordCount: number }> {
  const me = await identity(ctx);
  const receiver = input.to ? await repo.findPeer(ctx.db, input.to) : undefined;
  if (input.to && !receiver) throw new AppError('VALIDATION', 'Chưa đăng ký đơn vị nhận này (hãy đăng ký khóa của đơn vị cấp trên trước).', { to: 'Đơn vị nhận chưa được đăng ký.' });
  const peerKey = input.to ?? '';
  const sent = new repo.SentStore(ctx.sqlite);
  const since = input.since;
  const byKind = new Map<string, WireRecord[]>();
  const chosen = (r: WireRecord) => {
    if (since !== undefined) return r.version > since;
    // To a known receiver: only what it has not got yet in this very version.
    if (input.to) return sent.lastHash(peerKey, r.kind, r.id) !== r.hash;
    return true;
  };
  for (const kind of recordKinds) {
    const own = repo.readOwnRecords(ctx.sqlite, kind, input.year).map((row) => wire(kind.kind, row, { id: me.id, name: me.name }, input.year));
    byKind.set(kind.kind, own.filter(chosen));
  }
  // Forwarding: what came from below goes up with the original owner and version, never re-owned.
  for (const r of repo.readReceivedOfYear(ctx.sqlite, input.year)) {
    if (!kindByName.has(r.kind) || r.owner_id === input.to) continue;
    const rec: WireRecord = { kind: r.kind, id: r.id, owner: { id: r.owner_id, name: r.owner_name }, year: r.year, version: r.version, hash: r.hash, data: JSON.parse(r.data_json) as Record<string, unknown> };
    if (chosen(rec)) byKind.get(r.kind)?.push(rec);
  }
  const createdAt = isoNow(ctx.clock);
  const packageId = newId(ctx.clock.now().getTime());
  const { bytes, manifest } = writePackage(
    {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      packageId,
      schemaVersion: ctx.schemaVersion,
      appVersion: ctx.appVersion,
      sender: { id: me.id, name: me.name, publicKey: me.publicKey },
      receiver: receiver ? { id: receiver.id, name: receiver.name } : null,
      year: input.year,
      period: input.period ?? null,
      since: since ?? null,
      createdAt,
    },
    byKind,
    me.privateKey,
  );
  const recordCount = manifest.files.reduce((n, f) => n + f.records, 0);
  const fileName = `goi-${input.year}${input.period ? `-${input.period.replace(/[^\p{L}\d-]+/gu, '_')}` : ''}-${createdAt.slice(0, 10)}-${packageId.slice(-8)}.qcdc`;
  await ctx.db.transaction().execute(async (trx) => {
    for (const records of byKind.values()) for (const r of records) sent.remember(peerKey, r.kind, r.id, r.hash);
    await repo.insertPackage(trx, { id: packageId, direction: 'sent', peer_id: receiver?.id ?? null, peer_name: receiver?.name ?? null, year: input.year, period: input.period ?? null, package_created_at: createdAt, file_name: fileName, record_count: recordCount, counts_json: null, at: createdAt, undone_at: null });
    await recordAudit(trx, ctx.actor, createdAt, { entity: 'exchange_package', entityId: packageId, action: 'export', after: { to: receiver?.name ?? null, year: input.year, records: recordCount }, note: `Tạo gói trao đổi năm ${input.year}: ${formatNumber(recordCount)} bản ghi` });
  });
  return { fileName, bytes, packageId, recordCount };
}

type Status = ExchangeDifference['status'];
interface Classified {
  record: WireRecord;
  status: Status;
  /** Whether commit writes it (a stale or foreign-owned record is listed but not applied) */
  apply: boolean;
  before: repo.StoredRecord | undefined;
  difference: ExchangeDifference;
}

function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown>) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const out: { field: string; before: unknown; after: unknown }[] = [];
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field: k, before: b, after: a });
  }
  return out;
}

/** The merge rules, per record: see docs/exchange.md "Merge rules". */
function classify(store: repo.RecordStore, r: WireRecord, myId: string): Classified {
  const kind = kindByName.get(r.kind);
  const base = { kind: r.kind, kindLabel: kind?.label ?? r.kind, id: r.id, label: String(r.data[kind?.labelField ?? 'id'] ?? r.id), ownerName: r.owner.name };
  const before = store.get(r.kind, r.id);
  const done = (status: Status, apply: boolean, fields: ExchangeDifference['fields'] = [], reason?: string): Classified => ({
    record: r,
    status,
    apply,
    before,
    difference: { ...base, status, fields, ...(reason ? { reason } : {}) },
  });
  if (!kind) return done('conflicting', false, [], 'Loại bản ghi này chưa được phần mềm hỗ trợ; bỏ qua.');
  if (r.owner.id === myId) return done('conflicting', false, [], 'Bản ghi của chính máy này quay về qua gói của đơn vị khác; giữ bản ở đây.');
  if (!before) return done('new', true);
  if (before.owner_id !== r.owner.id) return done('conflicting', false, [], `Bản ghi cùng mã đang thuộc "${before.owner_name}"; không ghi đè bản ghi của đơn vị khác.`);
  if (before.hash === r.hash) return done('unchanged', false);
  const fields = changedFields(JSON.parse(before.data_json) as Record<string, unknown>, r.data);
  if (r.version < before.version) return done('conflicting', false, fields, 'Gói mang phiên bản cũ hơn bản đã nhận; giữ bản mới hơn.');
  const local = before.local_json ? (JSON.parse(before.local_json) as Record<string, unknown>) : {};
  const clash = fields.filter((f) => kind.decisionFields.includes(f.field) && f.field in local);
  if (clash.length) {
    return done('conflicting', true, fields, `Đơn vị gửi đã sửa ${clash.map((f) => f.field).join(', ')} mà cấp này đã có quyết định riêng; quyết định ở đây được giữ nguyên.`);
  }
  return done('changed', true, fields);
}

interface Preview {
  manifest: Manifest;
  fileName: string;
  items: Classified[];
  counts: ExchangeCounts;
  alreadyReceived: boolean;
}

/** Previews live in memory until committed: a preview is cheap to redo, and nothing is written before commit. */
const previews = new WeakMap<AppContext, Map<string, Preview>>();
const previewsOf = (ctx: AppContext) => {
  let m = previews.get(ctx);
  if (!m) previews.set(ctx, (m = new Map()));
  return m;
};

async function analyse(ctx: AppContext, fileName: string, bytes: Uint8Array): Promise<Preview> {
  const me = await identity(ctx);
  const peers = new Map((await repo.allPeers(ctx.db)).map((p) => [p.id, p]));
  const { manifest, records } = openPackage(bytes, (id) => {
    const p = peers.get(id);
    return p ? { name: p.name, publicKey: p.public_key } : null;
  });
  if (manifest.receiver && manifest.receiver.id !== me.id) {
    throw new AppError('VALIDATION', `Không nhận được gói dữ liệu: gói này gửi cho "${manifest.receiver.name}", không phải cho máy này. Không có gì được ghi.`);
  }
  const prior = await repo.findPackage(ctx.db, manifest.packageId, 'received');
  const store = new repo.RecordStore(ctx.sqlite);
  const items = records.map((r) => classify(store, r, me.id));
  const counts: ExchangeCounts = { new: 0, changed: 0, unchanged: 0, conflicting: 0 };
  for (const i of items) counts[i.status] += 1;
  return { manifest, fileName, items, counts, alreadyReceived: Boolean(prior && !prior.undone_at) };
}

export async function previewPackage(ctx: AppContext, input: { fileName: string; bytes: Uint8Array }) {
  const p = await analyse(ctx, input.fileName, input.bytes);
  const previewId = newId();
  const map = previewsOf(ctx);
  map.clear(); // one pending preview per installation: an older one would merge against a stale view
  map.set(previewId, p);
  return {
    previewId,
    packageId: p.manifest.packageId,
    sender: { id: p.manifest.sender.id, name: p.manifest.sender.name },
    year: p.manifest.year,
    period: p.manifest.period,
    alreadyReceived: p.alreadyReceived,
    counts: p.counts,
    // Unchanged records are counted, not listed: a re-sent package of 50,000 would otherwise be a 50,000-row list.
    differences: p.items.filter((i) => i.status !== 'unchanged').slice(0, 2000).map((i) => i.difference),
  };
}

export async function commitPackage(ctx: AppContext, previewId: string): Promise<{ packageId: string; counts: ExchangeCounts }> {
  const map = previewsOf(ctx);
  const pending = map.get(previewId);
  if (!pending) throw new AppError('NOT_FOUND', 'Bản xem trước đã hết hạn hoặc đã được nhập; hãy mở lại tệp gói.');
  const { manifest } = pending;
  const at = isoNow(ctx.clock);
  // Read before the transaction: the connection is single, so a query outside `trx` would wait forever.
  const me = await identity(ctx);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const prior = await repo.findPackage(trx, manifest.packageId, 'received');
    // The same package twice changes nothing (not even the history).
    if (prior && !prior.undone_at) return { packageId: manifest.packageId, counts: pending.counts };
    if (prior) await repo.deletePackage(trx, manifest.packageId, 'received');
    const store = new repo.RecordStore(ctx.sqlite);
    store.clearUndo(manifest.packageId);
    // Classified again inside the transaction: the database may have moved since the preview.
    const items = pending.items.map((i) => classify(store, i.record, me.id));
    const counts: ExchangeCounts = { new: 0, changed: 0, unchanged: 0, conflicting: 0 };
    for (const i of items) {
      counts[i.status] += 1;
      if (!i.apply) continue;
      const r = i.record;
      store.rememberBefore(manifest.packageId, r.kind, r.id, i.before);
      store.put({
        kind: r.kind,
        id: r.id,
        owner_id: r.owner.id,
        owner_name: r.owner.name,
        via_id: manifest.sender.id,
        year: r.year,
        version: r.version,
        hash: r.hash,
        data_json: JSON.stringify(r.data),
        // The receiver's own decisions stay as they are.
        local_json: i.before?.local_json ?? null,
        package_id: manifest.packageId,
        updated_at: at,
      });
    }
    const recordCount = items.length;
    await repo.insertPackage(trx, { id: manifest.packageId, direction: 'received', peer_id: manifest.sender.id, peer_name: manifest.sender.name, year: manifest.year, period: manifest.period, package_created_at: manifest.createdAt, file_name: pending.fileName, record_count: recordCount, counts_json: JSON.stringify(counts), at, undone_at: null });
    await recordAudit(trx, ctx.actor, at, {
      entity: 'exchange_package',
      entityId: manifest.packageId,
      action: 'import',
      after: { sender: manifest.sender.name, year: manifest.year, counts },
      note: `Nhận gói của "${manifest.sender.name}" năm ${manifest.year}: ${formatNumber(counts.new)} mới, ${formatNumber(counts.changed)} thay đổi, ${formatNumber(counts.conflicting)} xung đột`,
    });
    return { packageId: manifest.packageId, counts };
  });
  map.delete(previewId);
  return result;
}

export async function undoPackage(ctx: AppContext, packageId: string): Promise<{ restored: number }> {
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const pkg = await repo.findPackage(trx, packageId, 'received');
    if (!pkg) throw new AppError('NOT_FOUND', 'Không tìm thấy gói đã nhận này.');
    if (pkg.undone_at) throw new AppError('CONFLICT', 'Gói này đã được hoàn tác.');
    const store = new repo.RecordStore(ctx.sqlite);
    const entries = store.undoEntries(packageId);
    const later = entries.filter((e) => store.get(e.kind, e.id)?.package_id !== packageId).length;
    if (later) {
      throw new AppError('CONFLICT', `Không thể hoàn tác: ${formatNumber(later)} bản ghi đã được cập nhật bởi gói nhận sau. Hãy hoàn tác gói sau trước; không có gì được thay đổi.`);
    }
    for (const e of entries) {
      const current = store.get(e.kind, e.id);
      if (!e.before_json) store.remove(e.kind, e.id);
      // Decisions made here after the merge are kept: undo takes back the sender's data, not ours.
      else store.put({ ...(JSON.parse(e.before_json) as repo.StoredRecord), local_json: current?.local_json ?? null });
    }
    store.clearUndo(packageId);
    await repo.markPackageUndone(trx, packageId, at);
    await recordAudit(trx, ctx.actor, at, { entity: 'exchange_package', entityId: packageId, action: 'undo', after: { restored: entries.length }, note: `Hoàn tác gói nhận của "${pkg.peer_name ?? ''}": ${formatNumber(entries.length)} bản ghi trở lại như trước` });
    return { restored: entries.length };
  });
}

export async function history(ctx: AppContext, limit = 200): Promise<{ entries: ExchangeHistoryEntry[] }> {
  const rows = await repo.listPackages(ctx.db, limit);
  return {
    entries: rows.map((r) => ({
      id: r.id,
      direction: r.direction === 'sent' ? 'sent' : 'received',
      peerId: r.peer_id,
      peerName: r.peer_name,
      year: r.year,
      period: r.period,
      packageCreatedAt: r.package_created_at,
      fileName: r.file_name,
      recordCount: r.record_count,
      counts: r.counts_json ? (JSON.parse(r.counts_json) as ExchangeCounts) : null,
      at: r.at,
      undoneAt: r.undone_at,
    })),
  };
}

export async function receivedRecords(ctx: AppContext, year: number, kind?: string) {
  return {
    records: repo.readReceivedOfYear(ctx.sqlite, year, kind).map((r) => ({
      kind: r.kind,
      id: r.id,
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      viaId: r.via_id,
      version: r.version,
      data: JSON.parse(r.data_json) as Record<string, unknown>,
      local: r.local_json ? (JSON.parse(r.local_json) as Record<string, unknown>) : null,
    })),
  };
}

export async function decide(ctx: AppContext, input: { kind: string; id: string; decision: Record<string, string | number | boolean | null> }) {
  const kind = kindByName.get(input.kind);
  if (!kind) throw new AppError('VALIDATION', 'Loại bản ghi không hợp lệ.', { kind: 'Loại bản ghi không hợp lệ.' });
  const bad = Object.keys(input.decision).filter((f) => !kind.decisionFields.includes(f));
  if (bad.length) throw new AppError('VALIDATION', `Cấp nhận không quyết định trường ${bad.join(', ')} của ${kind.label.toLowerCase()}.`, { decision: 'Trường không hợp lệ.' });
  const at = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const store = new repo.RecordStore(ctx.sqlite);
    const row = store.get(input.kind, input.id);
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy bản ghi đã nhận này.');
    const before = row.local_json ? (JSON.parse(row.local_json) as Record<string, unknown>) : {};
    const local = { ...before, ...input.decision };
    store.setLocal(input.kind, input.id, JSON.stringify(local));
    await recordAudit(trx, ctx.actor, at, { entity: 'exchange_record', entityId: `${input.kind}:${input.id}`, action: 'update', before, after: local, note: `Quyết định của cấp này về ${kind.label.toLowerCase()} đã nhận` });
    return { local };
  });
}
