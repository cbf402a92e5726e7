import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { findMemberByFoldedName, getMember } from '../../../electron/core/members/service';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('members and assignments', () => {
  it('sorts people by given name, then middle, then family name (Vietnamese order)', async () => {
    app = await openTestApp();
    for (const fullName of ['Trần Văn Bình', 'Đinh Thị An', 'Dương Văn An', 'Nguyễn Thị Ánh', 'Lê Đức Anh', 'Phạm Văn Đông', 'Hoàng Văn Dũng']) {
      await app.call('members.create', { fullName, role: 'uy_vien' });
    }
    const { items } = await app.call('members.list', {});
    expect(items.map((m) => m.fullName)).toEqual([
      'Đinh Thị An', // same given name: middle "Thị" before "Văn"
      'Dương Văn An',
      'Lê Đức Anh',
      'Nguyễn Thị Ánh',
      'Trần Văn Bình',
      'Hoàng Văn Dũng',
      'Phạm Văn Đông',
    ]);
  });

  it('orders by role for printed lists, and searches without diacritics', async () => {
    app = await openTestApp();
    await app.call('members.create', { fullName: 'Nguyễn Văn Yên', role: 'uy_vien', agency: 'Ban Tuyên giáo và Dân vận' });
    await app.call('members.create', { fullName: 'Phương Thị Thanh', role: 'truong_ban', position: 'Phó Bí thư Thường trực Tỉnh ủy' });
    await app.call('members.create', { fullName: 'Đỗ Thị Minh Hoa', role: 'pho_truong_ban_tt' });
    const byRole = await app.call('members.list', { order: 'role' });
    expect(byRole.items.map((m) => m.fullName)).toEqual(['Phương Thị Thanh', 'Đỗ Thị Minh Hoa', 'Nguyễn Văn Yên']);
    expect((await app.call('members.list', { search: 'do thi minh' })).items.map((m) => m.fullName)).toEqual(['Đỗ Thị Minh Hoa']);
    expect((await app.call('members.list', { search: 'dan van' })).items.map((m) => m.fullName)).toEqual(['Nguyễn Văn Yên']);
    expect((await findMemberByFoldedName(app.ctx.db, 'DO THI MINH HOA'))?.role).toBe('pho_truong_ban_tt');
  });

  it('assigns many units at once with a period, updates instead of duplicating, replaces on request', async () => {
    app = await openTestApp({ now: '2026-03-01T02:00:00.000Z' });
    const a = await app.call('units.create', { name: 'Huyện ủy Chợ Mới', kind: 'dang_bo' });
    const b = await app.call('units.create', { name: 'Huyện ủy Ba Bể', kind: 'dang_bo' });
    const c = await app.call('units.create', { name: 'Đảng ủy Công an tỉnh', kind: 'luc_luong_vu_trang' });
    const m = await app.call('members.create', { fullName: 'Hà Văn Tám', role: 'uy_vien' });
    const first = await app.call('members.assign', { memberId: m.id, unitIds: [a.id, b.id], fromDate: '2026-01-01', toDate: '2030-12-31' });
    expect(first.assignments.map((x) => x.unitName).sort()).toEqual(['Huyện ủy Ba Bể', 'Huyện ủy Chợ Mới']);
    await app.call('members.assign', { memberId: m.id, unitIds: [b.id, c.id], fromDate: '2026-01-01' });
    const all = await app.call('assignments.list', { memberId: m.id });
    expect(all.items).toHaveLength(3);
    expect(all.items.find((x) => x.unitId === b.id)?.toDate).toBeNull();
    const replaced = await app.call('members.assign', { memberId: m.id, unitIds: [c.id], replace: true });
    expect(replaced.assignments.map((x) => x.unitName)).toEqual(['Đảng ủy Công an tỉnh']);
    // The ended ones stay in the table (soft delete), audited.
    expect(await app.ctx.db.selectFrom('member_assignments').selectAll().execute()).toHaveLength(3);
    const list = await app.call('members.list', {});
    expect(list.items[0]?.unitNames).toEqual(['Đảng ủy Công an tỉnh']);
    // Periods: an assignment that ended is not current.
    await app.call('members.assign', { memberId: m.id, unitIds: [c.id], fromDate: '2025-01-01', toDate: '2025-12-31' });
    expect((await app.call('assignments.list', { onDate: '2026-03-01' })).items).toHaveLength(0);
    expect((await app.call('assignments.list', { onDate: '2025-06-01' })).items).toHaveLength(1);
  });

  it('soft-deletes a member with their assignments and restores both', async () => {
    app = await openTestApp();
    const u = await app.call('units.create', { name: 'Huyện ủy Na Rì', kind: 'dang_bo' });
    const m = await app.call('members.create', { fullName: 'Lương Thị Hà', role: 'uy_vien' });
    await app.call('members.assign', { memberId: m.id, unitIds: [u.id] });
    await app.call('members.delete', { id: m.id });
    expect((await app.call('members.list', {})).items).toHaveLength(0);
    expect((await app.call('assignments.list', {})).items).toHaveLength(0);
    expect((await getMember(app.ctx.db, m.id))?.deletedAt).not.toBeNull();
    await app.call('members.restore', { id: m.id });
    expect((await app.call('assignments.list', {})).items).toHaveLength(1);
    const actions = (await app.ctx.db.selectFrom('audit_log').select(['entity', 'action']).execute()).map((r) => `${r.entity}.${r.action}`);
    expect(actions).toEqual(expect.arrayContaining(['member.delete', 'member_assignment.delete', 'member.restore']));
  });

  it('rejects bad input with Vietnamese messages and writes nothing', async () => {
    app = await openTestApp();
    const r = await app.invoke('members.create', { fullName: '', role: 'chu_tich', email: 'khong-phai-email', phone: 'abc', termFrom: '2026-01-01', termTo: '2025-01-01' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toMatchObject({
      fullName: 'Họ và tên không được để trống.',
      role: 'Chức danh trong Ban Chỉ đạo không hợp lệ.',
      email: 'Thư điện tử không hợp lệ.',
    });
    expect(r.error.fields?.phone).toMatch(/Số điện thoại/);
    expect(await app.ctx.db.selectFrom('members').selectAll().execute()).toHaveLength(0);
    const m = await app.call('members.create', { fullName: 'Lò Văn Páo', role: 'uy_vien' });
    const bad = await app.invoke('members.assign', { memberId: m.id, unitIds: ['0192f0a0-0000-7000-8000-000000000000'] });
    expect(bad.ok).toBe(false);
    expect(await app.ctx.db.selectFrom('member_assignments').selectAll().execute()).toHaveLength(0);
  });

  it('adds many members at once, skipping names already listed, all or nothing on bad input', async () => {
    app = await openTestApp();
    await app.call('members.create', { fullName: 'Phương Thị Thanh', role: 'truong_ban' });
    const r = await app.call('members.createMany', {
      items: [
        { fullName: 'phuong thi thanh', role: 'uy_vien' },
        { fullName: 'Hà Văn Tám', role: 'pho_truong_ban_tt' },
        { fullName: 'Lý Thị Mai', role: 'to_giup_viec' },
      ],
    });
    expect(r).toEqual({ created: 2, skipped: 1 });
    const bad = await app.invoke('members.createMany', { items: [{ fullName: 'Ma Văn Sơn', role: 'uy_vien' }, { fullName: 'X', role: 'sai' }] });
    expect(bad.ok).toBe(false);
    expect((await app.call('members.list', {})).total).toBe(3);
  });
});
