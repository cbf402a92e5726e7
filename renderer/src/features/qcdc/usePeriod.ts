import { useSearchParams } from 'react-router';
import { QCDC_PERIOD_LABELS, QCDC_PERIODS, type QcdcPeriod } from '../../../../shared/schemas/qcdc';
import { QCDC_TYPES, type QcdcType } from '../../../../shared/schemas/units';

const thisYear = new Date().getFullYear();

/**
 * The year, period and loại hình the QCDC screens show, kept in the address (?nam=2022&ky=annual&loai=xa_phuong)
 * so switching tabs, a reload or a link from the overview land on the same figures.
 */
export function usePeriod(): {
  year: number;
  period: QcdcPeriod;
  qcdcType: QcdcType;
  set: (next: { year?: number; period?: QcdcPeriod; qcdcType?: QcdcType }) => void;
} {
  const [params, setParams] = useSearchParams();
  const y = Number(params.get('nam'));
  const year = y >= 1990 && y <= 2100 ? y : thisYear;
  const p = params.get('ky');
  const period = (QCDC_PERIODS as readonly string[]).includes(p ?? '') ? (p as QcdcPeriod) : 'annual';
  const t = params.get('loai');
  const qcdcType = (QCDC_TYPES as readonly string[]).includes(t ?? '') ? (t as QcdcType) : 'xa_phuong';
  const set = (next: { year?: number; period?: QcdcPeriod; qcdcType?: QcdcType }) => {
    const q = new URLSearchParams(params);
    if (next.year) q.set('nam', String(next.year));
    if (next.period) q.set('ky', next.period);
    if (next.qcdcType) q.set('loai', next.qcdcType);
    setParams(q);
  };
  return { year, period, qcdcType, set };
}

/** "Cả năm 2022", "6 tháng đầu năm 2022", "Chuyên đề 2022" (the labels already say "năm" where it belongs). */
export function periodText(period: QcdcPeriod, year: number): string {
  return `${QCDC_PERIOD_LABELS[period]} ${year}`;
}
