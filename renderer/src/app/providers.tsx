import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/vi';
import { theme } from './theme';
import { ConfirmProvider } from '../components/ConfirmAction';

dayjs.extend(customParseFormat);
dayjs.locale('vi');

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Local database: data is fresh until a mutation invalidates it; no refetch storms on focus.
      queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: false },
      mutations: { retry: false },
    },
  });
}

/**
 * Everything a screen needs around it: Mantine theme, Vietnamese dates (dayjs 'vi', weeks from
 * Monday), notifications, react-query, the confirmation dialog. The app mounts it once; renderer
 * tests wrap a single page in it (tests/renderer/render.tsx) so they run the real components.
 */
export function AppProviders({
  children,
  queryClient,
  env,
}: {
  children: ReactNode;
  queryClient: QueryClient;
  /** 'test' turns off transitions and portals' delays in jsdom. */
  env?: 'default' | 'test';
}) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" env={env}>
      <DatesProvider settings={{ locale: 'vi', firstDayOfWeek: 1, weekendDays: [0] }}>
        <Notifications position="top-right" limit={4} />
        <QueryClientProvider client={queryClient}>
          <ConfirmProvider>{children}</ConfirmProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
