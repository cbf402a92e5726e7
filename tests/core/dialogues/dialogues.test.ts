import { afterEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/context';
import { indicatorIds, seedQcdcUnits } from '../qcdc/support';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('dialogue conferences', () => {
  it('passed-on opinions become tasks followed to completion; the QCDC figures are counted from the register', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const ids = await indicatorIds(app);
    const d = await app.call('dialogues.create', {
      unitId: u.xaA.id, date: '2022-05-10', chairedBy: 'Chủ tịch UBND xã', participants: 120, opinionsRaised: 9, opinionsAnswered: 7,
      publicDueDate: '2022-05-20', publishedDate: '2022-05-18',
      passedOn: [{ content: 'Sửa đường liên thôn Nà Pài', leadText: 'UBND huyện', deadline: '2022-09-30' }, { content: 'Cấp giấy chứng nhận QSDĐ cho 3 hộ', deadline: '2022-11-30' }],
    });
    expect(d).toMatchObject({ opinionsPassedOn: 2, opinionsOpen: 2, publicState: 'published' });
    expect(d.passedOn[0]!.sourceLabel).toBe('Hội nghị đối thoại ngày 10/05/2022 – Xã Nam Cường');
    expect(d.passedOn.map((t) => [t.sourceType, t.title, t.deadline])).toEqual([
      ['dialogue', 'Sửa đường liên thôn Nà Pài', '2022-09-30'],
      ['dialogue', 'Cấp giấy chứng nhận QSDĐ cho 3 hộ', '2022-11-30'],
    ]);
    await app.call('dialogues.create', { unitId: u.xaA.id, date: '2022-11-02', chairedBy: 'Bí thư Đảng ủy', participants: 60, opinionsRaised: 4, opinionsAnswered: 4 });
    await app.call('dialogues.create', { unitId: u.dn.id, date: '2022-03-01', chairedBy: 'Giám đốc', participants: 200, opinionsRaised: 5, opinionsAnswered: 5 });

    await app.call('tasks.addUpdate', { taskId: d.passedOn[0]!.id, date: '2022-12-20', progress: 100, status: 'hoan_thanh', note: 'Đã khởi công' });
    expect((await app.call('dialogues.get', { id: d.id })).opinionsOpen).toBe(1);

    const report = await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'annual' });
    const fig = (id: string) => report.figures.find((f) => f.indicatorId === id)!;
    expect(fig(ids.DOI_THOAI!)).toMatchObject({ value: 2, readOnly: true });
    expect(fig(ids.DOI_THOAI_Y_KIEN!).value).toBe(13);
    expect(fig(ids.DOI_THOAI_TRA_LOI!).value).toBe(11);
    expect(fig(ids.DOI_THOAI_CHUYEN!).value).toBe(2);
    const half = await app.call('qcdc.reports.get', { unitId: u.xaA.id, year: 2022, period: 'six_month' });
    expect(half.figures.find((f) => f.indicatorId === ids.DOI_THOAI)!.value).toBe(1);

    const stats = await app.call('qcdc.stats', { year: 2022, period: 'annual' });
    expect(stats.byType.find((t) => t.qcdcType === 'xa_phuong')!.indicators.find((i) => i.id === ids.DOI_THOAI)).toMatchObject({ total: 2, unitsWithValue: 1 });
    expect(stats.byType.find((t) => t.qcdcType === 'doanh_nghiep')!.indicators.find((i) => i.id === ids.DOI_THOAI)).toMatchObject({ total: 1 });
    const drill = await app.call('qcdc.drill', { year: 2022, period: 'annual', indicatorId: ids.DOI_THOAI! });
    expect(drill.rows.find((r) => r.unitId === u.xaA.id)!.sources.map((s) => s.date)).toEqual(['2022-05-10', '2022-11-02']);
  });

  it('editing keeps the tasks sent back, removes those left out; delete and restore take the tasks along', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const d = await app.call('dialogues.create', {
      unitId: u.xaA.id, date: '2022-05-10', chairedBy: 'Chủ tịch UBND xã', participants: 50, opinionsRaised: 3, opinionsAnswered: 1,
      passedOn: [{ content: 'Ý kiến A' }, { content: 'Ý kiến B' }],
    });
    const [a] = d.passedOn;
    const edited = await app.call('dialogues.update', {
      id: d.id, unitId: u.xaA.id, date: '2022-05-10', chairedBy: 'Chủ tịch UBND xã', participants: 50, opinionsRaised: 3, opinionsAnswered: 1,
      passedOn: [{ taskId: a!.id, content: 'Ý kiến A (sửa)' }],
    });
    expect(edited.passedOn.map((t) => [t.id, t.title])).toEqual([[a!.id, 'Ý kiến A (sửa)']]);
    expect(edited.opinionsPassedOn).toBe(1);
    app.clock.set('2022-12-21T02:00:00.000Z');
    await app.call('dialogues.delete', { id: d.id });
    expect(await app.call('dialogues.list', { year: 2022 })).toHaveLength(0);
    expect((await app.call('tasks.list', { sourceType: 'dialogue' })).items).toHaveLength(0);
    const back = await app.call('dialogues.restore', { id: d.id });
    // The task removed by the edit stays removed; the one deleted with the dialogue comes back.
    expect(back.passedOn.map((t) => t.id)).toEqual([a!.id]);
  });

  it('refuses more answered and passed-on opinions than were raised, and a future date, writing nothing', async () => {
    app = await openTestApp({ now: '2022-12-20T02:00:00.000Z' });
    const u = await seedQcdcUnits(app);
    const tooMany = await app.invoke('dialogues.create', { unitId: u.xaA.id, date: '2022-05-10', chairedBy: 'Chủ tịch', participants: 5, opinionsRaised: 2, opinionsAnswered: 2, passedOn: [{ content: 'X' }] });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { opinionsAnswered: expect.stringContaining('không được lớn hơn') } } });
    const future = await app.invoke('dialogues.create', { unitId: u.xaA.id, date: '2023-01-10', chairedBy: 'Chủ tịch', participants: 5, opinionsRaised: 2, opinionsAnswered: 1, passedOn: [{ content: 'X' }] });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { date: 'Ngày ở tương lai.' } } });
    expect(await app.call('dialogues.list', {})).toHaveLength(0);
    expect((await app.call('tasks.list', {})).items).toHaveLength(0);
  });
});
