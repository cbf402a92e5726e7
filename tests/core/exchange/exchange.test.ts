import { afterEach, describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openTestApp, type TestApp } from '../../support/context';

const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

async function install(): Promise<TestApp> {
  const app = await openTestApp();
  apps.push(app);
  return app;
}

/** `from` trusts `to`'s key and vice versa, as two offices do once when they start exchanging. */
async function pair(lower: TestApp, upper: TestApp) {
  const l = await lower.call('exchange.keys.get', {});
  const u = await upper.call('exchange.keys.get', {});
  await upper.call('exchange.keys.trust', l);
  await lower.call('exchange.keys.trust', u);
  return { lower: l, upper: u };
}

async function addModels(app: TestApp, unitName: string, year: number, n: number): Promise<string[]> {
  const unit = await app.call('units.create', { name: unitName, kind: 'dang_bo' });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = await app.call('models.create', { unitId: unit.id, year, name: `Mô hình ${unitName} số ${i + 1}`, kind: i % 2 ? 'individual' : 'collective', registration: 'new' });
    ids.push(m.years[0]!.id);
  }
  return ids;
}

async function send(from: TestApp, to: TestApp, toId: string, year = 2023) {
  const pkg = await from.call('exchange.create', { to: toId, year });
  const preview = await to.call('exchange.preview', { fileName: pkg.fileName, bytes: pkg.bytes });
  const done = await to.call('exchange.commit', { previewId: preview.previewId });
  return { pkg, preview, done };
}

const received = async (app: TestApp, year = 2023, kind = 'modelYear') => (await app.call('exchange.records', { year, kind })).records;
const auditCount = (app: TestApp) => (app.ctx.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number);

