import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { addCatalogItem, addUnit, loadBacKanFields } from './support';

let app: TestApp;
beforeEach(async () => {
  app = await openTestApp();
  await loadBacKanFields(app);
});
afterEach(async () => {
  await app.close();
});

/** Five 2024 records in different states: registered, reviewed, one recognised as typical with an award. */
async function seed(): Promise<string[]> {
  const unitId = await addUnit(app, 'Đảng bộ xã Yên Đĩnh');
  const award = await addCatalogItem(app, 'awardForm', 'Giấy khen Huyện ủy');
  const ids: string[] = [];
  for (const name of ['Tổ hòa giải giỏi', 'Camera an ninh', 'Đường hoa nông thôn mới', 'Nuôi ong giỏi', 'Chi hội phụ nữ 5 không']) {
    const d = await app.call('models.create', { unitId, name, kind: 'collective', year: 2024, registration: 'new' });
    ids.push(d.years[0]!.id);
  }
  await app.call('models.update', { id: ids[1]!, year: { status: 'reviewed' } });
  await app.call('models.update', {
    id: ids[2]!,
    year: { status: 'recognised', recognitionDecisionNo: '12-QĐ/HU', recognitionDate: '2024-11-02', typical: true, awardFormId: award, awardDecisionNo: '30-QĐ/HU' },
  });
  return ids;
}

const rowsOf = (ids: readonly string[]) => ids.map((id) => app.ctx.sqlite.prepare('SELECT * FROM dvk_model_years WHERE id = ?').get(id));

describe('undoing a bulk status change', () => {
  it('gives every record back what the change replaced, award and typical included, counters too', async () => {
    const ids = await seed();
    app.clock.set('2026-11-28T02:00:00.000Z');
    const before = rowsOf(ids);
    const statsBefore = await app.call('models.stats', { year: 2024 });

    // The wrong decision on the wrong selection: everything "reviewed".
    const bulk = await app.call('models.bulkUpdateStatus', { ids, status: 'reviewed' });
    expect(bulk.updated).toBe(5);
    expect((await app.call('models.stats', { year: 2024 })).typical).toBe(0);
    // The log keeps what was replaced, award included; the operation has its own entry in words.
    const log = await app.call('audit.list', { filter: { action: 'bulkStatus' } });
    const typicalEntry = log.items.find((i) => i.entityId === ids[2]);
    expect(typicalEntry?.changes.find((c) => c.field === 'typical')).toMatchObject({ before: '1', after: '0' });
    const operation = log.items.find((i) => i.entity === 'dvk_bulk')!;
    expect(operation).toMatchObject({ entityLabel: 'Thao tác hàng loạt trên sổ mô hình', actionLabel: 'Cập nhật hàng loạt', note: 'Cập nhật hàng loạt 5 mô hình: Đã họp xét' });
    expect(operation.changes.map((c) => c.field)).toEqual(['status', 'count']); // not the list of ids

    app.clock.set('2026-11-28T02:05:00.000Z');
    const undone = await app.call('models.bulkUndo', { operationId: bulk.operationId });
    expect(undone.restored).toBe(5);
    expect(rowsOf(ids)).toEqual(before);
    expect(await app.call('models.stats', { year: 2024 })).toEqual(statsBefore);

    const again = await app.invoke('models.bulkUndo', { operationId: bulk.operationId });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ code: 'CONFLICT', message: 'Thao tác này đã được hoàn tác.' });
  });

  it('refuses, changing nothing, once one of the records was edited after the change (same clock time too)', async () => {
    const ids = await seed();
    const bulk = await app.call('models.bulkUpdateStatus', { ids, status: 'recognised', recognitionDecisionNo: '125-QĐ/HU', recognitionDate: '2024-12-20' });
    await app.call('models.update', { id: ids[0]!, year: { note: 'Đã trao giấy chứng nhận' } });
    const now = rowsOf(ids);
    const res = await app.invoke('models.bulkUndo', { operationId: bulk.operationId });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toBe('Không thể hoàn tác: 1 mô hình đã được sửa, xóa hoặc nhập lại sau thao tác này. Để không mất những thay đổi ấy, không có gì được thay đổi.');
    expect(rowsOf(ids)).toEqual(now);
  });

  it('answers an unknown operation in Vietnamese', async () => {
    const res = await app.invoke('models.bulkUndo', { operationId: 'khong-co' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy thao tác hàng loạt này trong nhật ký.' });
  });
});
