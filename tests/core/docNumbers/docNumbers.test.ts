import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { DEFAULT_PROFILE, type ProfileInput } from '../../../shared/schemas/settings';
import { reserveDocNumber } from '../../../electron/core/docNumbers/service';

let app: TestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const profile = (termLabel: string, termStartYear: number, termEndYear: number): ProfileInput => ({
  ...DEFAULT_PROFILE,
  parentBody: 'ĐẢNG BỘ TỈNH BẮC KẠN',
  placeName: 'Bắc Kạn',
  termLabel,
  termStartYear,
  termEndYear,
});

describe('document numbers', () => {
  it('numbers each kind from 01 through the term, not per year', async () => {
    app = await openTestApp();
    await app.call('settings.update', { profile: profile('2020 - 2025', 2020, 2025) });
    expect(await app.call('docNumbers.next', { kindCode: 'BB' })).toEqual({ number: 1, numberText: '01-BB/BCĐ', termLabel: '2020 - 2025', outsideTerm: false });
    expect((await app.call('docNumbers.next', { kindCode: 'BB', date: '2026-01-05' })).outsideTerm).toBe(true);
    const a = await app.call('docNumbers.reserve', { kindCode: 'BB', date: '2022-12-16', summary: 'Hội nghị tổng kết năm 2022' });
    const b = await app.call('docNumbers.reserve', { kindCode: 'BB', date: '2023-01-05' }); // a new year does not restart
    const tb = await app.call('docNumbers.reserve', { kindCode: 'TB', date: '2023-01-06' });
    expect([a.numberText, b.numberText, tb.numberText]).toEqual(['01-BB/BCĐ', '02-BB/BCĐ', '01-TB/BCĐ']);
    // Previewing reserves nothing.
    expect((await app.call('docNumbers.next', { kindCode: 'BB' })).numberText).toBe('03-BB/BCĐ');
    expect((await app.call('docNumbers.next', { kindCode: 'BB' })).numberText).toBe('03-BB/BCĐ');
    // "qd" finds the kind "QĐ".
    expect((await app.call('docNumbers.reserve', { kindCode: 'qd', date: '2023-02-01' })).numberText).toBe('01-QĐ/BCĐ');
  });

  it('restarts at 01 in a new term; the old term stays in the register', async () => {
    app = await openTestApp();
    await app.call('settings.update', { profile: profile('2020 - 2025', 2020, 2025) });
    for (let i = 0; i < 12; i++) await app.call('docNumbers.reserve', { kindCode: 'KH', date: '2024-03-01' });
    await app.call('settings.update', { profile: profile('2025 - 2030', 2025, 2030) });
    const first = await app.call('docNumbers.reserve', { kindCode: 'KH', date: '2025-11-01' });
    expect(first).toMatchObject({ number: 1, numberText: '01-KH/BCĐ', termLabel: '2025 - 2030' });
    const reg = await app.call('docNumbers.list', {});
    expect(reg.terms).toEqual(['2025 - 2030', '2020 - 2025']);
    expect((await app.call('docNumbers.list', { termLabel: '2020 - 2025' })).items).toHaveLength(12);
    expect((await app.call('docNumbers.list', { termLabel: '2020 - 2025' })).items[0]?.numberText).toBe('12-KH/BCĐ');
  });

  it('allows a manual number, warns on a duplicate with CONFLICT, and accepts it when confirmed', async () => {
    app = await openTestApp();
    await app.call('docNumbers.reserve', { kindCode: 'BB', date: '2026-01-10', summary: 'Họp Ban Chỉ đạo quý I' });
    const manual = await app.call('docNumbers.reserve', { kindCode: 'BB', date: '2026-02-10', manualNumber: 5 });
    expect(manual).toMatchObject({ numberText: '05-BB/BCĐ', manual: true });
    expect((await app.call('docNumbers.next', { kindCode: 'BB' })).number).toBe(6);
    const dup = await app.invoke('docNumbers.reserve', { kindCode: 'BB', date: '2026-02-11', manualNumber: 1 });
    expect(dup.ok).toBe(false);
    if (dup.ok) return;
    expect(dup.error.code).toBe('CONFLICT');
    expect(dup.error.fields?.manualNumber).toMatch(/Số 01-BB\/BCĐ đã được cấp cho «Họp Ban Chỉ đạo quý I», ngày 10\/01\/2026/);
    expect((await app.call('docNumbers.list', {})).items).toHaveLength(2);
    const forced = await app.call('docNumbers.reserve', { kindCode: 'BB', date: '2026-02-11', manualNumber: 1, allowDuplicate: true });
    expect(forced.numberText).toBe('01-BB/BCĐ');
  });

  it('rolls back with the caller transaction and refuses unknown kinds', async () => {
    app = await openTestApp();
    const ctx = app.ctx;
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        await reserveDocNumber(trx, ctx, { kindCode: 'BB', date: '2026-01-01', entity: 'meeting', entityId: 'x' });
        throw new Error('meeting failed');
      }),
    ).rejects.toThrow('meeting failed');
    expect((await app.call('docNumbers.next', { kindCode: 'BB' })).number).toBe(1);
    const r = await app.invoke('docNumbers.reserve', { kindCode: 'XX', date: '2026-01-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fields?.kindCode).toMatch(/chưa có trong danh mục/);
    const bad = await app.invoke('docNumbers.reserve', { kindCode: 'BB', date: '16/12/2022' });
    expect(bad.ok).toBe(false);
    expect(await app.ctx.db.selectFrom('doc_numbers').selectAll().execute()).toHaveLength(0);
  });

  it('cancels a number, keeping it in the register', async () => {
    app = await openTestApp();
    const n = await app.call('docNumbers.reserve', { kindCode: 'GM', date: '2026-01-01' });
    await app.call('docNumbers.cancel', { id: n.id, reason: 'Hoãn hội nghị' });
    expect((await app.call('docNumbers.list', {})).items).toHaveLength(0);
    expect((await app.call('docNumbers.list', { includeCancelled: true })).items[0]?.cancelledAt).not.toBeNull();
  });
});
