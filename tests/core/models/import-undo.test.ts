import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestApp, type TestApp } from '../../support/context';
import { addUnit, loadBacKanFields } from './support';

let app: TestApp;
let minute = 0;
beforeEach(async () => {
  minute = 0;
  app = await openTestApp();
  await loadBacKanFields(app);
  await addUnit(app, 'Đảng bộ xã Yên Đĩnh');
  await addUnit(app, 'Đảng bộ xã Thanh Mai');
});
afterEach(async () => {
  await app.close();
});

const HEADER = ['STT', 'Đơn vị', 'Tên mô hình', 'Loại', 'Người thực hiện', 'Công nhận', 'Hình thức khen thưởng'];
type Row = [string, string, string, string, string, string];

async function workbook(rows: Row[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2024']);
  ws.addRow(HEADER);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every write in these tests a minute after the one before (the fixed test clock would give them all one time). */
function later(): void {
  minute += 1;
  app.clock.set(new Date(Date.UTC(2026, 10, 27, 2, minute)).toISOString());
}

async function importRows(fileName: string, rows: Row[]): Promise<string> {
  later();
  const p = await app.call('models.importPreview', { fileName, bytes: await workbook(rows) });
  await app.call('models.importCommit', { importId: p.importId, createMissing: true });
  return p.importId;
}

const FIRST: Row[] = [
  ['Đảng bộ xã Yên Đĩnh', 'Tổ hòa giải giỏi', 'Tập thể', 'Tổ hòa giải thôn Nà Bưa', '', ''],
  ['Đảng bộ xã Yên Đĩnh', 'Camera an ninh', 'Tập thể', 'Công an xã', '', ''],
  ['Đảng bộ xã Thanh Mai', 'Dân vận khéo trong thu hồi đất', 'Cá nhân', 'Hoàng Văn Sơn', '', ''],
];

/** Every live row the register is made of, every column. */
async function registerState() {
  const live = (table: string) => app.ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).all();
  return {
    models: live('dvk_models'),
    years: live('dvk_model_years'),
    reviews: live('dvk_reviews'),
    units: live('units'),
    catalog: live('catalog_items'),
    stats: await app.call('models.stats', { year: 2024 }),
  };
}

describe('undoing an Excel import', () => {
  it('puts the register back as it was before the import: created records to the trash, updated ones with their earlier values', async () => {
    await importRows('dot-1-2024.xlsx', FIRST);
    const before = await registerState();

    // A second file: one performer corrected, one recognised with a new award form, one new
    // model in a unit nobody had entered yet.
    const secondId = await importRows('dot-2-2024.xlsx', [
      ['Đảng bộ xã Yên Đĩnh', 'Tổ hòa giải giỏi', 'Tập thể', 'Tổ hòa giải thôn Nà Bưa (sửa)', '', ''],
      ['Đảng bộ xã Yên Đĩnh', 'Camera an ninh', 'Tập thể', 'Công an xã', 'x', 'Giấy khen (nhập thử)'],
      ['Đảng bộ xã Thanh Mai', 'Dân vận khéo trong thu hồi đất', 'Cá nhân', 'Hoàng Văn Sơn', '', ''],
      ['Đảng bộ xã Cao Kỳ', 'Nhà văn hóa sạch đẹp', 'Tập thể', 'Chi đoàn thôn', '', ''],
    ]);
    const after = await registerState();
    expect(after.years.length).toBe(before.years.length + 1);
    expect(after.units.length).toBe(before.units.length + 1);
    expect(after.stats.recognised).toBe(1);
    expect((await app.call('models.list', { year: 2024, search: 'nha van hoa sach' })).rows).toHaveLength(1);

    const history = await app.call('models.importHistory', {});
    expect(history.map((h) => [h.fileName, h.canUndo, h.created, h.updated])).toEqual([
      ['dot-2-2024.xlsx', true, 1, 2],
      // Its records were updated by the second import since: that one is undone first.
      ['dot-1-2024.xlsx', false, 3, 0],
    ]);

    later();
    const undone = await app.call('models.importUndo', { importId: secondId });
    expect(undone).toMatchObject({
      fileName: 'dot-2-2024.xlsx',
      recordsRemoved: 1,
      modelsRemoved: 1,
      recordsRestored: 1,
      modelsRestored: 1,
      unitsRemoved: 1,
      unitsKept: 0,
      catalogItemsRemoved: 1,
      reviewsRemoved: 1,
    });
    expect(undone.backupFileName).toMatch(/\.sqlite$/);
    expect(await registerState()).toEqual(before);
    // The search index follows: the removed model is not found, the old performer is again.
    expect((await app.call('models.list', { year: 2024, search: 'nha van hoa sach' })).rows).toEqual([]);
    expect((await app.call('models.list', { year: 2024, search: 'na bua' })).rows.map((r) => r.performer)).toEqual(['Tổ hòa giải thôn Nà Bưa']);
    // The removed record waits in the trash, and the undo is in the audit log. It comes back only
    // once its unit (removed with it) is back.
    const trash = await app.call('trash.list', {});
    expect(trash.items.map((i) => `${i.entityLabel}: ${i.title}`).sort()).toEqual([
      'Danh mục: Giấy khen (nhập thử)',
      // The recognised row counted as the unit's review meeting; the undo takes that back too.
      'Họp xét mô hình: Họp xét năm 2024: Đảng bộ xã Yên Đĩnh',
      'Lượt đăng ký mô hình theo năm: Nhà văn hóa sạch đẹp (năm 2024)',
      'Mô hình "Dân vận khéo": Nhà văn hóa sạch đẹp',
      'Đơn vị: Đảng bộ xã Cao Kỳ',
    ]);
    const removed = app.ctx.sqlite
      .prepare("SELECT y.id FROM dvk_model_years y JOIN dvk_models m ON m.id = y.model_id WHERE m.name = 'Nhà văn hóa sạch đẹp'")
      .pluck()
      .get() as string;
    const refused = await app.invoke('models.restore', { id: removed });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toBe('Đơn vị "Đảng bộ xã Cao Kỳ" của mô hình đang ở Thùng rác: hãy khôi phục đơn vị trước, rồi khôi phục mô hình.');
    const audit = app.ctx.sqlite.prepare("SELECT note FROM audit_log WHERE entity = 'dvk_import' AND action = 'undo'").pluck().all() as string[];
    expect(audit).toEqual(['Hoàn tác lần nhập tệp dot-2-2024.xlsx: 1 bản ghi chuyển vào thùng rác, 2 bản ghi trở lại như trước khi nhập']);
    // In the audit log screen: in words, without the machine lists (ids, earlier values).
    const logged = (await app.call('audit.list', { filter: { entity: 'dvk_import' } })).items;
    expect(logged.map((i) => i.actionLabel)).toEqual(['Hoàn tác', 'Nhập từ tệp', 'Nhập từ tệp']);
    const fields = logged.flatMap((i) => i.changes.map((c) => c.field));
    expect(fields).toContain('fileName');
    expect(fields).not.toContain('recordIds');
    expect(fields).not.toContain('undo');

    // Once only; the first import can now be undone in its turn.
    const [second, first] = await app.call('models.importHistory', {});
    expect(first!.canUndo).toBe(true);
    expect(second).toMatchObject({ canUndo: false, cannotUndoReason: 'Đã hoàn tác.' });
    expect(second!.undoneAt).not.toBeNull();
    const again = await app.invoke('models.importUndo', { importId: secondId });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'CONFLICT', message: 'Lần nhập này đã được hoàn tác.' });

    // The same file imported again afterwards creates and updates as the first time.
    const p = await app.call('models.importPreview', {
      fileName: 'dot-2-2024.xlsx',
      bytes: await workbook([['Đảng bộ xã Yên Đĩnh', 'Tổ hòa giải giỏi', 'Tập thể', 'Tổ hòa giải thôn Nà Bưa (sửa)', '', '']]),
    });
    expect(p.plan).toEqual({ create: 0, update: 1, unchanged: 0 });

    // Undoing the first import too leaves an empty register, counters included.
    later();
    expect(await app.call('models.importUndo', { importId: first!.importId })).toMatchObject({ recordsRemoved: 3, modelsRemoved: 3 });
    expect((await app.call('models.list', { year: 2024, limit: 5 })).total).toBe(0);
    expect(await app.call('models.stats', { year: 2024 })).toMatchObject({ registered: 0, collective: 0, individual: 0, unitsReviewed: 0 });
  });

  it('refuses, changing nothing, when a record of the import was edited since, and names the backup to restore instead', async () => {
    const importId = await importRows('dot-1-2024.xlsx', FIRST);
    const row = (await app.call('models.list', { year: 2024, search: 'camera an ninh' })).rows[0]!;
    // At the same clock time as the import (a fixed clock): the audit log still tells it is later.
    await app.call('models.update', { id: row.id, model: { performer: 'Công an xã Yên Đĩnh' } });
    const before = await registerState();
    const backupsBefore = (await app.call('backup.list', {})).backups.length;

    const [entry] = await app.call('models.importHistory', {});
    expect(entry!.canUndo).toBe(false);
    expect(entry!.cannotUndoReason).toBe('Không hoàn tác được: 1 bản ghi do lần nhập này tạo hoặc cập nhật đã được sửa hoặc xóa sau đó.');
    const res = await app.invoke('models.importUndo', { importId });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('CONFLICT');
      expect(res.error.message).toContain(`phục hồi bản sao lưu "${entry!.backupFileName}"`);
    }
    expect(await registerState()).toEqual(before);
    expect((await app.call('backup.list', {})).backups.length).toBe(backupsBefore); // no backup for nothing

    // Once that backup has been rotated away, the message points to the newest one before the import.
    await app.call('backup.list', {}); // waits for the background copy
    fs.rmSync(path.join(app.ctx.layout.backupsDir, entry!.backupFileName!));
    const later = await app.invoke('models.importUndo', { importId });
    expect(later.ok).toBe(false);
    if (!later.ok) expect(later.error.message).toContain('hãy phục hồi bản sao lưu gần nhất trước 09:01 ngày 27/11/2026 trong mục Dữ liệu');
    expect(app.ctx.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'undo'").pluck().get()).toBe(0);
  });

  it('refuses to undo an import whose records a later import (still in place) rewrote, at the same clock time too', async () => {
    const p1 = await app.call('models.importPreview', { fileName: 'dot-1-2024.xlsx', bytes: await workbook(FIRST) });
    await app.call('models.importCommit', { importId: p1.importId });
    const changed: Row[] = [['Đảng bộ xã Yên Đĩnh', 'Camera an ninh', 'Tập thể', 'Công an xã (sửa)', '', '']];
    const p2 = await app.call('models.importPreview', { fileName: 'dot-2-2024.xlsx', bytes: await workbook(changed) });
    await app.call('models.importCommit', { importId: p2.importId });
    const history = await app.call('models.importHistory', {});
    expect(history.map((h) => h.canUndo)).toEqual([true, false]);
    const res = await app.invoke('models.importUndo', { importId: p1.importId });
    expect(res.ok).toBe(false);
    // Undone in order, newest first, both go.
    await app.call('models.importUndo', { importId: p2.importId });
    await app.call('models.importUndo', { importId: p1.importId });
    expect((await app.call('models.list', { year: 2024, limit: 5 })).total).toBe(0);
  });

  it('refuses when a later year was added to a model the import created', async () => {
    const importId = await importRows('dot-1-2024.xlsx', FIRST);
    const row = (await app.call('models.list', { year: 2024, search: 'to hoa giai gioi' })).rows[0]!;
    await app.call('models.addYear', { modelId: row.modelId, year: 2025 });
    const res = await app.invoke('models.importUndo', { importId });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toContain('1 bản ghi năm khác đã được thêm vào mô hình do lần nhập này tạo');
    expect((await app.call('models.list', { year: 2024, limit: 10 })).total).toBe(3);
  });

  it('keeps a unit it created when something entered since uses it', async () => {
    const importId = await importRows('dot-1-2024.xlsx', [['Đảng bộ xã Cao Kỳ', 'Nhà văn hóa sạch đẹp', 'Tập thể', 'Chi đoàn thôn', '', '']]);
    const caoKy = app.ctx.sqlite.prepare("SELECT id FROM units WHERE name = 'Đảng bộ xã Cao Kỳ'").pluck().get() as string;
    await app.call('units.create', { name: 'Chi bộ thôn Khuổi Đảng', parentId: caoKy, kind: 'chi_bo' });
    const undone = await app.call('models.importUndo', { importId });
    expect(undone).toMatchObject({ recordsRemoved: 1, modelsRemoved: 1, unitsRemoved: 0, unitsKept: 1 });
    expect(app.ctx.sqlite.prepare('SELECT deleted_at FROM units WHERE id = ?').pluck().get(caoKy)).toBeNull();
  });

  it('explains that an import made by an earlier version (no undo record) cannot be undone', async () => {
    const importId = await importRows('cu.xlsx', FIRST);
    // As the previous version wrote the entry: the same summary without `undo`.
    const row = app.ctx.sqlite.prepare("SELECT seq, after_json FROM audit_log WHERE entity = 'dvk_import'").get() as { seq: number; after_json: string };
    const { undo: _undo, ...older } = JSON.parse(row.after_json) as Record<string, unknown>;
    app.ctx.sqlite.prepare('UPDATE audit_log SET after_json = ? WHERE seq = ?').run(JSON.stringify(older), row.seq);
    const [entry] = await app.call('models.importHistory', {});
    expect(entry).toMatchObject({ fileName: 'cu.xlsx', created: 3, canUndo: false, cannotUndoReason: 'Lần nhập này được thực hiện bằng phiên bản cũ, chưa lưu đủ thông tin để hoàn tác.' });
    const res = await app.invoke('models.importUndo', { importId });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toContain('phục hồi bản sao lưu');
    expect((await app.call('models.list', { year: 2024, limit: 5 })).total).toBe(3);
  });

  it('answers an unknown import with a Vietnamese message', async () => {
    const res = await app.invoke('models.importUndo', { importId: 'khong-co' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy lần nhập này trong nhật ký.' });
  });
});
