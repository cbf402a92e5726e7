import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { createCatalogItem, findCatalogItemByFoldedName, listCatalog } from '../../../electron/core/catalogs/service';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('catalogues', () => {
  it('are seeded with the common defaults', async () => {
    app = await openTestApp();
    const fields = await app.call('catalogs.list', { catalog: 'field' });
    expect(fields.items.map((i) => i.name)).toEqual(['Kinh tế', 'Văn hóa – xã hội', 'Quốc phòng – an ninh', 'Xây dựng hệ thống chính trị']);
    const kinds = await app.call('catalogs.list', { catalog: 'documentKind' });
    expect(kinds.items.map((i) => i.code)).toEqual(['BB', 'KH', 'BC', 'TB', 'QĐ', 'GM', 'KL', 'CV']);
    expect((await app.call('catalogs.list', { catalog: 'recognitionLevel' })).items.map((i) => i.name)).toEqual(['Cấp cơ sở', 'Cấp huyện', 'Cấp tỉnh']);
    expect((await app.call('catalogs.list', { catalog: 'awardForm' })).items.map((i) => i.name)).toContain('Bằng khen');
    expect((await app.call('catalogs.list', { catalog: 'meetingKind' })).items.map((i) => i.name)).toContain('Hội nghị đối thoại');
  });

  it('finds items by folded name or code', async () => {
    app = await openTestApp();
    expect((await findCatalogItemByFoldedName(app.ctx.db, 'field', 'van hoa - xa hoi'))?.name).toBe('Văn hóa – xã hội');
    expect((await findCatalogItemByFoldedName(app.ctx.db, 'field', 'VĂN HÓA–XÃ HỘI'))?.name).toBe('Văn hóa – xã hội');
    expect((await findCatalogItemByFoldedName(app.ctx.db, 'documentKind', 'qd'))?.name).toBe('Quyết định');
    expect(await findCatalogItemByFoldedName(app.ctx.db, 'field', 'Thể thao')).toBeNull();
  });

  it('saves edits, order and deactivation in one go; missing items go to the trash', async () => {
    app = await openTestApp();
    const { items } = await app.call('catalogs.list', { catalog: 'field' });
    const [kt, vh, qp, xd] = items;
    const saved = await app.call('catalogs.update', {
      catalog: 'field',
      items: [
        { id: xd!.id, name: 'Xây dựng hệ thống chính trị', periodLabel: '2021–2025', validFromYear: 2021, validToYear: 2025 },
        { id: kt!.id, name: 'Kinh tế', active: false },
        { id: vh!.id, name: 'Văn hóa, xã hội' },
        { name: 'Chuyển đổi số' },
      ],
    });
    expect(saved.items.map((i) => [i.name, i.active])).toEqual([
      ['Xây dựng hệ thống chính trị', true],
      ['Kinh tế', false],
      ['Văn hóa, xã hội', true],
      ['Chuyển đổi số', true],
    ]);
    expect((await app.call('catalogs.list', { catalog: 'field' })).items.map((i) => i.name)).not.toContain('Kinh tế');
    expect((await listCatalog(app.ctx.db, 'field', { year: 2026 })).map((i) => i.name)).toEqual(['Văn hóa, xã hội', 'Chuyển đổi số']);
    const trashed = await app.ctx.db.selectFrom('catalog_items').select('deleted_at').where('id', '=', qp!.id).executeTakeFirst();
    expect(trashed?.deleted_at).not.toBeNull();
  });

  it('rejects duplicates and a document kind without code, writing nothing', async () => {
    app = await openTestApp();
    const before = await app.ctx.db.selectFrom('audit_log').selectAll().execute();
    const r = await app.invoke('catalogs.update', { catalog: 'documentKind', items: [{ code: 'BB', name: 'Biên bản' }, { code: 'bb', name: 'Biên bản họp' }, { name: 'Tờ trình' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields?.['items.1.code']).toMatch(/trùng với dòng 1/);
    expect(r.error.fields?.['items.2.code']).toMatch(/cần có ký hiệu/);
    expect((await app.call('catalogs.list', { catalog: 'documentKind' })).items).toHaveLength(8);
    expect(await app.ctx.db.selectFrom('audit_log').selectAll().execute()).toHaveLength(before.length);
  });

  it('applies the Bắc Kạn preset: its four groups active, the common ones kept but inactive', async () => {
    app = await openTestApp();
    await app.call('catalogs.applyPreset', { preset: 'bacKanFields' });
    const active = await app.call('catalogs.list', { catalog: 'field' });
    expect(active.items.map((i) => i.name)).toEqual([
      'Xây dựng Đảng, chính quyền, MTTQ, các đoàn thể',
      'Cải cách hành chính, xây dựng công sở',
      'Xây dựng nông thôn mới, đô thị văn minh',
      'Giữ gìn bản sắc văn hóa dân tộc gắn với du lịch, dịch vụ',
    ]);
    expect((await app.call('catalogs.list', { catalog: 'field', includeInactive: true })).items).toHaveLength(8);
    // Applying twice adds nothing.
    await app.call('catalogs.applyPreset', { preset: 'bacKanFields' });
    expect((await app.call('catalogs.list', { catalog: 'field', includeInactive: true })).items).toHaveLength(8);
  });

  it('createCatalogItem works inside a caller transaction and is audited', async () => {
    app = await openTestApp();
    const ctx = app.ctx;
    await ctx.db.transaction().execute(async (trx) => {
      await createCatalogItem(trx, ctx, 'field', { name: 'Thể thao' });
    });
    expect((await findCatalogItemByFoldedName(ctx.db, 'field', 'the thao'))?.sortOrder).toBe(5);
    const audit = await ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'catalog_item').execute();
    expect(audit).toHaveLength(1);
  });
});
