import { useDeferredValue, useMemo } from 'react';
import { foldText } from '../../../shared/text';

/**
 * In-memory search for lists held in the renderer (units, members, catalogue entries…):
 * case, diacritics and đ/Đ are folded, every word of the query must appear ("dan van kheo",
 * "DÂN VẬN" and "dak lak" all match). Large registers search in SQLite (`search_text`) instead.
 */
export function filterFolded<T>(rows: readonly T[], query: string, text: (row: T) => Array<string | null | undefined>): T[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return rows.slice();
  return rows.filter((row) => {
    const haystack = foldText(text(row).filter(Boolean).join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * `filterFolded` for a search box: typing stays responsive on long lists because the filter runs
 * on a deferred copy of the query.
 *
 *   const [q, setQ] = useState('');
 *   const visible = useFoldedFilter(members, q, (m) => [m.fullName, m.position, m.unitName]);
 */
export function useFoldedFilter<T>(rows: readonly T[], query: string, text: (row: T) => Array<string | null | undefined>): T[] {
  const deferred = useDeferredValue(query);
  // `text` is usually an inline arrow; rows and query decide the result.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => filterFolded(rows, deferred, text), [rows, deferred]);
}
