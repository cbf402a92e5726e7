/**
 * Public holidays (ngày nghỉ lễ, Tết) that are not working days, for deadlines counted in working
 * days ("gửi báo cáo trước N ngày làm việc"). Defaults follow Bộ luật Lao động 2019, Điều 112:
 * Tết Dương lịch (1/1), Tết Âm lịch (5 days: the last day of the lunar year and mùng 1–4), Giỗ Tổ
 * Hùng Vương (10/3 âm lịch), 30/4, 1/5, Quốc khánh (2/9 and one adjacent day), and a compensating
 * day off (nghỉ bù) for a holiday that falls on a Saturday or Sunday. The Prime Minister announces
 * the exact days each year (swaps, longer Tết): the officer corrects a year's list in Cài đặt and
 * the correction is stored (settings key `holidays:<year>`).
 */
import type { AppContext } from '../context';
import { isoNow } from '../clock';
import { recordAudit } from '../db/audit';
import { AppError } from '../errors';
import { deleteSetting, readSetting, writeSetting } from '../settings/repository';
import type { Holiday, HolidayYear } from '../../../shared/schemas/holidays';
import { addDaysIso, lunarNewYear, lunarToSolar } from './lunar';

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso: string) => weekday(iso) === 0 || weekday(iso) === 6;

/** The holidays of a solar year by the Labour Code, with compensating days; sorted by date. */
export function defaultHolidays(year: number): Holiday[] {
  const days: Holiday[] = [{ date: `${year}-01-01`, name: 'Tết Dương lịch' }];
  const tet = lunarNewYear(year);
  days.push({ date: addDaysIso(tet, -1), name: 'Tết Nguyên đán (30 Tết)' });
  for (let i = 0; i < 4; i++) days.push({ date: addDaysIso(tet, i), name: `Tết Nguyên đán (mùng ${i + 1})` });
  days.push({ date: lunarToSolar(10, 3, year), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  days.push({ date: `${year}-04-30`, name: 'Ngày Chiến thắng (30/4)' });
  days.push({ date: `${year}-05-01`, name: 'Ngày Quốc tế Lao động (1/5)' });
  const national = `${year}-09-02`;
  days.push({ date: national, name: 'Quốc khánh (2/9)' });
  // The adjacent day, chosen as the announcements of recent years did: 1/9 when 2/9 is a Tuesday,
  // Friday or Saturday (2025, 2022, 2023), otherwise 3/9 (2024: Monday → Tuesday; 2021: Thursday → Friday).
  days.push({ date: [2, 5, 6].includes(weekday(national)) ? `${year}-09-01` : `${year}-09-03`, name: 'Quốc khánh (ngày liền kề)' });

  const taken = new Set(days.map((d) => d.date));
  const compensating: Holiday[] = [];
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (!isWeekend(d.date)) continue;
    let next = addDaysIso(d.date, 1);
    while (isWeekend(next) || taken.has(next)) next = addDaysIso(next, 1);
    taken.add(next);
    compensating.push({ date: next, name: `Nghỉ bù ${d.name}` }); // Tết, Giỗ Tổ, Quốc khánh keep their capitals
  }
  return [...days, ...compensating].filter((d) => d.date.startsWith(`${year}-`)).sort((a, b) => a.date.localeCompare(b.date));
}

const settingKey = (year: number) => `holidays:${year}`;

export async function holidaysOf(ctx: Pick<AppContext, 'db'>, year: number): Promise<HolidayYear> {
  const stored = await readSetting(ctx.db, settingKey(year));
  if (!stored) return { year, days: defaultHolidays(year), customised: false };
  return { year, days: JSON.parse(stored.value) as Holiday[], customised: true };
}

/** The holiday dates of the years a date range touches, for working-day arithmetic. */
export async function holidaySet(ctx: Pick<AppContext, 'db'>, years: Iterable<number>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const y of new Set(years)) for (const d of (await holidaysOf(ctx, y)).days) out.add(d.date);
  return out;
}

/** Replaces a year's list (or, with `days: null`, goes back to the defaults). */
export async function setHolidays(ctx: AppContext, data: { year: number; days: Holiday[] | null }): Promise<HolidayYear> {
  if (data.days) {
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    data.days.forEach((d, i) => {
      if (!d.date.startsWith(`${data.year}-`)) fields[`days.${i}.date`] = `Ngày phải thuộc năm ${data.year}.`;
      else if (seen.has(d.date)) fields[`days.${i}.date`] = 'Ngày này đã có trong danh sách.';
      seen.add(d.date);
    });
    if (Object.keys(fields).length) throw new AppError('VALIDATION', 'Danh sách ngày nghỉ chưa hợp lệ.', fields);
  }
  const before = await holidaysOf(ctx, data.year);
  await ctx.db.transaction().execute(async (trx) => {
    const at = isoNow(ctx.clock);
    const days = data.days ? [...data.days].sort((a, b) => a.date.localeCompare(b.date)) : null;
    if (days) await writeSetting(trx, settingKey(data.year), JSON.stringify(days), at);
    else await deleteSetting(trx, settingKey(data.year));
    await recordAudit(trx, ctx.actor, at, {
      entity: 'settings',
      entityId: settingKey(data.year),
      action: 'update',
      before: { holidays: before.days.map((d) => `${d.date} ${d.name}`).join('; ') },
      after: { holidays: (days ?? defaultHolidays(data.year)).map((d) => `${d.date} ${d.name}`).join('; ') },
    });
  });
  return holidaysOf(ctx, data.year);
}
