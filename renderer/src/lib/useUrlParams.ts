import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A screen's state kept in the address (tab, open record…), so a reload, the back button and links
 * from other screens land on the same view. `go({ tab: 'x', id: null })` sets or removes parameters.
 */
export function useUrlParams(): [URLSearchParams, (next: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const go = useCallback(
    (next: Record<string, string | null>) => {
      const p = new URLSearchParams(params);
      for (const [k, v] of Object.entries(next)) {
        if (v) p.set(k, v);
        else p.delete(k);
      }
      setParams(p);
    },
    [params, setParams],
  );
  return [params, go];
}
