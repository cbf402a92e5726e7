import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useUrlParams } from '../lib/useUrlParams';

/** Where a page keeps its current tab in the address. */
export type TabPlace =
  /** `?tab=<value>`; `clear` names the parameters that belong to a tab and go when it changes (`?plan=`). */
  | { param: string; clear?: readonly string[] }
  /** `/<base>/<value>`; the fallback tab is the bare `/<base>` unless `fallbackInPath`. */
  | { path: string; fallbackInPath?: boolean };

/**
 * The page's tab, read from and written to the address, so a reload, the back button and links
 * from other screens (`/ke-hoach?tab=lich`, `/don-vi/thanh-vien`) land on the same tab. An unknown
 * or missing value reads as `fallback`.
 *
 *   const [tab, setTab] = useUrlTab(['hom-nay', 'ke-hoach'], 'hom-nay', { param: 'tab', clear: ['plan'] });
 *   <Tabs value={tab} onChange={setTab}>…
 */
export function useUrlTab<T extends string>(tabs: readonly T[], fallback: T, place: TabPlace): [T, (next: string | null) => void] {
  const [params, go] = useUrlParams();
  const location = useLocation();
  const navigate = useNavigate();
  const raw = 'param' in place ? params.get(place.param) : (location.pathname.slice(place.path.length).replace(/^\//, '').split('/')[0] ?? '');
  const tab = (tabs as readonly string[]).includes(raw ?? '') ? (raw as T) : fallback;

  const param = 'param' in place ? place.param : null;
  const clear = 'param' in place ? place.clear : undefined;
  const path = 'path' in place ? place.path : null;
  const fallbackInPath = 'path' in place && place.fallbackInPath === true;
  const setTab = useCallback(
    (next: string | null) => {
      if (!next) return;
      if (param !== null) {
        go({ [param]: next, ...Object.fromEntries((clear ?? []).map((k) => [k, null])) });
        return;
      }
      navigate(next === fallback && !fallbackInPath ? path! : `${path!}/${next}`);
    },
    [param, clear, path, fallback, fallbackInPath, go, navigate],
  );
  return [tab, setTab];
}
