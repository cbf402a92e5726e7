import { afterEach, describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar } from '../../../electron/core/holidays/lunar';
import { defaultHolidays } from '../../../electron/core/holidays/service';
import { subtractWorkingDays } from '../../../electron/core/tasks/rules';
import { openTestApp, type TestApp } from '../../support/context';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('Vietnamese lunar calendar', () => {
  it('finds mùng 1 Tết and Giỗ Tổ Hùng Vương as published', () => {
    const tet = { 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06' };
    for (const [y, d] of Object.entries(tet)) expect(lunarNewYear(Number(y))).toBe(d);
    // 2023 had a leap 2nd month: 10/3 âm lịch fell on 29/4, next to 30/4 and 1/5.
    const gioTo = { 2020: '2020-04-02', 2022: '2022-04-10', 2023: '2023-04-29', 2024: '2024-04-18', 2025: '2025-04-07' };
    for (const [y, d] of Object.entries(gioTo)) expect(lunarToSolar(10, 3, Number(y))).toBe(d);
  });
});

describe('public holidays', () => {
  it('gives the Labour Code days of 2023 with compensating days, as announced that year', () => {
    const days = defaultHolidays(2023).map((d) => d.date);
    expect(days).toEqual([
      '2023-01-01', '2023-01-02', // Sunday → Monday off
      '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27',
      '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03', // 29/4–3/5, as in 2023
      '2023-09-01', '2023-09-02', '2023-09-04', // 1/9–4/9, as in 2023
    ]);
    expect(defaultHolidays(2023).find((d) => d.date === '2023-01-02')?.name).toBe('Nghỉ bù Tết Dương lịch');
    expect(defaultHolidays(2025).filter((d) => d.date.startsWith('2025-09')).map((d) => d.date)).toEqual(['2025-09-01', '2025-09-02']);
  });

  it('skips holidays when counting working days back', () => {
    const holidays = new Set(defaultHolidays(2023).map((d) => d.date));
    // Five working days before Thursday 4/5/2023: 28/4 (Fri), 27, 26, 25, 24 — the 29/4–3/5 break does not count.
    expect(subtractWorkingDays('2023-05-04', 5, holidays)).toBe('2023-04-24');
    expect(subtractWorkingDays('2023-05-04', 5)).toBe('2023-04-27');
  });

  it('lets the officer save the announced list, moves report deadlines with it, and resets to the defaults', async () => {
    app = await openTestApp({ now: '2023-03-01T02:00:00.000Z' });
    const unit = await app.call('units.create', { name: 'Huyện ủy Chợ Mới', kind: 'dang_bo', qcdcType: 'xa_phuong' });
    const insp = await app.call('inspections.create', {
      year: 2023, date: '2023-03-01', topic: 'Thực hiện Quy chế dân chủ', reportBeforeDays: 5, targets: [{ unitId: unit.id, visitDate: '2023-05-04' }],
    });
    expect(insp.targets[0]!.reportDueDate).toBe('2023-04-24');

    const defaults = await app.call('holidays.get', { year: 2023 });
    expect(defaults.customised).toBe(false);
    // Suppose the announcement kept 2/5 and 3/5 as working days: the deadline moves two working days later.
    const announced = defaults.days.filter((d) => !['2023-05-02', '2023-05-03'].includes(d.date));
    const saved = await app.call('holidays.set', { year: 2023, days: announced });
    expect(saved).toMatchObject({ customised: true, days: announced });
    expect((await app.call('inspections.get', { id: insp.id })).targets[0]!.reportDueDate).toBe('2023-04-26');

    const bad = await app.invoke('holidays.set', { year: 2023, days: [{ date: '2024-01-01', name: 'Tết Dương lịch' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'days.0.date': 'Ngày phải thuộc năm 2023.' } } });
    expect((await app.call('holidays.get', { year: 2023 })).days).toEqual(announced);

    expect(await app.call('holidays.set', { year: 2023, days: null })).toMatchObject({ customised: false });
    expect((await app.call('inspections.get', { id: insp.id })).targets[0]!.reportDueDate).toBe('2023-04-24');
  });
});
