import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../lib/query';

const thisYear = new Date().getFullYear();

/**
 * The year shown by Tổng quan and Báo cáo: `?nam=2022` in the URL (so a link or a reload keeps
 * it), else the latest year that has model records, else this year.
 */
export function useYear(): { year: number | null; setYear: (y: number) => void; options: { value: string; label: string }[] } {
  const [params, setParams] = useSearchParams();
  const years = useApiQuery('models.years', {});
  // Every year with data — meetings and tasks too, not only model records (a December
  // conference's tasks belong to the next year).
  const dataYears = useApiQuery('overview.years', {});
  const fromUrl = Number(params.get('nam'));
  const year = fromUrl >= 1990 && fromUrl <= 2100 ? fromUrl : years.data ? (years.data[0]?.year ?? thisYear) : null;
  const options = useMemo(() => {
    const set = new Set<number>([thisYear, ...(years.data ?? []).map((y) => y.year), ...(dataYears.data ?? [])]);
    if (year) set.add(year);
    return [...set].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `Năm ${y}` }));
  }, [years.data, dataYears.data, year]);
  const setYear = (y: number) => {
    const p = new URLSearchParams(params);
    p.set('nam', String(y));
    setParams(p);
  };
  return { year, setYear, options };
}