describe('exchange packages between levels', () => {
  it('sends a register up with ids kept, re-sending changes nothing, undo takes it back', async () => {
    const xa = await install();
    const tinh = await install();
    const keys = await pair(xa, tinh);
    const yearIds = await addModels(xa, 'Đảng ủy xã Nà Phặc', 2023, 5);

    const first = await send(xa, tinh, keys.upper.id);
    expect(first.preview.counts).toEqual({ new: 10, changed: 0, unchanged: 0, conflicting: 0 }); // 5 models + their 5 yearly records
    expect(first.preview.sender).toEqual({ id: keys.lower.id, name: keys.lower.name });
    const rows = await received(tinh);
    expect(rows.map((r) => r.id).sort()).toEqual([...yearIds].sort());
    expect(rows.every((r) => r.ownerId === keys.lower.id)).toBe(true);

    // The same file again: counted unchanged, nothing written (not even the audit log).
    const before = auditCount(tinh);
    const again = await tinh.call('exchange.preview', { fileName: first.pkg.fileName, bytes: first.pkg.bytes });
    expect(again.alreadyReceived).toBe(true);
    expect(again.counts.unchanged).toBe(10);
    await tinh.call('exchange.commit', { previewId: again.previewId });
    expect(auditCount(tinh)).toBe(before);

    // Nothing new since: the next package to the same receiver is empty.
    const empty = await xa.call('exchange.create', { to: keys.upper.id, year: 2023 });
    expect(empty.recordCount).toBe(0);

    // An update replaces the sender's previous version.
    xa.clock.set('2026-11-28T02:00:00.000Z');
    await xa.call('models.update', { id: yearIds[0]!, year: { status: 'implementing' } });
    const second = await send(xa, tinh, keys.upper.id);
    expect(second.preview.counts).toMatchObject({ new: 0, changed: 1 });
    expect(second.preview.differences[0]!.fields.some((f) => f.field === 'status' && f.after === 'implementing')).toBe(true);
    expect((await received(tinh)).find((r) => r.id === yearIds[0])!.data.status).toBe('implementing');

    // Undo the first while the second still holds one of its records: refused, nothing changes.
    const refused = await tinh.invoke('exchange.undo', { packageId: first.done.packageId });
    expect(refused.ok).toBe(false);
    await tinh.call('exchange.undo', { packageId: second.done.packageId });
    expect((await received(tinh)).find((r) => r.id === yearIds[0])!.data.status).toBe('registered');
    await tinh.call('exchange.undo', { packageId: first.done.packageId });
    expect(await received(tinh)).toHaveLength(0);
    const hist = await tinh.call('exchange.history', {});
    expect(hist.entries.filter((e) => e.direction === 'received').every((e) => e.undoneAt)).toBe(true);
  });

  it("keeps the receiver's decisions through an update and lists the clash as a conflict", async () => {
    const xa = await install();
    const tinh = await install();
    const keys = await pair(xa, tinh);
    const [id] = await addModels(xa, 'Đảng ủy xã Cốc Đán', 2023, 1);
    await send(xa, tinh, keys.upper.id);
    await tinh.call('exchange.decide', { kind: 'modelYear', id: id!, decision: { status: 'recognised', recognition_decision_no: '125-QĐ/BCĐ' } });
    const bad = await tinh.invoke('exchange.decide', { kind: 'modelYear', id: id!, decision: { name: 'khác' } });
    expect(bad.ok).toBe(false);

    xa.clock.set('2026-11-29T02:00:00.000Z');
    await xa.call('models.update', { id: id!, year: { status: 'implementing' }, model: { performer: 'Bà Hoàng Thị Hoa' } });
    const { preview } = await send(xa, tinh, keys.upper.id);
    const yearDiff = preview.differences.find((d) => d.id === id)!;
    expect(yearDiff.status).toBe('conflicting');
    expect(yearDiff.reason).toMatch(/quyết định riêng/);
    const row = (await received(tinh)).find((r) => r.id === id)!;
    expect(row.data.status).toBe('implementing'); // the sender's record is the sender's
    expect(row.local).toEqual({ status: 'recognised', recognition_decision_no: '125-QĐ/BCĐ' }); // ours is kept
    expect((await received(tinh, 2023, 'model'))[0]!.data.performer).toBe('Bà Hoàng Thị Hoa');
  });

  it('refuses unknown senders, another key, one altered byte and truncated files, writing nothing', async () => {
    const xa = await install();
    const tinh = await install();
    const stranger = await install();
    const keys = await pair(xa, tinh);
    await addModels(xa, 'Đảng ủy xã Bằng Thành', 2023, 3);
    const good = await xa.call('exchange.create', { to: keys.upper.id, year: 2023 });
    const before = auditCount(tinh);
    const refusedWith = async (bytes: Uint8Array, pattern: RegExp) => {
      const r = await tinh.invoke('exchange.preview', { fileName: 'x.qcdc', bytes });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(pattern);
    };
    // Signed by an installation the province never registered.
    await stranger.call('units.create', { name: 'Đảng ủy lạ', kind: 'dang_bo' });
    await refusedWith((await stranger.call('exchange.create', { year: 2023 })).bytes, /chưa được đăng ký khóa/);
    // The xã's id registered with another key (or a forged package claiming the xã's id).
    const files = unzipSync(good.bytes);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { sender: { publicKey: string } };
    manifest.sender.publicKey = (await stranger.call('exchange.keys.get', {})).publicKey;
    await refusedWith(zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) }), /không khớp/);
    // One altered byte inside a records file (re-zipped so the zip itself is sound): the hash says so.
    const recs = files['records/modelYear.json']!.slice();
    const at = strFromU8(recs).indexOf('registered');
    recs[at] = 'R'.charCodeAt(0);
    await refusedWith(zipSync({ ...files, 'records/modelYear.json': recs }), /đã bị thay đổi/);
    // One altered byte in the manifest: the signature no longer holds.
    const m = files['manifest.json']!.slice();
    const p = strFromU8(m).indexOf('"year": 2023') + 11;
    m[p] = '4'.charCodeAt(0);
    await refusedWith(zipSync({ ...files, 'manifest.json': m }), /chữ ký không hợp lệ/);
    // One altered byte anywhere in the raw file, and a truncated file.
    const raw = good.bytes.slice();
    const mid = Math.floor(raw.length / 2);
    raw[mid] = raw[mid]! ^ 0xff;
    const flipped = await tinh.invoke('exchange.preview', { fileName: 'x.qcdc', bytes: raw });
    expect(flipped.ok).toBe(false);
    await refusedWith(good.bytes.slice(0, good.bytes.length - 40), /hỏng|cắt cụt|bản kê|thay đổi/);
    await refusedWith(strToU8('không phải tệp zip'), /hỏng|cắt cụt/);
    // A bad key on trust is a Vietnamese validation error too.
    const badKey = await tinh.invoke('exchange.keys.trust', { id: keys.lower.id, name: 'X', publicKey: 'A'.repeat(60) });
    expect(badKey.ok).toBe(false);
    expect(auditCount(tinh)).toBe(before);
    expect(await received(tinh)).toHaveLength(0);
  });

  it('rolls up over three levels: xã → huyện → tỉnh, owners and ids kept, sums equal', async () => {
    const xa = await install();
    const huyen = await install();
    const tinh = await install();
    const xh = await pair(xa, huyen);
    const ht = await pair(huyen, tinh);
    const xaIds = await addModels(xa, 'Đảng ủy xã Nam Cường', 2023, 4);
    const huyenIds = await addModels(huyen, 'Huyện ủy Chợ Đồn', 2023, 3);
    await send(xa, huyen, xh.upper.id);
    const up = await send(huyen, tinh, ht.upper.id);
    expect(up.preview.counts.conflicting).toBe(0);
    const atTinh = await received(tinh);
    expect(atTinh).toHaveLength(xaIds.length + huyenIds.length);
    expect(atTinh.filter((r) => r.ownerId === xh.lower.id).map((r) => r.id).sort()).toEqual([...xaIds].sort());
    expect(atTinh.filter((r) => r.ownerId === ht.lower.id).map((r) => r.id).sort()).toEqual([...huyenIds].sort());
    expect(atTinh.every((r) => r.viaId === ht.lower.id)).toBe(true);
    // A change at the xã travels up through the huyện and replaces the xã's version at the province.
    xa.clock.set('2026-11-30T02:00:00.000Z');
    await xa.call('models.update', { id: xaIds[1]!, year: { status: 'implementing' } });
    await send(xa, huyen, xh.upper.id);
    const again = await send(huyen, tinh, ht.upper.id);
    expect(again.preview.counts).toMatchObject({ new: 0, changed: 1, conflicting: 0 });
    const row = (await received(tinh)).find((r) => r.id === xaIds[1]);
    expect(row!.data.status).toBe('implementing');
    expect(row!.ownerId).toBe(xh.lower.id);
  });

  it('a unit renamed by a merger sends under its new name with the same id', async () => {
    const xa = await install();
    const tinh = await install();
    const keys = await pair(xa, tinh);
    const [id] = await addModels(xa, 'Đảng ủy xã Quảng Chu', 2023, 1);
    await send(xa, tinh, keys.upper.id);
    // 2025: the xã merged and renamed; the province registers the same id and key under the new name.
    xa.ctx.sqlite.prepare("UPDATE settings SET value = json_set(value, '$.name', 'Đảng ủy xã Quảng Bạch') WHERE key = 'exchange.identity'").run();
    const renamed = await xa.call('exchange.keys.get', {});
    expect(renamed.id).toBe(keys.lower.id);
    await tinh.call('exchange.keys.trust', renamed);
    xa.clock.set('2026-12-01T02:00:00.000Z');
    await xa.call('models.update', { id: id!, year: { status: 'implementing' } });
    const { preview } = await send(xa, tinh, keys.upper.id);
    expect(preview.sender.name).toBe('Đảng ủy xã Quảng Bạch');
    const rows = await received(tinh);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ownerName).toBe('Đảng ủy xã Quảng Bạch');
  });
});
