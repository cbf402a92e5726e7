import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { guessUnitKind, resolveCurrentUnit, topLevelUnits, unitSubtreeIds, findUnitByFoldedName } from '../../../electron/core/units/service';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function tree(a: TestApp) {
  const choMoi = await a.call('units.create', { name: 'Huyện ủy Chợ Mới', kind: 'dang_bo' });
  const baBe = await a.call('units.create', { name: 'Huyện ủy Ba Bể', kind: 'dang_bo' });
  const yenDinh = await a.call('units.create', { name: 'Đảng ủy xã Yên Đĩnh', kind: 'xa_phuong', parentId: choMoi.id, qcdcType: 'xa_phuong' });
  const thanhMai = await a.call('units.create', { name: 'Đảng ủy xã Thanh Mai', kind: 'xa_phuong', parentId: choMoi.id });
  const thonBan = await a.call('units.create', { name: 'Chi bộ thôn Bản Đồn', kind: 'chi_bo', parentId: yenDinh.id });
  return { choMoi, baBe, yenDinh, thanhMai, thonBan };
}

describe('units', () => {
  it('lists the tree parent before children, in the user order, with depth and ancestors', async () => {
    app = await openTestApp();
    const t = await tree(app);
    const { items } = await app.call('units.list', {});
    expect(items.map((u) => [u.name, u.depth])).toEqual([
      ['Huyện ủy Chợ Mới', 0],
      ['Đảng ủy xã Yên Đĩnh', 1],
      ['Chi bộ thôn Bản Đồn', 2],
      ['Đảng ủy xã Thanh Mai', 1],
      ['Huyện ủy Ba Bể', 0],
    ]);
    expect(items.find((u) => u.id === t.thonBan.id)?.path).toEqual(['Huyện ủy Chợ Mới', 'Đảng ủy xã Yên Đĩnh']);
    expect(new Set(await unitSubtreeIds(app.ctx.db, t.choMoi.id))).toEqual(new Set([t.choMoi.id, t.yenDinh.id, t.thanhMai.id, t.thonBan.id]));
    expect((await topLevelUnits(app.ctx.db, '2026-01-01')).map((u) => u.name)).toEqual(['Huyện ủy Chợ Mới', 'Huyện ủy Ba Bể']);
  });

  it('searches without diacritics, đ folded to d', async () => {
    app = await openTestApp();
    await tree(app);
    const hits = await app.call('units.list', { search: 'yen dinh' });
    expect(hits.items.map((u) => u.name)).toEqual(['Đảng ủy xã Yên Đĩnh']);
    const upper = await app.call('units.list', { search: 'BẢN ĐỒN' });
    expect(upper.items.map((u) => u.name)).toEqual(['Chi bộ thôn Bản Đồn']);
    expect((await findUnitByFoldedName(app.ctx.db, 'dang uy xa thanh mai'))?.name).toBe('Đảng ủy xã Thanh Mai');
  });

  it('sorts by name in Vietnamese order (Đ after D, before T)', async () => {
    app = await openTestApp();
    for (const name of ['Trần Phú', 'Đinh Tiên Hoàng', 'Dương Quang', 'Ân Thi', 'An Lão']) await app.call('units.create', { name, kind: 'khac' });
    const { items } = await app.call('units.list', { order: 'name' });
    expect(items.map((u) => u.name)).toEqual(['An Lão', 'Ân Thi', 'Dương Quang', 'Đinh Tiên Hoàng', 'Trần Phú']);
  });

  it('merges: old years keep the old unit, later years roll up to the new one', async () => {
    app = await openTestApp();
    const t = await tree(app);
    const merged = await app.call('units.merge', { sourceIds: [t.thanhMai.id], targetId: t.yenDinh.id, closeDate: '2024-12-31', note: 'Nghị quyết 1234' });
    expect(merged.closed[0]).toMatchObject({ validTo: '2024-12-31', mergedIntoId: t.yenDinh.id });
    expect(await resolveCurrentUnit(app.ctx.db, t.thanhMai.id, 2023)).toBe(t.thanhMai.id);
    expect(await resolveCurrentUnit(app.ctx.db, t.thanhMai.id, 2024)).toBe(t.thanhMai.id);
    expect(await resolveCurrentUnit(app.ctx.db, t.thanhMai.id, 2025)).toBe(t.yenDinh.id);
    // A chain of mergers is followed.
    await app.call('units.merge', { sourceIds: [t.yenDinh.id], targetId: t.baBe.id, closeDate: '2025-06-30' });
    expect(await resolveCurrentUnit(app.ctx.db, t.thanhMai.id, 2026)).toBe(t.baBe.id);
    expect(await resolveCurrentUnit(app.ctx.db, t.thanhMai.id, 2025)).toBe(t.yenDinh.id);
    const open = await app.call('units.list', { includeClosed: false });
    expect(open.items.map((u) => u.name)).not.toContain('Đảng ủy xã Thanh Mai');
    const audit = await app.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'merge').execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses to merge a unit into itself and writes nothing', async () => {
    app = await openTestApp();
    const t = await tree(app);
    const r = await app.invoke('units.merge', { sourceIds: [t.choMoi.id], targetId: t.yenDinh.id, closeDate: '2024-12-31' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/cấp dưới/);
    const unit = await app.call('units.list', { search: 'cho moi' });
    expect(unit.items[0]?.mergedIntoId).toBeNull();
  });

  it('moves a subtree, refuses cycles, reorders siblings', async () => {
    app = await openTestApp();
    const t = await tree(app);
    const cycle = await app.invoke('units.move', { id: t.choMoi.id, parentId: t.thonBan.id });
    expect(cycle.ok).toBe(false);
    if (!cycle.ok) expect(cycle.error.fields?.parentId).toMatch(/chính nó/);
    await app.call('units.move', { id: t.yenDinh.id, parentId: t.baBe.id });
    const after = await app.call('units.list', {});
    expect(after.items.find((u) => u.id === t.thonBan.id)?.path).toEqual(['Huyện ủy Ba Bể', 'Đảng ủy xã Yên Đĩnh']);
    await app.call('units.reorder', { parentId: null, orderedIds: [t.baBe.id, t.choMoi.id] });
    expect((await app.call('units.list', {})).items[0]?.name).toBe('Huyện ủy Ba Bể');
    await app.call('units.move', { id: t.choMoi.id, parentId: null, beforeId: t.baBe.id });
    expect((await app.call('units.list', {})).items[0]?.name).toBe('Huyện ủy Chợ Mới');
  });

  it('soft-deletes to the trash and restores, refusing a unit with children', async () => {
    app = await openTestApp();
    const t = await tree(app);
    const refused = await app.invoke('units.delete', { id: t.yenDinh.id });
    expect(refused.ok).toBe(false);
    await app.call('units.delete', { id: t.thonBan.id });
    expect((await app.call('units.list', {})).items.map((u) => u.name)).not.toContain('Chi bộ thôn Bản Đồn');
    expect((await app.call('units.list', { deletedOnly: true })).items.map((u) => u.name)).toEqual(['Chi bộ thôn Bản Đồn']);
    const row = await app.ctx.db.selectFrom('units').select('deleted_at').where('id', '=', t.thonBan.id).executeTakeFirst();
    expect(row?.deleted_at).not.toBeNull();
    await app.call('units.restore', { id: t.thonBan.id });
    expect((await app.call('units.list', {})).items.map((u) => u.name)).toContain('Chi bộ thôn Bản Đồn');
  });

  it('rejects bad input with Vietnamese fields and writes nothing', async () => {
    app = await openTestApp();
    const r = await app.invoke('units.create', { name: '  ', kind: 'tinh', validFrom: '2025-02-30' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields?.name).toBe('Tên đơn vị không được để trống.');
    expect(r.error.fields?.kind).toBe('Loại đơn vị không hợp lệ.');
    expect(r.error.fields?.validFrom).toMatch(/không phải là ngày hợp lệ/);
    expect(await app.ctx.db.selectFrom('units').selectAll().execute()).toHaveLength(0);
    expect(await app.ctx.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(0);
    await app.call('units.create', { name: 'Huyện ủy Chợ Mới', kind: 'dang_bo' });
    const dup = await app.invoke('units.create', { name: 'huyen uy cho moi', kind: 'dang_bo' });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.code).toBe('CONFLICT');
  });

  it('creates a quick two-level list in one transaction, guessing kinds and reusing names', async () => {
    app = await openTestApp();
    const r = await app.call('units.createTree', {
      items: [
        { name: 'Đảng bộ huyện Chợ Mới', children: [{ name: 'Đảng ủy xã Yên Đĩnh' }, { name: 'Chi bộ Trường THPT Chợ Mới' }] },
        { name: 'Đảng ủy Công an tỉnh' },
      ],
    });
    expect(r).toEqual({ created: 4, skipped: 0 });
    const { items } = await app.call('units.list', {});
    expect(items.map((u) => [u.name, u.kind, u.qcdcType])).toEqual([
      ['Đảng bộ huyện Chợ Mới', 'dang_bo', null],
      ['Đảng ủy xã Yên Đĩnh', 'xa_phuong', 'xa_phuong'],
      ['Chi bộ Trường THPT Chợ Mới', 'chi_bo', null],
      ['Đảng ủy Công an tỉnh', 'luc_luong_vu_trang', 'luc_luong_vu_trang'],
    ]);
    expect(await app.call('units.createTree', { items: [{ name: 'dang bo huyen cho moi', children: [{ name: 'Đảng ủy xã Như Cố' }] }] })).toEqual({ created: 1, skipped: 1 });
    const bad = await app.invoke('units.createTree', { items: [{ name: 'Đảng bộ A' }, { name: '' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.['items.1.name']).toBe('Tên đơn vị không được để trống.');
    expect((await app.call('units.list', {})).items).toHaveLength(5);
  });

  it('guesses a kind from the name', () => {
    expect(guessUnitKind('Chi bộ thôn Nà Pài', true)).toBe('chi_bo');
    expect(guessUnitKind('Đảng ủy Công an tỉnh', false)).toBe('luc_luong_vu_trang');
    expect(guessUnitKind('Đảng bộ Công ty Điện lực', true)).toBe('doanh_nghiep');
    expect(guessUnitKind('Đảng ủy xã Đồng Thắng', true)).toBe('xa_phuong');
    expect(guessUnitKind('Chi bộ Sở Tài chính', true)).toBe('chi_bo');
    expect(guessUnitKind('Sở Tài chính', true)).toBe('co_quan');
    expect(guessUnitKind('Huyện ủy Pác Nặm', false)).toBe('dang_bo');
  });
});
