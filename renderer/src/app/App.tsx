import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { theme } from './theme';
import { Shell } from './Shell';
import { AREAS } from './areas';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local database: data is fresh until a mutation invalidates it; no refetch storms on focus.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
}

export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to="/tong-quan" replace /> },
        ...AREAS.map((area) => ({ path: `${area.path.slice(1)}/*`, element: <area.page /> })),
        { path: '*', element: <Navigate to="/tong-quan" replace /> },
      ],
    },
  ]);
}

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={createAppRouter()} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
