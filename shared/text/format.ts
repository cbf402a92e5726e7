/**
 * Vietnamese number and date formatting (docs/domain.md): "." groups thousands, "," marks decimals,
 * dates are dd/mm/yyyy, and the Party date line pads day 1–9 and months 1–2 with a zero.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 2360 → "2.360"; 46.875 with 1 digit → "46,9". */
export function formatNumber(value: number, fractionDigits = 0): string {
  if (!Number.isFinite(value)) return '';
  const fixed = Math.abs(value).toFixed(fractionDigits);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return fraction ? `${sign}${grouped},${fraction}` : `${sign}${grouped}`;
}

/** Share as a percentage: (1106, 2360) → "46,9%". Empty total gives "–". */
export function formatPercent(part: number, total: number, fractionDigits = 1): string {
  if (!total) return '–';
  return `${formatNumber((part / total) * 100, fractionDigits)}%`;
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Parses an ISO calendar date `YYYY-MM-DD`, checking the day exists. */
export function parseIsoDate(value: string): CalendarDate | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { year, month, day };
}

export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function toIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** "2022-12-16" → "16/12/2022". Invalid input is returned unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parseIsoDate(iso.slice(0, 10));
  if (!d) return iso;
  return `${pad2(d.day)}/${pad2(d.month)}/${d.year}`;
}

/** "16/12/2022", "16-12-2022", "16.12.2022", "5/2/2023" → ISO; null when not a real date. */
export function parseVietnameseDate(value: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(value);
  if (!m) return null;
  const d = { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  const iso = toIsoDate(d);
  return parseIsoDate(iso) ? iso : null;
}

/** Day and month as the Party format writes them: 1–9 and months 1–2 get a leading zero. */
export function partyDay(day: number): string {
  return day < 10 ? pad2(day) : String(day);
}

export function partyMonth(month: number): string {
  return month <= 2 ? pad2(month) : String(month);
}

/** "Bắc Kạn, ngày 05 tháng 02 năm 2023" (Hướng dẫn 36-HD/VPTW). */
export function partyDateLine(place: string, iso: string): string {
  const d = parseIsoDate(iso);
  if (!d) throw new Error(`Ngày không hợp lệ: ${iso}`);
  const prefix = place.trim() ? `${place.trim()}, ngày` : 'Ngày';
  return `${prefix} ${partyDay(d.day)} tháng ${partyMonth(d.month)} năm ${d.year}`;
}

/** "08:30" → "8 giờ 30" as minutes write times ("hồi 8 giờ 30 phút"). */
export function formatClock(hhmm: string, withMinuteWord = false): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return hhmm;
  const h = Number(m[1]);
  const min = m[2]!;
  return `${h} giờ ${min}${withMinuteWord ? ' phút' : ''}`;
}
