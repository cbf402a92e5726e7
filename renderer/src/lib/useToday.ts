import { useApiQuery } from './query';
import { todayIso } from './format';

/**
 * Today's date (`YYYY-MM-DD`) as the app's core sees it (`system.info.today`), so the header, the
 * default dates of new records and the overdue rules computed in the main process agree. Until the
 * first answer arrives (a few milliseconds) the browser's own date stands in: on the officer's PC both
 * come from the same clock. Refreshed every minute so the date turns over at midnight.
 */
export function useToday(): string {
  const info = useApiQuery('system.info', {}, { refetchInterval: 60_000, staleTime: 30_000 });
  return info.data?.today ?? todayIso();
}
