import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import type { QueryClient } from '@tanstack/react-query';
import { createHashRouter, Navigate, Outlet, RouterProvider, useLocation, useNavigate } from 'react-router';
import { AppProviders, createQueryClient } from './providers';
import { Shell } from './Shell';
import { AREAS } from './areas';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { showInfo } from '../components/notify';
import { api, currentTransport, onEvent } from '../lib/api';
import { useApiQuery } from '../lib/query';
import { SafetyGate } from '../features/users/SafetyGate';
import './app.css';

export { createQueryClient } from './providers';

export const SETUP_PATH = '/thiet-lap';

const SetupWizard = lazy(() => import('../features/setup/SetupWizard'));

/**
 * Around every route: sends a fresh installation (settings never saved) to the first-run wizard,
 * once, at start — the officer may leave the wizard and come back through Cài đặt — and shows
 * the main process's `app.notify` messages (due tasks at start-up…) as notifications.
 */
function Root() {
  const navigate = useNavigate();
  const location = useLocation();
  const settings = useApiQuery('settings.get', {});
  const checked = useRef(false);

  useEffect(() => {
    if (checked.current || !settings.data) return;
    checked.current = true;
    if (!settings.data.configured && !location.pathname.startsWith(SETUP_PATH)) navigate(SETUP_PATH, { replace: true });
  }, [settings.data, location.pathname, navigate]);

  useEffect(() => onEvent('app.notify', (event) => showInfo(event.title, event.body)), []);

  // The desktop app shows the due-tasks notice as an OS notification at start; in a browser
  // (harness) the page asks for it once it opens, since no page was listening at start-up.
  const noticeAsked = useRef(false);
  useEffect(() => {
    if (noticeAsked.current || !settings.data?.configured || currentTransport() !== 'harness') return;
    // After the first screen's own calls: the count reads every open task (~0.7 s at national scale).
    const timer = setTimeout(() => {
      noticeAsked.current = true;
      api('tasks.dueNotice', {})
        .then((n) => {
          if (n.overdue + n.dueSoon > 0) showInfo(n.title, n.body);
        })
        .catch(() => undefined);
    }, 1500);
    return () => clearTimeout(timer);
  }, [settings.data?.configured]);

  // Decide first-run before painting a page, so a fresh install never flashes the overview.
  // (An unreadable settings row must not keep the loader forever: the safety gate explains it.)
  const deciding = (settings.isPending && !settings.isError) || (settings.data && !checked.current && !settings.data.configured && !location.pathname.startsWith(SETUP_PATH));
  if (deciding) {
    return (
      <Center h="100vh">
        <Loader aria-label="Đang tải" />
      </Center>
    );
  }
  // The lock screen and the damaged-database screen stand in front of every page.
  return (
    <SafetyGate>
      <Outlet />
    </SafetyGate>
  );
}

function SetupRoute() {
  return (
    <ErrorBoundary>
      <Suspense
        fallback={
          <Center h="100vh">
            <Loader aria-label="Đang tải" />
          </Center>
        }
      >
        <SetupWizard />
      </Suspense>
    </ErrorBoundary>
  );
}

export function createAppRouter() {
  return createHashRouter([
    {
      element: <Root />,
      children: [
        // Full page, outside the shell: the first-run wizard has its own layout.
        { path: `${SETUP_PATH}/*`, element: <SetupRoute /> },
        {
          path: '/',
          element: <Shell />,
          children: [
            { index: true, element: <Navigate to="/tong-quan" replace /> },
            ...AREAS.map((area) => ({ path: `${area.path.slice(1)}/*`, element: <area.page /> })),
            { path: '*', element: <Navigate to="/tong-quan" replace /> },
          ],
        },
      ],
    },
  ]);
}

export function App({ queryClient }: { queryClient?: QueryClient }) {
  // Created once per mounted app, not on every render.
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [router] = useState(createAppRouter);
  return (
    <AppProviders queryClient={client}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
